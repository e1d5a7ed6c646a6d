/**
 * The edits that write a quote of the guide: restoring a changed wording or attribution (the quick
 * fixes of `quote.changed` and `quote.attribution`) and inserting a quote into a section. Each edit
 * is offered only once the edited text has been parsed again and read as planned: the finding gone
 * (or the quote there, unchanged), no other finding more, and no other section's answer touched.
 */
import type { Finding } from './findings';
import type { GuideEntry, Quote } from './guide';
import { isBlank, lineBreakOf, lineEnd, lineStarts } from './lines';
import { attributionFor, quoteFindings, quoteLines, quoteTextLines, readQuotes } from './quoteCheck';
import { applyTextEdits, type TextEdit } from './repairs';
import { parseStrategyDocument, type Section, type StrategyDocument } from './strategyDocument';

/**
 * The edit that restores the guide's wording or attribution for a `quote.changed` or
 * `quote.attribution` finding of `document` (which must be `text` parsed): one edit inside the
 * quote. Undefined for other findings, or when no such edit reads back safely.
 */
export function planQuoteRepair(text: string, document: StrategyDocument, entries: readonly GuideEntry[], finding: Finding): readonly TextEdit[] | undefined {
  if (finding.code !== 'quote.changed' && finding.code !== 'quote.attribution') return undefined;
  const line = finding.range.start.line;
  const found = readQuotes(document, entries).quotes.find((q) =>
    q.quote.id !== finding.args['id']
      ? false
      : finding.code === 'quote.changed'
        ? q.wording?.line === line
        : !q.attributed && (q.attribution ? q.attribution.line === line : q.text.at(-1)?.line === line),
  );
  if (!found) return undefined;
  const starts = lineStarts(text);
  const eol = lineBreakOf(text);
  let edit: TextEdit;
  if (finding.code === 'quote.changed') {
    const first = found.text[0];
    const last = found.text.at(-1);
    if (!first || !last) return undefined;
    // A copy with a paragraph more than the guide's quote has a note of the writer's in it (between
    // two parts of the quote, say): restoring the wording would delete it, so no repair is offered.
    const paragraphs = (lines: readonly string[]) => lines.filter((l, i) => l.trim() !== '' && (i === 0 || lines[i - 1]!.trim() === '')).length;
    const copy: string[] = [];
    for (let l = first.line; l <= last.line; l++) copy.push(text.slice(starts[l], lineEnd(text, starts, l)).replace(/^[ \t]*>[ \t]?/, ''));
    if (paragraphs(copy) > paragraphs(quoteTextLines(found.quote))) return undefined;
    // Later lines keep the block quote's own prefix (`> `, or an indented one), so the quote stays one block.
    const prefix = text.slice(starts[first.line], starts[first.line]! + first.column) || '> ';
    const lines = quoteTextLines(found.quote).map((l, i) => (i === 0 ? l : l === '' ? prefix.trimEnd() : prefix + l));
    edit = { range: { start: { line: first.line, character: first.column }, end: { line: last.line, character: last.column + last.text.length } }, newText: lines.join(eol) };
  } else if (found.attribution) {
    const a = found.attribution;
    edit = { range: { start: { line: a.line, character: a.column }, end: { line: a.line, character: a.column + a.text.length } }, newText: attributionFor(found.quote) };
  } else {
    const at = found.end.line;
    const endOfLine = { line: at, character: lineEnd(text, starts, at) - starts[at]! };
    const nextIsText = at + 1 < starts.length && !isBlank(text, starts[at + 1]!, lineEnd(text, starts, at + 1));
    const newText = found.end.insideQuote ? `${eol}>${eol}> ${attributionFor(found.quote)}` : `${eol}${eol}${attributionFor(found.quote)}${nextIsText ? eol : ''}`;
    edit = { range: { start: endOfLine, end: endOfLine }, newText };
  }
  const after = parseStrategyDocument(applyTextEdits(text, [edit]), document.file);
  return keepsEverythingElse(document, after, entries, edit.range.start.line, finding) ? [edit] : undefined;
}

/**
 * The edit that inserts `quote` (with its marker and attribution) into the section that holds
 * `line`: after the paragraph the line is in, or right below the marker when the line is the
 * section's heading. Undefined when no section holds the line (a quote outside a section would
 * belong to no question), or when the insertion does not read back as that quote, unchanged, in that section.
 */
export function planQuoteInsertion(text: string, document: StrategyDocument, entries: readonly GuideEntry[], quote: Quote, line: number): TextEdit | undefined {
  const index = document.sections.findIndex((s) => s.lines.start <= line && line < s.lines.end);
  const section = document.sections[index];
  if (!section) return undefined;
  const starts = lineStarts(text);
  const eol = lineBreakOf(text);
  const blank = (l: number) => isBlank(text, starts[l]!, lineEnd(text, starts, l));
  // After the paragraph the cursor is in: never inside a paragraph, list or other block, where the quote would join it.
  let after = Math.max(line, section.markerLine);
  while (after + 1 < section.lines.end && !blank(after + 1) && !blank(after)) after++;
  if (after > section.markerLine && blank(after)) after--;
  const at = { line: after, character: lineEnd(text, starts, after) - starts[after]! };
  const nextIsText = after + 1 < starts.length && !blank(after + 1);
  const newText = eol + eol + quoteLines(quote).join(eol) + (nextIsText ? eol : '');
  const edit: TextEdit = { range: { start: at, end: at }, newText };
  const inserted = parseStrategyDocument(applyTextEdits(text, [edit]), document.file);
  const landed = readQuotes(inserted, entries).quotes.some((q) => q.quote.id === quote.id && q.marked && q.wording === undefined && q.attributed && inside(inserted.sections[index], q.range.start.line));
  return landed && keepsEverythingElse(document, inserted, entries, at.line, undefined) ? edit : undefined;
}

/**
 * Whether `after` has the same sections and themes, in order, with the same answers but the one
 * holding `line`, and no finding more often than `before` (one fewer of `fixed`'s code and quote, when given).
 */
function keepsEverythingElse(before: StrategyDocument, after: StrategyDocument, entries: readonly GuideEntry[], line: number, fixed: Finding | undefined): boolean {
  const key = (f: Finding) => `${f.code} ${f.args['id'] ?? ''}`;
  const count = (document: StrategyDocument) => {
    const counts = new Map<string, number>();
    for (const f of [...document.findings, ...quoteFindings(document, entries)]) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    return counts;
  };
  const was = count(before);
  const now = count(after);
  if (fixed && (now.get(key(fixed)) ?? 0) !== (was.get(key(fixed)) ?? 0) - 1) return false;
  for (const [k, n] of now) if (n > (was.get(k) ?? 0)) return false;
  if (after.sections.length !== before.sections.length || after.themes.length !== before.themes.length) return false;
  if (!after.themes.every((t, i) => t.themeId === before.themes[i]!.themeId)) return false;
  return before.sections.every((old, i) => {
    const now = after.sections[i]!;
    return now.questionId === old.questionId && now.themeId === old.themeId && (inside(old, line) || now.answer === old.answer);
  });
}

function inside(section: Section | undefined, line: number): boolean {
  return section !== undefined && section.lines.start <= line && line < section.lines.end;
}
