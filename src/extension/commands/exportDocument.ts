import * as vscode from 'vscode';
import { t } from '../l10n';
import type { StrategyDocument } from '../../core/strategyDocument';
import { parseStrategyDocument } from '../../core/strategyDocument';
import { EXPORT_FORMATS, formatOfFileName, type ExportFormat } from '../../export/formats';
import { formatFinding } from '../../l10n/findingMessages';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';
import type { ReviewService } from '../review/reviewService';
import { requireTrust } from '../trust';
import type { CommandAction } from './commandManager';
import { documentToChange } from './syncDocument';

/** The exporter (src/export/exporter.ts), as the host loads it: its own bundle, loaded on first export. */
export type Exporter = typeof import('../../export/exporter');

/** How this host loads the exporter: the desktop requires dist/export.js, the browser evaluates dist/web/export.js. */
export interface ExportHost {
  readonly loadExporter: () => Promise<Exporter>;
}

/** What a test or another command may settle instead of asking: the format, the file, and changes since the review base. */
export interface ExportOptions {
  readonly format?: ExportFormat;
  readonly target?: vscode.Uri;
  readonly withChanges?: boolean;
}

interface FormatPick extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  readonly withChanges: boolean;
}

/**
 * Exports a strategy document to Word, PDF or HTML through the same exporter as the CLI's
 * `export`, so both write the same bytes. The document's text is the editor's (unsaved edits
 * included) and is never changed; the file goes through `workspace.fs` (a temporary file beside
 * the target, renamed into place), so a failed export leaves no partial file. The exporter
 * (dist/export.js, dist/web/export.js) loads the first time this runs, never at activation.
 * Arguments `(uri?, options?)`: the view's item passes the document's URI.
 */
export class ExportStrategyDocumentCommand implements CommandAction {
  constructor(
    private readonly documents: StrategyDocuments,
    private readonly guides: GuideService,
    private readonly review: ReviewService,
    private readonly extensionUri: vscode.Uri,
    private readonly host: ExportHost,
  ) {}

  async execute(arg?: unknown, rawOptions?: unknown): Promise<vscode.Uri | undefined> {
    // It writes a file and may read Git history: in Restricted Mode Dialogue Guide only reads the guide.
    if (!requireTrust(t('Exporting a strategy document'))) return undefined;
    const options = exportOptions(rawOptions);
    const found = await documentToChange(this.documents, arg);
    if (!found) return undefined;
    const { entry } = found;
    const base = this.review.base(entry.uri);
    const picked = options.format ? { format: options.format, withChanges: options.withChanges ?? false } : await this.pickFormat(entry.uri, base);
    if (!picked) return undefined;
    // Before the save dialog: a base Git cannot read is said before anything is chosen or replaced.
    const baseDocument = picked.withChanges ? await this.documentAtBase(entry.uri, base) : undefined;
    if (baseDocument === null) return undefined;
    // The save dialog asks before it replaces a file; a target given by a caller is asked about here.
    const chosen = options.target ? { uri: options.target, confirmed: false } : await this.pickTarget(entry.uri, picked.format);
    if (!chosen) return undefined;
    const target = chosen.uri;
    const named = formatOfFileName(target.path);
    if (named !== undefined && named !== picked.format) {
      void vscode.window.showErrorMessage(t('{0} names a .{1} file, but the export is {2}: give the file a .{2} name, or choose {1}.', vscode.workspace.asRelativePath(target), named, picked.format));
      return undefined;
    }
    if (sameFile(target, entry.uri)) {
      void vscode.window.showErrorMessage(t('An export cannot be saved over the strategy document itself.'));
      return undefined;
    }
    const existing = await statOf(target);
    if (existing && (existing.type & vscode.FileType.File) === 0) {
      void vscode.window.showErrorMessage(t('{0} is not a file (a folder?): an export replaces only a file. Choose another name.', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    if (existing && !chosen.confirmed && !(await confirmReplace(target))) return undefined;

    const exporter = await this.host.loadExporter();
    const read = (...path: string[]) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...path)));
    const outcome = await exporter.exportStrategyDocument({
      format: picked.format,
      document: entry.parsed,
      guides: this.guides.entries,
      includeQuotes: vscode.workspace.getConfiguration('dialogueGuide', entry.uri).get<boolean>('export.includeQuotes', false),
      ...(baseDocument ? { base: baseDocument } : {}),
      bundles: { da: JSON.parse(new TextDecoder().decode(await read('l10n', 'bundle.l10n.da.json'))) as Record<string, unknown> },
      readFont: (file) => read('dist', 'fonts', file),
    });
    const file = vscode.workspace.asRelativePath(entry.uri);
    if (!outcome.ok) {
      const first = outcome.findings[0];
      const reason = first ? formatFinding({ ...first, file }, (message, args) => t(message, args)) : '';
      void vscode.window.showErrorMessage(t('{0} was not exported: {1}', file, reason));
      return undefined;
    }
    try {
      await writeWhole(target, outcome.bytes);
    } catch (error) {
      void vscode.window.showErrorMessage(t('{0} could not be written: {1}', vscode.workspace.asRelativePath(target), (error as Error).message));
      return undefined;
    }
    const exported = t('Exported {0} to {1}.', file, vscode.workspace.asRelativePath(target));
    if (outcome.warnings.length === 0) void vscode.window.showInformationMessage(exported);
    else void vscode.window.showWarningMessage([exported, ...outcome.warnings.map((w) => formatFinding({ ...w, file }, (message, args) => t(message, args)))].join(' '));
    return target;
  }

