/**
 * Line arithmetic on raw text, as editors count lines: zero-based, split at "\n", a "\r" before it
 * belongs to the line break, and a leading byte order mark is not part of line 0.
 * Working on offsets instead of split strings keeps 20 MB documents cheap.
 */

/**
 * Offsets where each line starts; a text ending in a line break has an empty last line.
 * Counting first and filling a typed array is twice as fast on long texts as growing an array.
 */
export function lineStarts(text: string): Uint32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Uint32Array(count);
  starts[0] = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}

/** The offset where line `line`'s content ends, before its line break. */
export function lineEnd(text: string, starts: Uint32Array, line: number): number {
  if (line + 1 >= starts.length) return text.length;
  const newline = starts[line + 1]! - 1;
  return text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
}

/** Whether text[start, end) holds nothing but spaces and tabs. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** The document's line break, judged by its first one; "\n" when it has none. */
export function lineBreakOf(text: string): '\n' | '\r\n' {
  const newline = text.indexOf('\n');
  return newline > 0 && text.charCodeAt(newline - 1) === 0x0d ? '\r\n' : '\n';
}
