/**
 * What a CommonMark parser (markdown-it, in its CommonMark preset) sees at the top level of a text,
 * in the same shape as the product's block scan, so the two can be compared line for line.
 */
import MarkdownIt from 'markdown-it';
import type { BlockKind, TopBlock } from '../../../src/core/markdownBlocks';

const markdown = new MarkdownIt('commonmark');

const KINDS: Readonly<Record<string, BlockKind>> = {
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  fence: 'code',
  code_block: 'code',
  html_block: 'html',
  hr: 'hr',
  blockquote_open: 'blockquote',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
};

/** The top-level blocks of `text`, each over the lines it covers without trailing blank lines. */
export function commonMarkBlocks(text: string): TopBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  return markdown
    .parse(text, {})
    .filter((t) => t.level === 0 && t.map && KINDS[t.type])
    .map((t) => {
      const kind = KINDS[t.type]!;
      const block = { kind, start: t.map![0], end: trimBlank(lines, t.map![0], t.map![1]) };
      return kind === 'heading' ? { ...block, level: Number(t.tag.slice(1)) } : block;
    });
}

/** `blocks` with each one's trailing blank lines left out, as `commonMarkBlocks` reports them. */
export function withoutTrailingBlanks(text: string, blocks: readonly TopBlock[]): TopBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  return blocks.map((b) => ({ ...b, end: trimBlank(lines, b.start, b.end) }));
}

function trimBlank(lines: readonly string[], start: number, end: number): number {
  let last = end;
  while (last > start + 1 && /^[ \t]*$/.test(lines[last - 1] ?? '')) last--;
  return last;
}
