import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { closeAllEditors, internals, waitFor, webviewTabs } from '../integration/helpers';

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

  it('presents the meeting but writes no note, and says why', async () => {
    const api = await internals();
    const text = scaffoldStrategyDocument(api.guides.guide('sociale-medier-i-lokalpolitikken')!, { title: 'Strategi', organisation: 'Eksempel Kommune' });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.startMeeting', document.uri, { minutesPerQuestion: 0 }), true);
    await waitFor('the meeting view', () => webviewTabs('dialogueGuide.meeting').length === 1);
    const meeting = await api.meeting();
    const shown = () => {
      const message = meeting.lastMessage;
      assert.equal(message?.type, 'show');
      return message.view;
    };
    assert.equal(shown().question.number, '1.1');
    assert.equal(shown().note.writable, false);
    assert.match(shown().note.notice ?? '', /Restricted Mode/);
    await meeting.receive({ type: 'editNote', questionId: shown().question.id, text: 'Noget.', version: shown().note.version });
    await meeting.flush();
    assert.equal(document.getText(), text, 'nothing was written');
    await meeting.end();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  it('warns about a changed quote, but neither restores nor inserts one', async () => {
    const api = await internals();
    const text = scaffoldStrategyDocument(api.guides.guide('sociale-medier-i-lokalpolitikken')!, { title: 'X', organisation: '', includeQuotes: true }).replace('det er eskaleret', 'det er steget');
    // A name of its own: VS Code may give a new untitled document the text of an earlier one with the same name.
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: 'citater.md' })), 'markdown');
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), text)));
    assert.equal(document.getText(), text);
    const warning = await waitFor('the quote warning', () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'quote.changed'));
    assert.equal(await vscode.commands.executeCommand('_dialogueGuide.repairMarker', document.uri, 'quote.changed', warning.range.start.line), false);
    const line = text.split('\n').indexOf('<!-- dialogue-guide: sociale-medier/formaal -->');
    editor.selection = new vscode.Selection(line + 1, 0, line + 1, 0);
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.insertQuote', { guideId: 'sociale-medier-i-lokalpolitikken', quoteId: 'enkeltsager/eskaleret' }), false);
    assert.equal(document.getText(), text, 'nothing was written');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('does not export a strategy document', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const target = vscode.Uri.joinPath(folder, 'strategy', 'restricted.html');
    const result = await vscode.commands.executeCommand('dialogueGuide.exportDocument', vscode.Uri.joinPath(folder, 'strategy', 'strategi.md'), { format: 'html', target });
    assert.equal(result, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file was written');
  });
});
