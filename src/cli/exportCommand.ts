import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, lstat, mkdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { StrategyDocument } from '../core/strategyDocument';
import { parseStrategyDocument } from '../core/strategyDocument';
import { EXPORT_FORMATS, formatOfFileName } from '../export/formats';
import { formatFinding } from '../l10n/findingMessages';
import { commitDate, openRepository, readFilesAt, resolveCommit } from '../node/git';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, UsageError, formatOption, parseCommandLine, type CliContext } from './context';
import { gitProblemMessage } from './diffCommand';
import { selectDocuments } from './documents';
import { oneLine } from './escape';
import { usageLine } from './usage';
import { loadLibrary, warnAboutGuides } from './library';

/** The options `export` takes; its help lists each of them. */
export const EXPORT_OPTIONS = {
  ...COMMON_OPTIONS,
  ...GUIDE_FOLDER_OPTION,
  format: { type: 'string' },
  out: { type: 'string' },
  base: { type: 'string' },
  force: { type: 'boolean' },
  quotes: { type: 'boolean' },
} as const;

/**
 * `dialogue-guide export <file.md> --out <file.docx|file.pdf|file.html> [--format …]`: the same bytes as the
 * editor's Export Strategy Document… for the same document. The document is only read; the output
 * is written beside its final name and renamed into place, so a failed export leaves no partial file.
 */
export async function runExport(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { t } = context;
  const { values, positionals } = parseCommandLine('export', { args: [...args], options: EXPORT_OPTIONS, allowPositionals: true }, t);
  // A missing piece of the command line is told with the usage line, as a misspelt option is.
  const missing = (problem: string) => new UsageError(`${problem}\n${usageLine(t, 'export')}`);
  if (positionals.length !== 1) throw missing(t('Name one strategy document to export (see --help).'));
  const out = values.out;
  if (out === undefined || out.trim() === '') throw missing(t('--{option} is required (see --help).', { option: 'out' }));
  // The file's name gives the format when --format does not, and must not contradict it when it does.
  const named = formatOfFileName(out);
  if (values.format === undefined && named === undefined) throw missing(t('Name the format with --format docx|pdf|html, or give --out a name ending in .docx, .pdf or .html.'));
  const format = values.format === undefined ? named! : formatOption(values.format, EXPORT_FORMATS, t);
  if (named !== undefined && named !== format) throw new UsageError(t('--out {file} names a .{named} file, but --format is {format}: give the file a .{format} name, or choose --format {named}.', { file: out, named, format }));
  const target = resolve(context.cwd, out);

  const [library, selection] = await Promise.all([loadLibrary(context, values['guide-folder'] ?? []), selectDocuments(context.cwd, positionals, t)]);
  warnAboutGuides(library, context);
  for (const finding of selection.findings) context.err(oneLine(formatFinding(finding, t)));
  const document = selection.documents[0];
  if (!document || selection.findings.some((f) => f.severity === 'error')) return ExitCode.usage;
  if ((await realpath(target).catch(() => target)) === (await realpath(document.file).catch(() => document.file))) {
    throw new UsageError(t('--out names the strategy document itself; an export never changes it.'));
  }
  if (!values.force && (await exists(target))) throw new UsageError(t('{file} already exists; pass --force to replace it.', { file: out }));
  // --force replaces a file, never a device, a pipe or a folder that has the name (/dev/null …), nor
  // a link to one (/dev/stdout): a link is replaced only when it leads to a file or to nothing.
  const replacesOnlyAFile = async () => {
    const link = await lstat(target).catch(() => undefined);
    if (!link || link.isFile()) return true;
    return link.isSymbolicLink() && (await stat(target).then((s) => s.isFile(), () => true));
  };
  if (!(await replacesOnlyAFile())) throw new UsageError(t('{file} is not a regular file; an export replaces only a file.', { file: out }));

  const base = values.base === undefined ? undefined : await documentAtBase(document, values.base, context);
  const exporter = await import('../export/exporter');
  const fonts = join(context.installFolder, 'dist', 'fonts');
  const outcome = await exporter.exportStrategyDocument({
    format,
    document,
    guides: library.entries,
    includeQuotes: values.quotes ?? false,
    ...(base ? { base } : {}),
    bundles: { da: JSON.parse(await readFile(join(context.installFolder, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, unknown> },
    readFont: async (file) => new Uint8Array(await readFile(join(fonts, file))),
  });
  if (!outcome.ok) {
    for (const finding of outcome.findings) context.err(oneLine(formatFinding({ ...finding, file: relative(context.cwd, finding.file) }, t)));
    context.err(t('Nothing was exported: fix the document first.'));
    return ExitCode.usage;
  }
  await writeWhole(target, outcome.bytes, values.force ?? false, out, context);
  for (const warning of outcome.warnings) context.err(oneLine(formatFinding({ ...warning, file: relative(context.cwd, warning.file) }, t)));
  context.out(oneLine(t('Wrote {file}.', { file: out })));
  return ExitCode.ok;
}

/** The document at `ref` with the commit's date, for the export's tracked changes; undefined text when it did not exist there. */
async function documentAtBase(document: StrategyDocument, ref: string, context: CliContext): Promise<{ ref: string; date: string; document: StrategyDocument | undefined }> {
  const { t } = context;
  if (ref.trim() === '') throw new UsageError(t('{option} needs a value.', { option: '--base' }));
  const orExplain = <T>(result: { ok: true; value: T } | { ok: false; problem: Parameters<typeof gitProblemMessage>[0] }): T => {
    if (result.ok) return result.value;
    if (result.problem.kind === 'notARepository') throw new UsageError(t('{folder} is not in a Git repository: --base needs one.', { folder: result.problem.folder }));
    throw new UsageError(gitProblemMessage(result.problem, t));
  };
  const repository = orExplain(await openRepository(dirname(document.file)));
  const commit = orExplain(await resolveCommit(repository, ref));
  const [files, date] = await Promise.all([readFilesAt(repository, commit, [document.file]), commitDate(repository, commit)]);
  const before = orExplain(files).get(document.file);
  if (before?.kind === 'outsideRepository') throw new UsageError(t('{file} is not in the Git repository at {root}.', { file: document.file, root: repository.root }));
  if (before?.kind === 'invalidUtf8') {
    throw new UsageError(t('{file} at {ref} is not valid UTF-8 (the first bad byte is on line {line}, column {column}).', { file: relative(context.cwd, document.file), ref, line: before.line, column: before.column }));
  }
  return { ref, date: orExplain(date), document: before?.kind === 'found' ? parseStrategyDocument(before.text, document.file) : undefined };
}

/**
 * Writes `bytes` to a new file beside `target` and then gives it `target`'s name: a rename with
 * --force, else a hard link, which fails if `target` has appeared meanwhile rather than replace it.
 * Whatever fails, the temporary file goes and `target` is as it was.
 */
async function writeWhole(target: string, bytes: Uint8Array, force: boolean, shown: string, context: CliContext): Promise<void> {
  const { t } = context;
  const cannotWrite = (error: unknown) => new UsageError(t('{file} cannot be written: {reason}', { file: shown, reason: (error as Error).message }));
  await mkdir(dirname(target), { recursive: true }).catch((error: unknown) => {
    throw cannotWrite(error);
  });
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // Interrupted (Ctrl+C) while the file is written, the command still leaves no partial file.
  const interrupted = (signal: NodeJS.Signals) => {
    rmSync(temporary, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    if (force) {
      await rename(temporary, target);
      return;
    }
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(t('{file} already exists; pass --force to replace it.', { file: shown }));
    throw cannotWrite(error);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await unlink(temporary).catch(() => undefined);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
