import matter from 'gray-matter';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { lineRange, type Range } from './findings';

/** Why front matter could not be read, with the zero-based line to blame. */
export interface FrontMatterProblem {
  readonly code: 'frontMatter.missing' | 'frontMatter.unclosed' | 'frontMatter.language' | 'frontMatter.yaml';
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
 * gray-matter evaluates `---js` front matter by default, and `engines: { js: false }` does
 * not stop it. Content is data, so every engine that is not YAML throws instead.
 */
function refuse(language: string) {
  return {
    parse(): never {
      throw new NotDataError(language);
    },
  };
}

class NotDataError extends Error {
  constructor(readonly language: string) {
    super(language);
  }
}

/**
 * Reads a file's YAML front matter. Passing options (as this always does) keeps gray-matter's
 * cache out of the way: cached results would hide a broken file on its second read.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  // Line numbers survive the normalisation; a lone CR left by gray-matter's '\n---' split would not.
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, '\n');
  const lines = source.split('\n');
  const opening = OPENING.exec(lines[0] ?? '');
  if (!opening) {
    return { ok: false, problem: { code: 'frontMatter.missing', range: lineRange(0), detail: '' } };
  }
  const closingLine = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (closingLine < 0) {
    return { ok: false, problem: { code: 'frontMatter.unclosed', range: lineRange(0, 3), detail: '' } };
  }

  let document: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  try {
    matter(source, {
      language: 'yaml',
      engines: {
        yaml: {
          // gray-matter picks the engine; the YAML is the text between the delimiters found above,
          // since gray-matter's own split ends at any line that merely starts with '---'. The
          // leading newline stands for the opening line, so line numbers are the file's.
          parse(): object {
            document = parseDocument(`\n${lines.slice(1, closingLine).join('\n')}`, { lineCounter, uniqueKeys: true, prettyErrors: false });
            return {};
          },
        },
        javascript: refuse('javascript'),
        js: refuse('js'),
        coffee: refuse('coffee'),
        json: refuse('json'),
      },
    } as Parameters<typeof matter>[1]);
    const parsed = document;
    if (parsed && parsed.errors.length > 0) {
      const error = parsed.errors[0]!;
      const errorLine = lineCounter.linePos(error.pos[0]).line - 1;
      // A quote left open is reported where the text ends; the user needs the line it opened on.
      const line = error.code === 'MISSING_CHAR' ? (openQuoteLine(lines, errorLine) ?? errorLine) : errorLine;
      return { ok: false, problem: { code: 'frontMatter.yaml', range: lineRange(line), detail: firstLine(error.message) } };
    }
    const rangeAt = (offset: number, endOffset: number): Range => {
      const start = lineCounter.linePos(offset);
      const end = lineCounter.linePos(endOffset);
      return { start: { line: start.line - 1, character: start.col - 1 }, end: { line: end.line - 1, character: end.col - 1 } };
    };
    return {
      ok: true,
      frontMatter: {
        data: parsed ? parsed.toJS() : {},
        body: lines.slice(closingLine + 1).join('\n'),
        bodyLine: closingLine + 1,
        closingLine,
        rangeOf(path, part = 'value') {
          const node = parsed ? locate(parsed, path, part) : undefined;
          return node?.range ? rangeAt(node.range[0], node.range[1]) : lineRange(0);
        },
      },
    };
  } catch (error) {
    const language = error instanceof NotDataError ? error.language : opening[1] ?? '';
    return { ok: false, problem: { code: 'frontMatter.language', range: lineRange(0, 3 + language.length), detail: language } };
  }
}

/** The node at `path`, or the nearest ancestor that exists, so a finding still points close by. */
function locate(document: Document.Parsed, path: readonly (string | number)[], part: 'key' | 'value'): Node | undefined {
  let node: unknown = document.contents;
  let found = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
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
