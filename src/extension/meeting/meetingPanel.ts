import * as vscode from 'vscode';
import { onDidChangeUiLanguage, t } from '../l10n';
import { findQuestion, type Guide } from '../../core/guide';
import { lineBreakOf } from '../../core/lines';
import { endMeeting, goTo, nextTheme, skip, startMeeting, step, type Meeting, type MeetingQuestion } from '../../core/meeting';
import { normaliseNote, noteOf, planNoteEdit, type NoteRefusal } from '../../core/sectionNote';
import { parseStrategyDocument } from '../../core/strategyDocument';
import { isMeetingPageMessage, type MeetingHostMessage, type MeetingPageMessage, type MeetingStrings, type NoteView, type SummaryView } from '../../webview/meetingMessages';
import { buildMeetingView, buildSummaryView, summaryMarkdown } from '../../webview/meetingState';
import { buildPageHtml } from '../../webview/pageHtml';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';
import { pageFrame, webviewPanelOptions } from '../webviewPage';

/** A note is written this long after the last keystroke: one undo step per pause, not per letter. */
const NOTE_DELAY_MS = 400;

/** Why a note is not written now: a refusal of the plan, an edit VS Code did not apply, or Restricted Mode. */
type NoteProblem = NoteRefusal | 'failed' | 'restricted';

/** A running meeting over one strategy document. */
interface Session {
  readonly uri: vscode.Uri;
  meeting: Meeting;
  /** The current question's note as the document last said it (or as just written); undefined without a section. */
  docNote: string | undefined;
  /** Counts the notes the page was given; an edit typed on an older one was typed on a text the document no longer has. */
  version: number;
  /** What the page typed for the current question and is not written yet. */
  pending: string | undefined;
  /** Text typed in the meeting that is not in the document (refused, or overtaken by the document), by question. */
  readonly unwritten: Map<string, string>;
  problem: NoteProblem | undefined;
}

/** How a meeting could not start. */
export type MeetingStartResult = 'started' | 'noGuide' | 'noQuestions';

/**
 * The meeting view: one webview panel over a strategy document, one question at a time. Its
 * notes field is bound to the question's section: typing there is written into the document (a
 * debounced, undoable WorkspaceEdit, unsaved documents included), and the document's own changes
 * show in the field. The document is the truth: when both changed, the field shows the document
 * and keeps what was typed beside it, never overwriting either.
 */
