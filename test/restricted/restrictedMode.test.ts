import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { internals, waitFor, webviewTabs } from '../integration/helpers';

describe('Restricted Mode', () => {
  it('runs in a folder that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('shows the guide in the tree and opens the quotes', async () => {
    const api = await internals();
    assert.equal(api.model.roots[0]?.children.length, 4);
    await vscode.commands.executeCommand('workbench.view.extension.dialogueGuide');
    const node = api.model.question('sociale-medier-i-lokalpolitikken', 'digital-deltagelse/muligheder');
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', node);
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);
  });

  it('does not write a strategy document, and says why', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(folder, 'strategy', 'restricted.md');
    const result = await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: 'sociale-medier-i-lokalpolitikken', title: 'X', uri: uri.toString() });
    assert.equal(result, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri)), 'no file was written');
  });

  it('does not export a strategy document', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const target = vscode.Uri.joinPath(folder, 'strategy', 'restricted.html');
    const result = await vscode.commands.executeCommand('dialogueGuide.exportDocument', vscode.Uri.joinPath(folder, 'strategy', 'strategi.md'), { format: 'html', target });
    assert.equal(result, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file was written');
  });
});
