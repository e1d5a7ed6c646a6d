import * as vscode from 'vscode';
import { findQuestion } from '../core/guide';
import { isPageMessage, isPersistedState, type HostMessage, type PageMessage, type QuotesStrings } from '../webview/messages';
import { buildQuotesHtml } from '../webview/quotesHtml';
import { buildQuotesViewState, findQuote, formatQuoteForCopy } from '../webview/quotesState';
import type { GuideService } from './guideService';
import { mediaFolder, pageFrame, webviewPanelOptions } from './webviewPage';
import { onDidChangeUiLanguage, t } from './l10n';

/** A question of a guide, by id. */
export interface QuestionRef {
  readonly guideId: string;
  readonly questionId: string;
}

/** Which question a line of a strategy document answers (the Navigator knows). */
export interface QuestionLocator {
  questionUnder(uri: vscode.Uri, line: number): QuestionRef | undefined;
}

const FOLLOW_DELAY_MS = 100;

/**
 * The one webview panel that shows the selected question's theme, sibling questions and quotes.
 * It is created on first `show`, reused afterwards, and updated in place by messages. While it is
 * open it follows the question under the cursor of a strategy document, as the tree does, unless
 * the user pinned it (the toggle in the panel; kept in the page's state across reloads).
 */
export class QuotesPanel implements vscode.Disposable {
  static readonly viewType = 'dialogueGuide.quotes';

  private readonly selected = new vscode.EventEmitter<QuestionRef>();
  /** Fires when the user picks a sibling question in the panel. */
  readonly onDidSelectQuestion = this.selected.event;

  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  /** Whether the page has said `ready` since its HTML was (re)loaded; nothing is posted before. */
  private ready = false;
  private selection: QuestionRef | undefined;
  private pinnedToQuestion = false;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly guides: GuideService,
    private readonly locator: QuestionLocator,
  ) {
    this.disposables = [
      this.selected,
      guides.onDidChange(() => this.postState()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleFollow(e.textEditor)),
      // The page's strings are in its HTML: a new language loads it again, at the same question.
      onDidChangeUiLanguage(() => {
        if (!this.panel) return;
        this.ready = false;
        this.panel.title = t('Quotes');
        this.panel.webview.html = this.html(this.panel.webview);
      }),
    ];
  }

  /** The question the panel shows, while it is open. */
  get current(): QuestionRef | undefined {
    return this.panel && this.selection;
  }

  /** Whether the panel stays on its question while the cursor moves. */
  get pinned(): boolean {
    return this.pinnedToQuestion;
  }

  /** Pins the panel to the question it shows, or lets it follow the cursor again (the page's toggle does this). */
  setPinned(pinned: boolean): void {
    this.pinnedToQuestion = pinned;
    this.postState();
  }

  /**
   * Shows `questionId` of `guideId`, opening the panel beside the active editor or revealing it
   * where it is. Given `beside`, the group of the document being answered, the panel is never in
   * that group: it opens in, or moves to, the group next to it.
   */
  show(guideId: string, questionId: string, options: { preserveFocus?: boolean; beside?: vscode.ViewColumn } = {}): void {
    this.selection = { guideId, questionId };
    const next = options.beside === undefined ? undefined : nextColumn(options.beside);
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn === options.beside ? next : undefined, options.preserveFocus);
    } else {
      const panel = vscode.window.createWebviewPanel(
        QuotesPanel.viewType,
        t('Quotes'),
        { viewColumn: next ?? vscode.ViewColumn.Beside, preserveFocus: options.preserveFocus ?? false },
        webviewPanelOptions(this.extensionUri),
      );
      this.attach(panel);
    }
    this.postState();
  }

  /** Takes over a panel VS Code restored after a window reload; `state` is what the page last saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (isPersistedState(state)) {
      this.selection = { guideId: state.guideId, questionId: state.questionId };
      this.pinnedToQuestion = state.pinned === true;
    }
    this.attach(panel);
  }

  private scheduleFollow(editor: vscode.TextEditor): void {
    if (!this.panel || this.pinnedToQuestion) return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => this.follow(editor), FOLLOW_DELAY_MS);
  }

  /** Shows the question under the cursor; the panel keeps its place and the editor its focus. */
  private follow(editor: vscode.TextEditor): void {
    if (!this.panel || this.pinnedToQuestion) return;
    const ref = this.locator.questionUnder(editor.document.uri, editor.selection.active.line);
    if (!ref || (ref.guideId === this.selection?.guideId && ref.questionId === this.selection.questionId)) return;
    this.selection = ref;
    this.postState();
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    this.panel?.dispose();
    this.detach();
    for (const d of this.disposables) d.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.detach();
    this.panel = panel;
    panel.title = t('Quotes');
    panel.webview.options = webviewPanelOptions(this.extensionUri);
    panel.webview.html = this.html(panel.webview);
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
        if (isPageMessage(message)) this.receive(message);
      }),
    );
    void this.setIcon(panel);
  }

  private detach(): void {
    this.ready = false;
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
  }

  private async setIcon(panel: vscode.WebviewPanel): Promise<void> {
    const icon = vscode.Uri.joinPath(mediaFolder(this.extensionUri), 'icon.png');
    try {
      await vscode.workspace.fs.stat(icon);
      panel.iconPath = icon;
    } catch {
      // No icon in this build: the panel keeps VS Code's default.
    }
  }

  private receive(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postState();
        break;
      case 'selectQuestion': {
        const guide = this.guides.guide(message.guideId);
        if (!guide || !findQuestion(guide, message.questionId)) return;
        const ref = { guideId: message.guideId, questionId: message.questionId };
        this.selection = ref;
        this.postState();
        this.selected.fire(ref);
        break;
      }
      case 'copyQuote':
        void this.copyQuote(message.guideId, message.quoteId);
        break;
      case 'insertQuote':
        // The command takes the quote from the guide by id, in the document's language, and says why when it cannot insert it.
        void vscode.commands.executeCommand('dialogueGuide.insertQuote', { guideId: message.guideId, quoteId: message.quoteId });
        break;
      case 'setPinned':
        this.setPinned(message.pinned);
        break;
    }
  }

  private async copyQuote(guideId: string, quoteId: string): Promise<void> {
    // The text comes from the guide, not from the page.
    const guide = this.guides.guide(guideId);
    const quote = guide && findQuote(guide, quoteId);
    if (!quote) return;
    try {
      await vscode.env.clipboard.writeText(formatQuoteForCopy(quote));
    } catch (error) {
      void vscode.window.showErrorMessage(t('Could not copy the quote: {0}', String(error)));
      return;
    }
    this.post({ type: 'copied', quoteId });
  }

  /** Sends the current question's view, once the page is ready (it asks again after every reload). */
  private postState(): void {
    if (!this.selection) return;
    const guide = this.guides.guide(this.selection.guideId);
    const state = guide && buildQuotesViewState(guide, this.selection.questionId);
    this.post(state ? { type: 'update', state, pinned: this.pinnedToQuestion } : { type: 'missing', ...this.selection });
  }

  private post(message: HostMessage): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview): string {
    const guide = this.selection && this.guides.guide(this.selection.guideId);
    return buildQuotesHtml({
      ...pageFrame(webview, this.extensionUri, { script: 'quotesPage.js', style: 'quotes.css' }),
      strings: quotesStrings(),
      state: guide && this.selection ? buildQuotesViewState(guide, this.selection.questionId) : undefined,
    });
  }
}

