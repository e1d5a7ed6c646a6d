import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor, parseStrategyDocument } from '../../src/core/strategyDocument';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import type { MeetingPanel } from '../../src/extension/meeting/meetingPanel';
import type { MeetingView, SummaryView } from '../../src/webview/meetingMessages';
import { closeAllEditors, internals, waitFor, webviewTabs } from './helpers';
import { captureMessages } from './messages';

const GUIDE = 'sociale-medier-i-lokalpolitikken';
const FIRST = 'sociale-medier/platforme';
const SECOND = 'sociale-medier/formaal';

describe('Meeting', () => {
  let api: DialogueGuideInternals;
  let meeting: MeetingPanel;
  let document: vscode.TextDocument;

  before(async () => {
    api = await internals();
    meeting = await api.meeting();
  });

  beforeEach(async () => {
    // An untitled document: never saved, so everything the meeting writes is an unsaved edit.
    const text = scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Strategi', organisation: 'Eksempel Kommune' });
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.startMeeting', document.uri, { minutesPerQuestion: 0 }), true);
  });

  afterEach(async () => {
    await meeting.end();
    // An untitled document asks to be saved when closed; it is reverted instead.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  function shown(): MeetingView {
    const message = meeting.lastMessage;
    assert.equal(message?.type, 'show');
    return (message as { view: MeetingView }).view;
  }

  /** The section answers of the document as it is now (unsaved), by question id. */
  function answers(): Record<string, string> {
    const parsed = parseStrategyDocument(document.getText(), 'x');
    return Object.fromEntries(parsed.sections.filter((s) => s.answer !== '').map((s) => [s.questionId, s.answer]));
  }

  /** Types `text` into the notes field as the page does: the whole field, on top of the note it was given. */
  async function type(text: string): Promise<void> {
    const view = shown();
    await meeting.receive({ type: 'editNote', questionId: view.question.id, text, version: view.note.version });
  }

  /** Replaces the answer lines below `questionId`'s marker in the editor's document, as typing there would. */
  async function typeInEditor(questionId: string, text: string): Promise<void> {
    const line = document.getText().split('\n').indexOf(markerFor(questionId));
    assert.ok(line >= 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line + 1, 0, line + 2, 0), `\n${text}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }

  it('opens on question 1.1 in a panel of its own, with the theme and its quotes', async () => {
    await waitFor('the meeting tab', () => webviewTabs('dialogueGuide.meeting').length === 1);
    const view = shown();
    assert.equal(view.question.id, FIRST);
    assert.equal(view.question.number, '1.1');
    assert.deepEqual(view.progress, { index: 0, total: 18, inTheme: 0, themeTotal: 6 });
    assert.ok(view.quotes.length > 0, 'the first theme has quotes');
    assert.ok(view.quotes.every((q) => q.speaker !== ''));
    assert.equal(view.note.writable, vscode.workspace.isTrusted);
    assert.equal(api.documents.active?.uri.toString(), document.uri.toString(), 'the status bar counts this document');
  });

  it('writes a note typed in the view into the right section of the unsaved document, and the answer count moves', async () => {
    await type('Facebook og LinkedIn.\nInstagram til unge.');
    await meeting.flush();
    assert.deepEqual(answers(), { [FIRST]: 'Facebook og LinkedIn.\nInstagram til unge.' });
    assert.ok(document.isDirty && document.isUntitled);
    await waitFor('one answered question', () => api.documents.get(document.uri)?.analysis.answered === 1);

    await meeting.receive({ type: 'next' });
    assert.equal(shown().question.id, SECOND);
    assert.equal(shown().note.text, '');
    await type('Dialog med borgerne.');
    await meeting.receive({ type: 'previous' });
    assert.deepEqual(answers(), { [FIRST]: 'Facebook og LinkedIn.\nInstagram til unge.', [SECOND]: 'Dialog med borgerne.' }, 'moving on writes what was typed');
    assert.equal(shown().note.text, 'Facebook og LinkedIn.\nInstagram til unge.');
    await waitFor('two answered questions', () => api.documents.get(document.uri)?.analysis.answered === 2);
  });

  it('writes after a pause, as one undoable edit', async () => {
    const before = document.getText();
    await type('F');
    await type('Fa');
    await type('Facebook.');
    await waitFor('the note written after the pause', () => answers()[FIRST] === 'Facebook.');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before, 'one undo takes the whole pause back');
    await waitFor('the view following the undo', () => shown().note.text === '');
  });

  it('shows what is typed in the editor in the view', async () => {
    const version = shown().note.version;
    await typeInEditor(FIRST, 'Skrevet i editoren.');
    await waitFor('the editor’s text in the view', () => shown().note.text === 'Skrevet i editoren.');
    assert.ok(shown().note.version > version, 'the page replaces its field');
    assert.equal(shown().note.kept, undefined);
  });

  it('loses neither text when the editor and the view change the same section at once', async () => {
    await type('Skrevet i mødet.');
    await typeInEditor(FIRST, 'Skrevet i editoren.');
    await meeting.flush();
    await waitFor('the document’s text in the view', () => shown().note.text === 'Skrevet i editoren.');
    assert.deepEqual(answers(), { [FIRST]: 'Skrevet i editoren.' }, 'the document wins');
    assert.equal(shown().note.kept, 'Skrevet i mødet.', 'the meeting’s text is kept in view');
    assert.ok(shown().note.notice);

    await meeting.receive({ type: 'restoreKept' });
    assert.deepEqual(answers(), { [FIRST]: 'Skrevet i editoren.\n\nSkrevet i mødet.' });
    assert.equal(shown().note.kept, undefined);
    assert.equal(shown().note.text, 'Skrevet i editoren.\n\nSkrevet i mødet.');
  });

  it('keeps text typed on a note the document has since changed, and writes nothing of it', async () => {
    const stale = shown().note.version;
    await typeInEditor(FIRST, 'Fra editoren.');
    await waitFor('the view following the editor', () => shown().note.version !== stale);
    await meeting.receive({ type: 'editNote', questionId: FIRST, text: 'Fra mødet.', version: stale });
    await meeting.flush();
    assert.deepEqual(answers(), { [FIRST]: 'Fra editoren.' });
    assert.equal(shown().note.kept, 'Fra mødet.');
  });

  it('refuses a note that would end its section, says why, and keeps the text', async () => {
    await type('Svar.\n\n## Ny overskrift');
    await meeting.flush();
    assert.deepEqual(answers(), {});
    assert.ok(shown().note.notice);
    assert.equal(shown().note.kept, 'Svar.\n\n## Ny overskrift');
  });

  it('skips, goes to the next theme and to a question, and sums up at End Meeting without writing', async () => {
    await meeting.receive({ type: 'skip' });
    assert.equal(shown().question.id, SECOND);
    await meeting.receive({ type: 'nextTheme' });
    assert.equal(shown().question.number, '2.1');
    await meeting.receive({ type: 'goTo', index: 17 });
    assert.equal(shown().question.number, '4.4');
    const text = document.getText();
    await vscode.commands.executeCommand('dialogueGuide.endMeeting');
    assert.equal(document.getText(), text, 'End Meeting writes nothing');
    const message = meeting.lastMessage;
    assert.equal(message?.type, 'summary');
    const summary = (message as { summary: SummaryView }).summary;
    assert.deepEqual(summary.counts, { discussed: 3, skipped: 1, notReached: 14 });
    assert.deepEqual(summary.entries.slice(0, 2).map((e) => [e.number, e.outcome]), [['1.1', 'skipped'], ['1.2', 'discussed']]);
    assert.equal(meeting.isRunning, false);
    await meeting.receive({ type: 'copySummary' });
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^# .+\n/);
    assert.ok(copied.includes('| 1.1 '), copied);
  });
});

describe('Start Meeting on a file that cannot be opened', () => {
  it('says so, asks nothing and opens no view', async () => {
    await internals();
    const missing = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'strategy', 'findes-ikke.md');
    let result: unknown;
    const shown = await captureMessages(async () => {
      result = await vscode.commands.executeCommand('dialogueGuide.startMeeting', missing, { minutesPerQuestion: 0 });
    });
    assert.equal(result, false);
    assert.deepEqual(shown.map((m) => `${m.severity}: ${m.message}`), ['error: strategy/findes-ikke.md cannot be opened, so there is no meeting to hold over it.']);
    assert.equal(webviewTabs('dialogueGuide.meeting').length, 0);
  });
});
