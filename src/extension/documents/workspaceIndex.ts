import * as vscode from 'vscode';
import { CANDIDATE_GLOBS, hasStrategyDocumentExtension, isCandidatePath, isSearchedFolder } from '../../core/documentCandidates';
import { isStrategyDocument, parseStrategyDocument, type StrategyDocument } from '../../core/strategyDocument';
import { CONCURRENT_READS, mapLimited } from '../../core/strategyIndex';
import { readWorkspaceText } from '../workspaceFileSystem';

/**
 * The most files one scan reads. `findFiles` needs a bound, and a workspace of documentation
 * (thousands of Markdown pages) would otherwise be read whole on the first click; strategy
 * documents are a handful, so 2000 candidates leaves room for everything else beside them.
 */
export const MAX_SCANNED_FILES = 2000;

/** A strategy document saved in the workspace, as last read from disk. */
export interface IndexedDocument {
  readonly uri: vscode.Uri;
  readonly parsed: StrategyDocument;
}

/** A file or folder that changed on disk. */
export interface FileEvent {
  readonly uri: vscode.Uri;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/** Whether the URI `key` is `container` or inside the folder `container` (both as `Uri.toString()` writes them). */
export function isWithin(key: string, container: string): boolean {
  return key === container || key.startsWith(container.endsWith('/') ? container : `${container}/`);
}

/**
 * The workspace's saved strategy documents, found with the core's candidate rule. The first
 * question scans the workspace once; after that a file watcher re-reads only the file that was
 * created or changed, so each saved version of a document is parsed once.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[] | undefined>();
  /** Fires with the documents added, changed or removed; with undefined when the workspace folders changed, so any may have. */
  readonly onDidChange = this.changed.event;
  private readonly fileChanged = new vscode.EventEmitter<FileEvent>();
  /** Fires for every file or folder of the workspace created, changed or deleted on disk, whether or not it was scanned. */
  readonly onDidChangeFile = this.fileChanged.event;
  private scan: Promise<Map<string, IndexedDocument>> | undefined;
  /** Bumped per file on every event, so a slow read never overwrites a newer one. */
  private readonly generations = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    // Every path, not only `*.md`: deleting or moving in a folder reports the folder alone.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables = [
      this.changed,
      this.fileChanged,
      watcher,
      watcher.onDidCreate((uri) => {
        this.fileChanged.fire({ uri, kind: 'created' });
        void this.created(uri);
      }),
      watcher.onDidChange((uri) => {
        this.fileChanged.fire({ uri, kind: 'changed' });
        void this.update(uri);
      }),
      watcher.onDidDelete((uri) => {
        this.fileChanged.fire({ uri, kind: 'deleted' });
        void this.deleted(uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.scan = undefined;
        this.changed.fire(undefined);
      }),
    ];
  }

  /** The saved strategy documents, by path. */
  async documents(): Promise<IndexedDocument[]> {
    this.scan ??= this.scanWorkspace();
    const found = [...(await this.scan).values()];
    return found.sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  /** The saved strategy document at `uri`, if it is one. */
  async get(uri: vscode.Uri): Promise<IndexedDocument | undefined> {
    this.scan ??= this.scanWorkspace();
    return (await this.scan).get(uri.toString());
  }

  private async scanWorkspace(): Promise<Map<string, IndexedDocument>> {
    const uris = await vscode.workspace.findFiles(CANDIDATE_GLOBS.include, CANDIDATE_GLOBS.exclude, MAX_SCANNED_FILES);
    const entries = await mapLimited(uris, CONCURRENT_READS, read);
    return new Map(entries.filter((e) => e !== undefined).map((e) => [e.uri.toString(), e]));
  }

  private async created(uri: vscode.Uri): Promise<void> {
    if (hasStrategyDocumentExtension(uri.path)) return this.update(uri);
    // A folder moved or copied in brings its documents without an event for each.
    const path = relativePath(uri);
    if (!this.scan || path === undefined || !path.split('/').filter((s) => s !== '').every(isSearchedFolder)) return;
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(uri)).type;
    } catch {
      return;
    }
    if ((type & vscode.FileType.Directory) === 0) return;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, CANDIDATE_GLOBS.include), CANDIDATE_GLOBS.exclude, MAX_SCANNED_FILES);
    await Promise.all(uris.map((u) => this.update(u)));
  }

  private async update(uri: vscode.Uri): Promise<void> {
    if (!this.scan || !hasStrategyDocumentExtension(uri.path)) return;
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const [documents, entry] = await Promise.all([this.scan, read(uri)]);
    if (this.generations.get(key) !== generation) return;
    this.generations.delete(key);
    if (entry) documents.set(key, entry);
    else if (!documents.delete(key)) return;
    this.changed.fire([uri]);
  }

  private async deleted(uri: vscode.Uri): Promise<void> {
    if (!this.scan) return;
    const documents = await this.scan;
    const inside = (found: string) => isWithin(found, uri.toString());
    // A read still under way for a deleted file is dropped when it ends.
    for (const pending of [...this.generations.keys()].filter(inside)) this.generations.delete(pending);
    const removed = [...documents.values()].filter((found) => inside(found.uri.toString()));
    for (const found of removed) documents.delete(found.uri.toString());
    if (removed.length > 0) this.changed.fire(removed.map((found) => found.uri));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The strategy document at `uri`, or undefined when it is not a candidate, not one, or not readable. */
async function read(uri: vscode.Uri): Promise<IndexedDocument | undefined> {
  const path = relativePath(uri);
  if (path === undefined || !isCandidatePath(path)) return undefined;
  let text: string;
  try {
    text = await readWorkspaceText(uri);
  } catch {
    // Deleted since the event (a checkout), a broken link, no permission, a device or pipe,
    // too large or not UTF-8: not a document the editor can show, so not one to offer.
    return undefined;
  }
  return isStrategyDocument(text) ? { uri, parsed: parseStrategyDocument(text, uri.toString()) } : undefined;
}

/** The path of `uri` below its workspace folder, which is where the core's rule applies; undefined outside the workspace. */
function relativePath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder && uri.path.slice(folder.uri.path.replace(/\/$/, '').length);
}
