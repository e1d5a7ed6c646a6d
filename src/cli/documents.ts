import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../core/findings';
import { parseStrategyDocument, type StrategyDocument } from '../core/strategyDocument';
import { indexStrategyDocuments } from '../core/strategyIndex';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { UsageError } from './context';
import { globBase, globToRegExp, isGlob } from './glob';
import type { Localise } from './l10n';

/** The documents a command line selects, and the files among them that could not be read. */
export interface DocumentSelection {
  /** Parsed documents, by path, each once. */
  readonly documents: readonly StrategyDocument[];
  /** `file.unreadable` findings for files found in folders that then could not be read. */
  readonly findings: readonly Finding[];
}

/**
 * The strategy documents `args` select, relative to `cwd`: a file is taken whatever it holds (so a
 * mistake in it is reported), a folder or a glob yields only the strategy documents in it (a README
 * beside them is no error), and no args means every strategy document under `cwd`. A path that does
 * not exist, a file that cannot be read and a glob that matches nothing are usage errors.
 */
export async function selectDocuments(cwd: string, args: readonly string[], t: Localise): Promise<DocumentSelection> {
  const documents = new Map<string, StrategyDocument>();
  const findings: Finding[] = [];
  const index = async (root: string, keep: (file: string) => boolean = () => true) => {
    const found = await indexStrategyDocuments(nodeFileSystem, [root]);
    findings.push(...found.findings.filter((f) => keep(f.file)));
    const kept = found.documents.filter((d) => keep(d.file));
    for (const document of kept) documents.set(document.file, document);
    return kept.length;
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
    const stats = await stat(path).catch(() => undefined);
    if (!stats) throw new UsageError(t('{path} does not exist.', { path: arg }));
    if (stats.isDirectory()) {
      await index(path);
      continue;
    }
    const text = await nodeFileSystem.readFile(path).catch((error: Error) => {
      throw new UsageError(t('{path} cannot be read: {reason}', { path: arg, reason: error.message }));
    });
    documents.set(path, parseStrategyDocument(text, path));
  }
  const byPath = [...documents.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents: byPath, findings };
}
