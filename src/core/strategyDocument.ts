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
import { findGuideEntry, findQuestion, inLanguage, isThemeId, questionForMarker, themeIdOf, type Guide, type GuideEntry, type Question, type Theme } from './guide';
import { isBlank, lineBreakOf, lineEnd, lineStarts } from './lines';
import { scanBlocks, type HeadingBlock } from './markdownBlocks';
import { quoteFindings, readBlockQuotes, type BlockQuote } from './quoteCheck';
import { readSimpleFrontMatter, type SimpleFrontMatter } from './simpleFrontMatter';

/** Front matter keys the scaffold writes. Unknown keys are kept and ignored. */
export interface StrategyFrontMatter {
  readonly title?: string;
  readonly organisation?: string;
  readonly guide?: string;
  readonly guideVersion?: string;
  readonly language?: string;
  readonly status?: string;
  /** When the strategy was dated (as written, say 2026-03-01): the export's title block and properties show it. */
  readonly date?: string;
  readonly owners?: readonly string[];
  readonly reviewers?: readonly string[];
  /** The themes chosen when scaffolding, when not all of them were; the others are not expected. */
  readonly themes?: readonly string[];
}

export type AnswerState = 'answered' | 'empty' | 'missing';

/** Lines [start, end), zero-based. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * One question's section, as a reader sees it: from the question's heading to the next heading of
 * the same or a higher level (or the next section, or the end of the text), with the marker that
 * names the question anywhere in it. Lines are zero-based.
 */
export interface Section {
  readonly questionId: string;
  /** The theme whose block the marker stands in, if any. */
  readonly themeId: string | undefined;
  /** The first line of the heading the marker belongs to (ATX or setext), when it has one. */
  readonly headingLine: number | undefined;
  /** The heading's first line, where a reader looks for the question; undefined without a heading. */
  readonly headingRange: Range | undefined;
  readonly markerLine: number;
  /** The range of the marker comment itself. */
  readonly markerRange: Range;
  /** The whole section: from its heading (or its marker, without one) to where the next begins. */
  readonly lines: LineSpan;
  /** The lines after the marker to the section's end: where an answer is typed. */
  readonly answerLines: LineSpan;
  /**
   * Everything in the section but its heading and marker, exactly as written (original line
   * endings), without the blank lines around it: text above the marker, then a blank line, then
   * text below it. '' when there are only blank lines.
   */
  readonly answer: string;
  /** 'empty' when the answer holds nothing but whitespace and HTML comments. */
  readonly state: 'answered' | 'empty';
  /**
   * A heading right above the marker that the marker was not given (another, higher up, was),
   * with both headings' text: the analysis warns when the passed-over one reads as the question.
   */
  readonly rivalHeading: { readonly line: number; readonly text: string; readonly ownLine: number; readonly ownText: string } | undefined;
}

/** One theme's block: from its heading (or marker) up to the next theme's, or the end. */
export interface ThemeSection {
  readonly themeId: string;
  readonly headingLine: number | undefined;
  readonly markerLine: number;
  readonly markerRange: Range;
  readonly lines: LineSpan;
}

