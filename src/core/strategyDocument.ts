/**
 * The parsed form of a strategy document.
 * A strategy document is Markdown with YAML front matter in which each guide question is a
 * `### Question` heading followed by an invisible marker `<!-- dialogue-guide: <question id> -->`;
 * each theme is a `## Theme` heading followed by `<!-- dialogue-guide: <theme id> -->`.
 * The marker, not the heading, is the identity: headings may be reworded or translated.
 * Question ids read `<theme id>/<name>` and theme ids have no slash, so a marker says which it is.
 */
import { lineRange, type Finding, type FindingCode, type Range, type Severity } from './findings';
import { readFrontMatter, type FrontMatter, type FrontMatterResult } from './frontMatter';
import { inLanguage, type Guide, type GuideEntry, type Question, type Theme } from './guide';
import { isBlank, lineEnd, lineStarts } from './lines';
import { readSimpleFrontMatter, type SimpleFrontMatter } from './simpleFrontMatter';

/** Front matter keys the scaffold writes. Unknown keys are kept and ignored. */
export interface StrategyFrontMatter {
  readonly title?: string;
  readonly organisation?: string;
  readonly guide?: string;
  readonly guideVersion?: string;
  readonly language?: string;
  readonly status?: string;
  readonly owners?: readonly string[];
  readonly reviewers?: readonly string[];
  /** The themes chosen when scaffolding, when not all of them were; the others are not expected. */
  readonly themes?: readonly string[];
}

export type AnswerState = 'answered' | 'empty' | 'missing';

/** One question's section: heading, marker and the answer under it. Lines are zero-based. */
export interface Section {
  readonly questionId: string;
  /** The theme whose marker the section sits under, if any. */
  readonly themeId: string | undefined;
  /** The heading line above the marker (blank lines between allowed), when there is one. */
  readonly headingLine: number | undefined;
  /** The heading's whole line, where a reader looks for the question; undefined without a heading. */
  readonly headingRange: Range | undefined;
  readonly markerLine: number;
  /** The range of the marker comment itself. */
  readonly markerRange: Range;
  /** Lines [start, end) after the marker up to the next section, theme or the end of the text. */
  readonly answerLines: { readonly start: number; readonly end: number };
  /**
   * The answer exactly as written (original line endings), without the blank lines around it;
   * '' when there are only blank lines.
   */
  readonly answer: string;
  /** 'empty' when the answer holds nothing but whitespace and HTML comments. */
  readonly state: 'answered' | 'empty';
}

/** One theme's block: from its heading (or marker) up to the next theme's, or the end. */
export interface ThemeSection {
  readonly themeId: string;
  readonly headingLine: number | undefined;
  readonly markerLine: number;
  readonly markerRange: Range;
  /** The first line after the theme's block. */
  readonly endLine: number;
}

/** A parsed strategy document. */
export interface StrategyDocument {
  readonly file: string;
  /** undefined when the front matter is missing or broken (see findings). */
  readonly frontMatter: StrategyFrontMatter | undefined;
  /** Where the front matter names the guide, when it does. */
  readonly guideRange: Range | undefined;
  /** Question sections in document order, duplicates included. */
  readonly sections: readonly Section[];
  /** Theme blocks in document order, duplicates included. */
  readonly themes: readonly ThemeSection[];
  /** Lines (zero-based) holding Git conflict markers. */
  readonly conflictLines: readonly number[];
  /** Problems found while parsing that need no guide (broken front matter, conflict markers, duplicate markers). */
  readonly findings: readonly Finding[];
}

/** A guide question with how the document answers it. */
export interface QuestionStatus {
  readonly question: Question;
  readonly state: AnswerState;
  /** The question's first section in the document; undefined when it is missing. */
  readonly section: Section | undefined;
}

/** A guide theme with its questions' status and how many are answered. */
export interface ThemeStatus {
  readonly theme: Theme;
  readonly questions: readonly QuestionStatus[];
  readonly answered: number;
  readonly total: number;
}

