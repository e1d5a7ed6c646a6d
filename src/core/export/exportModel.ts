/**
 * What an exported strategy document says, before it is Word, PDF or HTML: the title block, then
 * per theme its questions with their answers as Markdown blocks, and, against a review base, which
 * blocks were inserted or deleted since. Every renderer draws this one model, so the three formats
 * hold the same content in the same order, and the editor and the CLI build it the same way.
 */
import { answersOf, reviewDocument, type AnswerChange } from '../answerReview';
import type { Finding } from '../findings';
import type { GuideEntry } from '../guide';
import { AMBIGUOUS, analyseStrategyDocument, type StrategyDocument } from '../strategyDocument';
import { answerBlocks, exportable, type Block, type Inline, type TextRun } from './markdownModel';

export type { Block, Inline } from './markdownModel';

/** A block as the export shows it: as it is, or marked as inserted or deleted since the base. */
export interface RevisedBlock {
  readonly block: Block;
  readonly revision: 'inserted' | 'deleted' | undefined;
}

/** One question of the export: its number and full text, then its answer. */
export interface ExportQuestion {
  readonly id: string;
  /** "3.2", as the guide numbers it. */
  readonly number: string;
  /** The question verbatim, from the guide. */
  readonly text: string;
  /** The answer's blocks, deleted ones included; empty when the question is unanswered and always was. */
  readonly blocks: readonly RevisedBlock[];
  /** No answer now (a removed answer's deleted blocks may still be shown). */
  readonly unanswered: boolean;
  /** How the answer moved since the base; undefined without a base. */
  readonly change: AnswerChange | undefined;
}

/** A quote of the guide's, shown under its theme when asked for. */
export interface ExportQuote {
  readonly text: string;
  readonly speaker: string;
  readonly time: string;
}

export interface ExportTheme {
  readonly id: string;
  readonly title: string;
  readonly quotes: readonly ExportQuote[];
  readonly questions: readonly ExportQuestion[];
}

/** The whole export, format-neutral. Its texts are the writer's and the guide's, never the product's own words. */
export interface ExportModel {
  readonly title: string;
  readonly organisation: string | undefined;
  readonly status: string | undefined;
  readonly date: string | undefined;
  readonly guideTitle: string;
  readonly guideVersion: string;
  /** The document's language, a BCP 47 tag with its region, as Word and PDF readers expect: "da-DK", "en-GB". */
  readonly language: string;
  readonly themes: readonly ExportTheme[];
  /** The review base, when the export marks changes: its name and its commit's date (ISO 8601). */
  readonly base: { readonly ref: string; readonly date: string } | undefined;
}

/**
 * The front matter's date as a calendar day (`2026-03-01`), for a file's properties; undefined when
 * it is not one (`marts 2026`, or `2026-02-30`, which no calendar has), and the title block then
 * shows it only as written.
 */
export function calendarDate(date: string | undefined): string | undefined {
  const day = date?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : undefined;
}

/** What the exporter is given. */
export interface ExportInput {
  /** The strategy document, parsed. */
  readonly document: StrategyDocument;
  readonly guides: readonly GuideEntry[];
  /** Show each theme's quotes from the guide. */
  readonly includeQuotes: boolean;
  /** The same document at a Git base, to mark what changed since; `document: undefined` when it did not exist there. */
  readonly base?: { readonly ref: string; readonly date: string; readonly document: StrategyDocument | undefined };
}

/** The model, or the findings (with file and line) that make exporting unsafe. */
export type ExportResult = { readonly ok: true; readonly model: ExportModel } | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * Findings that stop an export: anything that is an error (broken front matter, a conflict), text
 * whose question cannot be told, a guide that is not loaded, and an answer under a marker the guide
 * does not know, which the export would leave out without a word.
 */
function blocksExport(finding: Finding): boolean {
  return finding.severity === 'error' || AMBIGUOUS.has(finding.code) || ['document.noGuide', 'document.unknownGuide', 'marker.unknown', 'question.removed'].includes(finding.code);
}

const REGIONS: Readonly<Record<string, string>> = { da: 'da-DK', en: 'en-GB' };

/** A language code with the region a document reader needs for hyphenation and spelling ("da" → "da-DK"); a tag with a region stays as it is. */
export function languageTag(language: string): string {
  return REGIONS[language.toLowerCase()] ?? language;
}

/** Builds the export of `input.document`: the guide's themes in scope, in guide order, with their answers. */
export function buildExportModel(input: ExportInput): ExportResult {
  const { document } = input;
  const analysis = analyseStrategyDocument(document, input.guides);
  const blocking = analysis.findings.filter(blocksExport);
  const guide = analysis.guide;
  if (blocking.length > 0 || !guide || !document.frontMatter) return { ok: false, findings: blocking };
  const frontMatter = document.frontMatter;
  const review = input.base ? reviewDocument(document, input.base.document, guide) : undefined;
  const changes = new Map(review?.questions.map((q) => [q.questionId, q]));
  // Read as the review reads them: a duplicated marker's sections, and a former id's, are all exported, in order.
  const answers = answersOf(document, guide);

  const themes = analysis.themes.map(({ theme, questions }): ExportTheme => ({
    id: theme.id,
    title: exportable(theme.title),
    quotes: input.includeQuotes ? theme.quotes.map(({ text, speaker, time }) => ({ text: exportable(text), speaker: exportable(speaker), time: exportable(time) })) : [],
    questions: questions.map(({ question }): ExportQuestion => {
      const reviewed = changes.get(question.id);
      const now = answers.get(question.id);
      return {
        id: question.id,
        number: question.number,
        text: exportable(question.text),
        // An answer the review calls unchanged (line endings, trailing spaces) shows no revision marks.
        blocks: reviewed && reviewed.change !== 'unchanged' ? revisedBlocks(reviewed.base, now) : unrevised(now),
        unanswered: now === undefined,
        change: reviewed?.change,
      };
    }),
  }));
  return {
    ok: true,
    model: {
      title: exportable(frontMatter.title ?? guide.title),
      organisation: optional(frontMatter.organisation),
      status: optional(frontMatter.status),
      date: optional(frontMatter.date),
      guideTitle: exportable(guide.title),
      guideVersion: exportable(frontMatter.guideVersion ?? guide.version),
      language: languageTag(frontMatter.language ?? guide.language),
      themes,
      base: input.base && { ref: exportable(input.base.ref), date: revisionDate(input.base.date) },
    },
  };
}

