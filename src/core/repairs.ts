/**
 * Repairs for the two warnings that leave a document ambiguous but have an obvious cure: a marker
 * written slightly wrong, and a marker whose heading was lost (turned into bold text, or deleted);
 * and for a marker that still carries a question's former id.
 * A repair is offered only once the repaired text has been parsed again and found to lose exactly
 * that finding and keep every answer, so no repair can move text from one question to another.
 */
import type { Finding, Range } from './findings';
import { findQuestion, questionForMarker, type Guide } from './guide';
import { isBlank, lineBreakOf, lineEnd, lineStarts } from './lines';
import { headingLine } from './scaffold';
import { markerFor, parseStrategyDocument, type StrategyDocument } from './strategyDocument';

/** Text to put in place of a range, zero-based like findings' ranges; an empty range inserts. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A candidate repair, with the one line it may move into or out of an answer (by section index). */
interface Candidate {
  readonly edits: readonly TextEdit[];
  readonly moved?: { readonly line: string; readonly from?: number; readonly to?: number };
}

/** A line that is one emphasised span and nothing else: `**text**`, `__text__`, `*text*` or `_text_`. */
const EMPHASISED = /^ {0,3}(?:\*\*(?!\s)((?:(?!\*\*).)+?)(?<!\s)\*\*|__(?!\s)((?:(?!__).)+?)(?<!\s)__|\*(?!\s)([^*]+?)(?<!\s)\*|_(?!\s)([^_]+?)(?<!\s)_)[ \t]*$/;
const ATX_OPENING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * The edits that cure a `marker.malformed` or `marker.noHeading` finding of `document` (which must
 * be `text` parsed); undefined for other findings and when no repair reads back safely.
 * `guide` gives the text of a heading that was deleted; without it only the marker can be repaired
 * or a bold line made a heading again.
 */
export function planRepair(text: string, document: StrategyDocument, guide: Guide | undefined, finding: Finding): readonly TextEdit[] | undefined {
  if (finding.code === 'marker.formerId') return guide && planRename(text, document, guide, finding);
  const starts = lineStarts(text);
  const line = finding.range.start.line;
  if (line >= starts.length) return undefined;
  const candidates = finding.code === 'marker.malformed' ? [repairMarker(text, starts, document, finding)] : finding.code === 'marker.noHeading' ? restoreHeading(text, starts, document, guide, line) : [];
  return candidates.find((c) => c && readsAsPlanned(document, parseStrategyDocument(applyTextEdits(text, c.edits), document.file), finding, c))?.edits;
}

/**
 * The marker of a `marker.formerId` finding rewritten with the question's id now. Offered only when
 * no other section has that id (two sections would claim one question) and the text, parsed again,
 * has the same sections with the same answers, the renamed one under its new id.
 */
function planRename(text: string, document: StrategyDocument, guide: Guide, finding: Finding): readonly TextEdit[] | undefined {
  const index = document.sections.findIndex((s) => s.markerLine === finding.range.start.line);
  const section = document.sections[index];
  const found = section && questionForMarker(guide, section.questionId);
  if (!section || !found?.renamed || document.sections.some((s) => s.questionId === found.question.id)) return undefined;
  const edits = [{ range: section.markerRange, newText: markerFor(found.question.id) }];
  const after = parseStrategyDocument(applyTextEdits(text, edits), document.file);
  const same =
    after.sections.length === document.sections.length &&
    document.sections.every((old, i) => {
      const now = after.sections[i]!;
      return now.questionId === (i === index ? found.question.id : old.questionId) && now.answer === old.answer && now.themeId === old.themeId;
    });
  return same ? edits : undefined;
}

/** `text` with `edits` (planned for this very text, not overlapping) applied. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const offset = (p: Range['start']) => starts[p.line]! + p.character;
  const sorted = [...edits].sort((a, b) => offset(a.range.start) - offset(b.range.start));
  let result = '';
  let from = 0;
  for (const edit of sorted) {
    result += text.slice(from, offset(edit.range.start)) + edit.newText;
    from = offset(edit.range.end);
  }
  return result + text.slice(from);
}

/** The marker line as the marker alone; text that followed `-->` goes to a paragraph of its own below, so no word is lost. */
function repairMarker(text: string, starts: Uint32Array, document: StrategyDocument, finding: Finding): Candidate | undefined {
  const expected = finding.args['expected'];
  if (!expected) return undefined;
  const line = finding.range.start.line;
  const source = lineText(text, starts, line);
  const close = source.indexOf('-->');
  const rest = close < 0 ? '' : source.slice(close + 3).trim();
  const range = { start: { line, character: 0 }, end: { line, character: source.length } };
  if (!rest) return { edits: [{ range, newText: expected }] };
  const eol = lineBreakOf(text);
  const nextIsText = line + 1 < starts.length && !blankLine(text, starts, line + 1);
  const section = document.sections.findIndex((s) => s.markerLine === line);
  return {
    edits: [{ range, newText: expected + eol + eol + rest + (nextIsText ? eol : '') }],
    moved: { line: rest, ...(section >= 0 ? { to: section } : {}) },
  };
}

/**
 * A heading for a marker without one: the emphasised line right above it made a heading again
 * (it was the heading, turned into bold text), else the guide's text inserted as a new heading.
 * A question's heading is one level below its theme's (### without one); a theme's is ##.
 */
