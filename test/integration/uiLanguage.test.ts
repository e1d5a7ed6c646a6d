import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, internals, waitFor, webviewTabs, workspaceTempFolder } from './helpers';

/** The messages of the diagnostics on `uri` (the extension's: nothing else reports on a strategy document here). */
function messages(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => d.message);
}

describe('The interface language (dialogueGuide.uiLanguage)', () => {
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;
  const configuration = () => vscode.workspace.getConfiguration('dialogueGuide');

  before(async () => {
    await internals();
    folder = await workspaceTempFolder();
  });

  after(async () => {
    await configuration().update('uiLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    await folder.dispose();
  });

  it('speaks Danish under an English display language with uiLanguage: da (diagnostics, the Coverage and meeting views), and English again with auto', async () => {
    assert.ok(!vscode.env.language.startsWith('da'), `the display language is ${vscode.env.language}`);
    const uri = vscode.Uri.joinPath(folder, 'sprog.md');
    await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: 'sociale-medier-i-lokalpolitikken', title: 'Sprog', uri: uri.toString() });
    const english = await waitFor('English diagnostics', () => messages(uri).find((m) => /^Question 1\.1 .* is not answered yet\.$/.test(m)));
    assert.ok(english);
    await vscode.commands.executeCommand('dialogueGuide.showCoverage');
    const coverageTab = () => webviewTabs('dialogueGuide.coverage')[0]?.label;
    await waitFor('the Coverage tab', () => coverageTab() === 'Coverage');
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.startMeeting', uri, { minutesPerQuestion: 0 }), true);
    const meetingTab = () => webviewTabs('dialogueGuide.meeting')[0]?.label;
    await waitFor('the meeting tab', () => meetingTab() === 'Meeting');
    await configuration().update('uiLanguage', 'da', vscode.ConfigurationTarget.Workspace);
    await waitFor('Danish diagnostics', () => messages(uri).some((m) => /^Spørgsmål 1\.1 .* er ikke besvaret endnu\.$/.test(m)));
    await waitFor('the Coverage tab in Danish', () => coverageTab() === 'Dækning');
    // The open meeting view is worded anew, and shows the question again once its page is ready.
    await waitFor('the meeting tab in Danish', () => meetingTab() === 'Møde');
    const api = await internals();
    await waitFor('the tree\'s message in Danish', () => api.view.message?.includes('besvaret'));
    const meeting = await api.meeting();
    await waitFor('the question shown again', () => meeting.lastMessage?.type === 'show' && meeting.lastMessage.view.question.number === '1.1');
    await vscode.commands.executeCommand('dialogueGuide.endMeeting');
    assert.ok(!messages(uri).some((m) => m.includes('is not answered yet')), 'no English message is left');
    await configuration().update('uiLanguage', 'auto', vscode.ConfigurationTarget.Workspace);
    await waitFor('English diagnostics again', () => messages(uri).some((m) => m === english));
  });
});