/** A document held against its guide. */
export interface StrategyAnalysis {
  /** The guide in the language asked for; undefined when the document names none that is loaded. */
  readonly guide: Guide | undefined;
  /** The themes the document covers (all, or those its front matter chose), in guide order. */
  readonly themes: readonly ThemeStatus[];
  readonly answered: number;
  readonly total: number;
  /** The parse findings and the guide's, ordered by position. */
  readonly findings: readonly Finding[];
}

export interface AnalyseOptions {
  /** The language to take question texts from; the document's own by default. */
  readonly language?: string;
}

/** The marker that gives the heading above it its identity. */
export function markerFor(id: string): string {
  return `<!-- dialogue-guide: ${id} -->`;
}

const MARKER = /^(<!--[ \t]*dialogue-guide:[ \t]*(\S+?)[ \t]*-->)[ \t]*$/;
const MARKER_AT_LINE_START = /^<!--[ \t]*dialogue-guide:/m;
const GUIDE_KEY = /^guide[ \t]*:/m;
const CLOSING_DELIMITER = /^---[ \t]*\r?$/;

const STRING_KEYS = ['title', 'organisation', 'guide', 'guideVersion', 'language', 'status'] as const;
const LIST_KEYS = ['owners', 'reviewers', 'themes'] as const;

const BACKTICK = 0x60;
const TILDE = 0x7e;
const SPACE = 0x20;
const TAB = 0x09;

/** Whether `text` is a strategy document: its front matter names a guide, or it has a marker. Cheap enough to scan a workspace. */
export function isStrategyDocument(text: string): boolean {
  const block = frontMatterBlock(text);
  if (block && GUIDE_KEY.test(text.slice(0, block.end))) return true;
  return text.includes('dialogue-guide:') && MARKER_AT_LINE_START.test(text);
}

/** Parses a strategy document; problems become findings, never exceptions. */
export function parseStrategyDocument(text: string, file: string): StrategyDocument {
  const starts = lineStarts(text);
  const findings: Finding[] = [];
  const report = (code: FindingCode, severity: Severity, range: Range, args: Record<string, string> = {}) => findings.push({ code, severity, file, range, args });

  const block = frontMatterBlock(text);
  // Only the front matter goes to a reader: given the whole text, the YAML reader copies the body,
  // which on a long document costs more than the rest of the parse. The scaffold's own shape is
  // read without YAML at all, which on a typical document would be most of the cost.
  const source = text.slice(0, block ? block.end : lineEnd(text, starts, 0));
  const simple = block && readSimpleFrontMatter(source);
  const result: FrontMatterResult | { readonly ok: true; readonly frontMatter: SimpleFrontMatter } = simple ? { ok: true, frontMatter: simple } : readFrontMatter(source);
  let frontMatter: StrategyFrontMatter | undefined;
  let guideRange: Range | undefined;
  if (result.ok) {
    frontMatter = readFields(result.frontMatter, report);
    if (frontMatter.guide !== undefined) guideRange = result.frontMatter.rangeOf(['guide']);
  } else {
    report(result.problem.code, 'error', result.problem.range, { detail: result.problem.detail });
  }
  const bodyLine = block && (result.ok || result.problem.code !== 'frontMatter.missing') ? block.closingLine + 1 : 0;

  const scan = scanBody(text, starts, bodyLine);
  for (const line of scan.conflictLines) report('document.conflict', 'error', lineRange(line, lineEnd(text, starts, line) - starts[line]!));
  const { sections, themes } = sectionsOf(text, starts, scan.markers);
  const firstLine = new Map<string, number>();
  for (const marker of scan.markers) {
    const first = firstLine.get(marker.id);
    if (first === undefined) firstLine.set(marker.id, marker.line);
    else report('marker.duplicate', 'warning', marker.range, { id: marker.id, line: String(first + 1) });
  }
  return { file, frontMatter, guideRange, sections, themes, conflictLines: scan.conflictLines, findings: findings.sort(byPosition) };
}

