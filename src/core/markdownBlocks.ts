/**
 * The block structure of Markdown, as CommonMark defines it, reduced to what a strategy document
 * needs: its top-level headings (ATX and setext), its top-level HTML comments on a line of their
 * own (where markers live) and its Git conflict markers. Block quotes, list items, code and HTML
 * blocks are followed only as far as they decide which lines are at the top level, because a
 * `### heading` inside a list item or a fenced code block is text, not a question.
 *
 * This follows the reference parser's algorithm (open blocks matched line by line, then new block
 * starts, then lazy continuation). Tabs are expanded to the next multiple of four columns on the
 * lines that have them, which is all CommonMark asks of them for block structure.
 * One pass, no regular expression over the whole text: a 100 MB document stays linear.
 */

/** A top-level heading; `line` is its first line (a setext heading's text may span several). */
export interface HeadingBlock {
  readonly line: number;
  readonly lastLine: number;
  readonly level: number;
}

/** Kinds of top-level block, for comparing the scan with a CommonMark parser. */
export type BlockKind = 'heading' | 'paragraph' | 'code' | 'html' | 'hr' | 'blockquote' | 'list';

/** A top-level block over lines [start, end). */
export interface TopBlock {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  readonly level?: number;
}

export interface BlockScan {
  readonly headings: readonly HeadingBlock[];
  /** Lines holding a top-level HTML comment that opens and closes on that line. */
  readonly comments: readonly number[];
  /** Lines holding Git conflict markers, outside code and HTML blocks. */
  readonly conflictLines: readonly number[];
  /**
   * First lines of top-level blocks that read a marker-like line as their text: an HTML block (an
   * unclosed comment runs to the next `-->`), or a code fence still open at the end.
   */
  readonly swallowingLines: readonly number[];
  /** Lines where a marker-like comment starts but marks nothing: inside a list item or block quote, or not closed on its line. */
  readonly misplacedMarkerLines: readonly number[];
  /** Top-level block quotes, lines [start, end): where quotes of the guide are looked for. */
  readonly quotes: readonly { readonly start: number; readonly end: number }[];
  /** Every top-level block, when asked for. */
  readonly blocks: readonly TopBlock[] | undefined;
}

type Node =
  | { type: 'document'; start: number; last: number }
  | { type: 'quote'; start: number; last: number }
  | { type: 'list'; start: number; last: number; marker: number; ordered: boolean }
  | { type: 'item'; start: number; last: number; indent: number; hasChild: boolean }
  | { type: 'paragraph'; start: number; last: number; lines: string[] | undefined }
  | { type: 'fence'; start: number; last: number; char: number; length: number; offset: number }
  | { type: 'indented'; start: number; last: number }
  | { type: 'html'; start: number; last: number; kind: number };

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const LT = 0x3c;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;

