import { lineRange, type Finding } from './findings';
import { MAX_TEXT_FILE_BYTES, TextFileError } from './textFile';

/**
 * The little the core needs from a file system, so Node, VS Code and the web can each supply it.
 * `readFile` reads only regular files up to `MAX_TEXT_FILE_BYTES` and only valid UTF-8; it throws
 * a `TextFileError` for anything else (see `assertReadableTextFile` and `decodeUtf8`).
 */
export interface ContentFileSystem {
  readFile(path: string): Promise<string>;
  readDirectory(path: string): Promise<readonly DirectoryEntry[]>;
  join(...parts: string[]): string;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/**
 * Reads a file's text, or records why it could not be read and returns undefined: `file.notRegular`
 * (a note: devices, pipes, sockets and broken links are skipped), `file.tooLarge`,
 * `file.invalidUtf8` (on the line of the first bad byte) or `file.unreadable`.
 */
export async function readTextOrReport(fs: ContentFileSystem, file: string, findings: Finding[]): Promise<string | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    findings.push(unreadable(file, error));
    return undefined;
  }
}

const MB = 1024 * 1024;

/** The finding for a file or folder that could not be read, or that was not read because of what it is. */
export function unreadable(file: string, error: unknown): Finding {
  if (error instanceof TextFileError) {
    const problem = error.problem;
    switch (problem.kind) {
      case 'notRegular':
        return { code: 'file.notRegular', severity: 'info', file, range: lineRange(0), args: {} };
      case 'tooLarge':
        return { code: 'file.tooLarge', severity: 'error', file, range: lineRange(0), args: { size: String(Math.ceil(problem.size / MB)), limit: String(MAX_TEXT_FILE_BYTES / MB) } };
      case 'invalidUtf8': {
        const range = { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.line - 1, character: problem.column } };
        return { code: 'file.invalidUtf8', severity: 'error', file, range, args: { line: String(problem.line), column: String(problem.column) } };
      }
    }
  }
  return { code: 'file.unreadable', severity: 'error', file, range: lineRange(0), args: { reason: error instanceof Error ? error.message : String(error) } };
}