/** Holds a document against the guide its front matter names, in `guides`. */
export function analyseStrategyDocument(document: StrategyDocument, guides: readonly GuideEntry[], options: AnalyseOptions = {}): StrategyAnalysis {
  const findings = [...document.findings];
  const report = (code: FindingCode, severity: Severity, range: Range, args: Record<string, string>) => findings.push({ code, severity, file: document.file, range, args });
  const guide = guideOf(document, guides, options, report);
  if (!document.frontMatter || !guide) return { guide: undefined, themes: [], answered: 0, total: 0, findings: findings.sort(byPosition) };

  checkMarkers(document, guide, report);
  const firstSection = firstById(document.sections, (s) => s.questionId);
  const firstTheme = firstById(document.themes, (t) => t.themeId);
  const themes = themesInScope(guide, document.frontMatter).map((theme): ThemeStatus => {
    const questions = theme.questions.map((question): QuestionStatus => {
      const section = firstSection.get(question.id);
      if (!section) {
        report('question.missing', 'warning', firstTheme.get(theme.id)?.markerRange ?? document.guideRange ?? lineRange(0), { id: question.id, theme: theme.id });
      } else if (section.state === 'empty') {
        // On the heading, not the marker: the heading is what the reader sees in any preview.
        report('question.unanswered', 'info', section.headingRange ?? section.markerRange, { id: question.id });
      }
      return { question, state: section?.state ?? 'missing', section };
    });
    return { theme, questions, answered: questions.filter((q) => q.state === 'answered').length, total: questions.length };
  });
  const sum = (key: 'answered' | 'total') => themes.reduce((n, t) => n + t[key], 0);
  return { guide, themes, answered: sum('answered'), total: sum('total'), findings: findings.sort(byPosition) };
}

/** The guide's themes the document means to cover: those its front matter chose, or all. */
export function themesInScope(guide: Guide, frontMatter: StrategyFrontMatter): readonly Theme[] {
  const chosen = frontMatter.themes;
  return chosen ? guide.themes.filter((t) => chosen.includes(t.id)) : guide.themes;
}

type Report = (code: FindingCode, severity: Severity, range: Range, args: Record<string, string>) => void;

function guideOf(document: StrategyDocument, guides: readonly GuideEntry[], options: AnalyseOptions, report: Report): Guide | undefined {
  const frontMatter = document.frontMatter;
  // Broken front matter is already a parse finding; guessing a guide from it would only add noise.
  if (!frontMatter) return undefined;
  if (frontMatter.guide === undefined) {
    report('document.noGuide', 'warning', lineRange(0, 3), {});
    return undefined;
  }
  const entry = guides.find((g) => g.id === frontMatter.guide);
  if (!entry) {
    report('document.unknownGuide', 'warning', document.guideRange ?? lineRange(0), { id: frontMatter.guide });
    return undefined;
  }
  return inLanguage(entry, options.language ?? frontMatter.language ?? entry.original.language);
}

/**
 * A question marker the guide does not know is a removed question when its theme still exists
 * (the likeliest story: the guide dropped it), otherwise an unknown marker (a typo, another guide).
 */
function checkMarkers(document: StrategyDocument, guide: Guide, report: Report): void {
  const themeIds = new Set(guide.themes.map((t) => t.id));
  const questions = new Map(guide.themes.flatMap((t) => t.questions.map((q) => [q.id, q] as const)));
  for (const theme of document.themes) {
    if (!themeIds.has(theme.themeId)) report('marker.unknown', 'warning', theme.markerRange, { id: theme.themeId });
  }
  for (const section of document.sections) {
    const id = section.questionId;
    const question = questions.get(id);
    if (question) {
      if (section.themeId !== question.themeId) report('marker.outsideTheme', 'warning', section.markerRange, { id, theme: question.themeId });
    } else if (themeIds.has(id.slice(0, id.indexOf('/')))) {
      report('question.removed', 'warning', section.markerRange, { id });
    } else {
      report('marker.unknown', 'warning', section.markerRange, { id });
    }
  }
}

function firstById<T>(items: readonly T[], idOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(idOf(item))) map.set(idOf(item), item);
  return map;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Where front matter ends: its closing line and the offset after it; undefined when the text does not open one or never closes it. */
