import * as vscode from 'vscode';
import builtInEntries from 'virtual:built-in-guide';
import type { Finding } from '../core/findings';
import { findGuideEntry, inLanguage, type Guide, type GuideEntry } from '../core/guide';
import { DEFAULT_GUIDE_FOLDER, loadGuideLibrary } from '../core/guideLoader';
import { ReloadScheduler } from '../core/liveGuides';
import { prefetchGuideFolders } from '../core/prefetchedFileSystem';
import { relocateGuideEntry } from '../core/relocateGuide';
import { showMessageWithCommands } from './commandMessage';
import { toDiagnostic } from './diagnostics';
import { exists, workspaceFileSystem } from './workspaceFileSystem';
import { t } from './l10n';

interface Library {
  readonly entries: readonly GuideEntry[];
  readonly findings: readonly Finding[];
}

/**
 * Owns the loaded guides: the built-in guide, compiled into the bundle and so there from the
 * start without reading a file, plus the guides of each workspace folder's `.dialogue-guide/guides/`
 * and of the configured guide folders, loaded by `reload()` after activation and again whenever a
 * file in those folders is saved, created or deleted.
 */
export class GuideService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every (re)load and language switch. */
  readonly onDidChange = this.changed.event;

  private readonly builtIn: Library;
  private library: Library;
  private generation = 0;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('dialogueGuide.guides');
  private waiting = false;
  private toldAboutTrust = false;
  /** The folders guides load from besides the built-in content, as URI strings, and their watchers. */
  private roots: readonly string[] = [];
  private watchers: vscode.Disposable[] = [];
  private watched = '';
  private readonly scheduler = new ReloadScheduler(() => void this.reload(), { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) });
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics, { dispose: () => this.scheduler.dispose() }];

  /** `extensionUri` is where the extension is installed: the built-in guide's sources are under it. */
  constructor(private readonly extensionUri: vscode.Uri) {
    // Its sources name the content files as a load from the installed content/ would.
    this.builtIn = { entries: builtInEntries.map((entry) => relocateGuideEntry(entry, (path) => vscode.Uri.joinPath(extensionUri, path).toString())), findings: [] };
    this.library = this.builtIn;
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dialogueGuide.guideFolders')) void this.reload();
        else if (e.affectsConfiguration('dialogueGuide.language')) this.changed.fire();
      }),
      // Relative guide folders are relative to each workspace folder.
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      // The workspace's guide folders count from the moment the folder is trusted.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
      // What the editor itself saves, creates, deletes or renames is known at once; the file
      // watchers (below) report it too, up to a second later, and catch what other programs do.
      vscode.workspace.onDidSaveTextDocument((document) => this.fileChanged(document.uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach(this.fileChanged)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(this.fileChanged)),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach(this.fileChanged))),
    );
  }

  /**
   * Whether the workspace's settings name guide folders that Restricted Mode keeps from loading
   * (`dialogueGuide.guideFolders` is a restricted setting): its team guides load once the folder is trusted.
   */
  get waitingForTrust(): boolean {
    return this.waiting;
  }

  /** The guide language chosen in the settings. */
  get language(): string {
    return vscode.workspace.getConfiguration('dialogueGuide').get<string>('language', 'da');
  }

  /**
   * Sets the guide language where it is set now (workspace or user settings), so that a choice
   * made for a workspace stays with it and a user's choice is not shadowed by a stale workspace value.
   */
  async setLanguage(language: string): Promise<void> {
    const configuration = vscode.workspace.getConfiguration('dialogueGuide');
    const set = configuration.inspect<string>('language');
    // The setting is window-scoped: VS Code applies no folder value of it, so there is none to update.
    const target = set?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await configuration.update('language', language, target);
  }

  /** The folders that team guides are read from (not the built-in content), as URI strings. */
  get guideRoots(): readonly string[] {
    return this.roots;
  }

  /**
   * Reloads soon when `uri` is a guide file: one saved, created, changed or deleted, or closed with
   * unsaved changes (its findings are the saved file's again).
   */
  readonly fileChanged = (uri: vscode.Uri): void => {
    this.scheduler.changed(uri.toString());
  };

  /** The guide diagnostics of `uri`, checked as its editor buffer stands: the live check of an open guide file publishes here. */
  setFileDiagnostics(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.diagnostics.set(uri, findings.map((f) => toDiagnostic(f)));
  }

  get entries(): readonly GuideEntry[] {
    return this.library.entries;
  }

  /** Every loaded guide in the chosen language (or its original language). */
  get guides(): Guide[] {
    return this.library.entries.map((entry) => inLanguage(entry, this.language));
  }

  /** The guide with `id` in the chosen language. */
  guide(id: string): Guide | undefined {
    const entry = findGuideEntry(this.library.entries, id);
    return entry && inLanguage(entry, this.language);
  }

  /**
   * Loads the default and the configured guide folders again, beside the built-in guide; problems
   * go to the Problems panel with their file and line. When none of the folders exists, it reads
   * nothing but their (missing) entries.
   */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const candidates = [...defaultGuideFolders(), ...configuredGuideFolders()];
    this.watch(candidates);
    // The default folder is there only in repositories that keep guides; the others are read as configured.
    const folders = (await Promise.all(candidates.map(async (uri) => ((await exists(uri)) ? [uri] : [])))).flat();
    const library = folders.length === 0 ? this.builtIn : await this.loadWithBuiltIn(folders);
    const waiting = !vscode.workspace.isTrusted && (await workspaceHasTeamGuides());
    // Reloads overlap when settings change quickly: only the newest may publish.
    if (generation !== this.generation) return;
    if (waiting !== this.waiting) {
      this.waiting = waiting;
      if (waiting) this.tellAboutTrust();
    }
    this.roots = folders.map((u) => u.toString());
    if (library === this.library) return;
    this.library = library;
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const finding of this.library.findings) {
      byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), toDiagnostic(finding)]);
    }
    for (const [file, diagnostics] of byFile) this.diagnostics.set(vscode.Uri.parse(file), diagnostics);
    const noGuide = this.library.entries.length === 0;
    await vscode.commands.executeCommand('setContext', 'dialogueGuide.noGuide', noGuide);
    this.changed.fire();
  }

  /**
   * One load over the built-in content and the guide folders, as before compiling, so that a
   * guide folder may hold a translation of the built-in guide and a clash of ids is found;
   * every folder is read ahead at once, not file by file.
   */
  private async loadWithBuiltIn(folders: readonly vscode.Uri[]): Promise<Library> {
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'content'), ...folders].map((u) => u.toString());
    return loadGuideLibrary(await prefetchGuideFolders(workspaceFileSystem, roots), roots);
  }

  /**
   * Watches every folder guides may load from, created or not yet (a default folder may be made
   * later), so that saving, creating or deleting a guide file reloads the guides within a moment.
   */
  private watch(folders: readonly vscode.Uri[]): void {
    const key = folders.map((u) => u.toString()).join('\n');
    this.scheduler.setRoots(folders.map((u) => u.toString()));
    if (key === this.watched) return;
    this.watched = key;
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = folders.map((folder) => {
      // Inside a workspace folder the pattern is based on that folder, which exists and is watched
      // already: a watcher based on a folder not yet created would never fire. It names the folders
      // above the guide folder too: deleting `.dialogue-guide` is reported as that folder alone.
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
      const relative = workspaceFolder && folder.path.slice(workspaceFolder.uri.path.replace(/\/$/, '').length + 1);
      const above = relative ? relative.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')) : [];
      const pattern = workspaceFolder && relative ? new vscode.RelativePattern(workspaceFolder, `{${[...above, `${relative}/**`].join(',')}}`) : new vscode.RelativePattern(folder, '**');
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      return vscode.Disposable.from(watcher, watcher.onDidCreate(this.fileChanged), watcher.onDidChange(this.fileChanged), watcher.onDidDelete(this.fileChanged));
    });
  }

  /** Says once per window, with the trust button, why the workspace's team guides are not there. */
  private tellAboutTrust(): void {
    if (this.toldAboutTrust) return;
    this.toldAboutTrust = true;
    void showMessageWithCommands(
      'info',
      t('This folder is in Restricted Mode, so its team guides (in .dialogue-guide/guides/ or "dialogueGuide.guideFolders") are not loaded yet: they load once you trust the folder with "Manage Workspace Trust".'),
      { title: t('Manage Workspace Trust'), command: 'workbench.trust.manage' },
    );
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
  }
}

/**
 * `.dialogue-guide/guides/` of each workspace folder, where a repository keeps guides of its own:
 * only in a trusted workspace, as the workspace's `guideFolders` (Restricted Mode keeps both out).
 */
function defaultGuideFolders(): vscode.Uri[] {
  if (!vscode.workspace.isTrusted) return [];
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, ...DEFAULT_GUIDE_FOLDER.split('/')));
}


/**
 * Whether the workspace has team guides that Restricted Mode keeps out: a workspace folder's
 * `.dialogue-guide/guides/`, or its own settings (a folder's `.vscode/settings.json`, the
 * `.code-workspace` file) naming `dialogueGuide.guideFolders`. In Restricted Mode VS Code hides
 * such values from the configuration API, so the files are read as text (reading is safe: nothing
 * in them is run).
 */
async function workspaceHasTeamGuides(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (await exists(vscode.Uri.joinPath(folder.uri, ...DEFAULT_GUIDE_FOLDER.split('/')))) return true;
  }
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push(workspaceFile);
  for (const file of files) {
    try {
      if (new TextDecoder().decode(await vscode.workspace.fs.readFile(file)).includes('"dialogueGuide.guideFolders"')) return true;
    } catch {
      // No settings file there.
    }
  }
  return false;
}

/**
 * The folders of `dialogueGuide.guideFolders`, read for each workspace folder (the setting is
 * resource-scoped) with relative paths resolved against that folder; each folder once.
 */
function configuredGuideFolders(): vscode.Uri[] {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const scopes: (vscode.WorkspaceFolder | undefined)[] = workspaceFolders.length > 0 ? [...workspaceFolders] : [undefined];
  const found = new Map<string, vscode.Uri>();
  for (const scope of scopes) {
    for (const folder of vscode.workspace.getConfiguration('dialogueGuide', scope?.uri).get<string[]>('guideFolders', [])) {
      const uri = resolveFolder(folder, scope);
      if (uri) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()];
}

/** A configured folder: absolute, or relative to the workspace folder whose setting it is. */
function resolveFolder(folder: string, scope: vscode.WorkspaceFolder | undefined): vscode.Uri | undefined {
  if (folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.file(folder);
  return scope && vscode.Uri.joinPath(scope.uri, folder);
}
