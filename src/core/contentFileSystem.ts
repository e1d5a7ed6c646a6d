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
