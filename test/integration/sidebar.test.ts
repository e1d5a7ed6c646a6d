import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allQuestions } from '../../src/core/guide';
import type { QuestionNode } from '../../src/core/guideTree';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor, webviewTabs } from './helpers';

describe('The sidebar', () => {
  let api: DialogueGuideInternals;

  before(async () => {
    api = await internals();
    await vscode.workspace.getConfiguration('dialogueGuide').update('language', 'da', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.dialogueGuide');
  });

  after(closeAllEditors);

  it('shows the loaded guide: four themes and eighteen questions in the seed order', () => {
    const guide = api.guides.guide('sociale-medier-i-lokalpolitikken');
    assert.ok(guide, 'the built-in guide is loaded');
    const [root] = api.model.roots;
    assert.equal(api.model.roots.length, 1);
    assert.deepEqual(root!.children.map((t) => t.label), guide.themes.map((t) => t.title));
    assert.deepEqual(root!.children.flatMap((t) => t.children.map((q) => q.questionId)), allQuestions(guide).map((q) => q.id));
    assert.equal(root!.children[2]!.label, 'Om digital deltagelse');
  });

  it('reveals and selects a question row', async () => {
    const node = api.model.question('sociale-medier-i-lokalpolitikken', 'samspil/behov');
    assert.ok(node);
    await api.view.reveal(node, { select: true, focus: false, expand: true });
    await waitFor('the row to be selected', () => api.view.selection[0] === node);
  });

  it('opens one quotes panel and reuses it for the next question', async () => {
    await closeAllEditors();
    const first = api.model.question('sociale-medier-i-lokalpolitikken', 'digital-deltagelse/muligheder') as QuestionNode;
    const second = api.model.question('sociale-medier-i-lokalpolitikken', 'enkeltsager/fokus') as QuestionNode;
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', first);
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);
    assert.deepEqual(api.quotes.current, { guideId: first.guideId, questionId: first.questionId });
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', second);
    assert.deepEqual(api.quotes.current, { guideId: second.guideId, questionId: second.questionId });
    assert.equal(webviewTabs('dialogueGuide.quotes').length, 1, 'the panel is reused, not opened again');
  });

  it('switches the guide to English and back, keeping the rows', async () => {
    await vscode.commands.executeCommand('dialogueGuide.switchLanguage', 'en');
    await waitFor('English labels', () => api.model.roots[0]?.children[2]?.label === 'About digital participation');
    assert.equal(api.model.question('sociale-medier-i-lokalpolitikken', 'digital-deltagelse/graenser')?.label, 'Limits to involvement');
    await vscode.commands.executeCommand('dialogueGuide.switchLanguage', 'da');
    await waitFor('Danish labels', () => api.model.roots[0]?.children[2]?.label === 'Om digital deltagelse');
  });

  it('copies a question to the clipboard', async () => {
    const node = api.model.question('sociale-medier-i-lokalpolitikken', 'sociale-medier/platforme');
    await vscode.commands.executeCommand('dialogueGuide.copyQuestion', node);
    assert.equal(await vscode.env.clipboard.readText(), 'Hvilke sociale medier anvender I?');
  });
});
