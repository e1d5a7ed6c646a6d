import { readTextOrReport, type ContentFileSystem } from './contentFileSystem';
import { hasStrategyDocumentExtension, isSearchedFolder } from './documentCandidates';
import type { Finding } from './findings';
import { isStrategyDocument, parseStrategyDocument, type StrategyDocument } from './strategyDocument';

/** The strategy documents found in some folders, and the files that could not be read. */
export interface StrategyIndex {
  /** Parsed documents, ordered by path. */
  readonly documents: readonly StrategyDocument[];
  readonly findings: readonly Finding[];
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
export const CONCURRENT_READS = 32;

/** Finds the strategy documents under `roots` (the candidates of `documentCandidates`, held to `isStrategyDocument`) and parses them. */
export async function indexStrategyDocuments(fs: ContentFileSystem, roots: readonly string[]): Promise<StrategyIndex> {
  const files = (await Promise.all(roots.map((root) => markdownFiles(fs, root)))).flat();
  const findings: Finding[] = [];
  const parsed = await mapLimited(files, CONCURRENT_READS, async (file) => {
    const text = await readTextOrReport(fs, file, findings);
    return text !== undefined && isStrategyDocument(text) ? parseStrategyDocument(text, file) : undefined;
  });
  return { documents: parsed.filter((d) => d !== undefined), findings };
}

/** Every candidate file below `folder`, by path; a folder that cannot be read holds none. */
async function markdownFiles(fs: ContentFileSystem, folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch {
    return [];
  }
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nested = await Promise.all(
    sorted.map((e) => {
      if (e.isDirectory) return isSearchedFolder(e.name) ? markdownFiles(fs, fs.join(folder, e.name)) : [];
      return hasStrategyDocumentExtension(e.name) ? [fs.join(folder, e.name)] : [];
    }),
  );
  return nested.flat();
}

/** `map` over `items` with at most `limit` calls pending, results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