  /** The formats; with the changes since the base only where Git can read it. */
  private async pickFormat(document: vscode.Uri, base: string): Promise<FormatPick | undefined> {
    const names: Record<ExportFormat, string> = { docx: t('Word document (.docx)'), pdf: t('Tagged PDF (.pdf)'), html: t('Web page (.html)') };
    const details: Record<ExportFormat, string> = {
      docx: t('For the committee\'s agenda: Word\'s own headings'),
      pdf: t('For the agenda system or the website: accessible, with bookmarks'),
      html: t('One self-contained page for the website'),
    };
    const changes: Record<ExportFormat, string> = {
      docx: t('Answers changed since {0} as tracked changes in Word', base),
      pdf: t('Answers changed since {0} marked as inserted and deleted text', base),
      html: t('Answers changed since {0} marked as inserted and deleted text', base),
    };
    const items: FormatPick[] = EXPORT_FORMATS.map((format) => ({ label: names[format], detail: details[format], format, withChanges: false }));
    if (await this.review.reader.repository(document)) {
      items.push(
        { label: t('Changes since {0}', base), kind: vscode.QuickPickItemKind.Separator, format: 'docx', withChanges: false },
        ...EXPORT_FORMATS.map((format) => ({ label: names[format], detail: changes[format], format, withChanges: true })),
      );
    }
    return vscode.window.showQuickPick(items, { title: t('Export Strategy Document'), placeHolder: t('Export as') });
  }

  private async pickTarget(document: vscode.Uri, format: ExportFormat): Promise<{ uri: vscode.Uri; confirmed: true } | undefined> {
    const name = document.path.replace(/\.[^./]*$/, '');
    const uri = await vscode.window.showSaveDialog({
      title: t('Save the export'),
      defaultUri: document.with({ path: `${name}.${format}` }),
      filters: { [format.toUpperCase()]: [format] },
    });
    return uri && { uri, confirmed: true };
  }

  /** The document at the review base, with its commit's date; undefined text when it is not there; null (said why) when Git cannot tell. */
  private async documentAtBase(uri: vscode.Uri, base: string): Promise<{ ref: string; date: string; document: StrategyDocument | undefined } | null> {
    const read = await this.review.reader.read(uri, base);
    if (read.kind !== 'ok' && read.kind !== 'notInBase') {
      void vscode.window.showErrorMessage(t('The review base {0} cannot be read from Git, so the changes cannot be marked: choose another with "Choose Review Base".', base));
      return null;
    }
    const commit = await read.repository.getCommit(read.commit);
    const date = commit.commitDate ?? commit.authorDate;
    if (!date) {
      void vscode.window.showErrorMessage(t('The review base {0} cannot be read from Git, so the changes cannot be marked: choose another with "Choose Review Base".', base));
      return null;
    }
    return { ref: base, date: date.toISOString(), document: read.kind === 'ok' ? parseStrategyDocument(read.text, uri.toString()) : undefined };
  }
}

/** What a caller may settle, each taken only when it has the right type (a command's arguments are anyone's). */
function exportOptions(raw: unknown): ExportOptions {
  if (typeof raw !== 'object' || raw === null) return {};
  const { format, target, withChanges } = raw as Record<string, unknown>;
  return {
    ...(EXPORT_FORMATS.some((f) => f === format) ? { format: format as ExportFormat } : {}),
    ...(target instanceof vscode.Uri ? { target } : {}),
    ...(typeof withChanges === 'boolean' ? { withChanges } : {}),
  };
}

/** Whether two URIs name the same file once `.` and `..` are resolved (`/a/./b.md` is `/a/b.md`). */
function sameFile(a: vscode.Uri, b: vscode.Uri): boolean {
  const normal = (uri: vscode.Uri) => vscode.Uri.joinPath(uri.with({ path: '/' }), uri.path).toString();
  return normal(a) === normal(b);
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const replace = t('Replace');
  const answer = await vscode.window.showWarningMessage(t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace);
  return answer === replace;
}

/** The bytes under a temporary name beside `target`, then renamed over it: a reader never sees half a file, and a failure leaves none. */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}
