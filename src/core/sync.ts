import type { Position, Range } from './findings';
import { questionForMarker, type Guide, type Theme } from './guide';
import { isBlank, lineBreakOf, lineEnd, lineStarts } from './lines';
import { questionLines, themeLines, yamlString } from './scaffold';
import { markerFor, parseStrategyDocument, themesInScope, type StrategyDocument, type StrategyFrontMatter } from './strategyDocument';

/** The fields a sync must keep as they were, or set as planned. */
const FRONT_MATTER_KEYS = ['title', 'organisation', 'guide', 'guideVersion', 'language', 'status', 'date', 'owners', 'reviewers', 'themes'] as const satisfies readonly (keyof StrategyFrontMatter)[];

/** Text that replaces a zero-based, end-exclusive range; an insertion when the range is empty. */
export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

/**
 * Why a document cannot be synchronised safely: conflict markers, broken front matter, another
 * guide, text whose question cannot be told (a malformed marker, a marker without its heading, a
 * block that is never closed), or a plan that would not read back as intended.
 */
export type SyncRefusal = 'conflict' | 'frontMatter' | 'guideMismatch' | 'ambiguous' | 'unsafe';

/** The edits, in document order and never overlapping, or why there are none. */
export type SyncPlan = { readonly ok: true; readonly edits: readonly TextEdit[] } | { readonly ok: false; readonly reason: SyncRefusal };

/**
 * The edits that give a document the sections its guide has and it lacks, in guide order and in
 * the scaffold's shape: a missing question after the previous question of its theme, a missing
 * theme after the previous theme. In the body nothing is replaced or deleted, so no answer can be
 * lost; sections of questions the guide dropped stay where they are. In the front matter,
 * `guideVersion` becomes the guide's when the guide is newer. `document` must be `text` parsed.
 * Each section goes where a section ends (at a heading, never between a heading and its marker);
 * before anything is offered, the planned result is parsed again and must keep every section's
 * answer and every other front-matter field, and gain exactly the missing ones, so a second sync
 * finds nothing to do.
 */
export function planSync(text: string, document: StrategyDocument, guide: Guide): SyncPlan {
  return plan(text, document, guide, document.frontMatter?.themes);
}

/**
 * The edits that add `themeIds` to the themes a document covers: its `themes:` list gains them (in
 * guide order), or goes when every theme is then in, and their sections are inserted as
 * `planSync` inserts them (with any question the other themes gained), checked the same way.
 */
export function planAddThemes(text: string, document: StrategyDocument, guide: Guide, themeIds: readonly string[]): SyncPlan {
  const listed = document.frontMatter?.themes;
  if (!listed) return plan(text, document, guide, undefined);
  const known = guide.themes.map((t) => t.id);
  const chosen = known.filter((id) => listed.includes(id) || themeIds.includes(id));
  // Ids the guide does not know stay listed (they are flagged) until the list is not needed.
  const themes = chosen.length === known.length ? undefined : [...chosen, ...listed.filter((id) => !known.includes(id))];
  return plan(text, document, guide, themes);
}

/** The guide's themes that a document leaves out through its `themes:` list, in guide order. */
export function themesLeftOut(guide: Guide, frontMatter: StrategyFrontMatter): readonly Theme[] {
  const inScope = themesInScope(guide, frontMatter);
  return guide.themes.filter((t) => !inScope.includes(t));
}

