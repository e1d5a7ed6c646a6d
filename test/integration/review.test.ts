import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { runCli } from '../../src/cli/run';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import type { QuestionNode } from '../../src/core/guideTree';
import { reviewBaseRefs } from '../../src/extension/commands/reviewCommands';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { answerDiffTabs } from '../../src/extension/review/answerDiff';
import { changeCounts } from '../../src/extension/review/reviewMessages';
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

// First in the file: the tree's title says nothing about Git until review is asked for in this window.
describe('Review in a folder without Git', () => {
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;

  before(async () => {
    api = await internals();
    folder = await workspaceTempFolder();
    const uri = vscode.Uri.joinPath(folder, 'udkast.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Udkast', organisation: '' })));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('workbench.view.extension.dialogueGuide');
  });

  after(async () => {
    await vscode.commands.executeCommand('dialogueGuide.showAllQuestions');
    await closeAllEditors();
    await folder.dispose();
  });

  it('says nothing about Git in the tree title while the user is only drafting', async () => {
    await waitFor('the review', async () => {
      const current = await api.review.refresh();
      return current?.status === 'unavailable' && current.reason.kind === 'notRepository';
    });
    assert.equal(api.view.description, undefined);
  });

  it('says at once that there is no repository when asked to choose a base', async () => {
    const started = Date.now();
    // Resolves only when no quick pick waits for an answer: the command says why and returns.
    await vscode.commands.executeCommand('dialogueGuide.pickReviewBase');
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    await waitFor('the title to name the missing repository', () => api.view.description === 'no Git repository');
  });

  it('says why the themes are empty when only changed answers are shown without a review', async () => {
    await vscode.commands.executeCommand('dialogueGuide.showOnlyChanged');
    await waitFor('the view message', () => /Only changed answers are shown.*not in a Git repository/.test(api.view.message ?? ''));
    await vscode.commands.executeCommand('dialogueGuide.showAllQuestions');
    await waitFor('the note to go', () => !/Only changed answers/.test(api.view.message ?? ''));
  });
});

describe('Review against a Git base', () => {
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;
  let uri: vscode.Uri;

  let origin: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder.fsPath, encoding: 'utf8' });
  const settingsFile = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.vscode', 'settings.json');
  const settingsText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(settingsFile()).then(undefined, () => new Uint8Array()));

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
    git('branch', 'kollega/svar');
    git('tag', 'v1.0');
    // A colleague's repository, outside the workspace, as the remote "origin" with a branch of its own.
    origin = mkdtempSync(join(tmpdir(), 'dg-origin-'));
    execFileSync('git', ['clone', '-q', folder.fsPath, origin]);
    execFileSync('git', ['branch', 'udkast'], { cwd: origin });
    git('remote', 'add', 'origin', origin);
    git('fetch', '-q', 'origin');
    await vscode.commands.executeCommand('git.openRepository', folder.fsPath);
  });

  after(async () => {
    await api.review.chooseBase(uri, undefined);
    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    await folder.dispose();
    rmSync(origin, { recursive: true, force: true });
  });

  it('offers the branches, tags and remote branches of the repository as bases', async () => {
    const refs = await reviewBaseRefs(api.review, uri);
    const byName = new Map(refs.map((r) => [r.name, r.type]));
    assert.equal(byName.get('main'), 0);
    assert.equal(byName.get('kollega/svar'), 0);
    assert.equal(byName.get('v1.0'), 2);
    assert.equal(byName.get('origin/main'), 1);
    assert.equal(byName.get('origin/udkast'), 1);
    assert.ok(!byName.has('origin/HEAD'), 'a remote HEAD only repeats its default branch');
  });

  it('counts each kind of change, in words', () => {
    assert.equal(changeCounts({ new: 1, changed: 2, unchanged: 7, removed: 1 }), '1 new, 2 changed, 1 removed');
    assert.equal(changeCounts({ new: 0, changed: 1, unchanged: 7, removed: 3 }), '1 changed, 3 removed');
    assert.equal(changeCounts({ new: 0, changed: 0, unchanged: 7, removed: 0 }), undefined);
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
    const mark = (id: string) => api.model.marks(api.model.question(GUIDE, id) as QuestionNode).review;
    await waitFor('tree marks', () => mark('sociale-medier/platforme') === 'changed' && mark('samspil/behov') === 'new');
    assert.equal(mark('sociale-medier/formaal'), 'unchanged');
    await waitFor('the title to count each kind', () => api.view.description === '1 new, 1 changed since HEAD');
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

  it('goes on from the row whose diff button was pressed', async () => {
    const diffOf = () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input.modified.path : undefined;
    };
    await api.view.reveal(api.model.question(GUIDE, 'sociale-medier/platforme')!, { select: true });
    // The inline button passes its row and does not select it.
    await vscode.commands.executeCommand('dialogueGuide.compareWithBase', api.model.question(GUIDE, 'samspil/behov'));
    await waitFor('the diff of the row', () => diffOf() === '/samspil/behov.md');
    await vscode.commands.executeCommand('dialogueGuide.nextChangedAnswer');
    await waitFor('the changed answer after that row', () => diffOf() === '/sociale-medier/platforme.md');
  });

  it('keeps a chosen base for this user, not in the settings file, and over the setting', async () => {
    const before = await settingsText();
    await vscode.commands.executeCommand('dialogueGuide.pickReviewBase', 'kollega/svar');
    assert.equal(api.review.current?.base, 'kollega/svar');
    assert.equal(await settingsText(), before, '.vscode/settings.json is the team\'s file');
    assert.equal(vscode.workspace.getConfiguration('dialogueGuide').inspect('review.base')?.workspaceValue, undefined);

    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', 'v1.0', vscode.ConfigurationTarget.Workspace);
    assert.equal((await api.review.refresh())?.base, 'kollega/svar', 'the personal choice wins over the setting');
    assert.equal((await api.review.chooseBase(uri, undefined))?.base, 'v1.0', 'and the setting is followed again once it is let go');
    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('says so when the base is not a ref of the repository, and closes its open answer diffs', async () => {
    await waitFor('a review at HEAD', async () => (await api.review.refresh())?.status === 'ready');
    await vscode.commands.executeCommand('dialogueGuide.compareWithBase', api.model.question(GUIDE, 'sociale-medier/platforme'));
    await waitFor('a diff tab', () => answerDiffTabs(uri).length > 0);
    await vscode.commands.executeCommand('dialogueGuide.pickReviewBase', 'no-such-branch');
    const state = await waitFor('the review', () => (api.review.current?.base === 'no-such-branch' ? api.review.current : undefined));
    assert.deepEqual(state.status === 'unavailable' && state.reason, { kind: 'unknownRef', shallow: false });
    // Left open, its empty base side would show the unchanged answer as new.
    await waitFor('the answer diffs to close', () => answerDiffTabs(uri).length === 0);
    assert.equal(api.view.description, 'base no-such-branch not found');
    await waitFor('the marks to clear', () => api.model.marks(api.model.question(GUIDE, 'sociale-medier/platforme') as QuestionNode).review === undefined);
  });

  it('treats every answer as new when the document is not in the base yet', async () => {
    await api.review.chooseBase(uri, undefined);
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
