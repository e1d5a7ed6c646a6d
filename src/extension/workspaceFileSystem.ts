import * as vscode from 'vscode';
import type { ContentFileSystem } from '../core/contentFileSystem';

/**
 * The core's file system on `vscode.workspace.fs`, with URI strings as paths, so guides load
 * from any file system provider (virtual workspaces included), not only from disk.
 */
export const workspaceFileSystem: ContentFileSystem = {
  async readFile(path) {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path)));
  },
  async readDirectory(path) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(path));
    return entries.map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
  },
  join(base, ...parts) {
    return vscode.Uri.joinPath(vscode.Uri.parse(base), ...parts).toString();
  },
};