/** The group to the right of `column`, or to its left from the last one VS Code numbers. */
function nextColumn(column: vscode.ViewColumn): vscode.ViewColumn {
  return column < vscode.ViewColumn.Nine ? column + 1 : column - 1;
}

/** The page's strings in VS Code's display language; `{0}` stays for the page to fill in. */
function quotesStrings(): QuotesStrings {
  return {
    questionHeading: t('Question {0}', '{0}'),
    siblingsHeading: t('Questions in this theme'),
    quotesHeading: t('Quotes'),
    noQuotes: t('This theme has no quotes.'),
    hintHeading: t('Hint'),
    probesHeading: t('Follow-up questions'),
    copy: t('Copy'),
    copyLabel: t('Copy the quote from {0}', '{0}'),
    copied: t('Quote copied to the clipboard.'),
    insert: t('Insert into document'),
    insertLabel: t('Insert the quote from {0} into the document, in the section of the cursor', '{0}'),
    missing: t('This question is no longer in the guide.'),
    pin: t('Pin'),
    pinOff: t('The quotes follow the question you are answering. Pin them to keep this question.'),
    pinOn: t('Pinned to this question. Unpin to follow the question you are answering again.'),
  };
}

/** Creates the quotes panel and registers its serializer, so an open panel survives a window reload. */
export function registerQuotesPanel(
  extensionUri: vscode.Uri,
  guides: GuideService,
  locator: QuestionLocator,
): { panel: QuotesPanel; disposable: vscode.Disposable } {
  const panel = new QuotesPanel(extensionUri, guides, locator);
  const serializer = vscode.window.registerWebviewPanelSerializer(QuotesPanel.viewType, {
    deserializeWebviewPanel: async (webviewPanel, state) => panel.restore(webviewPanel, state),
  });
  return { panel, disposable: vscode.Disposable.from(serializer, panel) };
}
