import type { ContentFileSystem, DirectoryEntry } from './contentFileSystem';
import { GUIDE_FILE } from './guideLoader';

/**
 * Reads ahead, all at once, every directory and Markdown file that loading guides from `roots`
 * will ask for (guide folders up to `depth` levels below a root, as the loader looks), and
 * returns a file system that answers from those reads and asks `fs` for anything else.
 * The loader reads one file after another; where each read is a round trip (remote and web
 * hosts), this turns a round trip per file into one per folder level. Failed reads fail again
 * when asked for, with the same error, so findings are those of a load without it.
 */
export async function prefetchGuideFolders(fs: ContentFileSystem, roots: readonly string[], depth = 2): Promise<ContentFileSystem> {
  const directories = new Map<string, Promise<readonly DirectoryEntry[]>>();
  const files = new Map<string, Promise<string>>();
  const started = <T>(map: Map<string, Promise<T>>, path: string, read: () => Promise<T>): Promise<T> => {
    const promise = read();
    // A read nobody asks for must not end as an unhandled rejection.
    promise.catch(() => undefined);
    map.set(path, promise);
    return promise;
  };

  async function walk(folder: string, levels: number): Promise<void> {
    let entries: readonly DirectoryEntry[];
    try {
      entries = await started(directories, folder, () => fs.readDirectory(folder));
    } catch {
      return;
    }
    if (entries.some((e) => !e.isDirectory && e.name === GUIDE_FILE)) {
      for (const e of entries) {
        const path = fs.join(folder, e.name);
        if (!e.isDirectory && e.name.endsWith('.md')) void started(files, path, () => fs.readFile(path));
      }
      return;
    }
    if (levels === 0) return;
    await Promise.all(entries.filter((e) => e.isDirectory && !e.name.startsWith('.')).map((e) => walk(fs.join(folder, e.name), levels - 1)));
  }

  await Promise.all(roots.map((root) => walk(root, depth)));
  return {
    readFile: (path) => files.get(path) ?? fs.readFile(path),
    readDirectory: (path) => directories.get(path) ?? fs.readDirectory(path),
    join: (...parts) => fs.join(...parts),
  };
}
