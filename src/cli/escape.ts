/**
 * Escaping for what the CLI prints. Ids, titles, labels, answers and file names come from
 * documents and guides a pull request can bring, so none of them may move the cursor, recolour
 * the terminal, end a GitHub workflow command or add a line, row or heading of their own.
 */

/**
 * C0 controls (tab and line feed are kept where a caller allows them), DEL, C1 controls, the
 * Unicode line and paragraph separators, and every format character (Unicode's Cf: bidirectional
 * marks, embeddings, overrides and isolates, zero-width spaces, soft hyphens), which can hide text
 * or make it read in a different order than it runs. The zero-width joiner alone is kept: emoji
 * are built with it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]|\u034f/gu;
const ZERO_WIDTH_JOINER = '\u200d';

/**
 * `\u001b` for ESC and so on: visible, and a valid escape inside a JSON string, so JSON output
 * (where `JSON.stringify` escapes C0 but leaves DEL, C1 and the rest raw) stays the same JSON.
 */
function escaped(c: string): string {
  return [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
}

function escapeControls(text: string, keep: string): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) || c === ZERO_WIDTH_JOINER ? c : escaped(c)));
}

/** Whole output for a terminal or a file: only tabs and line breaks between lines the CLI wrote itself stay as they are. */
export function terminalText(text: string): string {
  return escapeControls(text, '\n\t');
}

/** A value inside one line of output: a line break, carriage return or any other control is shown escaped. */
export function oneLine(text: string): string {
  return escapeControls(text, '\t');
}

/** A field of tab-separated output: tabs are escaped too, so a value cannot add a column. */
export function tabField(text: string): string {
  return escapeControls(text, '');
}

/**
 * Text inside a Markdown line (a heading, a list item): on one line, with the characters that would
 * start a heading, table cell, emphasis, link, code span, HTML (a `<!--` hides the rest of the page) or
 * entity backslash-escaped, so it reads as the literal text it is.
 */
export function markdownInline(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#~&!]/g, '\\$&');
}