const HTML_BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_OPEN: readonly RegExp[] = [
  /^<(script|pre|style|textarea)(?=(\s|>|$))/i,
  /^<!--/,
  /^<\?/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^</?(${HTML_BLOCK_NAMES})(?=(\\s|/?>|$))`, 'i'),
  new RegExp(`^(?:<[A-Za-z][A-Za-z0-9\\-]*${ATTRIBUTE}*\\s*\\/?>|<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>)\\s*$`),
];
const HTML_CLOSE: readonly (RegExp | undefined)[] = [/<\/(script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/, undefined, undefined];
const PARAGRAPH_PROBE: Node = { type: 'paragraph', start: 0, last: 0, lines: undefined };
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const ORDERED = /^(\d{1,9})([.)])/;
const MARKER_LIKE = /^ {0,3}<!--[\s\u00a0]*dialogue[\s\u00a0_-]*guide/i;
const MARKER_START = /^<!--\s*dialogue[\s_-]*guide/i;

/** Scans lines [firstLine, end) of `text`; `starts` are its line starts and `lineEnd` where each line's content ends. */
export function scanBlocks(text: string, starts: Uint32Array, lineEnd: (line: number) => number, firstLine: number, options: { readonly blocks?: boolean } = {}): BlockScan {
  const headings: HeadingBlock[] = [];
  const comments: number[] = [];
  const conflictLines: number[] = [];
  const quotes: { start: number; end: number }[] = [];
  const blocks: TopBlock[] | undefined = options.blocks ? [] : undefined;
  const open: Node[] = [{ type: 'document', start: firstLine, last: firstLine }];
  let inConflict = false;
  const swallowingLines: number[] = [];
  const misplacedMarkerLines: number[] = [];
  // Indices of the open blocks a blank line ends (block quotes, paragraphs, HTML blocks of kinds 6
  // and 7, list items still without content), so that a blank line is matched in constant time
  // however deeply blocks are nested.
  const breakers: number[] = [];
  const breaksOnBlank = (node: Node) => node.type === 'quote' || node.type === 'paragraph' || (node.type === 'html' && node.kind >= 6) || (node.type === 'item' && !node.hasChild);
  let swallowed = false;

  const top = (kind: BlockKind, start: number, last: number, level?: number) => blocks?.push(level === undefined ? { kind, start, end: last + 1 } : { kind, start, end: last + 1, level });
  /** Closes open blocks down to (not including) index `keep`, recording top-level ones. */
  const closeTo = (keep: number) => {
    while (open.length > keep) finish(open.pop()!, open.length === 1);
    while (breakers.length > 0 && breakers.at(-1)! >= open.length) breakers.pop();
  };
  const push = (node: Node) => {
    open.push(node);
    if (breaksOnBlank(node)) breakers.push(open.length - 1);
  };
  /** An item that gets content no longer ends at a blank line. */
  const markChild = (index: number) => {
    const node = open[index]!;
    if (node.type !== 'item' || node.hasChild) return;
    node.hasChild = true;
    if (breakers.at(-1) === index) breakers.pop();
  };
  const finish = (node: Node, topLevel: boolean) => {
    if (!topLevel) return;
    switch (node.type) {
      case 'paragraph': {
        const content = contentLine(node);
        if (content !== undefined) top('paragraph', content, node.last);
        break;
      }
      case 'fence':
      case 'indented':
        top('code', node.start, node.last);
        break;
      case 'html':
        top('html', node.start, node.last);
        break;
      case 'quote':
        quotes.push({ start: node.start, end: node.last + 1 });
        top('blockquote', node.start, node.last);
        break;
      case 'list':
        top('list', node.start, node.last);
        break;
      default:
        break;
    }
  };
  const heading = (depth: number, line: number, lastLine: number, level: number) => {
    if (depth !== 1) return;
    headings.push({ line, lastLine, level });
    top('heading', line, lastLine, level);
  };

  // The line being read, and where reading it has got to. The helpers below read and change these,
  // so that a line allocates nothing: a 100 MB document has millions of lines.
  let line = firstLine;
  let s = text;
  let base = 0;
  let end = 0;
  let pos = 0;
  /** Container prefixes consume only spaces and `>`, so the next non-space from any point of the line is found once. */
  let nonSpaceAt = -1;
  /** The last character that cannot be part of a thematic break or setext underline. */
  let plainTail = -1;
  let conflict = false;
  /** The open block the line has reached: the last one it continues, then each one it opens. */
  let container = 0;
  let allClosed = true;
  let closed = false;
  const tip = () => open[open.length - 1]!;
  const nonSpace = (from: number) => (nonSpaceAt >= from ? nonSpaceAt : (nonSpaceAt = nextNonSpace(s, from, end)));
  const blankFrom = (from: number) => conflict || nonSpace(from) >= end;
  const touch = () => {
    if (open.length > 1) open[1]!.last = line;
  };
  const lazyParagraph = () => !allClosed && tip().type === 'paragraph';
  /** Closes the blocks this line did not continue, once. */
  const closeUnmatched = () => {
    if (closed) return;
    closed = true;
    closeTo(container + 1);
    allClosed = true;
  };
  /** Makes room for a one-line leaf (a heading, a thematic break) in the current container. */
  const placeLeaf = () => {
    closeUnmatched();
    while (!canContain(open[container]!, PARAGRAPH_PROBE)) {
      closeTo(container);
      container--;
    }
    markChild(container);
  };
  const add = (node: Node) => {
    closeUnmatched();
    // A paragraph cannot hold a block, and a list only items: they end where another block begins.
    while (!canContain(open[container]!, node)) {
      closeTo(container);
      container--;
    }
    markChild(container);
    push(node);
    container = open.length - 1;
  };

  let nextTab = text.indexOf('\t', starts[firstLine] ?? text.length);
  for (; line < starts.length; line++) {
    s = text;
    base = starts[line]!;
    end = lineEnd(line);
    if (nextTab >= 0 && nextTab < base) nextTab = text.indexOf('\t', base);
    if (nextTab >= 0 && nextTab < end) {
      s = expandTabs(text.slice(base, end));
      base = 0;
      end = s.length;
      nextTab = text.indexOf('\t', starts[line]! + 1);
    }
    pos = base;
    nonSpaceAt = -1;
    plainTail = end - 1;
    while (plainTail >= base && isBreakChar(s.charCodeAt(plainTail))) plainTail--;

    // Git's conflict markers, outside code and HTML, are no Markdown: read as a blank line, so that
    // `=======` does not turn the text above it into a heading.
    const leaf = tip().type;
    conflict = false;
    if (leaf !== 'fence' && leaf !== 'html' && leaf !== 'indented') {
      const marker = conflictMarkerAt(s, base, end, inConflict);
      if (marker) {
        conflictLines.push(line);
        inConflict = marker !== 'close';
        conflict = true;
      }
    }

    // 1. Which open blocks does this line continue?
    let matched = 0;
    let done = false;
    for (let i = 1; i < open.length; i++) {
      if (blankFrom(pos)) {
        // What is left of the line is blank: every open block from here on continues, up to the first a blank line ends.
        matched = firstAtOrAfter(breakers, i, open.length) - 1;
        pos = end;
        break;
      }
      const node = open[i]!;
      const nns = nonSpace(pos);
      const indent = nns - pos;
      let ok = true;
      switch (node.type) {
        case 'quote':
          if (indent < 4 && s.charCodeAt(nns) === GT) {
            pos = nns + 1;
            if (s.charCodeAt(pos) === SPACE) pos++;
          } else ok = false;
          break;
        case 'list':
          break;
        case 'item':
          if (indent >= node.indent) pos += node.indent;
          else ok = false;
          break;
        case 'paragraph':
          break;
        case 'fence':
          if (indent < 4 && !conflict && s.charCodeAt(nns) === node.char && runLength(s, nns, end, node.char) >= node.length && isBlankRange(s, nns + runLength(s, nns, end, node.char), end)) {
            node.last = line;
            closeTo(i);
            done = true;
          } else {
            let skip = node.offset;
            while (skip > 0 && s.charCodeAt(pos) === SPACE) {
              pos++;
              skip--;
            }
          }
          break;
        case 'indented':
          if (indent >= 4) pos += 4;
          else ok = false;
          break;
        case 'html':
          break;
        default:
          break;
      }
      if (done) break;
      if (!ok) break;
      matched = i;
    }
    if (done) {
      touch();
      continue;
    }
    container = matched;
    allClosed = container === open.length - 1;
    closed = false;

    // 2. New blocks that start on it.
    let matchedLeaf = isCodeLike(open[container]!);
    let finishedLine = false;
    while (!matchedLeaf && !conflict) {
      const nns = nonSpace(pos);
      const indent = nns - pos;
      const indented = indent >= 4;
      const blank = nns >= end;
      const here = open[container]!;
      const c = s.charCodeAt(nns);
      if (!indented && !maybeSpecial(c)) break;
      if (!indented && c === GT) {
        pos = nns + 1;
        if (s.charCodeAt(pos) === SPACE) pos++;
        add({ type: 'quote', start: line, last: line });
        continue;
      }
      if (!indented && c === HASH && isAtxHeading(s, nns, end)) {
        placeLeaf();
        heading(container + 1, line, line, runLength(s, nns, end, HASH));
        finishedLine = true;
        break;
      }
      if (!indented && (c === BACKTICK || c === TILDE)) {
        const length = runLength(s, nns, end, c);
        if (length >= 3 && !(c === BACKTICK && s.slice(nns + length, end).includes('`'))) {
          add({ type: 'fence', start: line, last: line, char: c, length, offset: indent });
          if (container === 1) swallowed = false;
          matchedLeaf = true;
          finishedLine = true;
          break;
        }
      }
      if (!indented && c === LT) {
        const rest = s.slice(nns, end);
        let kind = 0;
        while (kind < HTML_OPEN.length && !HTML_OPEN[kind]!.test(rest)) kind++;
        if (kind === HTML_OPEN.length) kind = -1;
        if (kind >= 0 && (kind < 6 || (here.type !== 'paragraph' && !lazyParagraph()))) {
          add({ type: 'html', start: line, last: line, kind: kind + 1 });
          const close = HTML_CLOSE[kind];
          if (kind === 1 && MARKER_START.test(rest) && (container !== 1 || !close!.test(rest))) misplacedMarkerLines.push(line);
          if (close && close.test(rest)) {
            if (kind === 1 && container === 1) comments.push(line);
            closeTo(container);
            container--;
          }
          finishedLine = true;
          matchedLeaf = true;
          break;
        }
      }
      if (!indented && here.type === 'paragraph' && nns > plainTail && SETEXT_UNDERLINE.test(s.slice(nns, end))) {
        closeUnmatched();
        const content = contentLine(here);
        if (content !== undefined) {
          // The paragraph becomes the heading: it is not recorded as a paragraph.
          open.pop();
          container--;
          heading(container + 1, content, line, c === 0x3d ? 1 : 2);
          finishedLine = true;
          break;
        }
      }
      if (!indented && nns > plainTail && THEMATIC_BREAK.test(s.slice(nns, end))) {
        placeLeaf();
        if (container === 0) top('hr', line, line);
        finishedLine = true;
        break;
      }
      if (!indented || here.type === 'list') {
        const item = listMarker(s, nns, end, indent, here.type === 'paragraph');
        if (item) {
          closeUnmatched();
          const current = open[container]!;
          if (current.type !== 'list' || current.marker !== item.marker || current.ordered !== item.ordered) {
            add({ type: 'list', start: line, last: line, marker: item.marker, ordered: item.ordered });
          }
          pos = item.contentAt;
          add({ type: 'item', start: line, last: line, indent: item.indent, hasChild: false });
          continue;
        }
      }
      if (indented && tip().type !== 'paragraph' && !blank) {
        pos += 4;
        add({ type: 'indented', start: line, last: line });
        matchedLeaf = true;
        break;
      }
      break;
    }

    // 3. What is left is text: a lazy continuation, a line of the open leaf, or a new paragraph.
    if (finishedLine && !isCodeLike(tip())) {
      touch();
      continue;
    }
    const blank = blankFrom(pos);
    if (!allClosed && !blank && tip().type === 'paragraph') {
      const paragraph = tip() as Extract<Node, { type: 'paragraph' }>;
      noteParagraphLine(paragraph, s, pos, end, line);
      touch();
      continue;
    }
    closeUnmatched();
    const current = open[container]!;
    if (finishedLine) {
      // The leaf opened on this line (a fence, or an HTML block still open).
    } else if (current.type === 'paragraph') {
      noteParagraphLine(current, s, pos, end, line);
    } else if (current.type === 'fence' || current.type === 'indented') {
      if (container === 1 && MARKER_LIKE.test(s.slice(base, end))) swallowed = true;
    } else if (current.type === 'html') {
      if (container === 1 && MARKER_LIKE.test(s.slice(base, end)) && swallowingLines.at(-1) !== current.start) swallowingLines.push(current.start);
      const close = HTML_CLOSE[current.kind - 1];
      if (close && close.test(s.slice(pos, end))) {
        current.last = line;
        closeTo(container);
        container--;
      }
    } else if (!blank) {
      const paragraph: Node = { type: 'paragraph', start: line, last: line, lines: undefined };
      add(paragraph);
      noteParagraphLine(paragraph, s, pos, end, line);
    }
    touch();
  }
  const last = open[1];
  if (last?.type === 'fence' && swallowed) swallowingLines.push(last.start);
  closeTo(1);
  return { headings, comments, conflictLines, swallowingLines, misplacedMarkerLines, quotes, blocks };
}