function restoreHeading(text: string, starts: Uint32Array, document: StrategyDocument, guide: Guide | undefined, line: number): (Candidate | undefined)[] {
  const index = document.sections.findIndex((s) => s.markerLine === line);
  const section = document.sections[index];
  const theme = section ? undefined : document.themes.find((t) => t.markerLine === line);
  if (!section && !theme) return [];
  const themeHeading = section && document.themes.find((t) => t.lines.start <= line && line < t.lines.end)?.headingLine;
  const level = section ? Math.min(6, (themeHeading === undefined ? 2 : (headingLevel(text, starts, themeHeading) ?? 2)) + 1) : 2;

  let above = line - 1;
  while (above >= 0 && blankLine(text, starts, above)) above--;
  const source = above >= 0 ? lineText(text, starts, above) : '';
  // Only a paragraph of its own: the last line of a longer paragraph was never a heading.
  const emphasised = above >= 0 && (above === 0 || blankLine(text, starts, above - 1)) ? EMPHASISED.exec(source) : null;
  const guideWords = section ? guide && findQuestion(guide, section.questionId)?.question.text : guide?.themes.find((t) => t.id === theme!.themeId)?.title;
  const fromBold = (): Candidate | undefined => {
    if (!emphasised) return undefined;
    const words = emphasised.slice(1).find((group) => group !== undefined)!;
    const from = document.sections.findIndex((s, i) => i !== index && s.markerLine < above && above < s.lines.end);
    // A bold line in another question's answer may be that answer, not a lost heading: it is
    // taken out only when it reads as the guide's heading, or (no guide to ask) when the answer
    // it leaves keeps other text. Otherwise the guide's heading is inserted and no text moves.
    const fallen = from >= 0 && (guideWords === undefined ? textLines(document.sections[from]!.answer).length <= 1 : !sameWords(words, guideWords));
    if (fallen) return undefined;
    return {
      edits: [{ range: { start: { line: above, character: 0 }, end: { line: above, character: source.length } }, newText: headingLine(level, words) }],
      moved: { line: source, ...(from >= 0 ? { from } : {}) },
    };
  };
  const fromGuide = (): Candidate | undefined => {
    const words = guideWords;
    if (words === undefined) return undefined;
    const eol = lineBreakOf(text);
    const gap = line > 0 && !blankLine(text, starts, line - 1) ? eol : '';
    return { edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: gap + headingLine(level, words) + eol + eol }] };
  };
  return [fromBold(), fromGuide()];
}

/**
 * Whether `after` has the finding no more (one fewer of its code and id, no other finding more
 * often than before) and the same sections and themes in the same order with the same answers,
 * but for the one line the repair moves into or out of an answer.
 */
function readsAsPlanned(before: StrategyDocument, after: StrategyDocument, finding: Finding, candidate: Candidate): boolean {
  const key = (f: Finding) => `${f.code} ${f.args['id'] ?? ''}`;
  const count = (document: StrategyDocument) => {
    const counts = new Map<string, number>();
    for (const f of document.findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    return counts;
  };
  const was = count(before);
  const now = count(after);
  if ((now.get(key(finding)) ?? 0) !== was.get(key(finding))! - 1) return false;
  for (const [k, n] of now) if (n > (was.get(k) ?? 0)) return false;
  if (after.sections.length !== before.sections.length || after.themes.length !== before.themes.length) return false;
  if (!after.themes.every((t, i) => t.themeId === before.themes[i]!.themeId)) return false;
  const moved = candidate.moved;
  return before.sections.every((old, i) => {
    const repaired = after.sections[i]!;
    if (repaired.questionId !== old.questionId || repaired.themeId !== old.themeId) return false;
    if (moved && i === moved.from) return addsOneLine(textLines(repaired.answer), moved.line, textLines(old.answer));
    if (moved && i === moved.to) return addsOneLine(textLines(old.answer), moved.line, textLines(repaired.answer));
    return repaired.answer === old.answer;
  });
}

/** Whether two headings say the same, whatever their spacing, line breaks and case. */
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.trim().split(/\s+/).join(' ').toLocaleLowerCase();
  return words(a) === words(b);
}

/** Whether `longer` is `shorter` with `line` inserted somewhere. */
function addsOneLine(shorter: readonly string[], line: string, longer: readonly string[]): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return longer[i] === line && shorter.slice(i).every((l, j) => l === longer[i + 1 + j]);
}

/** An answer's lines that are not blank: where a repair may add or remove blank lines, only these must stay. */
function textLines(answer: string): string[] {
  return answer.split(/\r\n|\r|\n/).filter((l) => !/^[ \t]*$/.test(l));
}

/** The level of the heading that starts at `line`: ATX by its hashes, setext by its underline. */
function headingLevel(text: string, starts: Uint32Array, line: number): number | undefined {
  const atx = ATX_OPENING.exec(lineText(text, starts, line));
  if (atx) return atx[1]!.length;
  for (let l = line + 1; l < starts.length && !blankLine(text, starts, l); l++) {
    const underline = SETEXT_UNDERLINE.exec(lineText(text, starts, l));
    if (underline) return underline[1]!.startsWith('=') ? 1 : 2;
  }
  return undefined;
}

function lineText(text: string, starts: Uint32Array, line: number): string {
  return text.slice(starts[line], lineEnd(text, starts, line));
}

function blankLine(text: string, starts: Uint32Array, line: number): boolean {
  return isBlank(text, starts[line]!, lineEnd(text, starts, line));
}