/** A parsed strategy document. */
export interface StrategyDocument {
  readonly file: string;
  /** undefined when the front matter is missing or broken (see findings). */
  readonly frontMatter: StrategyFrontMatter | undefined;
  /** Where the front matter names the guide, when it does. */
  readonly guideRange: Range | undefined;
  /** Where the front matter names the guide's version, when it does. */
  readonly guideVersionRange?: Range;
  /** Where `themes:` lists each theme (its key's range when the list is empty); undefined without the key. */
  readonly themeRanges: readonly Range[] | undefined;
  /** Question sections in document order, duplicates included. */
  readonly sections: readonly Section[];
  /** Theme blocks in document order, duplicates included. */
  readonly themes: readonly ThemeSection[];
  /** Top-level block quotes in document order: where quotes of the guide are looked for. */
  readonly blockQuotes: readonly BlockQuote[];
  /** Lines (zero-based) holding Git conflict markers. */
  readonly conflictLines: readonly number[];
  /** Whether every line's question can be told: no marker is malformed or without a heading, no block swallows the rest. */
  readonly unambiguous: boolean;
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
/** Findings that mean the product cannot be sure which question some text belongs to. */
export const AMBIGUOUS: ReadonlySet<FindingCode> = new Set(['marker.malformed', 'marker.noHeading', 'document.unclosedBlock']);
const MARKER_AT_LINE_START = /^<!--[ \t]*dialogue-guide:/m;
const GUIDE_KEY = /^guide[ \t]*:/m;
const CLOSING_DELIMITER = /^---[ \t]*$/;

const STRING_KEYS = ['title', 'organisation', 'guide', 'guideVersion', 'language', 'status', 'date'] as const;
const LIST_KEYS = ['owners', 'reviewers', 'themes'] as const;


/** Whether `text` is a strategy document: its front matter names a guide, or it has a marker. Cheap enough to scan a workspace. */
export function isStrategyDocument(text: string): boolean {
  const block = frontMatterBlock(text, lineStarts(text));
  if (block && GUIDE_KEY.test(text.slice(0, block.end))) return true;
  return text.includes('dialogue-guide:') && MARKER_AT_LINE_START.test(text);
}

/** Parses a strategy document; problems become findings, never exceptions. */
export function parseStrategyDocument(text: string, file: string): StrategyDocument {
  const starts = lineStarts(text);
  const findings: Finding[] = [];
  const report = (code: FindingCode, severity: Severity, range: Range, args: Record<string, string> = {}) => findings.push({ code, severity, file, range, args });

  const block = frontMatterBlock(text, starts);
  // Only the front matter goes to a reader: given the whole text, the YAML reader copies the body,
  // which on a long document costs more than the rest of the parse. The scaffold's own shape is
  // read without YAML at all, which halves `check` over a workspace (see simpleFrontMatter.ts).
  const source = text.slice(0, block ? block.end : lineEnd(text, starts, 0));
  const simple = block && readSimpleFrontMatter(source);
  const result: FrontMatterResult | { readonly ok: true; readonly frontMatter: SimpleFrontMatter } = simple ? { ok: true, frontMatter: simple } : readFrontMatter(source);
  let frontMatter: StrategyFrontMatter | undefined;
  let guideRange: Range | undefined;
  let guideVersionRange: Range | undefined;
  let themeRanges: Range[] | undefined;
  if (result.ok) {
    frontMatter = readFields(result.frontMatter, report);
    if (frontMatter.guide !== undefined) guideRange = result.frontMatter.rangeOf(['guide']);
    if (frontMatter.guideVersion !== undefined) guideVersionRange = result.frontMatter.rangeOf(['guideVersion']);
    const listed = frontMatter.themes;
    if (listed) themeRanges = listed.length === 0 ? [result.frontMatter.rangeOf(['themes'])] : listed.map((_, i) => result.frontMatter.rangeOf(['themes', i]));
  } else {
    report(result.problem.code, 'error', result.problem.range, { detail: result.problem.detail });
  }
  const bodyLine = block && (result.ok || result.problem.code !== 'frontMatter.missing') ? block.closingLine + 1 : 0;

  const scan = scanBlocks(text, starts, (line) => lineEnd(text, starts, line), bodyLine);
  for (const line of scan.conflictLines) report('document.conflict', 'error', lineRange(line, lineEnd(text, starts, line) - starts[line]!));
  for (const line of scan.misplacedMarkerLines) report('marker.misplaced', 'warning', lineRange(line, lineEnd(text, starts, line) - starts[line]!), {});
  for (const line of scan.swallowingLines) report('document.unclosedBlock', 'warning', lineRange(line, lineEnd(text, starts, line) - starts[line]!), {});
  const markers = markersOf(text, starts, scan.comments, report);
  const placed = placeMarkers(text, starts, markers, scan.headings, report);
  const { sections, themes } = sectionsOf(text, starts, placed);
  const firstLine = new Map<string, number>();
  for (const marker of markers) {
    const first = firstLine.get(marker.id);
    if (first === undefined) firstLine.set(marker.id, marker.line);
    else report('marker.duplicate', 'warning', marker.range, { id: marker.id, line: String(first + 1) });
  }
  const unambiguous = !findings.some((f) => AMBIGUOUS.has(f.code));
  const blockQuotes = readBlockQuotes(text, starts, scan.quotes);
  return { file, frontMatter, guideRange, ...(guideVersionRange ? { guideVersionRange } : {}), themeRanges, sections, themes, blockQuotes, conflictLines: scan.conflictLines, unambiguous, findings: findings.sort(byPosition) };
}

/**
 * Text with --- under it becomes a heading, and in a document whose question headings mix levels
 * it can take the next question's marker from that question's own heading, right above the
 * marker: the answer then runs from the wrong heading. Told apart by the guide's wording.
 */
function checkRivalHeadings(document: StrategyDocument, guide: Guide, report: Report): void {
  const words = (text: string) => text.trim().split(/\s+/).join(' ').toLocaleLowerCase();
  for (const section of document.sections) {
    const rival = section.rivalHeading;
    const question = rival && findQuestion(guide, section.questionId)?.question;
    if (!rival || !question || !words(question.text) || words(rival.text) !== words(question.text) || words(rival.ownText) === words(question.text)) continue;
    report('marker.twoHeadings', 'warning', section.markerRange, { id: question.id, question: displayName(question), line: String(rival.ownLine + 1), other: String(rival.line + 1) });
  }
}

/** Holds a document against the guide its front matter names, in `guides`. */
export function analyseStrategyDocument(document: StrategyDocument, guides: readonly GuideEntry[], options: AnalyseOptions = {}): StrategyAnalysis {
  const findings = [...document.findings];
  const report = (code: FindingCode, severity: Severity, range: Range, args: Record<string, string>) => findings.push({ code, severity, file: document.file, range, args });
  const guide = guideOf(document, guides, options, report);
  if (!document.frontMatter || !guide) return { guide: undefined, themes: [], answered: 0, total: 0, findings: findings.sort(byPosition) };

  // Parse findings about a question of this guide name it as a reader knows it, too.
  for (let i = 0; i < findings.length; i++) findings[i] = withDisplayName(findings[i]!, guide);
  checkMarkers(document, guide, report);
  checkRivalHeadings(document, guide, report);
  checkThemeList(document, guide, report);
  // Against every language of the guide, whichever language the questions are shown in.
  for (const finding of quoteFindings(document, guides)) findings.push(finding);
  checkGuideVersion(document, guide, report);
  const firstSection = sectionsByQuestion(document, guide);
  const firstTheme = firstById(document.themes, (t) => t.themeId);
  const themes = themesInScope(guide, document.frontMatter).map((theme): ThemeStatus => {
    const questions = theme.questions.map((question): QuestionStatus => {
      const section = firstSection.get(question.id);
      if (!section) {
        report('question.missing', 'warning', firstTheme.get(theme.id)?.markerRange ?? document.guideRange ?? lineRange(0), { id: question.id, question: displayName(question), theme: theme.id });
      } else if (section.state === 'empty') {
        // On the heading, not the marker: the heading is what the reader sees in any preview.
        report('question.unanswered', 'info', section.headingRange ?? section.markerRange, { id: question.id, question: displayName(question) });
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

/** A question as the tree and the Quotes panel name it: "1.2 Formål". Ids stay in `args.id` for machines. */
export function displayName(question: Pick<Question, 'number' | 'label'>): string {
  return `${question.number} ${question.label}`;
}

/** `finding` with `args.question`, the display name, when its `args.id` is a question of `guide`. */
function withDisplayName(finding: Finding, guide: Guide): Finding {
  const id = finding.args.id;
  const found = id === undefined || finding.args.question !== undefined ? undefined : findQuestion(guide, id);
  return found ? { ...finding, args: { ...finding.args, question: displayName(found.question) } } : finding;
}

function guideOf(document: StrategyDocument, guides: readonly GuideEntry[], options: AnalyseOptions, report: Report): Guide | undefined {
  const frontMatter = document.frontMatter;
  // Broken front matter is already a parse finding; guessing a guide from it would only add noise.
  if (!frontMatter) return undefined;
  if (frontMatter.guide === undefined) {
    report('document.noGuide', 'warning', lineRange(0, 3), {});
    return undefined;
  }
  const entry = findGuideEntry(guides, frontMatter.guide);
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
    const renamed = question ? undefined : questionForMarker(guide, id);
    if (renamed) {
      const current = renamed.question;
      report('marker.formerId', 'warning', section.markerRange, { id, newId: current.id, question: displayName(current), expected: markerFor(current.id) });
    } else if (question) {
      if (section.themeId !== question.themeId) {
        const themeTitle = guide.themes.find((t) => t.id === question.themeId)?.title ?? question.themeId;
        report('marker.outsideTheme', 'warning', section.markerRange, { id, question: displayName(question), theme: question.themeId, themeTitle });
      }
    } else if (themeIds.has(themeIdOf(id) ?? '')) {
      report('question.removed', 'warning', section.markerRange, { id });
    } else {
      report('marker.unknown', 'warning', section.markerRange, { id });
    }
  }
}

/**
 * Each question's first section: under its own marker, else under a marker with one of its former
 * ids, so an answer written before a rename still counts for the question.
 */
export function sectionsByQuestion(document: StrategyDocument, guide: Guide): Map<string, Section> {
  const sections = firstById(document.sections, (s) => s.questionId);
  for (const section of document.sections) {
    const found = questionForMarker(guide, section.questionId);
    if (found?.renamed && !sections.has(found.question.id)) sections.set(found.question.id, section);
  }
  return sections;
}

/**
 * A document scaffolded from an older version of its guide, with what changed as far as the
 * document shows it: questions the guide gained (missing here), renamed (a former id's marker) and
 * dropped (a marker the guide no longer has in a theme it still has), by number or id.
 */
function checkGuideVersion(document: StrategyDocument, guide: Guide, report: Report): void {
  const version = document.frontMatter?.guideVersion;
  if (version === undefined || !isNewerVersion(guide.version, version)) return;
  const present = new Set(document.sections.map((s) => s.questionId));
  const inScope = themesInScope(guide, document.frontMatter ?? {}).flatMap((t) => t.questions);
  const renamed = document.sections.flatMap((s) => {
    const found = questionForMarker(guide, s.questionId);
    return found?.renamed ? [found.question] : [];
  });
  const added = inScope.filter((q) => !present.has(q.id) && !renamed.includes(q));
  const themeIds = new Set(guide.themes.map((t) => t.id));
  const removed = document.sections.filter((s) => !questionForMarker(guide, s.questionId) && themeIds.has(themeIdOf(s.questionId) ?? ''));
  const list = (items: readonly string[]) => items.join(', ');
  report('document.behindGuide', 'warning', document.guideVersionRange ?? document.guideRange ?? lineRange(0), {
    version,
    guideVersion: guide.version,
    added: list(added.map((q) => q.number)),
    renamed: list(renamed.map((q) => q.number)),
    removed: list(removed.map((s) => s.questionId)),
  });
}

/** Whether semantic version `a` is newer than `b`; false when either cannot be read. */
export function isNewerVersion(a: string, b: string): boolean {
  const parts = (v: string) => /^(\d+)\.(\d+)\.(\d+)/.exec(v)?.slice(1).map(Number);
  const [x, y] = [parts(a), parts(b)];
  if (!x || !y) return false;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}

/** A `themes:` list that names no theme, or one the guide lacks, would make a document with fewer questions than meant. */
function checkThemeList(document: StrategyDocument, guide: Guide, report: Report): void {
  const listed = document.frontMatter?.themes;
  if (!listed || !document.themeRanges) return;
  if (listed.length === 0) report('themes.empty', 'error', document.themeRanges[0]!, {});
  const known = new Set(guide.themes.map((t) => t.id));
  listed.forEach((id, i) => {
    if (!known.has(id)) report('themes.unknown', 'error', document.themeRanges![i]!, { id });
  });
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
function frontMatterBlock(text: string, starts: Uint32Array): { readonly closingLine: number; readonly end: number } | undefined {
  if (!text.startsWith('---', starts[0])) return undefined;
  for (let line = 1; line < starts.length; line++) {
    const start = starts[line]!;
    if (text.startsWith('---', start) && CLOSING_DELIMITER.test(text.slice(start, lineEnd(text, starts, line)))) {
      return { closingLine: line, end: line + 1 < starts.length ? starts[line + 1]! : text.length };
    }
  }
  return undefined;
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
  readonly range: Range;
  /** The marker as it should read, when it was written slightly wrong (case, spacing, text after it). */
  readonly repaired: string | undefined;
}

/** A marker and its place: the heading it sits under, if it owns one, and the section's extent. */
interface PlacedMarker extends Marker {
  readonly heading: HeadingBlock | undefined;
  /** A heading right above the marker that it was not given. */
  readonly rival: HeadingBlock | undefined;
  readonly start: number;
  readonly end: number;
}

const MARKER_LIKE = /^ {0,3}<!--\s*dialogue[\s_-]*guide\s*:?\s*([\s\S]+?)\s*-->([\s\S]*)$/i;

/** The markers among the top-level comments, exact or nearly so; the rest are comments of the writer's own. */
function markersOf(text: string, starts: Uint32Array, lines: readonly number[], report: Report): Marker[] {
  const markers: Marker[] = [];
  for (const line of lines) {
    const source = text.slice(starts[line], lineEnd(text, starts, line));
    const exact = MARKER.exec(source);
    if (exact) {
      markers.push({ id: exact[2]!, line, range: lineRange(line, exact[1]!.length), repaired: undefined });
      continue;
    }
    const near = MARKER_LIKE.exec(source);
    if (!near) continue;
    const id = near[1]!;
    const repaired = markerFor(id);
    const range = lineRange(line, source.length);
    markers.push({ id, line, range, repaired });
    report('marker.malformed', 'warning', range, { id, expected: repaired });
  }
  return markers;
}

/**
 * Each marker's place. A theme's marker belongs to the nearest heading above it. A question's marker
 * belongs to a heading that came after the previous marker and is still open above it: the one at
 * the level of the previous question's heading (the theme's level + 1 for a theme's first), else
 * the outermost. So a sub-heading typed in an answer above the marker stays in that answer, and a
 * heading made by accident (text with a line of `---` under it) does not take the next question's
 * marker. A heading inside the previous question's section counts only right above the marker
 * (blank lines aside). A marker with no heading begins its
 * section itself, and is reported. A section runs to the next heading of the same or a higher
 * level, the next section's start, or the end of the text.
 */
function placeMarkers(text: string, starts: Uint32Array, markers: readonly Marker[], headings: readonly HeadingBlock[], report: Report): PlacedMarker[] {
  interface Open {
    readonly heading: HeadingBlock;
    claimed: boolean;
  }
  const owners: (HeadingBlock | undefined)[] = [];
  const rivals = new Map<Marker, HeadingBlock>();
  const levels: number[] = [];
  const open: Open[] = [];
  let h = 0;
  let previous: Marker | undefined;
  let previousQuestion: Open | undefined;
  let siblingLevel: number | undefined;
  const rightAbove = (o: Open | undefined, marker: Marker): o is Open => {
    if (!o || o.claimed || (previous && o.heading.line < previous.line)) return false;
    for (let line = o.heading.lastLine + 1; line < marker.line; line++) if (!isBlank(text, starts[line]!, lineEnd(text, starts, line))) return false;
    return true;
  };
  for (const marker of markers) {
    for (; h < headings.length && headings[h]!.line < marker.line; h++) {
      const heading = headings[h]!;
      while (open.length > 0 && open.at(-1)!.heading.level >= heading.level) open.pop();
      open.push({ heading, claimed: false });
    }
    const isTheme = isThemeId(marker.id);
    const nearest = open.at(-1);
    const fresh = (o: Open) => !o.claimed && (!previous || o.heading.line > previous.line);
    let owner: Open | undefined;
    if (isTheme || !previous) {
      owner = nearest && fresh(nearest) ? nearest : undefined;
    } else {
      const candidates = previousQuestion && open.includes(previousQuestion) ? [] : open.filter(fresh);
      owner = candidates.find((o) => o.heading.level === siblingLevel) ?? candidates[0] ?? (rightAbove(nearest, marker) ? nearest : undefined);
      // A heading right above the marker, where the scaffold writes a question's, passed over for
      // another: the analysis asks the guide which one reads as the question.
      if (owner && nearest !== owner && rightAbove(nearest, marker)) rivals.set(marker, nearest.heading);
    }
    if (owner) owner.claimed = true;
    else report('marker.noHeading', 'warning', marker.range, { id: marker.id });
    owners.push(owner?.heading);
    levels.push(owner?.heading.level ?? nearest?.heading.level ?? 6);
    previousQuestion = isTheme ? undefined : owner;
    siblingLevel = owner ? owner.heading.level + (isTheme ? 1 : 0) : undefined;
    previous = marker;
  }
  const startOf = (i: number) => owners[i]?.line ?? markers[i]!.line;
  return markers.map((marker, i) => {
    const limit = i + 1 < markers.length ? startOf(i + 1) : starts.length;
    let end = limit;
    for (let k = firstHeadingAfter(headings, owners[i]?.lastLine ?? marker.line); k < headings.length && headings[k]!.line < limit; k++) {
      const heading = headings[k]!;
      if (heading.level > levels[i]!) continue;
      end = heading.line;
      // A heading that ends a question's section early, with text under it, leaves that text to no question.
      if (!isThemeId(marker.id) && answerText(text, starts, heading.lastLine + 1, limit) !== '') {
        report('heading.endsAnswer', 'warning', lineRange(heading.line, lineEnd(text, starts, heading.line) - starts[heading.line]!), { id: marker.id });
      }
      break;
    }
    // Fields named one by one: an object spread here cost more than the whole scan.
    return { id: marker.id, line: marker.line, range: marker.range, repaired: marker.repaired, heading: owners[i], rival: rivals.get(marker), start: startOf(i), end };
  });
}

/** The index of the first heading that starts after line `from`, by a binary search. */
function firstHeadingAfter(headings: readonly HeadingBlock[], from: number): number {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (headings[mid]!.line <= from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Section and theme blocks, in document order. */
function sectionsOf(text: string, starts: Uint32Array, placed: readonly PlacedMarker[]): { sections: Section[]; themes: ThemeSection[] } {
  const sections: Section[] = [];
  const themes: ThemeSection[] = [];
  const themeMarkers = placed.filter((m) => isThemeId(m.id));
  let t = -1;
  let themeUntil = -1;
  for (const marker of placed) {
    if (isThemeId(marker.id)) {
      t++;
      // A theme runs to the next theme: questions written at the theme's own heading level still belong to it.
      themeUntil = themeMarkers[t + 1]?.start ?? starts.length;
      themes.push({ themeId: marker.id, headingLine: marker.heading?.line, markerLine: marker.line, markerRange: marker.range, lines: { start: marker.start, end: themeUntil } });
      continue;
    }
    const bodyStart = marker.heading ? marker.heading.lastLine + 1 : marker.line + 1;
    const above = answerText(text, starts, bodyStart, Math.max(bodyStart, marker.line));
    const below = answerText(text, starts, Math.max(bodyStart, marker.line + 1), marker.end);
    const answer = above && below ? above + lineBreakOf(text) + lineBreakOf(text) + below : above || below;
    const headingLine = marker.heading?.line;
    sections.push({
      questionId: marker.id,
      themeId: t >= 0 && marker.line < themeUntil ? themes[t]!.themeId : undefined,
      headingLine,
      headingRange: headingLine === undefined ? undefined : lineRange(headingLine, lineEnd(text, starts, headingLine) - starts[headingLine]!),
      markerLine: marker.line,
      markerRange: marker.range,
      lines: { start: marker.start, end: marker.end },
      answerLines: { start: marker.line + 1, end: Math.max(marker.line + 1, marker.end) },
      answer,
      state: hasContent(answer) ? 'answered' : 'empty',
      rivalHeading: marker.rival && marker.heading && { line: marker.rival.line, text: headingText(text, starts, marker.rival), ownLine: marker.heading.line, ownText: headingText(text, starts, marker.heading) },
    });
  }
  return { sections, themes };
}

/** What a heading says: an ATX heading without its #s, a setext heading's lines joined. */
function headingText(text: string, starts: Uint32Array, heading: HeadingBlock): string {
  const lines: string[] = [];
  for (let line = heading.line; line === heading.line || line < heading.lastLine; line++) lines.push(text.slice(starts[line], lineEnd(text, starts, line)));
  return heading.lastLine > heading.line ? lines.join(' ') : lines[0]!.replace(/^ {0,3}#{1,6}/, '').replace(/[ \t]#+[ \t]*$/, '');
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
