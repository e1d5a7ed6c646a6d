import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import type { QuestionNode } from '../../src/core/guideTree';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor, workspaceTempFolder } from './helpers';

const GUIDE = 'sociale-medier-i-lokalpolitikken';

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
      return current?.status === 'ok' && current.review?.counts.changed === 1 && current.review.counts.new === 1 ? current : undefined;
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
    assert.equal(state.status, 'unknownRef');
    assert.equal(state.review, undefined);
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
    assert.equal(state.status, 'notInBase');
    assert.equal(state.review?.counts.new, 1);
  });
});