type Paragraph = Extract<Node, { type: 'paragraph' }>;

/**
 * A paragraph that opens with `[` may begin with link reference definitions, which are not its
 * content (and cannot be a setext heading's text): its lines are kept to find out where they end.
 */
function noteParagraphLine(paragraph: Paragraph, s: string, from: number, end: number, line: number): void {
  paragraph.last = line;
  const first = nextNonSpace(s, from, end);
  if (line === paragraph.start && s.charCodeAt(first) === 0x5b) paragraph.lines = [];
  paragraph.lines?.push(s.slice(first, end));
}

/** The paragraph's first line of content after any link reference definitions; undefined when it holds nothing else. */
function contentLine(paragraph: Paragraph): number | undefined {
  if (!paragraph.lines) return paragraph.start;
  const defined = definitionLines(paragraph.lines.join('\n'));
  return defined >= paragraph.lines.length ? undefined : paragraph.start + defined;
}

/** How many of the lines of `text` (a paragraph's, joined by "\n") are taken by the link reference definitions it begins with. */
function definitionLines(text: string): number {
  let pos = 0;
  let lines = 0;
  for (;;) {
    const end = definitionAt(text, pos);
    if (end === undefined) return lines;
    for (let i = pos; i < end; i++) if (text.charCodeAt(i) === 0x0a) lines++;
    if (end >= text.length) return Number.MAX_SAFE_INTEGER;
    pos = end;
  }
}

