import * as vscode from 'vscode';
import type { ContentFileSystem } from '../core/contentFileSystem';
import { assertReadableTextFile, decodeUtf8 } from '../core/textFile';

/**
 * The core's file system on `vscode.workspace.fs`, with URI strings as paths, so guides load
 * from any file system provider (virtual workspaces included), not only from disk.
 */
export const workspaceFileSystem: ContentFileSystem = {
  readFile: (path) => readWorkspaceText(vscode.Uri.parse(path)),
  async readDirectory(path) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(path));
    return entries.map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
  },
  join(base, ...parts) {
    return vscode.Uri.joinPath(vscode.Uri.parse(base), ...parts).toString();
  },
};

/**
 * A regular file's text, as the CLI reads it: a device, pipe or socket (`FileType.Unknown`, even
 * behind a link), a file above the size limit and text that is not UTF-8 throw a `TextFileError`
 * before or instead of being read.
 */
export async function readWorkspaceText(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  assertReadableTextFile((stat.type & vscode.FileType.File) !== 0, stat.size);
  return decodeUtf8(await vscode.workspace.fs.readFile(uri));
}

/** Whether anything (a file or a folder) is at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