function frontMatterBlock(text: string): { readonly closingLine: number; readonly end: number } | undefined {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return undefined;
  for (let line = 0; ; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    if (line > 0 && text.startsWith('---', start) && CLOSING_DELIMITER.test(text.slice(start, newline < 0 ? end : newline))) return { closingLine: line, end };
    if (newline < 0) return undefined;
    start = end;
  }
}

/** The keys the scaffold writes, each of its type; a value of another type is a finding and left out. */
function readFields(frontMatter: Pick<FrontMatter, 'data' | 'rangeOf'>, report: Report): StrategyFrontMatter {
  const data: Record<string, unknown> = typeof frontMatter.data === 'object' && frontMatter.data !== null && !Array.isArray(frontMatter.data) ? (frontMatter.data as Record<string, unknown>) : {};
  const fields: { -readonly [K in keyof StrategyFrontMatter]: StrategyFrontMatter[K] } = {};
  for (const key of STRING_KEYS) {
    const value = data[key];
    if (typeof value === 'string') fields[key] = value;
    else if (value !== undefined && value !== null) report('field.type', 'error', frontMatter.rangeOf([key]), { key, expected: 'string' });
  }
  for (const key of LIST_KEYS) {
    const value = data[key];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) fields[key] = value as string[];
    else if (value !== undefined && value !== null) report('field.type', 'error', frontMatter.rangeOf([key]), { key, expected: 'list' });
  }
  return fields;
}

interface Marker {
  readonly id: string;
  readonly line: number;
  readonly headingLine: number | undefined;
  readonly range: Range;
}

interface Fence {
  readonly char: number;
  readonly length: number;
}

/**
 * One pass over the body's lines, finding markers (at column 0), the heading above each,
 * and conflict markers, while skipping fenced code, where Markdown shows text rather than structure.
 * A fence is recognised only at the top level (up to three spaces in), which is where markers live.
 */
function scanBody(text: string, starts: Uint32Array, bodyLine: number): { markers: Marker[]; conflictLines: number[] } {
  const markers: Marker[] = [];
  const conflictLines: number[] = [];
  let fence: Fence | undefined;
  let inConflict = false;
  let headingAbove: number | undefined;
  for (let line = bodyLine; line < starts.length; line++) {
    const start = starts[line]!;
    const end = lineEnd(text, starts, line);
    let first = start;
    while (first < end && first - start < 4 && text.charCodeAt(first) === SPACE) first++;
    const indented = first - start > 3;
    if (fence) {
      if (!indented && closesFence(text, first, end, fence)) fence = undefined;
      headingAbove = undefined;
      continue;
    }
    if (isBlank(text, first, end)) continue;
    // A heading names the marker right below it; any other line in between breaks the link.
    const heading = headingAbove;
    headingAbove = undefined;
    if (indented) continue;
    const opened = opensFence(text, first, end);
    if (opened) {
      fence = opened;
      continue;
    }
    const conflict: ConflictMarker | undefined = first === start ? conflictMarkerAt(text, start, end, inConflict) : undefined;
    if (conflict) {
      conflictLines.push(line);
      inConflict = conflict !== 'close';
      continue;
    }
    if (first === start && text.startsWith('<!--', start)) {
      const match = MARKER.exec(text.slice(start, end));
      if (match) {
        markers.push({ id: match[2]!, line, headingLine: heading, range: lineRange(line, match[1]!.length) });
        continue;
      }
    }
    if (isHeading(text, first, end)) headingAbove = line;
  }
  return { markers, conflictLines };
}

/** A fence opening: three or more backticks or tildes; a backtick fence's info string has no backtick. */
function opensFence(text: string, first: number, end: number): Fence | undefined {
  const char = text.charCodeAt(first);
  if (char !== BACKTICK && char !== TILDE) return undefined;
  const length = runLength(text, first, end, char);
  if (length < 3) return undefined;
  if (char === BACKTICK && text.slice(first + length, end).includes('`')) return undefined;
  return { char, length };
}