/** The plan for the document to cover `themes` (all when undefined) of `guide`, completely. */
function plan(text: string, document: StrategyDocument, guide: Guide, themes: readonly string[] | undefined): SyncPlan {
  if (document.conflictLines.length > 0) return { ok: false, reason: 'conflict' };
  const frontMatter = document.frontMatter;
  if (!frontMatter) return { ok: false, reason: 'frontMatter' };
  if (frontMatter.guide !== guide.id) return { ok: false, reason: 'guideMismatch' };
  if (!document.unambiguous) return { ok: false, reason: 'ambiguous' };

  const target: StrategyFrontMatter = {
    ...frontMatter,
    guideVersion: isNewer(guide.version, frontMatter.guideVersion) ? guide.version : frontMatter.guideVersion,
    themes,
  };
  const starts = lineStarts(text);
  const headerEdits = frontMatterEdits(text, starts, document, frontMatter, target);
  if (!headerEdits) return { ok: false, reason: 'unsafe' };
  const blocks = new Map<number, string[][]>();
  const insert = (line: number, block: string[]) => blocks.set(line, [...(blocks.get(line) ?? []), block]);
  const renames = renamesOf(document, guide);
  const present = new Set(document.sections.map((s, i) => renames.get(i) ?? s.questionId));
  const expected: string[] = [];
  const firstTheme = document.themes[0];
  // Before the document's first theme, or at the end when it has none.
  let themeCursor = firstTheme ? firstTheme.lines.start : starts.length;
  for (const theme of themesInScope(guide, target)) {
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
      const section = own.find((s) => (renames.get(document.sections.indexOf(s)) ?? s.questionId) === question.id);
      if (section) cursor = section.lines.end;
      else if (!present.has(question.id)) {
        insert(cursor, questionLines(question));
        expected.push(question.id);
      }
    }
  }
  const insertions = [...blocks].sort(([a], [b]) => a - b).map(([line, lines]) => insertion(text, starts, line, lines));
  const markerEdits = [...renames].map(([i, id]): TextEdit => ({ range: document.sections[i]!.markerRange, text: markerFor(id) }));
  const edits = [...headerEdits, ...markerEdits, ...insertions].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (edits.length > 0 && !readsAsPlanned(document, parseStrategyDocument(applyEdits(text, edits), document.file), renames, expected, target)) return { ok: false, reason: 'unsafe' };
  return { ok: true, edits };
}

/**
 * The markers to rewrite, by section index, with the question id each takes: a marker with a former
 * id of a question becomes the question's marker, unless the document already has a section for
 * that id (then two sections would claim it; the warning stays for a person to decide).
 * Only the first such marker is renamed.
 */
function renamesOf(document: StrategyDocument, guide: Guide): Map<number, string> {
  const present = new Set(document.sections.map((s) => s.questionId));
  const renames = new Map<number, string>();
  document.sections.forEach((section, i) => {
    const found = questionForMarker(guide, section.questionId);
    if (!found?.renamed || present.has(found.question.id)) return;
    present.add(found.question.id);
    renames.set(i, found.question.id);
  });
  return renames;
}

/** Whether version `a` (semver, as guides carry) is newer than `b`; true when `b` is absent or unreadable. */
function isNewer(a: string, b: string | undefined): boolean {
  const parts = (v: string) => /^(\d+)\.(\d+)\.(\d+)/.exec(v)?.slice(1).map(Number);
  const [x, y] = [parts(a), b === undefined ? undefined : parts(b)];
  if (!x) return false;
  if (!y) return b !== a;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}

/**
 * The front-matter lines to rewrite so it reads `target`: `guideVersion` and `themes` are rewritten
 * as the scaffold writes them (top-level keys, a flow list); undefined when a key to change is not
 * where it can be rewritten alone (nested, or its value runs on past the lines it names).
 */
