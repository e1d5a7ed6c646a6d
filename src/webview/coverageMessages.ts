// The messages between the Coverage panel (extension host) and its page (webview).
// Both sides import this file, so a change to the protocol is a type error on both.
import type { CoverageGuide, CoverageRow } from '../core/coverage';

/** The panel's view type: VS Code restores an open panel by it after a reload. */
export const COVERAGE_VIEW_TYPE = 'dialogueGuide.coverage';

/** A row as the page shows it: the core's row, with the path a reader knows the file by. */
export interface CoverageRowView extends CoverageRow {
  /** The path below its workspace folder. */
  readonly path: string;
}

/** The whole table: the guides' columns and every row, by folder and path. */
export interface CoverageTableView {
  readonly guides: readonly CoverageGuide[];
  readonly rows: readonly CoverageRowView[];
}

/** The page's user-interface strings, localised by the extension (the page has no l10n API). */
export interface CoverageStrings {
  readonly title: string;
  readonly document: string;
  readonly total: string;
  readonly status: string;
  readonly owners: string;
  readonly guide: string;
  readonly folder: string;
  readonly all: string;
  readonly noStatus: string;
  readonly empty: string;
  readonly notInScope: string;
  readonly showQuestions: string;
  readonly notCounted: string;
  /** `{0}` answered of `{1}`, for screen readers and tooltips. */
  readonly cellLabel: string;
  readonly answered: string;
  readonly unanswered: string;
  readonly missing: string;
  readonly frontMatter: string;
  readonly noGuide: string;
  /** Contains `{id}` for the guide's id. */
  readonly unknownGuide: string;
}

/** Extension → page. */
export type CoverageHostMessage =
  /** Everything, after `ready`, a guide reload or a change of the columns. */
  | { readonly type: 'table'; readonly table: CoverageTableView }
  /** One document changed: only its row is redrawn. */
  | { readonly type: 'row'; readonly row: CoverageRowView }
  /** One document is no strategy document any more, or gone. */
  | { readonly type: 'remove'; readonly file: string };

/** Page → extension. Only keys travel; the extension looks up lines in its own rows. */
export type CoveragePageMessage =
  | { readonly type: 'ready' }
  /** A cell: open the document at the theme's first unanswered question. */
  | { readonly type: 'openTheme'; readonly file: string; readonly themeId: string }
  /** A question in an expanded row. */
  | { readonly type: 'openQuestion'; readonly file: string; readonly questionId: string };

const pageMessageFields: { readonly [T in CoveragePageMessage['type']]: readonly string[] } = {
  ready: [],
  openTheme: ['file', 'themeId'],
  openQuestion: ['file', 'questionId'],
};

/** Whether `value` is exactly one of the page messages: known `type`, non-empty string fields, nothing else. */
export function isCoveragePageMessage(value: unknown): value is CoveragePageMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(pageMessageFields, type)) return false;
  const fields = pageMessageFields[type as CoveragePageMessage['type']];
  return Object.keys(record).length === fields.length + 1 && fields.every((field) => typeof record[field] === 'string' && record[field] !== '');
}
