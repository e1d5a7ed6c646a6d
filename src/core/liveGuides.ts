/**
 * What keeps the loaded guides in step with their files without the Reload command: which changed
 * paths concern a guide folder, a reload once a burst of changes is over, and a guide checked as
 * it stands in unsaved editor buffers. Paths are the loader's (file paths or URI strings, `/`-separated).
 */
import type { ContentFileSystem } from './contentFileSystem';
import type { Finding } from './findings';
import { GUIDE_FILE, loadGuide } from './guideLoader';

/** The timer functions of the host, passed in so tests can run time themselves. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** How long a burst of changes (a save writes, a checkout rewrites many files) may last before the reload. */
export const RELOAD_DELAY_MS = 150;

/** Whether `path` is inside `root`: below it, on a `/` boundary. */
function isInside(root: string, path: string): boolean {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix) && path.length > prefix.length;
}

/**
 * Whether a saved, created or deleted `path` can change what loads from `roots`: a Markdown file
 * in one of them, or a folder (a deleted theme folder takes its files with it and may be reported
 * alone), or a root itself or a folder above one (deleting `.dialogue-guide` is reported as that
 * one folder, not as the guide files in it). Other files beside a guide (pictures, notes in
 * `.txt`) are not read by the loader.
 */
export function concernsGuides(path: string, roots: readonly string[]): boolean {
  if (roots.some((root) => root === path || isInside(path, root))) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return roots.some((root) => isInside(root, path)) && (name.toLowerCase().endsWith('.md') || !name.includes('.'));
}

/** Calls `reload` once after changes that concern the guides have stopped for `delayMs`. */
export class ReloadScheduler {
  private handle: unknown;
  private roots: readonly string[] = [];

  constructor(
    private readonly reload: () => void,
    private readonly timers: Timers,
    private readonly delayMs = RELOAD_DELAY_MS,
  ) {}

  /** The roots whose files count, as loaded now. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots;
  }

  /** Records a changed path; true when it concerns the guides, so a reload is due. */
  changed(path: string): boolean {
    if (!concernsGuides(path, this.roots)) return false;
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = this.timers.set(() => {
      this.handle = undefined;
      this.reload();
    }, this.delayMs);
    return true;
  }

  dispose(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
  }
}

/** `fs` with the texts of `buffers` (path → text) in place of the files: what the loader sees of unsaved edits. */
export function withBuffers(fs: ContentFileSystem, buffers: ReadonlyMap<string, string>): ContentFileSystem {
  return {
    readFile: async (path) => buffers.get(path) ?? fs.readFile(path),
    readDirectory: (path) => fs.readDirectory(path),
    join: (...parts) => fs.join(...parts),
  };
}

/** The guide folder `file` belongs to, when it is a Markdown file directly in a folder under one of `roots`. */
export function guideFolderOf(file: string, roots: readonly string[]): string | undefined {
  if (!concernsGuides(file, roots) || !file.toLowerCase().endsWith('.md')) return undefined;
  return file.slice(0, file.lastIndexOf('/'));
}

/**
 * The findings about `file` of its guide folder loaded with the unsaved `buffers`: what the
 * Problems panel shows for a guide file as it is typed. A folder without `guide.md` (a Markdown
 * file that only sits under a root) has none.
 */
export async function checkGuideFile(fs: ContentFileSystem, roots: readonly string[], file: string, buffers: ReadonlyMap<string, string>): Promise<readonly Finding[] | undefined> {
  const folder = guideFolderOf(file, roots);
  if (folder === undefined) return undefined;
  const live = withBuffers(fs, buffers);
  try {
    if (!(await live.readDirectory(folder)).some((e) => !e.isDirectory && e.name === GUIDE_FILE)) return undefined;
  } catch {
    return undefined;
  }
  const result = await loadGuide(live, folder);
  return result.findings.filter((f) => f.file === file);
}
