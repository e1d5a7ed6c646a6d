import * as vscode from 'vscode';
import type { StrategyDocuments } from '../documents/strategyDocuments';

/**
 * The workspace's strategy documents, with their progress; picking one makes the question tree
 * follow it. Empty, the view shows its welcome: a pointer to "New Strategy Document".
 */
export class StrategyDocumentsView implements vscode.TreeDataProvider<vscode.Uri>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly documents: StrategyDocuments) {
    const refresh = () => this.changed.fire();
    this.disposables = [this.changed, documents.saved.onDidChange(refresh), documents.onDidChange(refresh), documents.onDidChangeActive(refresh)];
  }

  async getChildren(uri?: vscode.Uri): Promise<vscode.Uri[]> {
    if (uri) return [];
    const found = await this.documents.findAll();
    // A new document is open before it is saved anywhere the scan looks.
    const open = this.documents.documents.map((d) => d.uri).filter((u) => !found.some((f) => f.toString() === u.toString()));
    return [...found, ...open];
  }

  getTreeItem(uri: vscode.Uri): vscode.TreeItem {
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    item.label = vscode.workspace.asRelativePath(uri);
    item.contextValue = 'strategyDocument';
    const entry = this.documents.documents.find((d) => d.uri.toString() === uri.toString());
    if (entry?.analysis.guide) item.description = vscode.l10n.t('{0}/{1} answered', entry.analysis.answered, entry.analysis.total);
    if (this.documents.active?.uri.toString() === uri.toString()) item.iconPath = new vscode.ThemeIcon('eye');
    else item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'dialogueGuide.pickStrategyDocument', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
