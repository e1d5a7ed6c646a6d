/**
 * The export as a Word document, built with `docx`: Word's own Title, Heading 1 (themes) and
 * Heading 2 (questions) styles, so the navigation pane, a table of contents and an agenda system's
 * PDF conversion keep the structure; the document's language on the styles and on every run; page
 * numbers in the footer; and, against a base, the changes as tracked insertions and deletions.
 */
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { calendarDate, type Block, type ExportModel, type ExportQuestion, type ExportTheme, type Inline, type RevisedBlock } from '../core/export/exportModel';
import type { ExportLabels } from '../l10n/exportLabels';
import { titleBlockRows } from './titleBlock';

/** 4.5:1 and more against white, so the muted "not answered" still passes WCAG AA. */
const MUTED = '595959';
const CODE_FONT = 'Courier New';
const HEADING = '1F3864';
const BULLET = 'bullet';
const INDENT = 720;

/** The Word document's bytes. The same model gives the same bytes: no clock, no random ids. */
export async function renderDocx(model: ExportModel, labels: ExportLabels): Promise<Uint8Array> {
  const writer = new DocxWriter(model, labels);
  const children = writer.body();
  const language = { value: model.language };
  const document = new Document({
    title: model.title,
    subject: model.guideTitle,
    creator: model.organisation ?? '',
    lastModifiedBy: model.organisation ?? '',
    styles: {
      default: {
        document: { run: { language, font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120 } } },
        // An outline level on each heading style: LibreOffice and PDF converters build the outline
        // (bookmarks, navigator) from it, as Word's navigation pane does from the built-in styles.
        title: { run: { language, size: 48, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { language, size: 32, bold: true, color: HEADING }, paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 360, after: 120 } } },
        heading2: { run: { language, size: 26, bold: true, color: HEADING }, paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 240, after: 80 } } },
      },
    },
    numbering: { config: writer.numbering() },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${labels.page} `, PageNumber.CURRENT], language })] })],
          }),
        },
        children,
      },
    ],
  });
  return deterministic(new Uint8Array(await Packer.toArrayBuffer(document)), model);
}

type Revision = RevisedBlock['revision'];

/** Builds the body, counting the ids that tracked changes and numbered lists need. */
class DocxWriter {
  private revisionId = 0;
  private listInstance = 0;
  private readonly orderedStarts = new Set<number>();

  constructor(
    private readonly model: ExportModel,
    private readonly labels: ExportLabels,
  ) {}

  body(): Paragraph[] {
    const { model, labels } = this;
    const paragraphs = [new Paragraph({ heading: HeadingLevel.TITLE, children: [this.run({ text: model.title })] })];
    for (const { label, value } of titleBlockRows(model, labels)) {
      paragraphs.push(new Paragraph({ children: [this.run({ text: `${label}: `, bold: true }), this.run({ text: value })] }));
    }
    if (model.base) paragraphs.push(new Paragraph({ children: [this.run({ text: labels.changesSince(model.base.ref, model.base.date.slice(0, 10)), italics: true })] }));
    for (const theme of model.themes) paragraphs.push(...this.theme(theme));
    return paragraphs;
  }

  /** One ordered-list definition per start number the answers use, and the bullets. */
  numbering() {
    const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], start: number) =>
      Array.from({ length: 9 }, (_, level) => ({
        level,
        format,
        start,
        text: format === LevelFormat.BULLET ? (level % 2 === 0 ? '•' : '◦') : `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
      }));
    return [
      { reference: BULLET, levels: levels(LevelFormat.BULLET, 1) },
      ...[...this.orderedStarts].sort((a, b) => a - b).map((start) => ({ reference: orderedReference(start), levels: levels(LevelFormat.DECIMAL, start) })),
    ];
  }

  private theme(theme: ExportTheme): Paragraph[] {
    // A theme starts a page, as the HTML's print stylesheet does.
    const paragraphs = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [this.run({ text: theme.title })] })];
    if (theme.quotes.length > 0) paragraphs.push(new Paragraph({ children: [this.run({ text: this.labels.quotes, bold: true })] }));
    for (const quote of theme.quotes) {
      paragraphs.push(new Paragraph({ indent: { left: INDENT }, children: [this.run({ text: quote.text, italics: true })] }));
      paragraphs.push(new Paragraph({ indent: { left: INDENT }, children: [this.run({ text: `${quote.speaker}, ${quote.time}`, color: MUTED })] }));
    }
    for (const question of theme.questions) paragraphs.push(...this.question(question));
    return paragraphs;
  }

  private question(question: ExportQuestion): Paragraph[] {
    const paragraphs = [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [this.run({ text: `${question.number} ${question.text}` })] })];
    for (const { block, revision } of question.blocks) paragraphs.push(...this.block(block, revision, { indent: 0, listLevel: -1 }));
    if (question.unanswered) paragraphs.push(new Paragraph({ children: [this.run({ text: this.labels.notAnswered, italics: true, color: MUTED })] }));
    return paragraphs;
  }

  private block(block: Block, revision: Revision, at: { readonly indent: number; readonly listLevel: number }, list?: IParagraphOptions['numbering'] | 'bullet'): Paragraph[] {
    const paragraph = (runs: ParagraphChild[], options: IParagraphOptions = {}) =>
      new Paragraph({
        ...options,
        ...(at.indent > 0 && !list ? { indent: { left: at.indent } } : {}),
        ...(list === 'bullet' ? { numbering: { reference: BULLET, level: at.listLevel } } : list ? { numbering: list } : {}),
        // The paragraph mark is part of the change too, so rejecting an insertion leaves no empty paragraph.
        run: this.revision(revision),
        children: runs,
      });
    switch (block.kind) {
      case 'paragraph':
        return [paragraph(this.inlines(block.inlines, revision))];
      case 'subheading':
        return [paragraph(this.inlines(block.inlines, revision, true), { keepNext: true })];
      case 'code':
        return block.text.split('\n').map((line) => paragraph([this.revisedRun({ text: line, font: CODE_FONT }, revision)]));
      case 'rule':
        return [paragraph([], { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } })];
      case 'quote':
        return block.blocks.flatMap((inner) => this.block(inner, revision, { ...at, indent: at.indent + INDENT }));
      case 'list': {
        const level = at.listLevel + 1;
        const instance = ++this.listInstance;
        if (block.ordered) this.orderedStarts.add(block.start);
        return block.items.flatMap((item) =>
          item.flatMap((inner, i) => {
            // The item's first block carries its bullet or number; the rest are indented under it.
            if (i > 0 || inner.kind === 'list') return this.block(inner, revision, { indent: INDENT * (level + 1), listLevel: level });
            const numbering = block.ordered ? { reference: orderedReference(block.start), level, instance } : 'bullet';
            return this.block(inner, revision, { indent: 0, listLevel: level }, numbering);
          }),
        );
      }
    }
  }

  private inlines(inlines: readonly Inline[], revision: Revision, bold = false): ParagraphChild[] {
    return inlines.map((inline): ParagraphChild => {
      if (inline.kind === 'break') return this.revisedRun({ break: 1 }, revision);
      // Only what is set is written: an explicit "not bold" would override a style's bold.
      const options: IRunOptions = {
        text: inline.text,
        ...(bold || inline.bold ? { bold: true } : {}),
        ...(inline.italic ? { italics: true } : {}),
        ...(inline.code ? { font: CODE_FONT } : {}),
        ...(inline.href !== undefined ? { style: 'Hyperlink' } : {}),
      };
      // A word changed inside a rewritten paragraph is tracked on its own.
      const changed = inline.revision ?? revision;
      // A link inside a tracked change stays styled as one; Word tracks runs, and a hyperlink is not a run.
      if (inline.href === undefined || changed !== undefined) return this.revisedRun(options, changed);
      return new ExternalHyperlink({ link: inline.href, children: [this.run(options)] });
    });
  }

  private run(options: IRunOptions): TextRun {
    return new TextRun({ ...options, language: { value: this.model.language } });
  }

  private revisedRun(options: IRunOptions, revision: Revision): ParagraphChild {
    const change = this.revision(revision);
    const run = { ...options, language: { value: this.model.language } };
    if (!change) return new TextRun(run);
    return revision === 'inserted' ? new InsertedTextRun({ ...run, ...change.insertion! }) : new DeletedTextRun({ ...run, ...change.deletion! });
  }

  /** A fresh tracked change by the product, dated as the base's commit, or nothing for an unchanged block. */
  private revision(revision: Revision) {
    const base = this.model.base;
    if (revision === undefined || !base) return undefined;
    const change = { id: ++this.revisionId, author: this.labels.revisionAuthor, date: base.date };
    return revision === 'inserted' ? { insertion: change } : { deletion: change };
  }
}

