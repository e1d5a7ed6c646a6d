import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFileSystem } from '../core/contentFileSystem';
import { assertReadableTextFile, decodeUtf8, TextFileError } from '../core/textFile';

/**
 * The content file system on Node's `fs`, for the CLI, tests and benchmarks. Reads are
 * synchronous: these callers have nothing else to do meanwhile, and a promise per file costs
 * thread-pool round trips (measured: about 40 % of `check`'s CPU time over 500 documents).
 * The extension reads through `vscode.workspace.fs` instead.
 */
export const nodeFileSystem: ContentFileSystem = {
  readFile: async (path) => readTextFileSync(path),
  readDirectory: async (path) => readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() })),
  join,
};

/**
 * A regular file's text, read without ever blocking on or draining something else: the kind and
 * size are checked on the open descriptor (no race with a rename), which is opened non-blocking
 * so a FIFO without a writer cannot hang the open. Throws a `TextFileError` for a device, pipe,
 * socket or broken link, a file above the size limit, or text that is not UTF-8.
 */
export function readTextFileSync(path: string): string {
  let fd: number;
  try {
    // Opening a socket fails (ENXIO); a device or FIFO opens, and fstat below turns it away.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isBrokenLinkOrSocket(path, error)) throw new TextFileError({ kind: 'notRegular' });
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    assertReadableTextFile(stats.isFile(), stats.size);
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    // A file that grows meanwhile is read up to the size it had; one that shrinks ends early.
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeUtf8(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Whether `open` failed because `path` is a link to nothing or a socket, neither of which holds text. */
function isBrokenLinkOrSocket(path: string, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') return true;
  if (code !== 'ENOENT' && code !== 'ELOOP') return false;
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
