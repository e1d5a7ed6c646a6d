/**
 * What may be read as a text file, decided once for every front end: the CLI, the editor's
 * workspace scan and the guide loader all read strategy documents and guides through it.
 */

/**
 * The largest file read as text: 128 MiB. A strategy document or guide is a few hundred kilobytes;
 * the product is measured to check a 100 MB one in about a second within 1 GB (`npm run bench`),
 * and anything larger is a mistake (a log, a dump) that would hold the CLI or the extension host.
 */
export const MAX_TEXT_FILE_BYTES = 128 * 1024 * 1024;

/** Why a file's text was not read. */
export type TextFileProblem =
  /** A device, pipe, socket or a link to nothing: reading could block forever or never end. */
  | { readonly kind: 'notRegular' }
  | { readonly kind: 'tooLarge'; readonly size: number }
  /** One-based line and column (in UTF-16 code units, as editors count) of the first byte that is not UTF-8. */
  | { readonly kind: 'invalidUtf8'; readonly line: number; readonly column: number };

/** Thrown by a `ContentFileSystem` for a file it refuses to read; `readTextOrReport` turns it into a finding. */
export class TextFileError extends Error {
  constructor(readonly problem: TextFileProblem) {
    super(problemText(problem));
    this.name = 'TextFileError';
  }
}

function problemText(problem: TextFileProblem): string {
  switch (problem.kind) {
    case 'notRegular':
      return 'not a regular file';
    case 'tooLarge':
      return `${problem.size} bytes, above the limit of ${MAX_TEXT_FILE_BYTES}`;
    case 'invalidUtf8':
      return `not valid UTF-8 at line ${problem.line}, column ${problem.column}`;
  }
}

/** Throws a `TextFileError` unless a file of this kind and size (in bytes) may be read: regular files up to the limit. */
export function assertReadableTextFile(isRegularFile: boolean, size: number): void {
  if (!isRegularFile) throw new TextFileError({ kind: 'notRegular' });
  if (size > MAX_TEXT_FILE_BYTES) throw new TextFileError({ kind: 'tooLarge', size });
}

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of UTF-8 `bytes` (a byte order mark is dropped, as editors do). Throws a `TextFileError`
 * naming the line of the first bad byte rather than putting replacement characters in the text,
 * which would then be checked, compared and reported as if someone had written them.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw new TextFileError({ kind: 'invalidUtf8', ...positionOf(bytes, firstInvalidByte(bytes)) });
  }
}

/** One-based line and column of byte `offset`, counting columns in UTF-16 code units of the valid text before it. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: strict.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points above U+10FFFF). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The lead byte gives the length and the allowed range of the first continuation byte.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
