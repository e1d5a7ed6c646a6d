import * as vscode from 'vscode';
import { coverageGuides, coverageRow, coverageRowOf, CoverageTable, type CoverageRow } from '../../core/coverage';
import type { CoverageRowView, CoverageTableView } from '../../webview/coverageMessages';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';

/** What changed in the table: one row (redrawn alone), or everything (the columns may differ). */
export type CoverageChange = { readonly kind: 'row'; readonly row: CoverageRowView } | { readonly kind: 'remove'; readonly file: string } | { readonly kind: 'table' };

/**
 * The Coverage view's data: a row per strategy document in every workspace folder, saved or with
 * unsaved edits. Built once from the workspace index on first use, then kept up to date one
 * document at a time from the events of the open documents and of the index, without a rescan.
 */
export class WorkspaceCoverage implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageChange>();
  /** Fires after the first load, for every row that changed, and when everything did. */
  readonly onDidChange = this.changed.event;
  private table: Promise<CoverageTable> | undefined;
  /** The columns last announced: a row that needs others makes the change a `table` one. */
  private columns = '';
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly documents: StrategyDocuments,
    private readonly guides: GuideService,
  ) {
    this.disposables = [
      this.changed,
      documents.onDidChange((uri) => void this.update([uri])),
      documents.saved.onDidChange((uris) => (uris ? void this.update(uris) : this.reset())),
      guides.onDidChange(() => this.reset()),
    ];
  }

  /** Every row and the columns they fall in, loading the workspace's documents on first use. */
  async view(): Promise<CoverageTableView> {
    const rows = (await this.load()).rows();
    const guides = coverageGuides(rows, this.guides.entries, this.guides.language);
    this.columns = JSON.stringify(guides);
    return { guides, rows: rows.map(asView) };
  }

  /** The row of `file` (a URI string) as it is now, read afresh: a click must open what the document holds. */
  async row(file: string): Promise<CoverageRowView | undefined> {
    const uri = vscode.Uri.parse(file);
    await this.update([uri]);
    const row = (await this.load()).get(uri.toString());
    return row && asView(row);
  }

  private load(): Promise<CoverageTable> {
    this.table ??= (async () => {
      const table = new CoverageTable();
      const saved = await this.documents.saved.documents();
      const uris = new Map([...saved.map((d) => d.uri), ...this.documents.documents.map((d) => d.uri)].map((uri) => [uri.toString(), uri]));
      for (const uri of uris.values()) {
        const row = await this.rowFor(uri);
        if (row) table.set(row);
      }
      return table;
    })();
    return this.table;
  }

  /** Forgets the table; the next `view` builds it again (the guides or the workspace folders changed). */
  private reset(): void {
    if (!this.table) return;
    this.table = undefined;
    this.changed.fire({ kind: 'table' });
  }

  private async update(uris: readonly vscode.Uri[]): Promise<void> {
    // Nothing is kept before the view is first asked for; it is built from scratch then.
    const pending = this.table;
    if (!pending) return;
    const table = await pending;
    for (const uri of uris) {
      const row = await this.rowFor(uri);
      if (this.table !== pending) return;
      if (!row) {
        if (table.remove(uri.toString())) this.changed.fire({ kind: 'remove', file: uri.toString() });
      } else if (table.set(row)) {
        const guides = JSON.stringify(coverageGuides(table.rows(), this.guides.entries, this.guides.language));
        this.changed.fire(guides === this.columns ? { kind: 'row', row: asView(row) } : { kind: 'table' });
      }
    }
  }

  /**
   * The row of the document at `uri`: from the editor's text when it is open (unsaved edits
   * included), else as saved; undefined when it is no strategy document of a workspace folder.
   */
  private async rowFor(uri: vscode.Uri): Promise<CoverageRow | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const open = this.documents.documents.find((d) => d.uri.toString() === uri.toString());
    if (open) return coverageRowOf(open.parsed, open.analysis, folder.name);
    const saved = await this.documents.saved.get(uri);
    return saved && coverageRow(saved.parsed, this.guides.entries, folder.name, { language: this.guides.language });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function asView(row: CoverageRow): CoverageRowView {
  return { ...row, path: vscode.workspace.asRelativePath(vscode.Uri.parse(row.file), false) };
}
