import type { Guide, Question, Theme } from './guide';
import { quoteLines } from './quoteCheck';
import { markerFor } from './strategyDocument';

/** What the person scaffolding a strategy document chooses. */
export interface ScaffoldOptions {
  readonly title: string;
  readonly organisation: string;
  /** The theme ids to include (kept in guide order); all themes when undefined. */
  readonly themes?: readonly string[];
  /** Quote each theme's quotes under its heading, to open the conversation. */
  readonly includeQuotes?: boolean;
}

/**
 * A new strategy document: front matter, the title, then per theme a heading and marker and per
 * question a heading and marker with room for the answer. Same input, same bytes: LF, one final newline.
 * A blank line follows every marker and precedes every heading, so answers to neighbouring
 * questions are never adjacent lines and merge in Git without conflict.
 */
export function scaffoldStrategyDocument(guide: Guide, options: ScaffoldOptions): string {
  const chosen = options.themes;
  const themes = chosen ? guide.themes.filter((t) => chosen.includes(t.id)) : guide.themes;
  const lines = [
    '---',
    `title: ${yamlString(options.title)}`,
    `organisation: ${yamlString(options.organisation)}`,
    `guide: ${yamlString(guide.id)}`,
    `guideVersion: ${yamlString(guide.version)}`,
    `language: ${yamlString(guide.language)}`,
    'status: draft',
    'owners: []',
    'reviewers: []',
    // Recorded only for a subset, so that analysis and sync leave the other themes out.
    ...(themes.length < guide.themes.length ? [`themes: [${themes.map((t) => yamlString(t.id)).join(', ')}]`] : []),
    '---',
    '',
    headingLine(1, options.title),
    ...themes.flatMap((theme) => ['', ...themeLines(theme, theme.questions, options.includeQuotes ?? false)]),
  ];
  return lines.join('\n') + '\n';
}

/** A theme's heading and marker, its quotes if asked for, then the sections of `questions`, as lines. */
export function themeLines(theme: Theme, questions: readonly Question[], includeQuotes: boolean): string[] {
  return [
    headingLine(2, theme.title),
    '',
    markerFor(theme.id),
    ...(includeQuotes ? theme.quotes.flatMap((quote) => ['', ...quoteLines(quote)]) : []),
    ...questions.flatMap((question) => ['', ...questionLines(question)]),
  ];
}

/** A question's heading (its text verbatim, on one line) and marker, then its follow-up questions, as lines. */
export function questionLines(question: Question): string[] {
  const probes = question.probes ?? [];
  return [headingLine(3, question.text), '', markerFor(question.id), ...(probes.length > 0 ? ['', ...probeLines(probes)] : [])];
}

/**
 * The follow-up questions as a list inside an HTML comment of its own: in the source the writer
 * reads them under the question; no Markdown preview shows a comment, and a section holding only
 * comments is unanswered, so they never count as an answer. The comment opens and closes on lines
 * of their own, so no marker can be read into it, and a probe cannot close it early.
 */
export function probeLines(probes: readonly string[]): string[] {
  return ['<!--', ...probes.map((probe) => `- ${commentSafe(inline(probe))}`), '-->'];
}

/** Text that cannot open or close an HTML comment (`<!--`, `-->`, `--!>`): the dashes are spaced. */
function commentSafe(text: string): string {
  return text.replace(/<!--/g, '<!- -').replace(/--(!?)>/g, '- -$1>');
}

/** An ATX heading of `level` with `text` on one line, as the scaffold writes headings. */
export function headingLine(level: number, text: string): string {
  return `${'#'.repeat(level)} ${inline(text)}`;
}

/** Text on one line: a line break inside a heading would end it and turn the rest into body text. */
function inline(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * A YAML double-quoted scalar. JSON's escapes are valid YAML; YAML also forbids raw C1 controls and
 * non-characters, and YAML 1.1 readers break lines at NEL, LS and PS, so those are escaped too.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const TRANSLITERATION: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', ð: 'd', þ: 'th', đ: 'd', ł: 'l', œ: 'oe', ı: 'i', ħ: 'h' };
const MAX_SLUG_LENGTH = 60;

/**
 * A file name for a title: lowercase ASCII letters, digits and hyphens ("Æblegrød på Ø" →
 * "aeblegroed-paa-oe"). Danish letters follow the Danish convention rather than losing their marks;
 * empty when the title has no letter or digit that maps to ASCII.
 */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[æøåßðþđłœıħ]/g, (c) => TRANSLITERATION[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-$/, '');
}
