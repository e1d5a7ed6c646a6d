import * as assert from 'node:assert/strict';
import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { selectDocuments } from '../../src/cli/documents';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor, webviewTabs } from './helpers';

const GUIDE = 'sociale-medier-i-lokalpolitikken';
/** The one strategy document the editor and the CLI may find; the others sit in excluded folders. */
const FOUND = 'planer/Plan.MD';
const EXCLUDED = ['.github/plan.md', 'node_modules/x/plan.md'];

describe('Finding strategy documents', () => {
  let api: DialogueGuideInternals;
  let root: vscode.Uri;
  let found: vscode.Uri;

  before(async () => {
    api = await internals();
    root = vscode.workspace.workspaceFolders![0]!.uri;
    found = vscode.Uri.joinPath(root, FOUND);
    const text = new TextEncoder().encode(scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Plan', organisation: '' }));
    for (const path of [...EXCLUDED, FOUND]) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, path), text);
  });

  after(async () => {
    await closeAllEditors();
    for (const folder of ['.github', 'node_modules', 'planer']) await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, folder), { recursive: true, useTrash: false });
  });

  it('skips .github and node_modules in the editor exactly as the CLI does, and reads .MD', async () => {
    const listed = async () => (await api.documents.findAll()).map((uri) => vscode.workspace.asRelativePath(uri, false));
    await waitFor(`the index to list ${FOUND}`, async () => (await listed()).includes(FOUND));
    const cli = await selectDocuments(root.fsPath, [], (message) => message);
    assert.deepEqual(cli.documents.map((d) => relative(root.fsPath, d.file).split(sep).join('/')), await listed());
    assert.deepEqual(await listed(), [FOUND]);
  });

  it('shows a question clicked with no editor open in the first group, and its quotes in the group beside it', async () => {
    await closeAllEditors();
    const node = api.model.question(GUIDE, 'samspil/behov');
    await vscode.commands.executeCommand('_dialogueGuide.openQuestion', node);
    await assertSideBySide();
  });

  it('moves the quotes out of the group the document opens in', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', { guideId: GUIDE, questionId: 'samspil/behov' });
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);
    await vscode.commands.executeCommand('workbench.action.moveEditorToFirstGroup');
    await waitFor('the quotes in the first group', () => webviewTabs('dialogueGuide.quotes')[0]?.group.viewColumn === vscode.ViewColumn.One);
    await vscode.commands.executeCommand('_dialogueGuide.openQuestion', api.model.question(GUIDE, 'enkeltsager/fokus'));
    await assertSideBySide();
  });

  /** The found document is showing in the first group, with focus; the quotes show in another. */
  async function assertSideBySide(): Promise<void> {
    const documentTab = await waitFor('the document', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.isActive && t.input instanceof vscode.TabInputText && t.input.uri.toString() === found.toString()),
    );
    const quotesTab = await waitFor('the quotes', () => webviewTabs('dialogueGuide.quotes').find((t) => t.isActive));
    assert.equal(documentTab.group.viewColumn, vscode.ViewColumn.One);
    assert.notEqual(quotesTab.group.viewColumn, documentTab.group.viewColumn, 'the quotes are beside the document, not behind it');
    assert.equal(webviewTabs('dialogueGuide.quotes').length, 1);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), found.toString(), 'focus is in the document');
  }
});
