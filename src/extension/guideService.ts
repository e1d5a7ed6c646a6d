import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { inLanguage, type Guide, type GuideEntry } from '../core/guide';
import { loadGuideLibrary } from '../core/guideLoader';
import { toDiagnostic } from './diagnostics';
import { workspaceFileSystem } from './workspaceFileSystem';

/** Owns the loaded guides: the built-in content plus any configured guide folders. */
export class GuideService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every (re)load and language switch. */
  readonly onDidChange = this.changed.event;

  private library: { entries: readonly GuideEntry[]; findings: readonly Finding[] } = { entries: [], findings: [] };
  private generation = 0;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('dialogueGuide.guides');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];

  constructor(private readonly builtInContent: vscode.Uri) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dialogueGuide.guideFolders')) void this.reload();
        else if (e.affectsConfiguration('dialogueGuide.language')) this.changed.fire();
      }),
    );
  }

  /** The guide language chosen in the settings. */
  get language(): string {
    return vscode.workspace.getConfiguration('dialogueGuide').get<string>('language', 'da');
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
    const entry = this.library.entries.find((e) => e.id === id);
    return entry && inLanguage(entry, this.language);
  }

  /** Loads every guide again; problems go to the Problems panel with their file and line. */
  async reload(): Promise<void> {
    const folders = vscode.workspace.getConfiguration('dialogueGuide').get<string[]>('guideFolders', []);
    const roots = [this.builtInContent, ...folders.flatMap((folder) => resolveFolder(folder))].map((u) => u.toString());
    const generation = ++this.generation;
    const library = await loadGuideLibrary(workspaceFileSystem, roots);
    // Reloads overlap when settings change quickly: only the newest may publish.
    if (generation !== this.generation) return;
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

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A configured folder: absolute, or relative to each workspace folder. */
function resolveFolder(folder: string): vscode.Uri[] {
  if (folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder)) return [vscode.Uri.file(folder)];
  return (vscode.workspace.workspaceFolders ?? []).map((wf) => vscode.Uri.joinPath(wf.uri, folder));
}
