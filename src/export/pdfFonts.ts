/** The PDF's fonts, apart from the renderer, so that naming them does not load pdfkit. */

/** TrueType fonts (the bytes of .ttf files): DejaVu Sans regular, bold and oblique and DejaVu Sans Mono, from the package's dist/fonts. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly mono: Uint8Array;
}

/** The font files PdfFonts are read from, under dist/fonts/. */
export const PDF_FONT_FILES: Readonly<Record<keyof PdfFonts, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};
