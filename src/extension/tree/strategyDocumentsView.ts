import * as vscode from 'vscode';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import { onDidChangeUiLanguage, t } from '../l10n';

/** A row of the view: a strategy document, or (in a multi-root workspace) the workspace folder it is in. */
export type DocumentsViewNode = vscode.Uri | vscode.WorkspaceFolder;

/**
 * The workspace's strategy documents, with their progress; picking one makes the question tree
 * follow it. In a multi-root workspace they are grouped by workspace folder, as each folder is
 * often one administration's. Empty, the view shows its welcome: a pointer to "New Strategy Document".
 */
export class StrategyDocumentsView implements vscode.TreeDataProvider<DocumentsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly documents: StrategyDocuments) {
    const refresh = () => this.changed.fire();
    this.disposables = [this.changed, documents.saved.onDidChange(refresh), documents.onDidChange(refresh), documents.onDidChangeActive(refresh), onDidChangeUiLanguage(refresh)];
  }

  async getChildren(node?: DocumentsViewNode): Promise<DocumentsViewNode[]> {
    if (node instanceof vscode.Uri) return [];
    const found = await this.documents.findAll();
    // A new document is open before it is saved anywhere the scan looks.
    const open = this.documents.documents.map((d) => d.uri).filter((u) => !found.some((f) => f.toString() === u.toString()));
    const all = [...found, ...open];
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (node) return all.filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.index === node.index);
    if (folders.length < 2) return all;
    // The folders that hold documents, then whatever is open outside every folder.
    const used = new Set(all.map((uri) => vscode.workspace.getWorkspaceFolder(uri)?.index));
    return [...folders.filter((f) => used.has(f.index)), ...all.filter((uri) => !vscode.workspace.getWorkspaceFolder(uri))];
  }

  getTreeItem(node: DocumentsViewNode): vscode.TreeItem {
    if (!(node instanceof vscode.Uri)) {
      const folder = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      folder.id = `folder:${node.uri.toString()}`;
      folder.iconPath = vscode.ThemeIcon.Folder;
      folder.resourceUri = node.uri;
      folder.contextValue = 'workspaceFolder';
      return folder;
    }
    const uri = node;
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    // Under its folder's row the folder's name would be said twice.
    const underFolder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    item.label = underFolder ? vscode.workspace.asRelativePath(uri, false) : vscode.workspace.asRelativePath(uri);
    item.contextValue = 'strategyDocument';
    const entry = this.documents.documents.find((d) => d.uri.toString() === uri.toString());
    if (entry?.analysis.guide) item.description = t('{0}/{1} answered', entry.analysis.answered, entry.analysis.total);
    if (this.documents.active?.uri.toString() === uri.toString()) item.iconPath = new vscode.ThemeIcon('eye');
    else item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'dialogueGuide.pickStrategyDocument', title: t('Open'), arguments: [uri] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
