import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { runCli } from '../../src/cli/run';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import type { QuestionNode } from '../../src/core/guideTree';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { EXTENSION_ID, closeAllEditors, internals, waitFor, workspaceTempFolder } from './helpers';

const GUIDE = 'sociale-medier-i-lokalpolitikken';

/** `dialogue-guide args…` run in this process in `cwd`, as CI would run it; its exit code and output. */
async function dialogueGuideCli(cwd: string, args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const installFolder = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const status = await runCli(args, { cwd, env: {}, installFolder, writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** Inserts an answer after a question's marker in `text`. */
function withAnswer(text: string, questionId: string, answer: string): string {
  return text.replace(`${markerFor(questionId)}\n`, `${markerFor(questionId)}\n\n${answer}\n`);
}

describe('Review against a Git base', () => {
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;
  let uri: vscode.Uri;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder.fsPath, encoding: 'utf8' });

  before(async () => {
    api = await internals();
    folder = await workspaceTempFolder();
    const guide = api.guides.guide(GUIDE)!;
    const committed = withAnswer(scaffoldStrategyDocument(guide, { title: 'Review', organisation: '' }), 'sociale-medier/platforme', 'Facebook.');
    uri = vscode.Uri.joinPath(folder, 'strategi.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(committed));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'Test');
    git('add', '.');
    git('commit', '-q', '-m', 'Første svar');
    await vscode.commands.executeCommand('git.openRepository', folder.fsPath);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    await folder.dispose();
  });

  it('marks a changed and a new answer in the tree after an edit, and counts them', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const text = document.getText();
    const edited = withAnswer(text.replace('Facebook.', 'Facebook og LinkedIn.'), 'samspil/behov', 'Hurtige svar fra forvaltningen.');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), edited);
    await vscode.workspace.applyEdit(edit);

    const state = await waitFor('the review', async () => {
      const current = await api.review.refresh();
      return current?.status === 'ready' && current.review.counts.changed === 1 && current.review.counts.new === 1 ? current : undefined;
    }, 20_000);
    assert.equal(state.base, 'HEAD');
    const mark = (id: string) => (api.model.question(GUIDE, id) as QuestionNode).review;
    await waitFor('tree marks', () => mark('sociale-medier/platforme') === 'changed' && mark('samspil/behov') === 'new');
    assert.equal(mark('sociale-medier/formaal'), 'unchanged');
    assert.match(api.view.description ?? '', /2/);
  });

  it('opens the diff editor on one question with its base and current answer', async () => {
    const node = api.model.question(GUIDE, 'sociale-medier/platforme');
    await vscode.commands.executeCommand('dialogueGuide.compareWithBase', node);
    const tab = await waitFor('a diff tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.scheme, 'dialogue-guide-answer');
    const base = await vscode.workspace.openTextDocument(tab.original);
    const now = await vscode.workspace.openTextDocument(tab.modified);
    assert.equal(base.getText(), 'Facebook.');
    assert.equal(now.getText(), 'Facebook og LinkedIn.');
  });

  it('steps through the changed answers, each in its own diff', async () => {
    const diffOf = () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input.modified.path : undefined;
    };
    await api.view.reveal(api.model.question(GUIDE, 'sociale-medier/platforme')!, { select: true });
    await vscode.commands.executeCommand('dialogueGuide.nextChangedAnswer');
    await waitFor('the next changed answer', () => diffOf() === '/samspil/behov.md');
    assert.equal((api.view.selection[0] as QuestionNode).questionId, 'samspil/behov');
    await vscode.commands.executeCommand('dialogueGuide.nextChangedAnswer');
    await waitFor('wrapping around', () => diffOf() === '/sociale-medier/platforme.md');
    await vscode.commands.executeCommand('dialogueGuide.previousChangedAnswer');
    await waitFor('the previous changed answer', () => diffOf() === '/samspil/behov.md');
  });

  it('says so when the base is not a ref of the repository', async () => {
    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', 'no-such-branch', vscode.ConfigurationTarget.Workspace);
    const state = await waitFor('the review', async () => {
      const current = await api.review.refresh();
      return current?.base === 'no-such-branch' ? current : undefined;
    });
    assert.deepEqual(state.status === 'unavailable' && state.reason, { kind: 'unknownRef', shallow: false });
    await waitFor('the marks to clear', () => (api.model.question(GUIDE, 'sociale-medier/platforme') as QuestionNode).review === undefined);
  });

  it('treats every answer as new when the document is not in the base yet', async () => {
    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', 'HEAD', vscode.ConfigurationTarget.Workspace);
    const fresh = vscode.Uri.joinPath(folder, 'ny.md');
    await vscode.workspace.fs.writeFile(fresh, new TextEncoder().encode(withAnswer(scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Ny', organisation: '' }), 'samspil/behov', 'Svar.')));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fresh));
    const state = await waitFor('the review', async () => {
      const current = await api.review.refresh();
      return current?.uri.toString() === fresh.toString() ? current : undefined;
    });
    assert.equal(state.status, 'ready');
    assert.equal(state.review.notInBase, true);
    assert.equal(state.review.counts.new, 1);
  });

  it('counts a document in one theme exactly as the CLI diff does', async () => {
    const one = vscode.Uri.joinPath(folder, 'et-tema.md');
    const write = (text: string) => vscode.workspace.fs.writeFile(one, new TextEncoder().encode(text));
    const committed = withAnswer(scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Ét tema', organisation: '', themes: ['sociale-medier'] }), 'sociale-medier/platforme', 'Facebook.');
    await write(committed);
    git('add', 'et-tema.md');
    git('commit', '-q', '-m', 'Ét tema');
    // Saved, not only edited: the CLI reads the file from disk.
    await write(withAnswer(committed.replace('Facebook.', 'Facebook og LinkedIn.'), 'sociale-medier/formaal', 'At lytte.'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(one));
    const editor = await waitFor('the review', async () => {
      const current = await api.review.refresh();
      return current?.uri.toString() === one.toString() && current.status === 'ready' && current.review.counts.changed === 1 ? current.review : undefined;
    }, 20_000);

    const run = await dialogueGuideCli(folder.fsPath, ['diff', '--base', 'HEAD', '--format', 'json', 'et-tema.md']);
    assert.equal(run.status, 0, run.stderr);
    const [cli] = (JSON.parse(run.stdout) as { documents: { counts: unknown; questions: { id: string }[] }[] }).documents;
    const inTheme = api.guides.guide(GUIDE)!.themes.find((t) => t.id === 'sociale-medier')!.questions.length;
    assert.deepEqual(editor.counts, { new: 1, changed: 1, unchanged: inTheme - 2, removed: 0 }, 'the questions of the one theme, not of the whole guide');
    assert.deepEqual(cli?.counts, editor.counts);
    assert.deepEqual(cli?.questions.map((q) => q.id), editor.questions.map((q) => q.questionId));
  });
});