/**
 * A commit date in UTC without fractions (2026-02-01T09:00:00Z), as Word's tracked changes take it:
 * Git's `%cI` in the CLI and the Git extension's Date in the editor then give the same bytes.
 */
export function revisionDate(date: string): string {
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function optional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : exportable(text);
}

function unrevised(text: string | undefined): RevisedBlock[] {
  return text === undefined ? [] : answerBlocks(text).map((block) => ({ block, revision: undefined }));
}

/**
 * Pairs of blocks past which the changed middle of an answer is not compared block by block (the
 * comparison's table holds one number per pair): it is then deleted and inserted whole.
 */
const MAX_BLOCK_PAIRS = 1_000_000;

/**
 * The answer's blocks with what changed since the base marked: the blocks both versions share, in
 * order (a longest common subsequence), stay plain; the base's others are deleted and the current
 * ones inserted, each deletion before the insertion that replaces it, as Word shows a rewrite.
 */
export function revisedBlocks(base: string | undefined, current: string | undefined): RevisedBlock[] {
  const before = base === undefined ? [] : answerBlocks(base);
  const after = current === undefined ? [] : answerBlocks(current);
  const key = (block: Block) => JSON.stringify(block);
  const a = before.map(key);
  const b = after.map(key);
  // The blocks both begin and end with are unchanged; only what lies between is compared.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const unchanged = (blocks: readonly Block[]) => blocks.map((block): RevisedBlock => ({ block, revision: undefined }));
  const middle = revisedMiddle(before.slice(head, before.length - tail), after.slice(head, after.length - tail), a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return withRewrittenParagraphs([...unchanged(after.slice(0, head)), ...middle, ...unchanged(after.slice(after.length - tail))]);
}

function revisedMiddle(before: readonly Block[], after: readonly Block[], a: readonly string[], b: readonly string[]): RevisedBlock[] {
  if (a.length * b.length > MAX_BLOCK_PAIRS) {
    return [...before.map((block): RevisedBlock => ({ block, revision: 'deleted' })), ...after.map((block): RevisedBlock => ({ block, revision: 'inserted' }))];
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  const result: RevisedBlock[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      result.push({ block: after[j]!, revision: undefined });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      result.push({ block: before[i++]!, revision: 'deleted' });
    } else {
      result.push({ block: after[j++]!, revision: 'inserted' });
    }
  }
  return result;
}

/** Words past which a paragraph is not compared word by word (the comparison grows with the product of the lengths). */
const MAX_WORDS = 2000;

/**
 * A paragraph deleted and a paragraph inserted in its place become one paragraph whose changed
 * words are marked, as Word shows an edit: "Vi svarer inden for [-to-][+tre+] dage".
 */
function withRewrittenParagraphs(blocks: RevisedBlock[]): RevisedBlock[] {
  const out: RevisedBlock[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const old = blocks[k]!;
    const next = blocks[k + 1];
    // Only one paragraph replacing one: where several were rewritten, which replaced which is a guess.
    const single = blocks[k - 1]?.revision !== 'deleted' && blocks[k + 2]?.revision !== 'inserted';
    if (single && old.revision === 'deleted' && next?.revision === 'inserted' && old.block.kind === 'paragraph' && next.block.kind === 'paragraph') {
      const inlines = revisedWords(old.block.inlines, next.block.inlines);
      if (inlines) {
        out.push({ block: { kind: 'paragraph', inlines }, revision: undefined });
        k++;
        continue;
      }
    }
    out.push(old);
  }
  return out;
}

/** The runs of `after`, with the words not in `before` inserted and those only in `before` deleted; undefined past MAX_WORDS. */
function revisedWords(before: readonly Inline[], after: readonly Inline[]): Inline[] | undefined {
  const a = words(before);
  const b = words(after);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) return undefined;
  const key = (word: Inline) => JSON.stringify(word);
  const ka = a.map(key);
  const kb = b.map(key);
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = ka[i] === kb[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  const out: Inline[] = [];
  const push = (word: Inline, revision: TextRun['revision']) => {
    // A line break has no mark of its own: a deleted one goes, an inserted one stays.
    if (word.kind === 'break' && revision === 'deleted') return;
    const run: Inline = word.kind === 'text' && revision ? { ...word, revision } : word;
    const last = out.at(-1);
    if (run.kind === 'text' && last?.kind === 'text' && last.bold === run.bold && last.italic === run.italic && last.code === run.code && last.href === run.href && last.revision === run.revision) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else {
      out.push(run);
    }
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      push(b[j]!, undefined);
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      push(a[i++]!, 'deleted');
    } else {
      push(b[j++]!, 'inserted');
    }
  }
  return out;
}

/** Runs split into words and the spaces between them, each piece with its run's style. */
function words(inlines: readonly Inline[]): Inline[] {
  return inlines.flatMap((run): Inline[] => (run.kind === 'text' ? run.text.split(/(\s+)/).filter((piece) => piece !== '').map((text) => ({ ...run, text })) : [run]));
}
