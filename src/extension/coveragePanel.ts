import * as vscode from 'vscode';
import { COVERAGE_VIEW_TYPE, isCoveragePageMessage, type CoverageHostMessage, type CoveragePageMessage, type CoverageStrings } from '../webview/coverageMessages';
import { buildPageHtml } from '../webview/pageHtml';
import type { WorkspaceCoverage, CoverageChange } from './coverage/workspaceCoverage';
import type { Navigator } from './documents/navigator';
import { onDidChangeUiLanguage, t } from './l10n';
import { pageFrame, webviewPanelOptions } from './webviewPage';

/**
 * The one Coverage panel: a row per strategy document of the workspace, a column per theme. It
 * is created on first `show` and reused; after the first full table it is sent only the row that changed.
 */
export class CoveragePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  /** Whether the page has said `ready` since its HTML was (re)loaded; nothing is posted before. */
  private ready = false;
  private readonly posted = new vscode.EventEmitter<CoverageHostMessage>();
  /** Fires with every message posted to the page (the integration tests read what the page was told). */
  readonly onDidPost = this.posted.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly coverage: WorkspaceCoverage,
    private readonly navigator: Navigator,
  ) {
    this.disposables = [
      this.posted,
      coverage.onDidChange((change) => void this.changed(change)),
      // The page's strings are in its HTML: a new language loads it again, and it asks for the table again.
      onDidChangeUiLanguage(() => {
        if (this.panel) this.load(this.panel);
      }),
    ];
  }

  /** Whether the panel is open. */
  get visible(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel, or reveals it where it is. */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.attach(vscode.window.createWebviewPanel(COVERAGE_VIEW_TYPE, t('Coverage'), vscode.ViewColumn.Active, webviewPanelOptions(this.extensionUri)));
  }

  /** Takes over a panel VS Code restored after a window reload. */
  restore(panel: vscode.WebviewPanel): void {
    this.attach(panel);
  }

  dispose(): void {
    this.panel?.dispose();
    this.detach();
    for (const d of this.disposables) d.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.detach();
    this.panel = panel;
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    this.load(panel);
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.detach();
        }
      }),
      // Without retainContextWhenHidden the page is torn down when hidden and says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isCoveragePageMessage(message)) void this.receive(message);
      }),
    );
  }

  /** Sets the page's title and HTML, in the interface language; the page says `ready` when it has loaded. */
  private load(panel: vscode.WebviewPanel): void {
    this.ready = false;
    panel.title = t('Coverage');
    panel.webview.html = buildPageHtml({
      ...pageFrame(panel.webview, this.extensionUri, { script: 'coveragePage.js', style: 'coverage.css' }),
      rootId: 'coverage',
      data: { strings: coverageStrings() },
      status: false,
    });
  }

  private detach(): void {
    this.ready = false;
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
  }

  /** Handles a message from the page: the file and ids it names are checked against the coverage rows, never trusted. */
  async receive(message: CoveragePageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.postTable();
        break;
      case 'openTheme': {
        // The page names a file and a theme; which question that opens is read from the document as it is now.
        const row = await this.coverage.row(message.file);
        const target = row?.themes.find((t) => t.id === message.themeId)?.target;
        if (row && target) await this.navigator.revealQuestionIn(vscode.Uri.parse(row.file), target, { viewColumn: vscode.ViewColumn.Beside });
        break;
      }
      case 'openQuestion': {
        const row = await this.coverage.row(message.file);
        if (row?.themes.some((t) => t.questions.some((q) => q.id === message.questionId))) {
          await this.navigator.revealQuestionIn(vscode.Uri.parse(row.file), message.questionId, { viewColumn: vscode.ViewColumn.Beside });
        }
        break;
      }
    }
  }

  private async changed(change: CoverageChange): Promise<void> {
    if (!this.panel || !this.ready) return;
    if (change.kind === 'table') await this.postTable();
    else if (change.kind === 'row') this.post({ type: 'row', row: change.row });
    else this.post({ type: 'remove', file: change.file });
  }

  private async postTable(): Promise<void> {
    this.post({ type: 'table', table: await this.coverage.view() });
  }

  private post(message: CoverageHostMessage): void {
    if (!this.panel || !this.ready) return;
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }
}

/** The page's strings in the user's language; `{0}` and `{1}` stay for the page to fill in. */
function coverageStrings(): CoverageStrings {
  return {
    title: t('Coverage'),
    document: t('Document'),
    total: t('Total'),
    status: t('Status'),
    owners: t('Owners'),
    guide: t('Guide'),
    folder: t('Folder'),
    all: t('All'),
    noStatus: t('(no status)'),
    empty: t('No strategy documents in this workspace yet.'),
    notInScope: t('Not in this document (themes: in the front matter)'),
    showQuestions: t('Show the questions'),
    notCounted: t('Not counted'),
    cellLabel: t('{0} of {1} answered', '{0}', '{1}'),
    answered: t('answered'),
    unanswered: t('unanswered'),
    missing: t('no section'),
    frontMatter: t('the front matter cannot be read'),
    noGuide: t('the front matter names no guide'),
    unknownGuide: t('the guide "{id}" is not loaded', { id: '{id}' }),
  };
}
