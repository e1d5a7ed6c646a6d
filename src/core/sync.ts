import type { Guide } from './guide';
import { isBlank, lineBreakOf, lineEnd, lineStarts } from './lines';
import { questionLines, themeLines } from './scaffold';
import { parseStrategyDocument, themesInScope, type StrategyDocument } from './strategyDocument';

/** Text to insert at a zero-based position; `character` is 0 except at the end of a text without a final line break. */
export interface Insertion {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

/**
 * Why a document cannot be synchronised safely: conflict markers, broken front matter, another
 * guide, text whose question cannot be told (a malformed marker, a marker without its heading, a
 * block that is never closed), or a plan that would not read back as intended.
 */
export type SyncRefusal = 'conflict' | 'frontMatter' | 'guideMismatch' | 'ambiguous' | 'unsafe';

export type SyncPlan = { readonly ok: true; readonly insertions: readonly Insertion[] } | { readonly ok: false; readonly reason: SyncRefusal };

/**
 * The insertions that give a document the sections its guide has and it lacks, in guide order and
 * in the scaffold's shape: a missing question after the previous question of its theme, a missing
 * theme after the previous theme. Nothing is replaced or deleted, so no answer can be lost; sections
 * of questions the guide dropped stay where they are. `document` must be `text` parsed.
 * Each section goes where a section ends (at a heading, never between a heading and its marker);
 * before anything is offered, the planned result is parsed again and must keep every section's
 * answer and gain exactly the missing ones, so a second sync finds nothing to do.
 */
export function planSync(text: string, document: StrategyDocument, guide: Guide): SyncPlan {
  if (document.conflictLines.length > 0) return { ok: false, reason: 'conflict' };
  const frontMatter = document.frontMatter;
  if (!frontMatter) return { ok: false, reason: 'frontMatter' };
  if (frontMatter.guide !== guide.id) return { ok: false, reason: 'guideMismatch' };
  if (!document.unambiguous) return { ok: false, reason: 'ambiguous' };

  const starts = lineStarts(text);
  const blocks = new Map<number, string[][]>();
  const insert = (line: number, block: string[]) => blocks.set(line, [...(blocks.get(line) ?? []), block]);
  const present = new Set(document.sections.map((s) => s.questionId));
  const expected: string[] = [];
  const firstTheme = document.themes[0];
  // Before the document's first theme, or at the end when it has none.
  let themeCursor = firstTheme ? firstTheme.lines.start : starts.length;
  for (const theme of themesInScope(guide, frontMatter)) {
    const block = document.themes.find((t) => t.themeId === theme.id);
    if (!block) {
      const missing = theme.questions.filter((q) => !present.has(q.id));
      insert(themeCursor, themeLines(theme, missing, false));
      expected.push(...missing.map((q) => q.id));
      continue;
    }
    themeCursor = block.lines.end;
    const own = document.sections.filter((s) => s.themeId === theme.id);
    let cursor = own[0] ? own[0].lines.start : block.lines.end;
    for (const question of theme.questions) {
      const section = own.find((s) => s.questionId === question.id);
      if (section) cursor = section.lines.end;
      else if (!present.has(question.id)) {
        insert(cursor, questionLines(question));
        expected.push(question.id);
      }
    }
  }
  const insertions = [...blocks].sort(([a], [b]) => a - b).map(([line, lines]) => insertion(text, starts, line, lines));
  if (insertions.length > 0 && !readsAsPlanned(document, parseStrategyDocument(applyInsertions(text, insertions), document.file), expected)) return { ok: false, reason: 'unsafe' };
  return { ok: true, insertions };
}

/** Whether `after` keeps every section of `before`, answer for answer and in order, and adds exactly the `added` questions, empty. */
function readsAsPlanned(before: StrategyDocument, after: StrategyDocument, added: readonly string[]): boolean {
  if (!after.unambiguous || after.sections.length !== before.sections.length + added.length) return false;
  const had = new Set(before.sections.map((s) => s.questionId));
  const kept = after.sections.filter((s) => had.has(s.questionId));
  const fresh = after.sections.filter((s) => !had.has(s.questionId));
  return (
    kept.every((s, i) => s.questionId === before.sections[i]!.questionId && s.answer === before.sections[i]!.answer && s.themeId === before.sections[i]!.themeId) &&
    fresh.length === added.length &&
    fresh.every((s) => s.state === 'empty' && added.includes(s.questionId))
  );
}

/**
 * The blocks that go before `line` (or at the end), separated as the scaffold separates them:
 * a blank line before each heading and after each marker, and no blank line added at the end.
 */
function insertion(text: string, starts: Uint32Array, line: number, blocks: readonly string[][]): Insertion {
  const eol = lineBreakOf(text);
  const body = blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]));
  const last = starts.length - 1;
  const gapAfter = (previous: number) => (previous >= 0 && !isBlank(text, starts[previous]!, lineEnd(text, starts, previous)) ? [''] : []);
  if (line <= last) return { line, character: 0, text: [...gapAfter(line - 1), ...body, ''].map((l) => l + eol).join('') };
  if (text.endsWith('\n')) return { line: last, character: 0, text: [...gapAfter(last - 1), ...body].map((l) => l + eol).join('') };
  // Without a final line break the text stays without one.
  return { line: last, character: lineEnd(text, starts, last) - starts[last]!, text: eol + [...gapAfter(last), ...body].join(eol) };
}

/** `text` with `insertions` (planned for this very text) applied; insertions at one position keep their order. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const starts = lineStarts(text);
  const placed = insertions.map((i) => ({ offset: starts[i.line]! + i.character, text: i.text })).sort((a, b) => a.offset - b.offset);
  let result = '';
  let from = 0;
  for (const { offset, text: inserted } of placed) {
    result += text.slice(from, offset) + inserted;
    from = offset;
  }
  return result + text.slice(from);
}
