import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { lineRange, type Range } from './findings';

/** Why front matter could not be read, with the zero-based line to blame. */
export interface FrontMatterProblem {
  readonly code: 'frontMatter.missing' | 'frontMatter.unclosed' | 'frontMatter.language' | 'frontMatter.yaml' | 'frontMatter.aliases';
  readonly range: Range;
  readonly detail: string;
}

/** Front matter parsed with the positions of its nodes, so findings can name a line. */
export interface FrontMatter {
  readonly data: unknown;
  /** The Markdown after the closing delimiter. */
  readonly body: string;
  /** Zero-based line of the body's first line in the file. */
  readonly bodyLine: number;
  /** Zero-based line of the closing delimiter. */
  readonly closingLine: number;
  /** The range of a key (when `part` is 'key') or value at a path such as `['questions', 2, 'id']`. */
  rangeOf(path: readonly (string | number)[], part?: 'key' | 'value'): Range;
}

export type FrontMatterResult =
  | { readonly ok: true; readonly frontMatter: FrontMatter }
  | { readonly ok: false; readonly problem: FrontMatterProblem };

const OPENING = /^---([A-Za-z]*)[ \t]*$/;
const CLOSING = /^---[ \t]*$/;
/**
 * What may follow the opening `---`. Content is data: front matter in JavaScript or CoffeeScript
 * would be code to run, and JSON or TOML is not what guides are written in, so only YAML is read.
 */
const YAML_NAMES = new Set(['', 'yaml', 'yml']);

/** Each mapping's pairs by key, first occurrence only, so a lookup is one step however many keys there are. */
type KeyIndex = Map<YAMLMap, Map<unknown, Pair>>;

/** Reads a file's YAML front matter: the text between an opening `---` line and the next `---` line. */
export function readFrontMatter(text: string): FrontMatterResult {
  // CRLF and a lone CR (old Mac) are line breaks, as editors count them; findings name the lines they show.
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const opening = OPENING.exec(lines[0] ?? '');
  if (!opening) {
    return { ok: false, problem: { code: 'frontMatter.missing', range: lineRange(0), detail: '' } };
  }
  const closingLine = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (closingLine < 0) {
    return { ok: false, problem: { code: 'frontMatter.unclosed', range: lineRange(0, 3), detail: '' } };
  }
  const language = opening[1]!;
  if (!YAML_NAMES.has(language.toLowerCase())) {
    return { ok: false, problem: { code: 'frontMatter.language', range: lineRange(0, 3 + language.length), detail: language } };
  }

  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line - 1;
  let document: Document.Parsed;
  let walk: Walk | undefined;
  let data: unknown;
  try {
    // The leading newline stands for the opening line, so line numbers are the file's. Repeated
    // keys are found by walk() below: the parser's own check compares each key with every earlier one.
    document = parseDocument(`\n${lines.slice(1, closingLine).join('\n')}`, { lineCounter, uniqueKeys: false, prettyErrors: false });
    walk = walkDocument(document);
    const problem = firstProblem(document, walk, lines, lineOf);
    if (problem) return { ok: false, problem };
    // Empty front matter, or only comments, is no data rather than null.
    data = document.toJS() ?? {};
  } catch (error) {
    // toJS() refuses an alias bomb ("billion laughs"): aliases that would expand past its limit of 100.
    const message = error instanceof Error ? error.message : String(error);
    if (/alias count/i.test(message)) {
      const line = walk?.firstAlias === undefined ? 0 : lineOf(walk.firstAlias);
      return { ok: false, problem: { code: 'frontMatter.aliases', range: lineRange(line), detail: '' } };
    }
    return { ok: false, problem: { code: 'frontMatter.yaml', range: lineRange(0, 3), detail: firstLine(message) } };
  }

  const rangeAt = (offset: number, endOffset: number): Range => {
    const start = lineCounter.linePos(offset);
    const end = lineCounter.linePos(endOffset);
    return { start: { line: start.line - 1, character: start.col - 1 }, end: { line: end.line - 1, character: end.col - 1 } };
  };
  const keys = walk.keys;
  return {
    ok: true,
    frontMatter: {
      data,
      body: lines.slice(closingLine + 1).join('\n'),
      bodyLine: closingLine + 1,
      closingLine,
      rangeOf(path, part = 'value') {
        const node = locate(document.contents, keys, path, part);
        return node?.range ? rangeAt(node.range[0], node.range[1]) : lineRange(0);
      },
    },
  };
}

