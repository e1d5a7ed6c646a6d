/**
 * An answer's Markdown as blocks and styled runs of text, read by markdown-it (CommonMark), so that
 * every export format shows bold as bold and a list as a list, never the asterisks. HTML in an
 * answer is never interpreted: comments (the writer's notes) are left out, other HTML is text.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** A run of text with its emphasis; `href` when it is (part of) a link. */
export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly code: boolean;
  readonly href: string | undefined;
  /** Set in a rewritten paragraph, on the words inserted or deleted since the base (see `revisedBlocks`). */
  readonly revision?: 'inserted' | 'deleted';
}

/** A hard line break inside a paragraph. */
export interface LineBreak {
  readonly kind: 'break';
}

export type Inline = TextRun | LineBreak;

export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  /** A heading the writer typed inside an answer: shown as a bold paragraph, so it does not enter the document's outline. */
  | { readonly kind: 'subheading'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly Block[])[] }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'rule' };

/**
 * How deep blocks may nest (a list in a list counts two). markdown-it stops reading at this depth
 * and drops the rest of the text in silence; CommonMark's preset says 20, which a list ten levels
 * deep reaches. Nothing a person writes comes near this one; an answer that does is exported as
 * plain text rather than cut (`answerBlocks`).
 */
const MAX_NESTING = 100;
// `html: true` only so that comments and tags come as their own tokens, to drop or show as text.
const markdown = new MarkdownIt('commonmark', { html: true });
// An option markdown-it reads on every parse, missing from its typings.
(markdown.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
/** Links a reader can follow from a committee paper; anything else stays text. */
const SAFE_LINK = /^(?:https?:|mailto:)/i;
const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * `text` without the control characters XML 1.0 cannot hold: one in a Word or PDF file would make
 * it unreadable, so every text of the export goes through here, in all formats alike.
 */
export function exportable(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/** The blocks of an answer's Markdown. */
export function answerBlocks(text: string): Block[] {
  const tokens = markdown.parse(exportable(text), {});
  if (tokens.some((token) => token.level >= MAX_NESTING - 1)) return plainBlocks(exportable(text));
  let at = 0;
  const blocks = (until: string | undefined): Block[] => {
    const out: Block[] = [];
    while (at < tokens.length) {
      const token = tokens[at++]!;
      if (token.type === until) return out;
      switch (token.type) {
        case 'paragraph_open': {
          const inline = tokens[at++]!;
          at++; // paragraph_close
          const inlines = inlineRuns(inline.children ?? []);
          if (inlines.length > 0) out.push({ kind: 'paragraph', inlines });
          break;
        }
        case 'heading_open': {
          const inline = tokens[at++]!;
          at++;
          out.push({ kind: 'subheading', inlines: inlineRuns(inline.children ?? []) });
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = token.type === 'ordered_list_open';
          const start = Number(token.attrGet('start') ?? 1);
          const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
          const items: Block[][] = [];
          while (at < tokens.length && tokens[at]!.type !== close) {
            at++; // list_item_open
            items.push(blocks('list_item_close'));
          }
          at++;
          out.push({ kind: 'list', ordered, start, items });
          break;
        }
        case 'blockquote_open':
          out.push({ kind: 'quote', blocks: blocks('blockquote_close') });
          break;
        case 'fence':
        case 'code_block':
          out.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
          break;
        case 'hr':
          out.push({ kind: 'rule' });
          break;
        case 'html_block':
          if (!COMMENT.test(token.content)) out.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
          break;
      }
    }
    return out;
  };
  return blocks(undefined);
}

/** Inline tokens as runs; neighbouring runs of the same style are joined, so the output has as few runs as the text has styles. */
/** The text as it was typed, a paragraph per run of lines, a line break per line: nothing read as Markdown, nothing left out. */
function plainBlocks(text: string): Block[] {
  const run = (line: string): TextRun => ({ kind: 'text', text: line, bold: false, italic: false, code: false, href: undefined });
  return text
    .split(/(?:\r?\n[ \t]*){2,}/)
    .map((paragraph) => paragraph.split(/\r?\n/).filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) => ({ kind: 'paragraph', inlines: lines.flatMap((line, i): Inline[] => (i === 0 ? [run(line)] : [{ kind: 'break' }, run(line)])) }));
}

function inlineRuns(tokens: readonly Token[]): Inline[] {
  const runs: Inline[] = [];
  let bold = 0;
  let italic = 0;
  const links: (string | undefined)[] = [];
  const push = (text: string, code = false) => {
    if (text === '') return;
    const href = links.at(-1);
    const last = runs.at(-1);
    if (last?.kind === 'text' && last.bold === bold > 0 && last.italic === italic > 0 && last.code === code && last.href === href) {
      runs[runs.length - 1] = { ...last, text: last.text + text };
    } else {
      runs.push({ kind: 'text', text, bold: bold > 0, italic: italic > 0, code, href });
    }
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        push(token.content);
        break;
      case 'code_inline':
        push(token.content, true);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        runs.push({ kind: 'break' });
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open': {
        const href = token.attrGet('href') ?? '';
        links.push(SAFE_LINK.test(href) ? href : undefined);
        break;
      }
      case 'link_close':
        links.pop();
        break;
      case 'image':
        // An image would be an outside resource: its description stands in for it.
        push(token.content);
        break;
      case 'html_inline':
        if (!COMMENT.test(token.content)) push(token.content);
        break;
    }
  }
  // A paragraph that held only a comment has nothing left to show.
  const last = runs.at(-1);
  if (last?.kind === 'text') runs[runs.length - 1] = { ...last, text: last.text.trimEnd() };
  const first = runs[0];
  if (first?.kind === 'text') runs[0] = { ...first, text: first.text.trimStart() };
  return runs.filter((run) => run.kind === 'break' || run.text !== '');
}
