/**
 * Quotes of the guide in a strategy document, held word for word against the guide.
 *
 * A quote the product writes is a block quote whose first line is an invisible quote marker,
 * `> <!-- dialogue-quote: <quote id> -->`, with the attribution `— <speaker>, <time>` below the
 * block quote. The marker does not start with `dialogue-guide`, so the section model never reads it
 * as a question's marker; it is an HTML comment, so it never makes a section answered.
 *
 * A block quote without a marker is recognised as a quote of the guide when its words are close to
 * one: the longest common subsequence of their normalised words (lower case, letters and digits
 * only, in order) is at least 80 % of the longer of the two, so at least 80 % of the guide's words
 * are there in order and the copy is at most a quarter longer. A block quote may hold several
 * quotes, a paragraph or more each. Recognition looks in every section, in the document's guide in
 * each of its languages (the document's own first), and in the other loaded guides, whose quotes
 * the document does not name. A quote of fewer than six words is recognised only by its marker.
 *
 * The check compares the text word for word (whitespace and line breaks aside; case and punctuation
 * count) and the attribution line. The attribution is the paragraph that follows the quote's text,
 * inside the block quote or on the line after it (one blank line between at most), when it starts
 * with a dash (—, –, ― or --).
 */
import type { Finding, Range, Severity } from './findings';
import type { Guide, GuideEntry, Quote } from './guide';
import { isBlank, lineEnd } from './lines';
import type { LineSpan, StrategyDocument } from './strategyDocument';

/** The invisible marker that names the quote of the block quote it opens. */
export function quoteMarkerFor(id: string): string {
  return `<!-- dialogue-quote: ${id} -->`;
}

/** Share of the longer text's normalised words that must be common to both, in order, for an unmarked block quote to be a quote of the guide. */
export const RECOGNITION_THRESHOLD = 0.8;
/** A quote of fewer normalised words is recognised only by its marker: a block quote of a word or two is no copy of anything. */
export const MIN_RECOGNISED_WORDS = 6;

const QUOTE_MARKER = /^<!--[ \t]*dialogue-quote:[ \t]*(\S+?)[ \t]*-->[ \t]*$/;
const QUOTE_PREFIX = /^ {0,3}>[ \t]?/;
const ATTRIBUTION = /^(?:[—–―]|--(?!-))[ \t]*/;
/**
 * The largest comparison table (guide words × copy words) built for one quote: a marked quote with
 * pages of text after it is still reported, with its first words, but cannot make a check slow.
 */
const MAX_TABLE_CELLS = 250_000;
/** A quote of the guide's is looked for in runs of at most this many more paragraphs than it has. */
const EXTRA_PARAGRAPHS = 2;
/** How many runs of differing words a finding names. */
const SHOWN_CHANGES = 3;
const SHOWN_WORDS = 12;