/** What one pass over the document finds: the key index, and the first of each problem the parser leaves to us. */
interface Walk {
  readonly keys: KeyIndex;
  /** Offset of the first key that repeats an earlier key of its mapping. */
  readonly repeatedKey?: number;
  /** Offset and name of the first alias with no anchor before it. */
  readonly unresolvedAlias?: { readonly offset: number; readonly source: string };
  /** Offset of the first alias, where an alias bomb starts. */
  readonly firstAlias?: number;
}

function walkDocument(document: Document.Parsed): Walk {
  const keys: KeyIndex = new Map();
  const anchors = new Set<string>();
  let repeatedKey: number | undefined;
  let unresolvedAlias: Walk['unresolvedAlias'];
  let firstAlias: number | undefined;
  // Depth first, in document order: an anchor is seen before any alias that may use it.
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!node.range) return;
        firstAlias ??= node.range[0];
        if (!anchors.has(node.source)) unresolvedAlias ??= { offset: node.range[0], source: node.source };
        return;
      }
      if (node.anchor) anchors.add(node.anchor);
      if (isMap(node)) {
        const index = new Map<unknown, Pair>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          if (!index.has(pair.key.value)) index.set(pair.key.value, pair);
          else if (repeatedKey === undefined) repeatedKey = pair.key.range?.[0];
        }
        keys.set(node, index);
      }
    },
  });
  return { keys, repeatedKey, unresolvedAlias, firstAlias };
}

/** The earliest problem in the document: a parse error, a repeated key or an alias with no anchor. */
function firstProblem(document: Document.Parsed, walk: Walk, lines: readonly string[], lineOf: (offset: number) => number): FrontMatterProblem | undefined {
  const candidates: { offset: number; problem: () => FrontMatterProblem }[] = [];
  const error = document.errors[0];
  if (error) {
    candidates.push({
      offset: error.pos[0],
      problem: () => {
        const errorLine = lineOf(error.pos[0]);
        // A quote left open is reported where the text ends; the user needs the line it opened on.
        const line = error.code === 'MISSING_CHAR' ? (openQuoteLine(lines, errorLine) ?? errorLine) : errorLine;
        return { code: 'frontMatter.yaml', range: lineRange(line), detail: firstLine(error.message) };
      },
    });
  }
  const { repeatedKey, unresolvedAlias } = walk;
  if (repeatedKey !== undefined) {
    candidates.push({ offset: repeatedKey, problem: () => ({ code: 'frontMatter.yaml', range: lineRange(lineOf(repeatedKey)), detail: 'Map keys must be unique' }) });
  }
  if (unresolvedAlias) {
    const { offset, source } = unresolvedAlias;
    candidates.push({ offset, problem: () => ({ code: 'frontMatter.yaml', range: lineRange(lineOf(offset)), detail: `The alias *${source} has no anchor &${source} before it` }) });
  }
  candidates.sort((a, b) => a.offset - b.offset);
  return candidates[0]?.problem();
}

/** The node at `path`, or the nearest ancestor that exists, so a finding still points close by. */
function locate(root: unknown, keys: KeyIndex, path: readonly (string | number)[], part: 'key' | 'value'): Node | undefined {
  let node = root;
  let found = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = keys.get(node)?.get(step);
      if (!pair) return found;
      if (last && part === 'key') return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      return found;
    }
    if (!node) return found;
    found = node as Node;
  }
  return found;
}

function openQuoteLine(lines: readonly string[], before: number): number | undefined {
  for (let i = Math.min(before, lines.length) - 1; i > 0; i--) {
    const line = lines[i]!;
    if ((line.split('"').length - 1) % 2 === 1 || (line.split("'").length - 1) % 2 === 1) return i;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
