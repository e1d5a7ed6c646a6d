// The messages between the meeting panel (extension host) and its page (webview).
// Both sides import this file, so a change to the protocol is a type error on both.
import type { MeetingOutcome } from '../core/meeting';
import { isMessageOf, type MessageFields, type QuoteView } from './messages';

/** The notes field: the section's text below its marker, and whether typing there writes it. */
export interface NoteView {
  readonly text: string;
  /**
   * Changes whenever the document's note is not what the page last typed (another question, an
   * edit in the editor, a refused write): the page then shows `text`, and otherwise keeps its own.
   */
  readonly version: number;
  readonly writable: boolean;
  /** Why the note is not written, or was not: localised, for the line under the field. */
  readonly notice: string | undefined;
  /** Text typed in the view that the document's own change kept out: shown, never dropped. */
  readonly kept: string | undefined;
}

/** The clock when the view was sent; the page keeps it running. */
export interface TimesView {
  readonly questionMs: number;
  readonly totalMs: number;
  readonly questionLimitMs: number | undefined;
  readonly totalLimitMs: number | undefined;
}

/** One question of the meeting, for "go to question". */
export interface MeetingQuestionView {
  readonly number: string;
  readonly label: string;
}

/** Everything the page renders while the meeting runs: plain, JSON-safe data. */
export interface MeetingView {
  /** The language of the guide content (for `lang` on it). */
  readonly language: string;
  /** The strategy document's name, as the workspace shows it. */
  readonly document: string;
  readonly theme: { readonly title: string; readonly index: number; readonly count: number };
  /** The question in full, with the guide's hint for whoever leads the talk and its follow-up questions, when it has them. */
  readonly question: { readonly id: string; readonly number: string; readonly text: string; readonly hint?: string; readonly probes: readonly string[] };
  readonly progress: { readonly index: number; readonly total: number; readonly inTheme: number; readonly themeTotal: number };
  readonly quotes: readonly QuoteView[];
  readonly questions: readonly MeetingQuestionView[];
  readonly note: NoteView;
  readonly times: TimesView;
}

/** One question in the summary, worded by the host. */
export interface SummaryEntryView {
  readonly number: string;
  readonly label: string;
  readonly theme: string;
  readonly outcome: MeetingOutcome;
  readonly spentMs: number;
}

/** The summary at End Meeting. */
export interface SummaryView {
  readonly document: string;
  readonly language: string;
  readonly entries: readonly SummaryEntryView[];
  readonly totalMs: number;
  readonly counts: Readonly<Record<MeetingOutcome, number>>;
  /** Notes typed in the meeting that the document does not have (refused, or overtaken by it): never lost. */
  readonly unwritten: readonly { readonly number: string; readonly label: string; readonly text: string }[];
}

/** The page's user-interface strings, localised by the extension. `{0}`, `{1}` are filled in by the page. */
export interface MeetingStrings {
  readonly next: string;
  readonly previous: string;
  readonly nextTheme: string;
  readonly skip: string;
  readonly goTo: string;
  readonly fullScreen: string;
  readonly end: string;
  /** "Theme {0} of {1}". */
  readonly themeProgress: string;
  /** "Question {0} of {1}". */
  readonly progress: string;
  /** "{0} of {1} in this theme". */
  readonly inTheme: string;
  readonly quotes: string;
  readonly showQuotes: string;
  readonly hideQuotes: string;
  readonly noQuotes: string;
  readonly hint: string;
  readonly probes: string;
  /** "Notes for {0}". */
  readonly notes: string;
  /** "Question {0}". */
  readonly question: string;
  /** "Question {0}: {1}", announced when the question changes. */
  readonly announce: string;
  readonly time: string;
  readonly totalTime: string;
  readonly overTime: string;
  readonly kept: string;
  readonly restoreKept: string;
  readonly summary: string;
  readonly copyMarkdown: string;
  readonly copied: string;
  readonly wroteNothing: string;
  readonly summaryQuestion: string;
  readonly themeHeading: string;
  readonly summaryOutcome: string;
  readonly summaryTime: string;
  /** "Discussed {0}, skipped {1}, not reached {2}. Total time {3}." */
  readonly summaryCounts: string;
  readonly unwritten: string;
  readonly outcomes: Readonly<Record<MeetingOutcome, string>>;
  readonly navigation: string;
}

/** Extension → page. */
export type MeetingHostMessage =
  | { readonly type: 'show'; readonly view: MeetingView }
  | { readonly type: 'summary'; readonly summary: SummaryView }
  | { readonly type: 'copied' };

/** Where a navigation button or key goes. */
export type MeetingStep = 'next' | 'previous' | 'nextTheme' | 'skip';

/** Page → extension. */
export type MeetingPageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'nextTheme' }
  | { readonly type: 'skip' }
  | { readonly type: 'goTo'; readonly index: number }
  /** The notes field's whole text, typed on top of the note of `version`. */
  | { readonly type: 'editNote'; readonly questionId: string; readonly text: string; readonly version: number }
  /** Put the kept text back, below the document's note. */
  | { readonly type: 'restoreKept' }
  | { readonly type: 'fullScreen' }
  | { readonly type: 'end' }
  | { readonly type: 'copySummary' };

const meetingPageMessageFields: MessageFields<MeetingPageMessage> = {
  ready: {},
  next: {},
  previous: {},
  nextTheme: {},
  skip: {},
  goTo: { index: 'index' },
  editNote: { questionId: 'string', text: 'text', version: 'index' },
  restoreKept: {},
  fullScreen: {},
  end: {},
  copySummary: {},
};

/** Whether `value` is exactly one of the meeting page's messages. */
export function isMeetingPageMessage(value: unknown): value is MeetingPageMessage {
  return isMessageOf(value, meetingPageMessageFields);
}