/** One line of a block quote as a reader sees it: its text after the `>` (and one space), from `column`. */
export interface QuoteLine {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** A top-level block quote of a strategy document. */
export interface BlockQuote {
  readonly lines: LineSpan;
  readonly content: readonly QuoteLine[];
  /** The first line after the block quote, at most one blank line below it, when it starts with a dash: an attribution. */
  readonly attributionBelow: QuoteLine | undefined;
}

/** Reads the block quotes at `spans` of `text` (whose line starts are `starts`). */
export function readBlockQuotes(text: string, starts: Uint32Array, spans: readonly LineSpan[]): BlockQuote[] {
  return spans.map((span) => {
    const content: QuoteLine[] = [];
    for (let line = span.start; line < span.end; line++) {
      const source = text.slice(starts[line], lineEnd(text, starts, line));
      const prefix = QUOTE_PREFIX.exec(source);
      // A lazy continuation line has no `>`: its text is the paragraph's all the same.
      const column = prefix ? prefix[0].length : source.length - source.trimStart().length;
      content.push({ line, column, text: source.slice(column).trimEnd() });
    }
    let below: QuoteLine | undefined;
    for (let line = span.end; line < Math.min(span.end + 2, starts.length); line++) {
      const source = text.slice(starts[line], lineEnd(text, starts, line));
      if (isBlank(source, 0, source.length)) continue;
      const column = source.length - source.trimStart().length;
      if (ATTRIBUTION.test(source.slice(column))) below = { line, column, text: source.slice(column).trimEnd() };
      break;
    }
    return { lines: span, content, attributionBelow: below };
  });
}

/** A quote of the document's guide found in the document, with how its copy differs from the guide. */
export interface RecognisedQuote {
  /** The guide's quote, in the language the copy is in. */
  readonly quote: Quote;
  readonly guideId: string;
  readonly language: string;
  /** Whether `language` is a translation's rather than the original's. */
  readonly translation: boolean;
  /** Whether a quote marker names it, rather than its words. */
  readonly marked: boolean;
  /** The whole quote: marker, text and attribution. */
  readonly range: Range;
  /** The lines of its text, as written. */
  readonly text: readonly QuoteLine[];
  readonly attribution: QuoteLine | undefined;
  /** How the text differs from the guide's, when it does. */
  readonly wording: WordingChange | undefined;
  /** Whether the attribution is the guide's speaker and time. */
  readonly attributed: boolean;
  /** Where a new attribution goes when there is none: after this line, inside the block quote when another quote follows there. */
  readonly end: { readonly line: number; readonly insideQuote: boolean };
}

/** The words a copy has where the guide has others: each run of differences, the guide's side and the copy's. */
export interface WordingChange {
  /** The first line that differs. */
  readonly line: number;
  readonly expected: string;
  readonly found: string;
}

/** A block quote that quotes no quote of the document's guide: a marker the guide no longer has, or another guide's quote. */
export interface UnknownQuote {
  /** Its first line: the marker, or the first line of its text. */
  readonly first: QuoteLine;
  readonly id: string;
  /** The loaded guide whose quote it is, when it is another guide's. */
  readonly otherGuide: string | undefined;
}

/** Everything found about quotes in a document. */
export interface QuoteReading {
  readonly quotes: readonly RecognisedQuote[];
  readonly unknown: readonly UnknownQuote[];
}

/** A guide's quote in one language, with the language's words ready for comparison. */
interface Candidate {
  readonly quote: Quote;
  readonly guide: Guide;
  readonly entry: GuideEntry;
  readonly words: readonly string[];
  /** How often each word, and each pair of neighbouring words, occurs in the quote. */
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly pairs: ReadonlyMap<string, number>;
  readonly paragraphs: number;
}

type Piece = { readonly kind: 'marker'; readonly id: string; readonly line: QuoteLine } | { readonly kind: 'text'; readonly lines: readonly QuoteLine[] } | { readonly kind: 'attribution'; readonly line: QuoteLine };

/**
 * The recognised quotes of `document` (the guide its front matter names, among `entries`) and the
 * block quotes that quote no quote of it. Export prints each recognised quote as the guide has it.
 */
export function readQuotes(document: StrategyDocument, entries: readonly GuideEntry[]): QuoteReading {
  const named = document.frontMatter?.guide;
  const entry = named === undefined ? undefined : entries.find((e) => e.id === named);
  if (!entry || document.blockQuotes.length === 0) return { quotes: [], unknown: [] };
  const language = document.frontMatter?.language ?? entry.original.language;
  const own = candidatesOf(entry, language);
  const others = entries.filter((e) => e !== entry).flatMap((e) => candidatesOf(e, language));
  const byWords = [recognisable(own), recognisable(others)] as const;
  const quotes: RecognisedQuote[] = [];
  const unknown: UnknownQuote[] = [];
  for (const block of document.blockQuotes) {
    const pieces = piecesOf(block);
    for (let i = 0; i < pieces.length; ) {
      const piece = pieces[i]!;
      if (piece.kind === 'attribution') {
        i++;
        continue;
      }
      if (piece.kind === 'marker') {
        const text: QuoteLine[] = [];
        let j = i + 1;
        for (; j < pieces.length && pieces[j]!.kind === 'text'; j++) text.push(...paragraphsWithBreaks(pieces, j));
        const attribution = pieces[j]?.kind === 'attribution' ? (pieces[j] as { line: QuoteLine }).line : undefined;
        const ids = own.filter((c) => c.quote.id === piece.id);
        if (ids.length > 0) {
          const best = bestOf(ids, wordsOf(text)).candidate;
          quotes.push(recognised(best, true, piece.line, text, attribution, endOf(block, pieces, j, text, piece.line)));
        } else {
          const elsewhere = others.find((c) => c.quote.id === piece.id);
          unknown.push({ first: piece.line, id: piece.id, otherGuide: elsewhere?.entry.id });
        }
        i = attribution ? j + 1 : j;
        continue;
      }
      let k = i;
      while (k < pieces.length && pieces[k]!.kind === 'text') k++;
      const run = pieces.slice(i, k) as { kind: 'text'; lines: readonly QuoteLine[] }[];
      const attributionAfter = pieces[k]?.kind === 'attribution' ? (pieces[k] as { line: QuoteLine }).line : undefined;
      for (const match of recognise(run, ...byWords)) {
        const text = run.slice(match.from, match.to).flatMap((p, n) => (n === 0 ? p.lines : [blankBefore(p.lines[0]!), ...p.lines]));
        if (!match.own) {
          unknown.push({ first: text[0]!, id: match.candidate.quote.id, otherGuide: match.candidate.entry.id });
          continue;
        }
        const attribution = match.to === run.length ? attributionAfter : undefined;
        quotes.push(recognised(match.candidate, false, undefined, text, attribution, endOf(block, pieces, match.to === run.length ? k : i + match.to, text, text[0]!)));
      }
      i = attributionAfter ? k + 1 : k;
    }
  }
  return { quotes, unknown };
}

/** The recognised quotes of `document`, each with its range and the guide's quote: what export prints instead of the copy. */
export function recognisedQuotes(document: StrategyDocument, entries: readonly GuideEntry[]): readonly RecognisedQuote[] {
  return readQuotes(document, entries).quotes;
}

/** The findings about quotes: a changed text, a wrong or missing attribution, a quote the guide does not have. */
export function quoteFindings(document: StrategyDocument, entries: readonly GuideEntry[]): Finding[] {
  const reading = readQuotes(document, entries);
  const findings: Finding[] = [];
  const severity: Severity = 'warning';
  const guide = document.frontMatter?.guide ?? '';
  for (const q of reading.quotes) {
    const opening: QuoteLine = { line: q.range.start.line, column: q.range.start.character, text: '' };
    const args = { id: q.quote.id, speaker: q.quote.speaker, ...(q.translation ? { translation: q.language } : {}) };
    if (q.wording) {
      const line = q.text.find((l) => l.line === q.wording!.line);
      findings.push({ code: 'quote.changed', severity, file: document.file, range: lineSpanRange(line ?? q.text[0] ?? opening), args: { ...args, expected: q.wording.expected, found: q.wording.found } });
    }
    if (!q.attributed) {
      const expected = attributionFor(q.quote);
      const range = q.attribution ? lineSpanRange(q.attribution) : lineSpanRange(q.text.at(-1) ?? opening);
      findings.push({ code: 'quote.attribution', severity, file: document.file, range, args: { ...args, expected, found: q.attribution?.text ?? '' } });
    }
  }
  for (const u of reading.unknown) {
    findings.push({ code: 'quote.unknown', severity, file: document.file, range: lineSpanRange(u.first), args: { guide, id: u.id, ...(u.otherGuide === undefined ? {} : { otherGuide: u.otherGuide }) } });
  }
  return findings;
}

/** The attribution line the product writes under a quote: `— speaker, time`, leaving out an empty part. */
export function attributionFor(quote: Pick<Quote, 'speaker' | 'time'>): string {
  return `— ${[quote.speaker, quote.time].map(oneLine).filter((s) => s !== '').join(', ')}`;
}

/**
 * A quote as the product writes it, as lines: the block quote with its marker, a blank line, the
 * attribution. The attribution stays outside, so that consecutive quotes are not one block quote
 * split by a blank line (markdownlint MD028).
 */
export function quoteLines(quote: Quote): string[] {
  return ['> ' + quoteMarkerFor(quote.id), ...quoteTextLines(quote).map((line) => (line === '' ? '>' : `> ${line}`)), '', attributionFor(quote)];
}

function candidatesOf(entry: GuideEntry, language: string): Candidate[] {
  const guides = [entry.original, ...entry.translations].sort((a, b) => Number(b.language === language) - Number(a.language === language));
  return guides.flatMap((guide) => guide.themes.flatMap((theme) => theme.quotes.map((quote) => candidateOf(quote, guide, entry))));
}

function candidateOf(quote: Quote, guide: Guide, entry: GuideEntry): Candidate {
  const words = normalisedWords(quote.text);
  const paragraphs = quoteTextLines(quote).join('\n').split(/\n\n+/).length;
  return { quote, guide, entry, words, vocabulary: counted(words, 1), pairs: counted(words, 2), paragraphs };
}

/**
 * A common subsequence of length L ≥ 0.8·m (m the longer length) keeps at least L − 1 − 2(m − L) ≥ 0.4·m − 1
 * of its neighbouring pairs neighbours in both texts: a bound text with the quote's words out of order fails.
 */
const PAIRS_NEEDED = 3 * RECOGNITION_THRESHOLD - 2;

/** How often each run of `size` neighbouring words occurs in `words`. */
function counted(words: readonly string[], size: 1 | 2): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + size <= words.length; i++) {
    const key = size === 1 ? words[i]! : `${words[i]} ${words[i + 1]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** How many of a copy's words (or pairs), counted in `copy`, the quote has, each counted no more often than the quote has it. */
function common(quote: ReadonlyMap<string, number>, copy: ReadonlyMap<string, number>): number {
  let found = 0;
  for (const [key, n] of copy) found += Math.min(n, quote.get(key) ?? 0);
  return found;
}

/** The candidates a block quote without a marker may be a copy of. */
function recognisable(candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter((c) => c.words.length >= MIN_RECOGNISED_WORDS);
}

/** The block quote as markers, paragraphs of text and attributions (a paragraph of its own that starts with a dash), then the attribution below it. */
function piecesOf(block: BlockQuote): Piece[] {
  const pieces: Piece[] = [];
  let paragraph: QuoteLine[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    pieces.push(paragraph.length === 1 && ATTRIBUTION.test(paragraph[0]!.text) ? { kind: 'attribution', line: paragraph[0]! } : { kind: 'text', lines: paragraph });
    paragraph = [];
  };
  for (const line of block.content) {
    const marker = QUOTE_MARKER.exec(line.text);
    if (marker) {
      flush();
      pieces.push({ kind: 'marker', id: marker[1]!, line });
    } else if (line.text.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  if (block.attributionBelow && pieces.at(-1)?.kind !== 'attribution') pieces.push({ kind: 'attribution', line: block.attributionBelow });
  return pieces;
}

/** The lines of the text paragraph at `index`, after a blank line when a paragraph came before it in the same quote. */
function paragraphsWithBreaks(pieces: readonly Piece[], index: number): QuoteLine[] {
  const piece = pieces[index] as { lines: readonly QuoteLine[] };
  return pieces[index - 1]?.kind === 'text' ? [blankBefore(piece.lines[0]!), ...piece.lines] : [...piece.lines];
}

/** The blank line of the block quote above `line` that separates two paragraphs of one quote. */
function blankBefore(line: QuoteLine): QuoteLine {
  return { line: line.line - 1, column: line.column, text: '' };
}

/** Where a missing attribution of a quote goes: below the block quote, or inside it, after the quote's text, when another quote or text follows there (from piece `next` on). */
function endOf(block: BlockQuote, pieces: readonly Piece[], next: number, text: readonly QuoteLine[], opening: QuoteLine): RecognisedQuote['end'] {
  const insideQuote = pieces.slice(next).some((p) => p.kind !== 'attribution');
  return { line: insideQuote ? (text.at(-1) ?? opening).line : block.lines.end - 1, insideQuote };
}

function recognised(candidate: Candidate, marked: boolean, marker: QuoteLine | undefined, text: readonly QuoteLine[], attribution: QuoteLine | undefined, end: RecognisedQuote['end']): RecognisedQuote {
  const first = marker ?? text[0]!;
  const last = attribution ?? text.at(-1) ?? first;
  return {
    quote: candidate.quote,
    guideId: candidate.entry.id,
    language: candidate.guide.language,
    translation: candidate.guide !== candidate.entry.original,
    marked,
    range: spanRange(first, last),
    text,
    attribution,
    wording: wordingChange(candidate.quote.text, text, first.line),
    attributed: attribution !== undefined && oneLine(attribution.text.replace(ATTRIBUTION, '')) === attributionFor(candidate.quote).slice(2),
    end,
  };
}

/**
 * The quotes among a run of paragraphs, left to right: at each paragraph, the quote and the number of
 * paragraphs from there with the highest similarity, when it reaches the threshold. The guide's own
 * quotes win a tie over other guides', and the document's language over the others (candidates come in that order).
 */
function recognise(run: readonly { lines: readonly QuoteLine[] }[], own: readonly Candidate[], others: readonly Candidate[]): { from: number; to: number; candidate: Candidate; own: boolean }[] {
  const words = run.map((p) => normalisedWords(p.lines.map((l) => l.text).join(' ')));
  const counts = words.map((w) => ({ words: counted(w, 1), pairs: counted(w, 2) }));
  const all = [...own.map((candidate) => ({ candidate, own: true })), ...others.map((candidate) => ({ candidate, own: false }))];
  // Per candidate and paragraph, how many of the quote's words and neighbouring pairs the paragraph has,
  // computed once: summed over a run of paragraphs they bound what the run has in common with the quote.
  const bounds = all.map(() => new Map<number, { words: number; pairs: number }>());
  const boundOf = (c: number, j: number) => {
    let bound = bounds[c]!.get(j);
    if (!bound) {
      const { candidate } = all[c]!;
      bound = { words: common(candidate.vocabulary, counts[j]!.words), pairs: common(candidate.pairs, counts[j]!.pairs) };
      bounds[c]!.set(j, bound);
    }
    return bound;
  };
  const found: { from: number; to: number; candidate: Candidate; own: boolean }[] = [];
  for (let i = 0; i < run.length; ) {
    let best: { to: number; candidate: Candidate; own: boolean; score: number } | undefined;
    all.forEach(({ candidate, own: isOwn }, c) => {
      let length = 0;
      let commonWords = 0;
      let commonPairs = 0;
      for (let j = i; j < run.length && j < i + candidate.paragraphs + EXTRA_PARAGRAPHS; j++) {
        length += words[j]!.length;
        // Past this length the copy can no longer reach the threshold, whatever it holds.
        if (length * RECOGNITION_THRESHOLD > candidate.words.length) break;
        const bound = boundOf(c, j);
        commonWords += bound.words;
        // A pair may also span two paragraphs.
        commonPairs += bound.pairs + (j > i ? 1 : 0);
        // Nor with too few of the quote's words, or of its pairs of neighbouring words: counts are cheap, a common subsequence is not.
        const longer = Math.max(candidate.words.length, length);
        if (commonWords < RECOGNITION_THRESHOLD * longer || commonPairs < PAIRS_NEEDED * longer - 1) continue;
        const score = similarity(candidate.words, words.slice(i, j + 1).flat());
        if (score >= RECOGNITION_THRESHOLD && (!best || score > best.score)) best = { to: j + 1, candidate, own: isOwn, score };
      }
    });
    if (best) {
      found.push({ from: i, ...best });
      i = best.to;
    } else i++;
  }
  return found;
}

/** The language version of a marked quote its copy is closest to; the document's language (the first) when the copy is too long to compare. */
function bestOf(candidates: readonly Candidate[], copy: readonly string[]): { candidate: Candidate; score: number } {
  const normalised = normalisedWords(copy.join(' '));
  let best = { candidate: candidates[0]!, score: -1 };
  for (const candidate of candidates) {
    if (candidate.words.length * normalised.length > MAX_TABLE_CELLS) continue;
    const score = similarity(candidate.words, normalised);
    if (score > best.score) best = { candidate, score };
  }
  return best;
}

/** The recognition measure: common words in order, as a share of the longer word list. */
export function similarity(guide: readonly string[], copy: readonly string[]): number {
  const longer = Math.max(guide.length, copy.length);
  return longer === 0 ? 1 : lcsLength(guide, copy) / longer;
}

/** Lower-case words of letters and digits: what recognition compares, so punctuation and case do not hide a quote. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** The copy's words with their lines, as the comparison sees them: split at whitespace, exact. */
function wordsOf(text: readonly QuoteLine[]): string[] {
  return text.flatMap((l) => exactWords(l.text));
}

function exactWords(text: string): string[] {
  return text.normalize('NFC').split(/\s+/u).filter((w) => w !== '');
}

/** How `text` differs from the guide's `original`, word for word; undefined when it does not. */
function wordingChange(original: string, text: readonly QuoteLine[], opening: number): WordingChange | undefined {
  const expected = exactWords(original);
  const found: { word: string; line: number }[] = text.flatMap((l) => exactWords(l.text).map((word) => ({ word, line: l.line })));
  if (expected.length === found.length && expected.every((w, i) => w === found[i]!.word)) return undefined;
  const lastLine = text.at(-1)?.line ?? opening;
  if (expected.length * found.length > MAX_TABLE_CELLS) {
    return { line: text[0]?.line ?? opening, expected: shorten(expected), found: shorten(found.map((f) => f.word)) };
  }
  const hunks = diffHunks(expected, found.map((f) => f.word));
  const first = hunks[0]!;
  const line = found[first.foundFrom]?.line ?? lastLine;
  const shown = hunks.slice(0, SHOWN_CHANGES);
  const more = hunks.length > SHOWN_CHANGES ? ' …' : '';
  return {
    line,
    expected: shown.map((h) => shorten(expected.slice(h.expectedFrom, h.expectedTo))).join(' … ') + more,
    found: shown.map((h) => shorten(found.slice(h.foundFrom, h.foundTo).map((f) => f.word))).join(' … ') + more,
  };
}

function shorten(words: readonly string[]): string {
  return words.length > SHOWN_WORDS ? words.slice(0, SHOWN_WORDS).join(' ') + ' …' : words.join(' ');
}

interface Hunk {
  readonly expectedFrom: number;
  readonly expectedTo: number;
  readonly foundFrom: number;
  readonly foundTo: number;
}

/** The runs where two word lists differ, from a longest common subsequence. */
function diffHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const from = { i, j };
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j >= b.length || (i < a.length && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) i++;
      else j++;
    }
    hunks.push({ expectedFrom: from.i, expectedTo: i, foundFrom: from.j, foundTo: j });
  }
  return hunks;
}

/** A quote's text as the lines the product writes: its own line breaks kept, spaces around them dropped, '' between paragraphs. */
export function quoteTextLines(quote: Quote): string[] {
  return quote.text.split(/\r\n|\r|\n/).map((line) => (line.trim() === '' ? '' : line.trim()));
}

function oneLine(text: string): string {
  return text.split(/\s+/u).filter((s) => s !== '').join(' ');
}

function spanRange(first: QuoteLine, last: QuoteLine): Range {
  return { start: { line: first.line, character: first.column }, end: { line: last.line, character: last.column + last.text.length } };
}

function lineSpanRange(line: QuoteLine): Range {
  return spanRange(line, line);
}
