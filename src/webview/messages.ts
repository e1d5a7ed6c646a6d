// The messages between the quotes panel (extension host) and its page (webview).
// Both sides import this file, so a change to the protocol is a type error on both.

/** One question of the theme, as the sibling list shows it. */
export interface SiblingView {
  readonly id: string;
  readonly number: string;
  readonly label: string;
  readonly current: boolean;
}

/** One quote with who said it and when. */
export interface QuoteView {
  readonly id: string;
  readonly text: string;
  readonly speaker: string;
  readonly time: string;
  /** Where it was published; optional, as a view persisted by an older page lacks it. */
  readonly source?: string;
}

/** Everything the page renders for one selected question: plain, JSON-safe data. */
export interface QuotesViewState {
  readonly guideId: string;
  readonly questionId: string;
  /** The language of the guide content (for `lang` on the content). */
  readonly language: string;
  readonly theme: { readonly id: string; readonly title: string; readonly intro: string };
  /** `hint` and `probes` are optional: a view persisted by an older page lacks them. */
  readonly question: { readonly id: string; readonly number: string; readonly label: string; readonly text: string; readonly hint?: string; readonly probes?: readonly string[] };
  readonly siblings: readonly SiblingView[];
  readonly quotes: readonly QuoteView[];
}

/** The page's user-interface strings, localised by the extension (the page has no l10n API). */
export interface QuotesStrings {
  readonly questionHeading: string;
  readonly siblingsHeading: string;
  readonly quotesHeading: string;
  readonly noQuotes: string;
  readonly hintHeading: string;
  readonly probesHeading: string;
  readonly copy: string;
  /** Contains `{0}` for the speaker. */
  readonly copyLabel: string;
  readonly copied: string;
  /** "Insert into document", and its label with `{0}` for the speaker. */
  readonly insert: string;
  readonly insertLabel: string;
  readonly missing: string;
  /** The pin toggle's text, and its tooltip while off (the panel follows the cursor) and on. */
  readonly pin: string;
  readonly pinOff: string;
  readonly pinOn: string;
}

/** What the page keeps with `setState`; the serializer gets it back after a window reload. */
export interface PersistedState {
  readonly guideId: string;
  readonly questionId: string;
  /** The last rendered view, so a reloaded page shows it before the extension answers. */
  readonly view?: QuotesViewState;
  /** Whether the user pinned the panel to this question, so it no longer follows the cursor. */
  readonly pinned?: boolean;
}

/** Extension → page. */
export type HostMessage =
  | { readonly type: 'update'; readonly state: QuotesViewState; readonly pinned: boolean }
  /** The selected question is not in the (reloaded) guide. */
  | { readonly type: 'missing'; readonly guideId: string; readonly questionId: string }
  | { readonly type: 'copied'; readonly quoteId: string };

/** Page → extension. */
export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'selectQuestion'; readonly guideId: string; readonly questionId: string }
  | { readonly type: 'copyQuote'; readonly guideId: string; readonly quoteId: string }
  /** "Insert into document": the quote goes into the section under the cursor of the document being answered. */
  | { readonly type: 'insertQuote'; readonly guideId: string; readonly quoteId: string }
  /** The pin toggle: pinned, the panel stays on its question while the cursor moves. */
  | { readonly type: 'setPinned'; readonly pinned: boolean };

/**
 * What a message field must hold: a non-empty string, any string (typed text may be empty), a
 * boolean, or a whole number from 0.
 */
export type FieldKind = 'string' | 'text' | 'boolean' | 'index';

/** The fields (besides `type`) each page message carries. */
const pageMessageFields: MessageFields<PageMessage> = {
  ready: {},
  selectQuestion: { guideId: 'string', questionId: 'string' },
  copyQuote: { guideId: 'string', quoteId: 'string' },
  insertQuote: { guideId: 'string', quoteId: 'string' },
  setPinned: { pinned: 'boolean' },
};

/** Whether `value` is exactly one of the page messages: known `type`, the right fields, nothing else. */
export function isPageMessage(value: unknown): value is PageMessage {
  return isMessageOf(value, pageMessageFields);
}

/** Each message type's fields, by kind: the one description a page's protocol is checked against. */
export type MessageFields<M extends { readonly type: string }> = { readonly [T in M['type']]: Readonly<Record<string, FieldKind>> };

/** Whether `value` is exactly one message described by `fields`: a known `type`, the right fields, nothing else. */
export function isMessageOf<M extends { readonly type: string }>(value: unknown, fields: MessageFields<M>): value is M {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(fields, type)) return false;
  const expected = Object.entries(fields[type as M['type']]);
  if (Object.keys(record).length !== expected.length + 1) return false;
  return expected.every(([field, kind]) => hasKind(record[field], kind));
}

function hasKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'string':
      return isNonEmptyString(value);
    case 'text':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'index':
      return Number.isSafeInteger(value) && (value as number) >= 0;
  }
}

/** Whether `value` (from `getState` or the serializer, so untrusted) names a question. */
export function isPersistedState(value: unknown): value is PersistedState {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return isNonEmptyString(record.guideId) && isNonEmptyString(record.questionId);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
