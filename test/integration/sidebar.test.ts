import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allQuestions } from '../../src/core/guide';
import type { QuestionNode } from '../../src/core/guideTree';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { markerFor } from '../../src/core/strategyDocument';
import { closeAllEditors, internals, waitFor, webviewTabs, workspaceTempFolder } from './helpers';

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

describe('The quotes panel beside a strategy document', () => {
  const GUIDE = 'sociale-medier-i-lokalpolitikken';
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;
  let document: vscode.TextDocument;

  before(async () => {
    api = await internals();
    folder = await workspaceTempFolder();
    const uri = vscode.Uri.joinPath(folder, 'citater.md');
    await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, title: 'Strategi', organisation: 'Eksempel Kommune', uri: uri.toString() });
    document = await vscode.workspace.openTextDocument(uri);
  });

  after(async () => {
    api.quotes.setPinned(false);
    await closeAllEditors();
    await folder.dispose();
  });

  /** The editor with the cursor in `questionId`'s answer. */
  async function answerIn(questionId: string): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    const line = document.getText().split('\n').indexOf(markerFor(questionId)) + 1;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    return editor;
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('follows the question being answered into another theme, and stays put while pinned', async () => {
    await closeAllEditors();
    await answerIn('sociale-medier/formaal');
    await waitFor('the document to be parsed', () => api.documents.get(document.uri)?.analysis.guide !== undefined);
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', { guideId: GUIDE, questionId: 'sociale-medier/formaal', preserveFocus: true });
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);

    await answerIn('samspil/behov');
    await waitFor('the panel to follow the cursor to theme 4', () => api.quotes.current?.questionId === 'samspil/behov');

    api.quotes.setPinned(true);
    await answerIn('enkeltsager/fokus');
    await pause(500);
    assert.equal(api.quotes.current?.questionId, 'samspil/behov', 'a pinned panel keeps its question');

    api.quotes.setPinned(false);
    await answerIn('digital-deltagelse/graenser');
    await waitFor('the panel to follow again once unpinned', () => api.quotes.current?.questionId === 'digital-deltagelse/graenser');
  });

  it('keeps the keyboard in the editor when "Show quotes" above a heading is clicked', async () => {
    await closeAllEditors();
    await answerIn('sociale-medier/platforme');
    await waitFor('the document to be parsed', () => api.documents.get(document.uri)?.analysis.guide !== undefined);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lens = lenses.find((l) => l.command?.command === 'dialogueGuide.showQuotes' && (l.command.arguments?.[0] as { questionId?: string }).questionId === 'sociale-medier/inspiration');
    assert.ok(lens?.command);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);
    await pause(300);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'the editor keeps the focus');
    assert.ok(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputText, 'the active tab is the document, not the panel');
    const panelGroup = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('dialogueGuide.quotes')));
    assert.notEqual(panelGroup?.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'the quotes open beside the document, not over it');
    assert.equal(api.quotes.current?.questionId, 'sociale-medier/inspiration');
  });
});