/** A closing fence: the same character, at least as many, and nothing after but spaces. */
function closesFence(text: string, first: number, end: number, fence: Fence): boolean {
  const length = runLength(text, first, end, fence.char);
  return length >= fence.length && isBlank(text, first + length, end);
}

function runLength(text: string, from: number, end: number, char: number): number {
  let i = from;
  while (i < end && text.charCodeAt(i) === char) i++;
  return i - from;
}

/** An ATX heading: one to six `#`, then a space, a tab or the end of the line. */
function isHeading(text: string, first: number, end: number): boolean {
  const length = runLength(text, first, end, 0x23);
  if (length < 1 || length > 6) return false;
  const next = first + length;
  return next === end || text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB;
}

type ConflictMarker = 'open' | 'inside' | 'close';

/**
 * Git's conflict markers. `=======`, `|||||||` and `>>>>>>>` also mean other things in Markdown
 * (a setext underline, a nested quote), so they count only after a `<<<<<<<`.
 */
function conflictMarkerAt(text: string, start: number, end: number, inConflict: boolean): ConflictMarker | undefined {
  const char = text.charCodeAt(start);
  if (end - start < 7 || runLength(text, start, start + 7, char) !== 7) return undefined;
  const next = text.charCodeAt(start + 7);
  const labelled = end === start + 7 || next === SPACE || next === TAB;
  switch (char) {
    case 0x3c: // <
      return labelled ? 'open' : undefined;
    case 0x7c: // |
      return inConflict && labelled ? 'inside' : undefined;
    case 0x3d: // =
      return inConflict && isBlank(text, start + 7, end) ? 'inside' : undefined;
    case 0x3e: // >
      return inConflict && labelled ? 'close' : undefined;
    default:
      return undefined;
  }
}

/** Section and theme blocks: each runs from its heading (or marker) up to the next one's. */
function sectionsOf(text: string, starts: Uint32Array, markers: readonly Marker[]): { sections: Section[]; themes: ThemeSection[] } {
  const sections: Section[] = [];
  const themes: ThemeSection[] = [];
  const startOf = (m: Marker) => m.headingLine ?? m.line;
  let theme: Marker | undefined;
  const closeTheme = (endLine: number) => {
    if (theme) themes.push({ themeId: theme.id, headingLine: theme.headingLine, markerLine: theme.line, markerRange: theme.range, endLine });
  };
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i]!;
    if (!marker.id.includes('/')) {
      closeTheme(startOf(marker));
      theme = marker;
      continue;
    }
    const next = markers[i + 1];
    const end = next ? startOf(next) : starts.length;
    const answer = answerText(text, starts, marker.line + 1, end);
    sections.push({
      questionId: marker.id,
      themeId: theme?.id,
      headingLine: marker.headingLine,
      headingRange: marker.headingLine === undefined ? undefined : lineRange(marker.headingLine, lineEnd(text, starts, marker.headingLine) - starts[marker.headingLine]!),
      markerLine: marker.line,
      markerRange: marker.range,
      answerLines: { start: marker.line + 1, end },
      answer,
      state: hasContent(answer) ? 'answered' : 'empty',
    });
  }
  closeTheme(starts.length);
  return { sections, themes };
}

/** Lines [from, to) without the blank lines around them, as written. */
function answerText(text: string, starts: Uint32Array, from: number, to: number): string {
  const blank = (line: number) => isBlank(text, starts[line]!, lineEnd(text, starts, line));
  let first = from;
  let last = to - 1;
  while (first <= last && blank(first)) first++;
  while (last >= first && blank(last)) last--;
  return first > last ? '' : text.slice(starts[first], lineEnd(text, starts, last));
}

const NON_SPACE = /\S/g;

/** Whether text says anything once HTML comments and whitespace are set aside. */
function hasContent(text: string): boolean {
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    NON_SPACE.lastIndex = from;
    const found = NON_SPACE.exec(text);
    if (found && (open < 0 || found.index < open)) return true;
    if (open < 0) return false;
    const close = text.indexOf('-->', open + 4);
    // A comment still being written hides nothing yet.
    if (close < 0) return true;
    from = close + 3;
  }
}
