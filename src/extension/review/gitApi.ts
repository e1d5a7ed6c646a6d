/**
 * The part of the built-in Git extension's API (`vscode.git`, version 1) that review uses.
 * Declared here because the extension publishes no types package; only members that exist in
 * every VS Code this extension supports are listed.
 */
import type { CancellationToken, Event, Uri } from 'vscode';

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: Event<'uninitialized' | 'initialized'>;
  readonly onDidOpenRepository: Event<Repository>;
  getRepository(uri: Uri): Repository | null;
}

/** The Git extension's RefType: 0 a local branch, 1 a remote branch, 2 a tag. */
export type RefType = 0 | 1 | 2;

export interface Ref {
  readonly type: RefType;
  readonly name?: string;
  readonly commit?: string;
}

export interface Commit {
  readonly hash: string;
  readonly authorDate?: Date;
  readonly commitDate?: Date;
}

/** Which refs `getRefs` lists: `pattern` as `git for-each-ref` takes it, e.g. `refs/heads`. */
export interface RefQuery {
  readonly pattern?: string | string[];
  readonly sort?: 'alphabetically' | 'committerdate';
  readonly count?: number;
}

/** `state.refs` is not listed: current Git extensions return it empty (use `getRefs`). */
export interface RepositoryState {
  readonly onDidChange: Event<void>;
}

export interface Repository {
  readonly rootUri: Uri;
  readonly state: RepositoryState;
  /** The file's text at `ref`; `path` is absolute. Rejects when the ref or the path does not exist. */
  show(ref: string, path: string): Promise<string>;
  getCommit(ref: string): Promise<Commit>;
  /** The repository's branches, remote branches and tags, read from Git when asked. */
  getRefs(query: RefQuery, cancellationToken?: CancellationToken): Promise<Ref[]>;
}
