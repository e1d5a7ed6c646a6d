import { lineRange, type Finding } from './findings';

/** The little the core needs from a file system, so Node, VS Code and the web can each supply it. */
export interface ContentFileSystem {
  readFile(path: string): Promise<string>;
  readDirectory(path: string): Promise<readonly DirectoryEntry[]>;
  join(...parts: string[]): string;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/** Reads a file's text, or records why it could not be read (code `file.unreadable`) and returns undefined. */
export async function readTextOrReport(fs: ContentFileSystem, file: string, findings: Finding[]): Promise<string | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    findings.push(unreadable(file, error));
    return undefined;
  }
}

/** The finding for a file or folder that could not be read. */
export function unreadable(file: string, error: unknown): Finding {
  return { code: 'file.unreadable', severity: 'error', file, range: lineRange(0), args: { reason: error instanceof Error ? error.message : String(error) } };
}