/** Where a link reference definition starting at `pos` ends (after its line break), or undefined when there is none. */
function definitionAt(text: string, pos: number): number | undefined {
  let p = pos;
  while (p < pos + 3 && text.charCodeAt(p) === SPACE) p++;
  if (text.charCodeAt(p) !== 0x5b) return undefined;
  p++;
  const labelStart = p;
  for (; p < text.length && text.charCodeAt(p) !== 0x5d; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x5b) return undefined;
    if (c === 0x5c) p++;
    if (p - labelStart > 999) return undefined;
  }
  if (p >= text.length || text.slice(labelStart, p).trim() === '' || text.charCodeAt(p + 1) !== 0x3a) return undefined;
  p = skipWhitespace(text, p + 2, true);
  const destination = p;
  if (text.charCodeAt(p) === LT) {
    for (p++; p < text.length && text.charCodeAt(p) !== GT; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x0a || c === LT) return undefined;
      if (c === 0x5c) p++;
    }
    if (p >= text.length) return undefined;
    p++;
  } else {
    let depth = 0;
    for (; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c <= SPACE || c === 0x7f) break;
      if (c === 0x5c) p++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth < 0) break;
    }
    if (p === destination || depth !== 0) return undefined;
  }
  const afterDestination = p;
  const titleAt = skipWhitespace(text, p, true);
  const open = text.charCodeAt(titleAt);
  if (titleAt > afterDestination && (open === 0x22 || open === 0x27 || open === 0x28)) {
    const close = open === 0x28 ? 0x29 : open;
    let q = titleAt + 1;
    for (; q < text.length && text.charCodeAt(q) !== close; q++) {
      if (open === 0x28 && text.charCodeAt(q) === 0x28) break;
      if (text.charCodeAt(q) === 0x5c) q++;
    }
    if (q < text.length && text.charCodeAt(q) === close) {
      const ended = lineEndAfter(text, q + 1);
      if (ended !== undefined) return ended;
    }
  }
  return lineEndAfter(text, afterDestination);
}

