import { relative } from 'node:path';
import { lstat, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { questionForMarker, type Guide } from '../core/guide';
import { analyseStrategyDocument, parseStrategyDocument, type StrategyDocument } from '../core/strategyDocument';
import { applyEdits, planSync, type SyncRefusal } from '../core/sync';
import { formatFinding } from '../l10n/findingMessages';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, parseCommandLine, type CliContext } from './context';
import { selectDocuments } from './documents';
import { oneLine } from './escape';
import type { Localise } from './l10n';
import { loadLibrary, warnAboutGuides } from './library';

/** The options `sync` takes; its help lists each of them. */
export const SYNC_OPTIONS = { ...COMMON_OPTIONS, ...GUIDE_FOLDER_OPTION, check: { type: 'boolean' } } as const;

/** What a sync does to one document, as counted from the text before and after. */
interface SyncChange {
  readonly added: number;
  readonly renamed: number;
  readonly version: string | undefined;
}

/**
 * `dialogue-guide sync [files…] [--check]`: the editor's Add Missing Questions for documents on
 * disk, through the same plan (insertions, markers with a former id renamed, the guide's version
 * recorded), which is refused unless every answer reads back byte for byte. `--check` writes
 * nothing and fails when a document needs a sync, for CI.
 */
export async function runSync(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { t } = context;
  const { values, positionals } = parseCommandLine('sync', { args: [...args], options: SYNC_OPTIONS, allowPositionals: true }, t);
  const check = values.check ?? false;
  const library = await loadLibrary(context, values['guide-folder'] ?? []);
  warnAboutGuides(library, context);
  const selection = await selectDocuments(context.cwd, positionals, t);
  for (const finding of selection.findings) context.err(oneLine(formatFinding(finding, t)));
  if (selection.findings.some((f) => f.severity === 'error')) return ExitCode.usage;

  let failed = false;
  for (const { file } of selection.documents) {
    const name = relative(context.cwd, file) || file;
    // Written in place, a link would change whatever it leads to, maybe outside the repository.
    if ((await lstat(file)).isSymbolicLink()) {
      context.err(oneLine(t('{file} is a symbolic link; sync writes only regular files, so it is left alone.', { file: name })));
      failed = true;
      continue;
    }
    // Read again for the text itself: the plan is made on exactly the bytes that will be written over.
    const text = await readFile(file, 'utf8');
    const document = parseStrategyDocument(text, file);
    const guide = analyseStrategyDocument(document, library.entries).guide;
    if (!document.frontMatter) {
      context.err(oneLine(refusal('frontMatter', name, t)));
      failed = true;
      continue;
    }
    if (!guide) {
      context.err(oneLine(t('{file}: names no loaded guide; not synchronised.', { file: name })));
      failed = true;
      continue;
    }
    const plan = planSync(text, document, guide);
    if (!plan.ok) {
      context.err(oneLine(refusal(plan.reason, name, t)));
      failed = true;
      continue;
    }
    if (plan.edits.length === 0) continue;
    const after = applyEdits(text, plan.edits);
    const change = changeOf(document, parseStrategyDocument(after, file), guide);
    if (check) {
      context.out(oneLine(t('{file} needs a sync: {change}', { file: name, change: describe(change, t) })));
      failed = true;
      continue;
    }
    // A writer that changed the file since it was read keeps their text: nothing is written over it.
    if ((await readFile(file, 'utf8')) !== text) {
      context.err(oneLine(t('{file} changed while it was being synchronised; nothing was written.', { file: name })));
      failed = true;
      continue;
    }
    try {
      await replaceWhole(file, after, text);
    } catch (error) {
      const reason = error instanceof ChangedMeanwhile ? t('it changed while it was being synchronised') : (error as NodeJS.ErrnoException).code ?? String(error);
      context.err(oneLine(t('{file} was not synchronised ({reason}); nothing was written.', { file: name, reason })));
      failed = true;
      continue;
    }
    context.out(oneLine(t('Synchronised {file}: {change}', { file: name, change: describe(change, t) })));
  }
  return failed ? ExitCode.failed : ExitCode.ok;
}

class ChangedMeanwhile extends Error {}

/**
 * Writes `text` beside `file` and renames it into place, once `file` still holds `read`: a reader
 * never sees half a file, and a writer who saved meanwhile keeps their text. A failure (a
 * read-only file or folder) leaves `file` as it was.
 */
async function replaceWhole(file: string, text: string, read: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.dialogue-guide-sync-${process.pid}`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    if ((await readFile(file, 'utf8')) !== read) throw new ChangedMeanwhile();
    await rename(temporary, file);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

function changeOf(before: StrategyDocument, after: StrategyDocument, guide: Guide): SyncChange {
  const renamedMarkers = (document: StrategyDocument) => document.sections.filter((s) => questionForMarker(guide, s.questionId)?.renamed).length;
  const version = after.frontMatter?.guideVersion;
  return {
    added: after.sections.length - before.sections.length,
    renamed: renamedMarkers(before) - renamedMarkers(after),
    version: version !== before.frontMatter?.guideVersion ? version : undefined,
  };
}

function describe(change: SyncChange, t: Localise): string {
  return [
    ...(change.added === 1 ? [t('1 question added')] : change.added > 1 ? [t('{count} questions added', { count: String(change.added) })] : []),
    ...(change.renamed === 1 ? [t('1 marker renamed')] : change.renamed > 1 ? [t('{count} markers renamed', { count: String(change.renamed) })] : []),
    ...(change.version === undefined ? [] : [t('guide version {version} recorded', { version: change.version })]),
  ].join(', ');
}

function refusal(reason: SyncRefusal, file: string, t: Localise): string {
  switch (reason) {
    case 'conflict':
      return t('{file} has Git conflict markers: resolve the conflict first; nothing was changed.', { file });
    case 'frontMatter':
      return t('The front matter of {file} is broken: fix it first (dialogue-guide check names the line); nothing was changed.', { file });
    case 'guideMismatch':
      return t('{file} follows another guide; nothing was changed.', { file });
    case 'ambiguous':
      return t('{file} has text whose question cannot be told (dialogue-guide check names the lines): repair it first; nothing was changed.', { file });
    case 'unsafe':
      return t('Synchronising {file} would not keep its structure as it is (an unclosed code block or HTML near the end?); nothing was changed.', { file });
  }
}
