/** The PDF's fonts, apart from the renderer, so that naming them does not load pdfkit. */

/** TrueType fonts (the bytes of .ttf files): DejaVu Sans regular, bold and oblique and DejaVu Sans Mono. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly mono: Uint8Array;
}

/** The font files, as the dejavu-fonts-ttf package names them. */
export const PDF_FONT_FILES: Readonly<Record<keyof PdfFonts, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/**
 * The code points (first, last) of the common subset: Latin letters and their accents, punctuation,
 * currency, letter-like symbols, number forms, arrows, mathematical operators, shapes, symbols and
 * dingbats. The build (scripts/build.mjs) cuts the fonts down to these, the glyphs their ligatures
 * and marks need included, as dist/fonts/common/. A font with a tenth of DejaVu's six thousand
 * glyphs is read in a fraction of the time, and most strategies need nothing else.
 */
export const COMMON_SUBSET: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2b9, 0x2dd],
  [0x300, 0x36f],
  [0x1e00, 0x1eff],
  [0x2000, 0x20cf],
  [0x2100, 0x22ff],
  [0x25a0, 0x27bf],
  [0xfb00, 0xfb06],
  [0xfffd, 0xfffd],
];

/** The folder under dist/fonts/ of the common subset; the whole fonts lie in dist/fonts/ itself. */
export const COMMON_SUBSET_FOLDER = 'common';

/**
 * The font files under dist/fonts/ for a document whose every string is in `texts`: the common
 * subset when it has every character they use (control characters aside: the layout reads line
 * breaks and tabs, and no font draws the others), else DejaVu whole, so that no letter the whole
 * font has is ever missing.
 */
export function pdfFontFiles(texts: Iterable<string>): Readonly<Record<keyof PdfFonts, string>> {
  const subset = allInCommonSubset(texts);
  const files = Object.entries(PDF_FONT_FILES).map(([style, file]) => [style, subset ? `${COMMON_SUBSET_FOLDER}/${file}` : file]);
  return Object.fromEntries(files) as Record<keyof PdfFonts, string>;
}

function allInCommonSubset(texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (const character of text) {
      const code = character.codePointAt(0)!;
      if (code <= 0x7e || (code >= 0x7f && code < 0xa0)) continue;
      if (!COMMON_SUBSET.some(([first, last]) => code >= first && code <= last)) return false;
    }
  }
  return true;
}
