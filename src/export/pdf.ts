/**
 * The export as a tagged PDF, built with pdfkit, for an agenda system or a website under the web
 * accessibility act: a structure tree (Document, H1, H2, H3, P, L/LI/Lbl/LBody, BlockQuote, Code),
 * the document's language, the title in the metadata (and shown as the window title), a bookmark
 * per theme, page numbers as artifacts, and embedded fonts that have every Danish letter.
 */
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { calendarDate, type Block, type ExportModel, type ExportQuestion, type ExportTheme, type Inline, type RevisedBlock } from '../core/export/exportModel';
import type { ExportLabels } from '../l10n/exportLabels';
import type { PdfFonts } from './pdfFonts';
import { titleBlockRows } from './titleBlock';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MUTED = '#595959';
const TEXT = '#1a1a1a';
const LINK = '#0b57d0';
const INDENT = 18;
const BODY_SIZE = 11;
/** A fixed date when the front matter has none: the clock would make every export differ. */
const NO_DATE = new Date(Date.UTC(2000, 0, 1));

type FontName = keyof PdfFonts;

/** The PDF, and the characters of the text that its fonts cannot draw (each once, as first met): they show as empty boxes. */
export interface RenderedPdf {
  readonly bytes: Uint8Array;
  readonly undrawable: readonly string[];
}

/** Control characters other than the line break: no font draws them. A tab is a space (code: four). */
const CONTROL = /(?!\n)\p{Cc}/gu;

