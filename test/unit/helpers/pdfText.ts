/**
 * Reads a PDF as pdfkit writes it, far enough for tests: the objects, their streams inflated, the
 * text of every page through the fonts' ToUnicode maps (pdfkit writes glyph ids, not letters), and
 * the catalogue's entries. A small reader of our own: the machine has no PDF tool to ask.
 */
import { constants, inflateSync } from 'node:zlib';

export interface PdfObject {
  readonly id: number;
  readonly dictionary: string;
  /** The stream, inflated when it is Flate-encoded; undefined without one. */
  readonly stream: string | undefined;
}

export interface ReadPdf {
  readonly objects: ReadonlyMap<number, PdfObject>;
  /** The text of each page, a line per text object (BT … ET). */
  readonly pages: readonly string[];
}

/** The objects and page texts of `bytes`. */
export function readPdf(bytes: Uint8Array): ReadPdf {
  const raw = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    let dictionary = body;
    let stream: string | undefined;
    if (at >= 0 && /^\s*<</.test(body)) {
      dictionary = body.slice(0, at);
      const start = body.startsWith('\r\n', at + 6) ? at + 8 : at + 7;
      const data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')).replace(/\r?\n$/, ''), 'latin1');
      stream = /\/FlateDecode/.test(dictionary) ? inflated(data) : data.toString('latin1');
    }
    objects.set(Number(match[1]), { id: Number(match[1]), dictionary, stream });
  }
  const fonts = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    for (const [, name, ref] of object.dictionary.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dictionary ?? '');
      if (toUnicode) fonts.set(name!, cmapOf(objects.get(Number(toUnicode[1]))?.stream ?? ''));
    }
  }
  const pages: string[] = [];
  for (const object of objects.values()) {
    if (!/\/Type \/Page\b/.test(object.dictionary)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(object.dictionary);
    pages.push(textOf(objects.get(Number(contents?.[1]))?.stream ?? '', fonts));
  }
  return { objects, pages };
}

/**
 * A Flate stream's text; undefined when it does not inflate, as a stream holding the bytes "endobj"
 * (which this reader takes for the object's end) would not: the tests read no such stream.
 */
function inflated(data: Buffer): string | undefined {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
  } catch {
    return undefined;
  }
}

/** The catalogue's dictionary (`/Type /Catalog`). */
export function catalogOf(pdf: ReadPdf): string {
  return [...pdf.objects.values()].find((o) => /\/Type \/Catalog/.test(o.dictionary))?.dictionary ?? '';
}

/** A PDF string literal's text, `(Strategi \(udkast\))` read as `Strategi (udkast)`; pdfkit writes non-ASCII text as UTF-16BE hex. */
export function pdfString(value: string): string {
  if (value.startsWith('<')) {
    const hex = value.slice(1, -1);
    const bytes = Buffer.from(hex, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  return value.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

function cmapOf(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A ligature's entry holds each letter it stands for, space-separated: <0066 006c> for "fl".
  const unicode = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, start, , list] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    [...list!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((m, i) => map.set(parseInt(start!, 16) + i, unicode(m[1]!)));
  }
  for (const [, code, text] of cmap.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>\s*$/gm)) map.set(parseInt(code!, 16), unicode(text!));
  return map;
}

function textOf(content: string, fonts: ReadonlyMap<string, ReadonlyMap<number, string>>): string {
  const lines: string[] = [];
  for (const [, block] of content.matchAll(/BT([\s\S]*?)ET/g)) {
    let font: ReadonlyMap<number, string> | undefined;
    let line = '';
    for (const [, name, strings] of block!.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (name) font = fonts.get(name);
      const hexes = strings !== undefined ? [...strings.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [];
      for (const hex of hexes) for (const code of hex.match(/.{4}/g) ?? []) line += font?.get(parseInt(code, 16)) ?? '\ufffd';
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** A string entry of a dictionary, direct or through a reference (pdfkit writes the document information's values as objects of their own). */
export function stringEntry(pdf: ReadPdf, dictionary: string, key: string): string | undefined {
  const match = new RegExp(`/${key}\\s*(?:(\\([^)]*\\)|<[^>]*>)|(\\d+) 0 R)`).exec(dictionary);
  if (!match) return undefined;
  return pdfString(match[1] ?? pdf.objects.get(Number(match[2]))!.dictionary.trim());
}
