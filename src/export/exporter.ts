/**
 * The one exporter both front ends call, bundled on its own as dist/export.js so that neither the
 * extension's activation nor the CLI's other commands load `docx`, `pdfkit` or markdown-it.
 */
import { buildExportModel, type ExportInput, type ExportModel } from '../core/export/exportModel';
import { lineRange, type Finding } from '../core/findings';
import type { StrategyDocument } from '../core/strategyDocument';
import { bundleTranslate, exportLabels } from '../l10n/exportLabels';
import { renderHtml } from './html';
import { pdfFontFiles, type PdfFonts } from './pdfFonts';

import { EXPORT_FORMATS, type ExportFormat } from './formats';

export { EXPORT_FORMATS, type ExportFormat };

export interface ExportRequest extends ExportInput {
  readonly format: ExportFormat;
  /**
   * The l10n bundles (`l10n/bundle.l10n.<language>.json`, parsed) by language: the export's own
   * words follow the document's language, not the user interface's, so that the editor and the
   * CLI write the same file. English needs none.
   */
  readonly bundles: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Reads a font file the PDF embeds, by its path under the package's dist/fonts/ (`common/DejaVuSans.ttf`); only a PDF asks. */
  readonly readFont: (file: string) => Promise<Uint8Array>;
}

/**
 * The exported file's bytes, with warnings about what it shows otherwise than written (characters
 * the PDF's fonts cannot draw); or the findings (file and line) that stop the export.
 */
export type ExportOutcome = { readonly ok: true; readonly bytes: Uint8Array; readonly warnings: readonly Finding[] } | { readonly ok: false; readonly findings: readonly Finding[] };

/** Exports one strategy document. */
export async function exportStrategyDocument(request: ExportRequest): Promise<ExportOutcome> {
  const built = buildExportModel(request);
  if (!built.ok) return built;
  const { model } = built;
  const labels = exportLabels(bundleTranslate(request.bundles[model.language.split('-')[0]!.toLowerCase()]));
  switch (request.format) {
    case 'html':
      return { ok: true, bytes: new TextEncoder().encode(renderHtml(model, labels)), warnings: [] };
    // docx and pdfkit are loaded only when their format is asked for: in Node each is a bundle of its
    // own (dist/export-docx.js, dist/export-pdf.js), so that an export parses only its own library.
    case 'docx':
      return { ok: true, bytes: await (await import('./docx')).renderDocx(model, labels), warnings: [] };
    case 'pdf': {
      const pdf = await (await import('./pdf')).renderPdf(model, labels, await readPdfFonts(request.readFont, stringsIn([model, labels])));
      return { ok: true, bytes: pdf.bytes, warnings: undrawableFindings(request.document, model, pdf.undrawable) };
    }
  }
}

/** The most characters one warning lists. */
const LISTED = 10;

/**
 * A warning per question whose answer holds characters the PDF cannot draw, on its heading, naming
 * them; characters that stand in no answer (the front matter, the guide's text, a base's deleted
 * text) are named on the first line.
 */
function undrawableFindings(document: StrategyDocument, model: ExportModel, characters: readonly string[]): Finding[] {
  const byQuestion = new Map<string, string[]>();
  for (const character of characters) {
    const id = document.sections.find((s) => s.answer.includes(character))?.questionId ?? '';
    byQuestion.set(id, [...(byQuestion.get(id) ?? []), character]);
  }
  const questions = new Map(model.themes.flatMap((theme) => theme.questions).map((q) => [q.id, q]));
  return [...byQuestion].map(([id, found]) => {
    const section = document.sections.find((s) => s.questionId === id);
    const question = questions.get(id);
    const listed = found.slice(0, LISTED).map((c) => (/\p{C}/u.test(c) ? codePoint(c) : `${c} (${codePoint(c)})`)).join(', ') + (found.length > LISTED ? ', …' : '');
    return {
      code: 'export.undrawable',
      severity: 'warning',
      file: document.file,
      range: lineRange(section ? (section.headingLine ?? section.markerLine) : 0),
      args: { characters: listed, ...(question ? { id, question: `${question.number} ${question.text}` } : {}) },
    };
  });
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The fonts for a document whose every string is in `texts`, each file read by `read`. */
async function readPdfFonts(read: (file: string) => Promise<Uint8Array>, texts: Iterable<string>): Promise<PdfFonts> {
  const files = pdfFontFiles(texts);
  const [regular, bold, italic, mono] = await Promise.all([files.regular, files.bold, files.italic, files.mono].map(read));
  return { regular: regular!, bold: bold!, italic: italic!, mono: mono! };
}

/** Every string in `value`, however deep: whatever field of the model a renderer shows is among them. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) yield* stringsIn(item);
}