/** The PDF's bytes. The same model gives the same bytes. */
export async function renderPdf(model: ExportModel, labels: ExportLabels, fonts: PdfFonts): Promise<RenderedPdf> {
  const day = calendarDate(model.date);
  const date = day === undefined ? NO_DATE : new Date(`${day}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 72, left: 64, right: 64 },
    pdfVersion: '1.7',
    tagged: true,
    lang: model.language,
    displayTitle: true,
    bufferPages: true,
    // No default font: pdfkit's would be Helvetica, which has no embedded glyphs and no place in a
    // tagged PDF; ours, given here, would share its name with the registered 'regular', and pdfkit
    // then parses that font anew (a third of a second) on every doc.font('regular') without caching it.
    font: null as unknown as string,
    info: { Title: model.title, Author: model.organisation ?? '', Subject: model.guideTitle, Creator: 'Dialogue Guide', Producer: 'Dialogue Guide', CreationDate: date, ModDate: date },
  });
  // Each font is read once, by fontkit, and given to pdfkit as read (which pdfkit takes, though its
  // types do not say so), so the same font answers which characters it can draw.
  const faces = {} as Record<FontName, fontkit.Font>;
  for (const name of ['regular', 'bold', 'italic', 'mono'] as const) {
    faces[name] = fontkit.create(fonts[name] as Buffer) as fontkit.Font;
    doc.registerFont(name, faces[name] as unknown as Buffer);
  }
  doc.font('regular');
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new PdfWriter(doc, model, labels, faces);
  writer.write();
  doc.end();
  return { bytes: await done, undrawable: [...writer.undrawable] };
}

class PdfWriter {
  private readonly width: number;
  readonly undrawable = new Set<string>();

  constructor(
    private readonly doc: Doc,
    private readonly model: ExportModel,
    private readonly labels: ExportLabels,
    private readonly faces: Readonly<Record<FontName, fontkit.Font>>,
  ) {
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  write(): void {
    const { doc, model, labels } = this;
    const root = doc.struct('Document');
    doc.addStructure(root);
    root.add(this.heading('H1', model.title, 22));
    for (const { label, value } of titleBlockRows(model, labels)) {
      root.add(this.paragraph([{ kind: 'text', text: `${label}: `, bold: true, italic: false, code: false, href: undefined }, { kind: 'text', text: value, bold: false, italic: false, code: false, href: undefined }]));
    }
    if (model.base) root.add(this.paragraph([plain(labels.changesSince(model.base.ref, model.base.date.slice(0, 10)), { italic: true })]));
    for (const theme of model.themes) this.theme(root, theme);
    root.end();
    this.pageNumbers();
  }

  private theme(root: Struct, theme: ExportTheme): void {
    const { doc } = this;
    doc.addPage();
    doc.outline.addItem(theme.title);
    const section = doc.struct('Sect');
    root.add(section);
    section.add(this.heading('H2', theme.title, 17));
    if (theme.quotes.length > 0) section.add(this.heading('H3', this.labels.quotes, 13));
    for (const quote of theme.quotes) {
      const block = doc.struct('BlockQuote');
      section.add(block);
      block.add(this.paragraph([plain(quote.text, { italic: true })], { indent: INDENT }));
      block.add(this.paragraph([plain(`${quote.speaker}, ${quote.time}`)], { indent: INDENT, color: MUTED }));
      block.end();
    }
    for (const question of theme.questions) this.question(section, question);
    section.end();
  }

  private question(section: Struct, question: ExportQuestion): void {
    section.add(this.heading('H3', `${question.number} ${question.text}`, 13));
    for (const revised of question.blocks) this.block(section, revised.block, revised.revision, 0);
    if (question.unanswered) section.add(this.paragraph([plain(this.labels.notAnswered, { italic: true })], { color: MUTED }));
  }

  private block(parent: Struct, block: Block, revision: RevisedBlock['revision'], indent: number): void {
    const { doc } = this;
    switch (block.kind) {
      case 'paragraph':
        parent.add(this.paragraph(block.inlines, { indent, revision }));
        return;
      case 'subheading':
        parent.add(this.paragraph(block.inlines.map((run) => (run.kind === 'text' ? { ...run, bold: true } : run)), { indent, revision }));
        return;
      case 'code':
        parent.add(this.paragraph([{ kind: 'text', text: block.text, bold: false, italic: false, code: true, href: undefined }], { indent, revision, tag: 'Code' }));
        return;
      case 'rule':
        // A rule is decoration: an artifact, outside the structure tree.
        doc.markContent('Artifact');
        doc.moveTo(doc.page.margins.left + indent, doc.y + 4).lineTo(doc.page.margins.left + this.width, doc.y + 4).stroke(MUTED);
        doc.endMarkedContent();
        doc.moveDown(0.6);
        return;
      case 'quote': {
        const quote = doc.struct('BlockQuote');
        parent.add(quote);
        for (const inner of block.blocks) this.block(quote, inner, revision, deeper(indent));
        quote.end();
        return;
      }
      case 'list': {
        const list = doc.struct('L');
        parent.add(list);
        block.items.forEach((item, i) => {
          const listItem = doc.struct('LI');
          list.add(listItem);
          const label = block.ordered ? `${block.start + i}.` : '•';
          const y = doc.y;
          listItem.add(doc.struct('Lbl', {}, () => this.styled(label, { x: doc.page.margins.left + deeper(indent) - INDENT, y, width: INDENT, font: 'regular' })));
          doc.y = y;
          const body = doc.struct('LBody');
          listItem.add(body);
          for (const inner of item) this.block(body, inner, revision, deeper(indent));
          body.end();
          listItem.end();
        });
        list.end();
        return;
      }
    }
  }

  private heading(tag: 'H1' | 'H2' | 'H3', text: string, size: number): Struct {
    const { doc } = this;
    return doc.struct(tag, {}, () => {
      doc.moveDown(0.4);
      this.styled(text, { x: doc.page.margins.left, y: doc.y, width: this.width, font: 'bold', size, lineGap: 0 });
      doc.moveDown(0.3);
    });
  }

  private paragraph(inlines: readonly Inline[], options: { readonly indent?: number; readonly color?: string; readonly revision?: RevisedBlock['revision']; readonly tag?: string } = {}): Struct {
    const { doc } = this;
    const indent = options.indent ?? 0;
    return doc.struct(options.tag ?? 'P', {}, () => {
      const runs = inlines.length === 0 ? [plain('')] : inlines;
      const x = doc.page.margins.left + indent;
      const width = this.width - indent;
      runs.forEach((run, i) => {
        const continued = i < runs.length - 1;
        const text = run.kind === 'break' ? '\n' : run.text;
        const font = run.kind === 'break' ? 'regular' : run.code ? 'mono' : run.bold ? 'bold' : run.italic ? 'italic' : 'regular';
        const href = run.kind === 'text' ? run.href : undefined;
        const revision = (run.kind === 'text' ? run.revision : undefined) ?? options.revision;
        const color = href !== undefined ? LINK : (options.color ?? TEXT);
        this.styled(text, {
          ...(i === 0 ? { x, y: doc.y } : {}),
          width,
          font,
          color,
          continued,
          link: revision === undefined ? href : undefined,
          underline: revision === 'inserted' || href !== undefined,
          strike: revision === 'deleted',
        });
      });
      doc.moveDown(0.5);
    });
  }

  /**
   * `text` in pieces, each word longer than LONG_WORD cut into pieces that fit a line of `width` in
   * the current font. pdfkit breaks a word wider than the line by measuring the rest of it anew for
   * every line it fills, which for one word of 20,000 letters took 20 s and a gigabyte; a piece of
   * continued text that does not fit where the line has got to simply goes on to the next line.
   */
  private wordPieces(text: string, width: number): string[] {
    if (!HAS_LONG_WORD.test(text)) return [text];
    // Kerning may widen a piece a little beyond the sum of its letters' widths.
    const room = width * 0.95;
    const pieces = [''];
    for (const token of text.split(/(\s+)/)) {
      const letters = [...token];
      if (letters.length <= LONG_WORD) {
        pieces[pieces.length - 1] += token;
        continue;
      }
      let piece = '';
      let used = 0;
      for (const letter of letters) {
        const advance = this.doc.widthOfString(letter);
        if (piece !== '' && used + advance > room) {
          pieces[pieces.length - 1] += piece;
          pieces.push('');
          piece = '';
          used = 0;
        }
        piece += letter;
        used += advance;
      }
      pieces[pieces.length - 1] += piece;
    }
    return pieces;
  }

  /** DejaVu Sans Mono has fewer letters than DejaVu Sans (no ẞ, ả or ℓ): code it cannot draw and Sans can is set in Sans. */
  private fontFor(text: string, font: FontName): FontName {
    if (font !== 'mono') return font;
    const has = (face: fontkit.Font) => [...text].every((c) => c === '\n' || c === '\t' || face.hasGlyphForCodePoint(c.codePointAt(0)!));
    return !has(this.faces.mono) && has(this.faces.regular) ? 'regular' : 'mono';
  }

  /** `text` as the font can set it (tabs as spaces, control characters left out), noting the characters it has no glyph for. */
  private drawable(text: string, font: FontName): string {
    const set = text.replace(/\t/g, font === 'mono' ? '    ' : ' ').replace(CONTROL, '');
    for (const character of set) {
      if (character !== '\n' && !this.undrawable.has(character) && !this.faces[font].hasGlyphForCodePoint(character.codePointAt(0)!)) this.undrawable.add(character);
    }
    return set;
  }

  private styled(text: string, options: { x?: number; y?: number; width: number; font: FontName; size?: number; lineGap?: number; color?: string; continued?: boolean; link?: string; underline?: boolean; strike?: boolean }): void {
    const { doc } = this;
    const font = this.fontFor(text, options.font);
    doc.font(font).fontSize(options.size ?? BODY_SIZE).fillColor(options.color ?? TEXT);
    const pieces = this.wordPieces(this.drawable(text, font), options.width);
    pieces.forEach((piece, i) => {
      const continued = i < pieces.length - 1 || (options.continued ?? false);
      const textOptions = { width: options.width, continued, link: options.link ?? null, underline: options.underline ?? false, strike: options.strike ?? false, lineGap: options.lineGap ?? 2 };
      if (i === 0 && options.x !== undefined) doc.text(piece, options.x, options.y, textOptions);
      else doc.text(piece, textOptions);
    });
  }

  /** "Page n" at the foot of every page, marked as a pagination artifact so a screen reader skips it. */
  private pageNumbers(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('regular').fontSize(9).fillColor(MUTED).text(`${this.labels.page} ${i + 1}`, doc.page.margins.left, doc.page.height - 40, { width: this.width, align: 'center', lineBreak: false });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  }
}

/** The indent of a block nested in one at `indent`: one step more, but never past ten, so text deep in lists and quotes keeps most of the line. */
function deeper(indent: number): number {
  return Math.min(indent + INDENT, 10 * INDENT);
}

/** Non-space characters past which a word is set in pieces: longer than a line, it must break anyway. */
const LONG_WORD = 80;
const HAS_LONG_WORD = new RegExp(`\\S{${LONG_WORD + 1}}`);

function plain(text: string, style: { readonly bold?: boolean; readonly italic?: boolean } = {}): Inline {
  return { kind: 'text', text, bold: style.bold ?? false, italic: style.italic ?? false, code: false, href: undefined };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
