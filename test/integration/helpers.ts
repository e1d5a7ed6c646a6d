// No Node module here: the web-worker suite (test/web) shares these helpers.
import * as vscode from 'vscode';
import type { DialogueGuideInternals } from '../../src/extension/extension';

export const EXTENSION_ID = 'dialogue-guide.dialogue-guide';

/** The running extension's services, after activation. */
export async function internals(): Promise<DialogueGuideInternals> {
  const extension = vscode.extensions.getExtension<DialogueGuideInternals>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls `check` until it returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh folder inside the workspace (Git, search and watchers only see the workspace), removed by `dispose`. */
export async function workspaceTempFolder(): Promise<vscode.Uri & { dispose(): Promise<void> }> {
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!root) throw new Error('the tests need a workspace folder');
  const folder = vscode.Uri.joinPath(root.uri, '.dg-test', `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  await vscode.workspace.fs.createDirectory(folder);
  return Object.assign(folder, {
    dispose: () => Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(root.uri, '.dg-test'), { recursive: true, useTrash: false })).catch(() => undefined),
  });
}

/** Closes every editor, so each test starts from an empty window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Tabs showing a webview panel of `viewType`. */
export function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}