/** Spaces and tabs from `p`, and one line break among them when `newline`. */
function skipWhitespace(text: string, p: number, newline: boolean): number {
  let seen = false;
  for (; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x0a && newline && !seen) seen = true;
    else if (c !== SPACE && c !== TAB) break;
  }
  return p;
}

/** After `p`, only spaces up to the line's end: the offset after its line break (or the text's end). */
function lineEndAfter(text: string, p: number): number | undefined {
  const q = skipWhitespace(text, p, false);
  if (q >= text.length) return text.length;
  return text.charCodeAt(q) === 0x0a ? q + 1 : undefined;
}

function canContain(parent: Node, child: Node): boolean {
  switch (parent.type) {
    case 'document':
    case 'quote':
    case 'item':
      return child.type !== 'item';
    case 'list':
      return child.type === 'item';
    default:
      return false;
  }
}

/** The first of the ascending `indices` that is at least `from`, or `otherwise`. */
function firstAtOrAfter(indices: readonly number[], from: number, otherwise: number): number {
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (indices[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return indices[low] ?? otherwise;
}

/** Characters a thematic break or setext underline is made of. */
function isBreakChar(c: number): boolean {
  return c === SPACE || c === TAB || c === 0x2d || c === 0x2a || c === 0x5f || c === 0x3d;
}

function isCodeLike(node: Node): boolean {
  return node.type === 'fence' || node.type === 'indented' || node.type === 'html';
}

/** Whether a line starting with `c` may start a block other than a paragraph: `#`, a fence, a list or quote marker, `<`, `=`, `_`, a digit. */
function maybeSpecial(c: number): boolean {
  return c === HASH || c === BACKTICK || c === TILDE || c === 0x2a || c === 0x2b || c === 0x2d || c === 0x5f || c === 0x3d || c === LT || c === GT || (c >= 0x30 && c <= 0x39);
}

function nextNonSpace(s: string, from: number, end: number): number {
  let i = from;
  while (i < end && s.charCodeAt(i) === SPACE) i++;
  return i;
}

function isBlankRange(s: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

function runLength(s: string, from: number, end: number, char: number): number {
  let i = from;
  while (i < end && s.charCodeAt(i) === char) i++;
  return i - from;
}

/** An ATX heading: one to six `#`, then a space or the end of the line. */
function isAtxHeading(s: string, first: number, end: number): boolean {
  const length = runLength(s, first, end, HASH);
  if (length < 1 || length > 6) return false;
  const next = first + length;
  return next === end || s.charCodeAt(next) === SPACE;
}

/** A list item's marker at `at`: where its content starts and the indent its continuation lines need. */
function listMarker(s: string, at: number, end: number, indent: number, interrupts: boolean): { marker: number; ordered: boolean; indent: number; contentAt: number } | undefined {
  if (indent >= 4) return undefined;
  const c = s.charCodeAt(at);
  let width: number;
  let marker: number;
  let ordered = false;
  if (c === 0x2d || c === 0x2b || c === 0x2a) {
    width = 1;
    marker = c;
  } else {
    const match = ORDERED.exec(s.slice(at, Math.min(end, at + 11)));
    if (!match || (interrupts && Number(match[1]) !== 1)) return undefined;
    width = match[0].length;
    marker = match[2]!.charCodeAt(0);
    ordered = true;
  }
  const after = at + width;
  if (after < end && s.charCodeAt(after) !== SPACE) return undefined;
  if (interrupts && isBlankRange(s, after, end)) return undefined;
  const spaces = nextNonSpace(s, after, end) - after;
  const blankItem = after + spaces >= end;
  // Five or more spaces after the marker begin indented code inside the item; one belongs to the marker.
  const padding = spaces >= 5 || spaces < 1 || blankItem ? width + 1 : width + spaces;
  const contentAt = spaces >= 5 || spaces < 1 || blankItem ? Math.min(after + 1, end) : after + spaces;
  return { marker, ordered, indent: indent + padding, contentAt };
}

/** A line with its tabs replaced by spaces up to the next multiple of four columns. */
function expandTabs(line: string): string {
  let out = '';
  let column = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\t') {
      const width = 4 - (column % 4);
      out += ' '.repeat(width);
      column += width;
    } else {
      out += c;
      column++;
    }
  }
  return out;
}

type ConflictMarker = 'open' | 'inside' | 'close';

/**
 * Git's conflict markers, at the start of a line. `=======`, `|||||||` and `>>>>>>>` also mean
 * other things in Markdown (a setext underline, a nested quote), so they count only after a `<<<<<<<`.
 */
function conflictMarkerAt(s: string, start: number, end: number, inConflict: boolean): ConflictMarker | undefined {
  const char = s.charCodeAt(start);
  if (end - start < 7 || runLength(s, start, start + 7, char) !== 7) return undefined;
  const next = s.charCodeAt(start + 7);
  const labelled = end === start + 7 || next === SPACE || next === TAB;
  switch (char) {
    case LT:
      return labelled ? 'open' : undefined;
    case 0x7c: // |
      return inConflict && labelled ? 'inside' : undefined;
    case 0x3d: // =
      return inConflict && isBlankRange(s, start + 7, end) ? 'inside' : undefined;
    case GT:
      return inConflict && labelled ? 'close' : undefined;
    default:
      return undefined;
  }
}