function frontMatterEdits(text: string, starts: Uint32Array, document: StrategyDocument, current: StrategyFrontMatter, target: StrategyFrontMatter): TextEdit[] | undefined {
  const closing = closingLine(text, starts);
  if (closing === undefined) return undefined;
  const keyLine = (key: string) => {
    for (let line = 1; line < closing; line++) if (new RegExp(`^${key}[ \t]*:`).test(text.slice(starts[line], lineEnd(text, starts, line)))) return line;
    return undefined;
  };
  const eol = lineBreakOf(text);
  const edits: TextEdit[] = [];
  const replace = (from: number, to: number, lines: readonly string[]) =>
    edits.push({ range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text: lines.map((l) => l + eol).join('') });
  if (target.guideVersion !== current.guideVersion && target.guideVersion !== undefined) {
    const line = keyLine('guideVersion');
    const value = `guideVersion: ${yamlString(target.guideVersion)}`;
    if (line !== undefined) replace(line, line + 1, [value]);
    else {
      // Older documents lack the key: it goes after the guide's id, where the scaffold writes it.
      const after = (document.guideRange?.end.line ?? keyLine('guide') ?? closing - 1) + 1;
      if (after > closing) return undefined;
      replace(after, after, [value]);
    }
  }
  if (JSON.stringify(target.themes) !== JSON.stringify(current.themes)) {
    const line = keyLine('themes');
    if (line === undefined) return undefined;
    // A block list runs over the lines below the key; the last item's line ends it.
    const last = Math.max(line, ...(document.themeRanges ?? []).map((r) => r.end.line));
    if (last >= closing) return undefined;
    replace(line, last + 1, target.themes ? [`themes: [${target.themes.map(yamlString).join(', ')}]`] : []);
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** The line of the front matter's closing `---`. */
function closingLine(text: string, starts: Uint32Array): number | undefined {
  for (let line = 1; line < starts.length; line++) if (/^---[ \t]*$/.test(text.slice(starts[line], lineEnd(text, starts, line)))) return line;
  return undefined;
}

/**
 * Whether `after` keeps every section of `before`, answer for answer and in order, adds exactly the
 * `added` questions, empty, and has the `frontMatter` planned, every other field as it was.
 */
function readsAsPlanned(before: StrategyDocument, after: StrategyDocument, renames: ReadonlyMap<number, string>, added: readonly string[], frontMatter: StrategyFrontMatter): boolean {
  if (!after.unambiguous || after.sections.length !== before.sections.length + added.length) return false;
  if (!after.frontMatter || !FRONT_MATTER_KEYS.every((key) => JSON.stringify(after.frontMatter![key]) === JSON.stringify(frontMatter[key]))) return false;
  // A renamed section must come back under its new id with its answer byte for byte.
  const idsBefore = before.sections.map((s, i) => renames.get(i) ?? s.questionId);
  const had = new Set(idsBefore);
  const kept = after.sections.filter((s) => had.has(s.questionId));
  const fresh = after.sections.filter((s) => !had.has(s.questionId));
  return (
    kept.length === before.sections.length &&
    kept.every((s, i) => s.questionId === idsBefore[i] && s.answer === before.sections[i]!.answer && s.themeId === before.sections[i]!.themeId) &&
    fresh.length === added.length &&
    fresh.every((s) => s.state === 'empty' && added.includes(s.questionId))
  );
}

/**
 * The blocks that go before `line` (or at the end), separated as the scaffold separates them:
 * a blank line before each heading and after each marker, and no blank line added at the end.
 */
function insertion(text: string, starts: Uint32Array, line: number, blocks: readonly string[][]): TextEdit {
  const eol = lineBreakOf(text);
  const body = blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]));
  const last = starts.length - 1;
  const gapAfter = (previous: number) => (previous >= 0 && !isBlank(text, starts[previous]!, lineEnd(text, starts, previous)) ? [''] : []);
  const at = (l: number, character: number, inserted: string): TextEdit => ({ range: { start: { line: l, character }, end: { line: l, character } }, text: inserted });
  if (line <= last) return at(line, 0, [...gapAfter(line - 1), ...body, ''].map((l) => l + eol).join(''));
  if (text.endsWith('\n')) return at(last, 0, [...gapAfter(last - 1), ...body].map((l) => l + eol).join(''));
  // Without a final line break the text stays without one.
  return at(last, lineEnd(text, starts, last) - starts[last]!, eol + [...gapAfter(last), ...body].join(eol));
}

/** `text` with `edits` (planned for this very text, not overlapping) applied; insertions at one position keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const offset = (p: Position) => starts[p.line]! + p.character;
  const placed = edits.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.text })).sort((a, b) => a.from - b.from);
  let result = '';
  let from = 0;
  for (const edit of placed) {
    result += text.slice(from, edit.from) + edit.text;
    from = edit.to;
  }
  return result + text.slice(from);
}
