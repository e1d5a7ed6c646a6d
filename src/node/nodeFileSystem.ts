import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentFileSystem } from '../core/contentFileSystem';

/** The content file system on Node's `fs`, for the CLI, tests and benchmarks. */
export const nodeFileSystem: ContentFileSystem = {
  readFile: (path) => readFile(path, 'utf8'),
  async readDirectory(path) {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  },
  join,
};
