import * as vscode from 'vscode';
import type { GitApi, GitExtension, Repository } from './gitApi';

/** A document's text at the review base, or why there is none. */
export type BaseText =
  | { readonly kind: 'ok'; readonly text: string; readonly commit: string; readonly repository: Repository }
  | { readonly kind: 'notInBase'; readonly commit: string; readonly repository: Repository }
  | { readonly kind: 'unknownRef'; readonly shallow: boolean; readonly repository: Repository }
  | { readonly kind: 'notRepository' }
  | { readonly kind: 'noGit' | 'gitNotInHost' }
  | { readonly kind: 'untrusted' };

const REPOSITORY_WAIT_MS = 3000;
const GIT_EXTENSION_ID = 'vscode.git';

/** Reads documents at a Git ref through the built-in Git extension; every failure is a value, not an error. */
export class BaseReader {
  private api: Promise<GitApi | undefined> | undefined;
  /** A file at a commit never changes, so texts are kept by commit and path (null: not in it). */
  private readonly texts = new Map<string, string | null>();

  /** The Git extension's API, once it has initialised; undefined when it is absent or disabled. */
  gitApi(): Promise<GitApi | undefined> {
    // A Git extension that failed to start counts as absent, and is asked again next time.
    this.api ??= loadGitApi().catch(() => {
      this.api = undefined;
      return undefined;
    });
    return this.api;
  }

  /**
   * Why there is no Git API: `gitNotInHost` when this extension host has no Git extension (a
   * browser's web worker: github.dev, vscode.dev, or the built-in one uninstalled), `noGit` when it is disabled.
   */
  async gitUnavailable(): Promise<'noGit' | 'gitNotInHost' | undefined> {
    if (await this.gitApi()) return undefined;
    return vscode.extensions.getExtension(GIT_EXTENSION_ID) ? 'noGit' : 'gitNotInHost';
  }

  /**
   * The repository holding `uri`, waiting briefly for Git to discover a newly opened folder; at
   * once undefined when no folder above `uri` has a `.git`, so a folder without Git is said so without delay.
   */
  async repository(uri: vscode.Uri): Promise<Repository | undefined> {
    const api = await this.gitApi();
    if (!api) return undefined;
    const found = api.getRepository(uri);
    if (found) return found;
    if (!(await insideGitFolder(uri))) return undefined;
    return new Promise<Repository | undefined>((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve(api.getRepository(uri) ?? undefined);
      }, REPOSITORY_WAIT_MS);
      const listener = api.onDidOpenRepository(() => {
        const repository = api.getRepository(uri);
        if (repository) {
          clearTimeout(timer);
          listener.dispose();
          resolve(repository);
        }
      });
    });
  }

  /** The text of `uri` at `ref`. */
  async read(uri: vscode.Uri, ref: string): Promise<BaseText> {
    if (!vscode.workspace.isTrusted) return { kind: 'untrusted' };
    const unavailable = await this.gitUnavailable();
    if (unavailable) return { kind: unavailable };
    const repository = await this.repository(uri);
    if (!repository) return { kind: 'notRepository' };
    let commit: string;
    try {
      commit = (await repository.getCommit(ref)).hash;
    } catch {
      return { kind: 'unknownRef', shallow: await isShallow(repository), repository };
    }
    const key = `${commit}:${uri.fsPath}`;
    if (!this.texts.has(key)) {
      if (this.texts.size > 100) this.texts.clear();
      this.texts.set(key, await repository.show(commit, uri.fsPath).catch(() => null));
    }
    const text = this.texts.get(key);
    return typeof text === 'string' ? { kind: 'ok', text, commit, repository } : { kind: 'notInBase', commit, repository };
  }
}

async function loadGitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state === 'initialized') return api;
  return new Promise((resolve) => {
    const listener = api.onDidChangeState((state) => {
      if (state === 'initialized') {
        listener.dispose();
        resolve(api);
      }
    });
  });
}

/** A shallow clone lacks the history an older base needs; Git marks it with `.git/shallow`. */
async function isShallow(repository: Repository): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(repository.rootUri, '.git', 'shallow'));
    return true;
  } catch {
    return false;
  }
}

/** True when `uri` or a folder above it holds `.git` (a folder, or a file in a worktree or submodule). */
async function insideGitFolder(uri: vscode.Uri): Promise<boolean> {
  for (let folder = uri; ; ) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, '.git'));
      return true;
    } catch {
      const parent = vscode.Uri.joinPath(folder, '..');
      if (parent.path === folder.path) return false;
      folder = parent;
    }
  }
}
