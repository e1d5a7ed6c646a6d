import type { ContentFileSystem, DirectoryEntry } from '../../../src/core/contentFileSystem';
import { TextFileError } from '../../../src/core/textFile';

/**
 * The core's host interface over a record of files (`'/w/guide/da/guide.md' → text`), with folders
 * taken from the paths: how the unit tests give the core a workspace without touching the disk.
 */
export function memoryFileSystem(files: Readonly<Record<string, string>>): ContentFileSystem {
  return {
    async readFile(path) {
      const text = files[path];
      if (text === undefined) throw new TextFileError({ kind: 'notRegular' });
      return text;
    },
    async readDirectory(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const entries = new Map<string, DirectoryEntry>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        entries.set(name!, { name: name!, isDirectory: rest.length > 0 });
      }
      if (entries.size === 0) throw new Error(`ENOENT: no such folder ${path}`);
      return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    join: (...parts) => parts.join('/').replace(/\/+/g, '/'),
  };
}