function orderedReference(start: number): string {
  return `ordered-${start}`;
}

/** The zip entries' time: the DOS epoch, since a clock would make every export differ. */
const ZIP_TIME = new Date(1980, 0, 1);

/**
 * `docx` stamps the core properties with the clock and names hyperlink relationships with random
 * ids; both are replaced here (the front matter's date, numbered ids) and the zip written again
 * with fixed times, so that the editor and the CLI give the same bytes for the same input.
 */
function deterministic(packed: Uint8Array, model: ExportModel): Uint8Array {
  const files = unzipSync(packed);
  const ids = new Map<string, string>();
  const relationshipId = (id: string) => {
    let fixed = ids.get(id);
    if (!fixed) ids.set(id, (fixed = `rIdLink${ids.size + 1}`));
    return fixed;
  };
  // Hyperlink ids are collected from the relationships file first, in its order, so numbering does not depend on which file is read first.
  const rels = 'word/_rels/document.xml.rels';
  if (files[rels]) {
    const text = strFromU8(files[rels]).replace(/Id="(rId[A-Za-z0-9_-]{15,})"/g, (_, id: string) => `Id="${relationshipId(id)}"`);
    files[rels] = strToU8(text);
  }
  if (files['word/document.xml'] && ids.size > 0) {
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace(/r:id="(rId[A-Za-z0-9_-]{15,})"/g, (whole, id: string) => (ids.has(id) ? `r:id="${ids.get(id)}"` : whole)));
  }
  const core = 'docProps/core.xml';
  if (files[core]) {
    const date = isoDate(model.date);
    const stamp = (name: string) => (date ? `<${name} xsi:type="dcterms:W3CDTF">${date}</${name}>` : '');
    files[core] = strToU8(
      strFromU8(files[core])
        .replace(/<dcterms:created[^>]*>[^<]*<\/dcterms:created>/, stamp('dcterms:created'))
        .replace(/<dcterms:modified[^>]*>[^<]*<\/dcterms:modified>/, stamp('dcterms:modified')),
    );
  }
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort()) zippable[name] = [files[name]!, { mtime: ZIP_TIME }];
  // [Content_Types].xml first, as Office writes it and some readers expect.
  const ordered: Zippable = { '[Content_Types].xml': zippable['[Content_Types].xml']!, ...zippable };
  return zipSync(ordered, { level: 6 });
}

/** The front matter's date as W3CDTF, when it is a calendar date (2026-03-01). */
function isoDate(date: string | undefined): string | undefined {
  const day = calendarDate(date);
  return day === undefined ? undefined : `${day}T00:00:00Z`;
}
