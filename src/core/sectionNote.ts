/**
 * The meeting's notes field is bound to one question's section: it shows the text below the
 * section's marker and writes back there. A write is planned against the text the field was last
 * given; when the document changed under it, or the note would reach outside its section (a
 * heading, a marker or an unclosed block typed into it), nothing is planned and the reason says why.
 * Every plan is parsed again before it is offered, so no text can move to another question.
 */
import { isBlank, lineBreakOf, lineEnd, lineStarts } from './lines';
import { applyTextEdits, type TextEdit } from './repairs';
import { parseStrategyDocument, type Section, type StrategyDocument } from './strategyDocument';

/**
 * Why a note cannot be written: the question has no section, or more than one; the document has
 * conflict markers or text whose question cannot be told; the section's note is no longer the one
 * the field was given (the document wins); the note would change another section or end its own.
 */
export type NoteRefusal = 'noSection' | 'duplicate' | 'conflict' | 'ambiguous' | 'changed' | 'unsafe';

/** The one edit that writes the note (none when the document already says it), or why not. */
export type NotePlan = { readonly ok: true; readonly edit: TextEdit | undefined } | { readonly ok: false; readonly reason: NoteRefusal };

/** The note of `questionId` in `document` (`text` parsed): the first section's text below its marker, or undefined without a section. */
export function noteOf(text: string, document: StrategyDocument, questionId: string): string | undefined {
  const section = document.sections.find((s) => s.questionId === questionId);
  return section && belowMarker(text, lineStarts(text), section).text;
}

/** `note` as the document would hold it: its line breaks the document's, without blank lines around it. */
export function normaliseNote(note: string, lineBreak: string): string {
  const lines = note.split(/\r\n|\r|\n/);
  const blank = (line: string) => /^[ \t]*$/.test(line);
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && blank(lines[first]!)) first++;
  while (last >= first && blank(lines[last]!)) last--;
  return lines.slice(first, last + 1).join(lineBreak);
}

/**
 * The smallest edit that makes `questionId`'s note `note`, given that the field last showed
 * `base`. `document` must be `text` parsed. An existing note is replaced from its first to its
 * last line; a first note opens after the marker between blank lines; an emptied note takes its
 * lines with it and leaves the blank lines that were there.
 */
export function planNoteEdit(text: string, document: StrategyDocument, questionId: string, base: string, note: string): NotePlan {
  const matching = document.sections.filter((s) => s.questionId === questionId);
  if (matching.length === 0) return { ok: false, reason: 'noSection' };
  if (matching.length > 1) return { ok: false, reason: 'duplicate' };
  if (document.conflictLines.length > 0) return { ok: false, reason: 'conflict' };
  if (!document.unambiguous) return { ok: false, reason: 'ambiguous' };
  const section = matching[0]!;
  const starts = lineStarts(text);
  const current = belowMarker(text, starts, section);
  const eol = lineBreakOf(text);
  if (current.text !== normaliseNote(base, eol)) return { ok: false, reason: 'changed' };
  const wanted = normaliseNote(note, eol);
  if (wanted === current.text) return { ok: true, edit: undefined };

  const markerEnd = position(starts, section.markerLine, lineEnd(text, starts, section.markerLine));
  let edit: TextEdit;
  if (current.first === undefined) {
    // Nothing below the marker: a blank line after the marker, and one before whatever follows.
    const next = section.markerLine + 1;
    const followedByText = next < starts.length && !isBlank(text, starts[next]!, lineEnd(text, starts, next));
    edit = { range: { start: markerEnd, end: markerEnd }, newText: eol + eol + wanted + (followedByText ? eol : '') };
  } else {
    const last = current.last!;
    const end = position(starts, last, lineEnd(text, starts, last));
    edit = wanted === '' ? { range: { start: markerEnd, end }, newText: '' } : { range: { start: position(starts, current.first, starts[current.first]!), end }, newText: wanted };
  }
  const after = applyTextEdits(text, [edit]);
  return readsAsPlanned(document, parseStrategyDocument(after, document.file), after, section, wanted) ? { ok: true, edit } : { ok: false, reason: 'unsafe' };
}

/** The text below a section's marker without blank lines around it, with its first and last lines. */
function belowMarker(text: string, starts: Uint32Array, section: Section): { readonly text: string; readonly first: number | undefined; readonly last: number | undefined } {
  const blank = (line: number) => isBlank(text, starts[line]!, lineEnd(text, starts, line));
  let first = section.answerLines.start;
  let last = section.answerLines.end - 1;
  while (first <= last && blank(first)) first++;
  while (last >= first && blank(last)) last--;
  if (first > last) return { text: '', first: undefined, last: undefined };
  return { text: text.slice(starts[first], lineEnd(text, starts, last)), first, last };
}

function position(starts: Uint32Array, line: number, offset: number): { line: number; character: number } {
  return { line, character: offset - starts[line]! };
}

/**
 * Whether the edited document has the same sections and themes in the same order, every other
 * section's answer as it was, no new finding, and `section`'s note exactly `note`.
 */
function readsAsPlanned(before: StrategyDocument, after: StrategyDocument, text: string, section: Section, note: string): boolean {
  if (!after.unambiguous || after.conflictLines.length > 0) return false;
  if (after.sections.length !== before.sections.length || after.themes.length !== before.themes.length) return false;
  if (!after.themes.every((t, i) => t.themeId === before.themes[i]!.themeId)) return false;
  const codes = (d: StrategyDocument) => d.findings.map((f) => `${f.code} ${f.args['id'] ?? ''}`).sort().join('\n');
  if (codes(after) !== codes(before)) return false;
  const index = before.sections.indexOf(section);
  return before.sections.every((old, i) => {
    const now = after.sections[i]!;
    if (now.questionId !== old.questionId || now.themeId !== old.themeId) return false;
    return i === index ? belowMarker(text, lineStarts(text), now).text === note : now.answer === old.answer;
  });
}
