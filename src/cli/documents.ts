import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ContentFileSystem } from '../core/contentFileSystem';
import { unreadable } from '../core/contentFileSystem';
import type { Finding } from '../core/findings';
import { parseStrategyDocument, type StrategyDocument } from '../core/strategyDocument';
import { indexStrategyDocuments } from '../core/strategyIndex';
import { TextFileError } from '../core/textFile';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { UsageError } from './context';
import { globBase, globToRegExp, isGlob } from './glob';
import type { Localise } from './l10n';

/** The documents a command line selects, and the files among them that could not be read. */
export interface DocumentSelection {
  /** Parsed documents, by path, each once. */
  readonly documents: readonly StrategyDocument[];
  /**
   * Files that were not read, found in folders or named: an error for a named file, a file above
   * the size limit or one that is not UTF-8; a warning for a file in a folder that could not be
   * read (it may not be a strategy document at all); a note for a device, pipe, socket or broken link.
   */
  readonly findings: readonly Finding[];
  /** Files in the folders or globs that lead outside `within` (through a symbolic link): not read. */
  readonly outside: readonly string[];
}

export interface SelectOptions {
  /** A real path (no links in it): files whose real path is outside it are neither read nor selected. */
  readonly within?: string;
}

/**
 * The strategy documents `args` select, relative to `cwd`: a file is taken whatever it holds (so a
 * mistake in it is reported), a folder or a glob yields only the strategy documents in it (a README
 * beside them is no error), and no args means every strategy document under `cwd`. Only regular
 * files are read, and a glob is matched before anything is. A path that does not exist, a named
 * file that cannot be read and a glob that matches nothing are usage errors.
 */
export async function selectDocuments(cwd: string, args: readonly string[], t: Localise, options: SelectOptions = {}): Promise<DocumentSelection> {
  const documents = new Map<string, StrategyDocument>();
  const findings: Finding[] = [];
  const outside: string[] = [];
  const isOutside = (file: string) => options.within !== undefined && !isInside(options.within, realPathOf(file));
  const index = async (root: string, matches: (file: string) => boolean = () => true) => {
    const found = await indexStrategyDocuments(selectingFileSystem((file) => {
      if (!matches(file)) return false;
      if (!isOutside(file)) return true;
      outside.push(file);
      return false;
    }), [root]);
    for (const finding of found.findings) findings.push(finding.code === 'file.unreadable' ? { ...finding, severity: 'warning' } : finding);
    for (const document of found.documents) documents.set(document.file, document);
    return found.documents.length;
  };

  if (args.length === 0) await index(cwd);
  for (const arg of args) {
    if (isGlob(arg)) {
      const pattern = arg.split(sep).join('/');
      const regExp = globToRegExp(pattern);
      const matches = (file: string) => regExp.test((isAbsolute(pattern) ? file : relative(cwd, file)).split(sep).join('/'));
      if ((await index(resolve(cwd, globBase(pattern) || '.'), matches)) === 0) {
        throw new UsageError(t('No strategy documents match {pattern}.', { pattern: arg }));
      }
      continue;
    }
    const path = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // A broken link is named, so it is as good as missing.
      throw new UsageError(t('{path} does not exist.', { path: arg }));
    }
    if (isDirectory) {
      await index(path);
      continue;
    }
    if (isOutside(path)) throw new UsageError(t('{file} leads outside the Git repository at {root}; it is not followed.', { file: arg, root: options.within! }));
    try {
      documents.set(path, parseStrategyDocument(await nodeFileSystem.readFile(path), path));
    } catch (error) {
      // Named, so whatever keeps it from being checked fails the run as bad input.
      if (error instanceof TextFileError) findings.push({ ...unreadable(path, error), severity: 'error' });
      else throw new UsageError(t('{path} cannot be read: {reason}', { path: arg, reason: (error as Error).message }));
    }
  }
  const byPath = [...documents.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents: byPath, findings, outside };
}

/** The Node file system, listing only the files `keep` accepts, so nothing else is ever opened. */
function selectingFileSystem(keep: (file: string) => boolean): ContentFileSystem {
  return {
    ...nodeFileSystem,
    readDirectory: async (path) => (await nodeFileSystem.readDirectory(path)).filter((entry) => entry.isDirectory || keep(nodeFileSystem.join(path, entry.name))),
  };
}

/** The real path of `file`; a broken link is left as it is, and its reading reports it. */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}