export class MeetingPanel implements vscode.Disposable {
  static readonly viewType = 'dialogueGuide.meeting';

  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private session: Session | undefined;
  private summary: SummaryView | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Writes one after another, so each plans against the text the one before left. */
  private writing: Promise<void> = Promise.resolve();
  /** Whether the meeting put the window into Zen mode, so End Meeting takes it out again. */
  private enteredZenMode = false;
  private readonly running = new vscode.EventEmitter<boolean>();
  /** Fires when a meeting starts or ends. */
  readonly onDidChangeRunning = this.running.event;
  private posted: MeetingHostMessage | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly documents: StrategyDocuments,
    guides: GuideService,
    /** The time in milliseconds; the tests may stop it. */
    private readonly clock: () => number = Date.now,
  ) {
    this.disposables = [
      this.running,
      documents.onDidChange((uri) => this.documentChanged(uri)),
      // A reload or a change of guide language shows the question anew, in the new language.
      guides.onDidChange(() => this.post()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.post()),
      // The page's words are in its HTML: a new interface language loads it again, and it says `ready` again.
      onDidChangeUiLanguage(() => {
        if (this.panel) this.load(this.panel);
      }),
    ];
  }

  /** The last message posted to the page: what the view shows (the integration tests read it). */
  get lastMessage(): MeetingHostMessage | undefined {
    return this.posted;
  }

  /** Whether a meeting is running (not ended). */
  get isRunning(): boolean {
    return this.session !== undefined;
  }

  /** The document of the running meeting. */
  get documentUri(): vscode.Uri | undefined {
    return this.session?.uri;
  }

  /** Shows the meeting view where it is. */
  reveal(): void {
    this.panel?.reveal();
  }

  /**
   * Starts a meeting over the questions `uri` covers, at the first, and shows it in the active
   * editor group; `perQuestionMs` sets the timer. A running meeting ends first.
   */
  async start(uri: vscode.Uri, perQuestionMs: number | undefined): Promise<MeetingStartResult> {
    const entry = this.documents.get(uri);
    const guide = entry?.analysis.guide;
    if (!entry || !guide) return 'noGuide';
    const questions: MeetingQuestion[] = entry.analysis.themes.flatMap((t) => t.questions.map((q) => ({ id: q.question.id, themeId: t.theme.id })));
    if (questions.length === 0) return 'noQuestions';
    if (this.session) await this.end();
    const meeting = startMeeting(questions, this.clock(), perQuestionMs);
    this.session = { uri, meeting, docNote: undefined, version: 0, pending: undefined, unwritten: new Map(), problem: undefined };
    this.summary = undefined;
    this.readNote(this.session);
    this.open();
    this.running.fire(true);
    this.post();
    return 'started';
  }

  /** Ends the meeting: writes what is still typed, then shows the summary. Writes nothing else. */
  async end(): Promise<void> {
    const session = this.session;
    if (!session) return;
    await this.flush();
    // Ended meanwhile (the End button and closing the view at once): the summary is made once.
    if (this.session !== session) return;
    session.meeting = endMeeting(session.meeting, this.clock());
    const guide = this.guideOf(session);
    this.summary = guide && buildSummaryView(session.meeting, guide, vscode.workspace.asRelativePath(session.uri), this.clock(), unwrittenNotes(session, guide));
    this.session = undefined;
    this.running.fire(false);
    if (this.enteredZenMode) {
      this.enteredZenMode = false;
      // Exit, not toggle: a no-op when the user has left Zen mode already.
      await vscode.commands.executeCommand('workbench.action.exitZenMode');
    }
    this.post();
  }

  /** Handles a message from the page (public so that the integration tests take the page's path). */
  async receive(message: MeetingPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // A page rebuilt after it was hidden shows the document's note: what was typed goes there first.
        await this.flush();
        this.post();
        return;
      case 'editNote':
        this.editNote(message.questionId, message.text, message.version);
        return;
      case 'restoreKept':
        await this.restoreKept();
        return;
      case 'fullScreen':
        this.enteredZenMode = !this.enteredZenMode;
        await vscode.commands.executeCommand('workbench.action.toggleZenMode');
        return;
      case 'end':
        await this.end();
        return;
      case 'copySummary':
        await this.copySummary();
        return;
      default:
        await this.move(message);
    }
  }

  /** Resolves when every note typed so far is written (or refused). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async move(message: Extract<MeetingPageMessage, { type: 'next' | 'previous' | 'nextTheme' | 'skip' | 'goTo' }>): Promise<void> {
    if (!this.session) return;
    await this.flush();
    const session = this.session;
    if (!session) return;
    const now = this.clock();
    const before = session.meeting.current;
    switch (message.type) {
      case 'next':
        session.meeting = step(session.meeting, 1, now);
        break;
      case 'previous':
        session.meeting = step(session.meeting, -1, now);
        break;
      case 'nextTheme':
        session.meeting = nextTheme(session.meeting, now);
        break;
      case 'skip':
        session.meeting = skip(session.meeting, now);
        break;
      case 'goTo':
        session.meeting = goTo(session.meeting, message.index, now);
        break;
    }
    if (session.meeting.current !== before) {
      session.problem = undefined;
      this.readNote(session);
    }
    this.post();
  }

  private editNote(questionId: string, text: string, version: number): void {
    const session = this.session;
    if (!session || questionId !== this.currentId(session) || !vscode.workspace.isTrusted) return;
    if (version !== session.version) {
      // Typed on a note the document no longer has: the document's stays, this text is kept.
      session.unwritten.set(questionId, text);
      session.version++;
      this.post();
      return;
    }
    session.pending = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), NOTE_DELAY_MS);
  }

  /** Writes the pending note, planned against the document as it is now. */
  private async write(): Promise<void> {
    const session = this.session;
    const text = session?.pending;
    if (!session || text === undefined) return;
    session.pending = undefined;
    const questionId = this.currentId(session);
    const result = await this.writeNote(session, questionId, session.docNote ?? '', text);
    if (result === 'written') {
      session.unwritten.delete(questionId);
      if (session.problem) {
        session.problem = undefined;
        this.post();
      }
      return;
    }
    session.unwritten.set(questionId, text);
    session.problem = result;
    // Overtaken by the document: the field shows the document's note again.
    if (result === 'changed' || result === 'failed') {
      this.readNote(session);
      session.version++;
    }
    this.post();
  }

  /** Writes `text` as the note of `questionId`, on top of `base`; 'written' also when there was nothing to change. */
  private async writeNote(session: Session, questionId: string, base: string, text: string): Promise<'written' | NoteProblem> {
    if (!vscode.workspace.isTrusted) return 'restricted';
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(session.uri);
    } catch {
      return 'failed';
    }
    const source = document.getText();
    const plan = planNoteEdit(source, parseStrategyDocument(source, session.uri.toString()), questionId, base, text);
    if (!plan.ok) return plan.reason;
    if (!plan.edit) return 'written';
    const { start, end } = plan.edit.range;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(session.uri, new vscode.Range(start.line, start.character, end.line, end.character), plan.edit.newText);
    // Known before the change event of this very edit arrives, so that it is not taken for someone else's.
    const previous = session.docNote;
    session.docNote = normaliseNote(text, lineBreakOf(source));
    if (await vscode.workspace.applyEdit(edit)) return 'written';
    // VS Code refuses an edit to a document that changed since it was read (typed in meanwhile).
    session.docNote = previous;
    return 'changed';
  }

  /** Puts the text the document overtook back, below the document's note. */
  private async restoreKept(): Promise<void> {
    await this.flush();
    const session = this.session;
    if (!session) return;
    const questionId = this.currentId(session);
    const kept = session.unwritten.get(questionId);
    if (kept === undefined) return;
    const base = session.docNote ?? '';
    const result = await this.writeNote(session, questionId, base, base.trim() === '' ? kept : `${base}\n\n${kept}`);
    if (result === 'written') {
      session.unwritten.delete(questionId);
      session.problem = undefined;
    } else {
      session.problem = result;
      this.readNote(session);
    }
    session.version++;
    this.post();
  }

  /** The document changed (typed in the editor, undone, or our own note): the field follows, unless it is our own. */
  private documentChanged(uri: vscode.Uri): void {
    const session = this.session;
    if (!session || uri.toString() !== session.uri.toString()) return;
    const note = this.noteInDocument(session);
    if (note === session.docNote) return;
    if (session.pending !== undefined) {
      // Both changed the section: the document wins, and what was typed is kept in view.
      clearTimeout(this.timer);
      session.unwritten.set(this.currentId(session), session.pending);
      session.pending = undefined;
      session.problem = 'changed';
    }
    session.docNote = note;
    session.version++;
    this.post();
  }

  private readNote(session: Session): void {
    session.docNote = this.noteInDocument(session);
  }

  private noteInDocument(session: Session): string | undefined {
    const entry = this.documents.get(session.uri);
    return entry && noteOf(entry.text, entry.parsed, this.currentId(session));
  }

  private currentId(session: Session): string {
    return session.meeting.questions[session.meeting.current]!.id;
  }

  private guideOf(session: Session): Guide | undefined {
    return this.documents.get(session.uri)?.analysis.guide;
  }

  /** The notes field as the page shows it: the document's note, whether it is written, and why not. */
  private noteView(session: Session, entry: ParsedDocument | undefined): NoteView {
    const questionId = this.currentId(session);
    let problem = session.problem;
    if (!vscode.workspace.isTrusted) problem = 'restricted';
    else if (!entry) problem = 'failed';
    else {
      // Whether the section can take a note at all (no section, twice, a conflict, ambiguous text).
      const current = noteOf(entry.text, entry.parsed, questionId) ?? '';
      const check = planNoteEdit(entry.text, entry.parsed, questionId, current, current);
      if (!check.ok) problem = check.reason;
    }
    const writable = problem === undefined || problem === 'changed' || problem === 'unsafe' || problem === 'failed';
    return { text: session.docNote ?? '', version: session.version, writable, notice: problem && noteNotice(problem), kept: session.unwritten.get(questionId) };
  }

  private async copySummary(): Promise<void> {
    if (!this.summary) return;
    try {
      await vscode.env.clipboard.writeText(summaryMarkdown(this.summary, meetingStrings()));
    } catch (error) {
      void vscode.window.showErrorMessage(t('Could not copy the summary: {0}', String(error)));
      return;
    }
    this.postMessage({ type: 'copied' });
  }

  private post(): void {
    const session = this.session;
    if (!session) {
      if (this.summary) this.postMessage({ type: 'summary', summary: this.summary });
      return;
    }
    const entry = this.documents.get(session.uri);
    const guide = entry?.analysis.guide;
    if (!guide) return;
    this.postMessage({ type: 'show', view: buildMeetingView(session.meeting, guide, vscode.workspace.asRelativePath(session.uri), this.noteView(session, entry), this.clock()) });
  }

  private postMessage(message: MeetingHostMessage): void {
    this.posted = message;
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  /** Opens the panel in the active editor group, where the document was, or reveals it. */
  private open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(MeetingPanel.viewType, t('Meeting'), vscode.ViewColumn.Active, webviewPanelOptions(this.extensionUri));
    this.panel = panel;
    this.load(panel);
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        // Closing the view ends the meeting; what was typed is written first.
        void this.end();
      }),
      // The page is rebuilt when it is shown again, and says `ready` again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isMeetingPageMessage(message)) void this.receive(message);
      }),
    );
  }

  /** Sets the page's title and HTML in the interface language; on `ready` it gets the document's note. */
  private load(panel: vscode.WebviewPanel): void {
    this.ready = false;
    panel.title = t('Meeting');
    panel.webview.html = buildPageHtml({
      ...pageFrame(panel.webview, this.extensionUri, { script: 'meetingPage.js', style: 'meeting.css' }),
      rootId: 'meeting',
      data: { strings: meetingStrings() },
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The notes typed in the meeting that the document does not have, for the summary. */
function unwrittenNotes(session: Session, guide: Guide): SummaryView['unwritten'] {
  return session.meeting.questions
    .filter((q) => session.unwritten.has(q.id))
    .map((q) => {
      const question = findQuestion(guide, q.id)?.question;
      return { number: question?.number ?? '', label: question?.label ?? q.id, text: session.unwritten.get(q.id)! };
    });
}

function noteNotice(problem: NoteProblem): string {
  switch (problem) {
    case 'restricted':
      return t('Restricted Mode: the notes are shown but not written to the document. Trust the folder to take notes here.');
    case 'noSection':
      return t('This question has no section in the document, so notes cannot be written. Add it with "Add Missing Questions".');
    case 'duplicate':
      return t('This question has more than one section in the document, so notes are not written. Remove the duplicate first.');
    case 'conflict':
      return t('The document has Git conflict markers, so notes are not written. Resolve the conflict first.');
    case 'ambiguous':
      return t('Some of the document cannot be told apart by question (see the Problems panel), so notes are not written.');
    case 'unsafe':
      return t("This note would reach outside the question's section (a heading, a marker or an unclosed block), so it is not written.");
    case 'changed':
      return t('The document changed while you typed; the field shows the document. Your text is kept below.');
    case 'failed':
      return t('The note could not be written; the document is unchanged. Your text is kept below.');
  }
}

/** The page's words, in the user's language. */
export function meetingStrings(): MeetingStrings {
  return {
    next: t('Next'),
    previous: t('Previous'),
    nextTheme: t('Next theme'),
    skip: t('Skip'),
    goTo: t('Go to question'),
    fullScreen: t('Full screen'),
    end: t('End Meeting'),
    themeProgress: t('Theme {0} of {1}', '{0}', '{1}'),
    progress: t('Question {0} of {1}', '{0}', '{1}'),
    inTheme: t('{0} of {1} in this theme', '{0}', '{1}'),
    quotes: t('Quotes'),
    showQuotes: t('Show the quotes'),
    hideQuotes: t('Hide the quotes'),
    noQuotes: t('This theme has no quotes.'),
    hint: t('Hint'),
    probes: t('Follow-up questions'),
    notes: t('Notes for {0}', '{0}'),
    question: t('Question {0}', '{0}'),
    announce: t('Question {0}: {1}', '{0}', '{1}'),
    time: t('Question time'),
    totalTime: t('Meeting'),
    overTime: t('over time'),
    kept: t('Typed here but not in the document:'),
    restoreKept: t('Add it below the note'),
    summary: t('Meeting summary'),
    copyMarkdown: t('Copy as Markdown'),
    copied: t('Summary copied to the clipboard.'),
    wroteNothing: t('Ending the meeting wrote nothing to the document; the notes were written as they were typed.'),
    summaryQuestion: t('Question'),
    themeHeading: t('Theme'),
    summaryOutcome: t('Outcome'),
    summaryTime: t('Time'),
    summaryCounts: t('Discussed {0}, skipped {1}, not reached {2}. Total time {3}.', '{0}', '{1}', '{2}', '{3}'),
    unwritten: t('Typed in the meeting but not in the document'),
    outcomes: { discussed: t('Discussed'), skipped: t('Skipped'), notReached: t('Not reached') },
    navigation: t('Meeting navigation'),
  };
}
