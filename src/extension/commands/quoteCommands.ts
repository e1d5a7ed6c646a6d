import * as vscode from 'vscode';
import { findGuideEntry, inLanguage, themeIdOf, type Quote, type Theme } from '../../core/guide';
import type { GuideNode, TreeNode } from '../../core/guideTree';
import { planQuoteInsertion } from '../../core/quoteRepairs';
import { toRange } from '../diagnostics';
import type { Navigator } from '../documents/navigator';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';
import type { QuotesPanel } from '../quotesPanel';
import { requireTrust } from '../trust';
import type { Command } from './commandManager';
import { questionArgument } from './guideCommands';
import { t } from '../l10n';

/** Opens (or updates) the quotes panel for a question: the argument, the selection, or a pick. */
export class ShowQuotesCommand implements Command {
  readonly id = 'dialogueGuide.showQuotes';

  constructor(
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly panel: QuotesPanel,
    private readonly roots: () => readonly GuideNode[],
  ) {}

  /**
   * `arg` is a tree node, or `{ guideId, questionId, preserveFocus? }` (the CodeLens passes
   * `preserveFocus: true`: the quotes open beside the editor and the keyboard stays in it).
   */
  async execute(arg?: unknown): Promise<void> {
    const target = await this.target(arg);
    if (!target) return;
    const preserveFocus = isRecord(arg) && arg.preserveFocus === true;
    const editor = vscode.window.activeTextEditor;
    this.panel.show(target.guideId, target.questionId, preserveFocus ? { preserveFocus, beside: editor?.viewColumn } : {});
  }

  private async target(arg: unknown): Promise<{ guideId: string; questionId: string } | undefined> {
    if (isRecord(arg) && typeof arg.guideId === 'string' && typeof arg.questionId === 'string' && !('kind' in arg)) {
      return { guideId: arg.guideId, questionId: arg.questionId };
    }
    const node = questionArgument(arg, this.view);
    if (node) return node;
    // On a theme row: its quotes, beside its first question.
    const theme = typeof arg === 'object' && arg !== null && (arg as TreeNode).kind === 'theme' ? (arg as TreeNode) : undefined;
    if (theme?.children[0]?.kind === 'question') return theme.children[0];
    if (this.panel.current) return this.panel.current;
    const questions = this.roots().flatMap((g) => g.children.flatMap((t) => t.children));
    const pick = await vscode.window.showQuickPick(
      questions.map((q) => ({ label: `${q.number} ${q.label}`, detail: q.text, node: q })),
      { title: t('Show Quotes'), placeHolder: t('Choose a question'), matchOnDetail: true },
    );
    return pick?.node;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * What a click on a question row does: reveals its section in the strategy document for its
 * guide, if there is one, in the group that shows it or the first, and shows its quotes in the
 * group beside it, never on top of it. Focus goes to the document, where the answer is typed.
 */
export class OpenQuestionCommand implements Command {
  readonly id = '_dialogueGuide.openQuestion';

  constructor(
    private readonly panel: QuotesPanel,
    private readonly navigator: Navigator,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    const node = arg as TreeNode | undefined;
    if (node?.kind !== 'question') return;
    const revealed = await this.navigator.revealQuestion(node.guideId, node.questionId, { viewColumn: vscode.ViewColumn.One });
    const beside = revealed.status === 'shown' ? revealed.editor.viewColumn : undefined;
    this.panel.show(node.guideId, node.questionId, { preserveFocus: true, beside });
  }
}

/**
 * Inserts a quote of the guide, with its marker and attribution, into the section under the cursor
 * of the strategy document being answered: the quote `{ guideId, quoteId }` names (the Quotes panel's
 * "Insert into document"), or one picked from the theme's quotes. The quote is written in the
 * document's language, whatever language the panel shows; never outside a section.
 */
export class InsertQuoteCommand implements Command {
  readonly id = 'dialogueGuide.insertQuote';

  constructor(
    private readonly documents: StrategyDocuments,
    private readonly guides: GuideService,
  ) {}

  async execute(arg?: unknown): Promise<boolean> {
    if (!requireTrust(t('Inserting a quote'))) return false;
    const editor = this.editor();
    const entry = editor && this.documents.get(editor.document.uri);
    if (!editor || !entry) {
      void vscode.window.showInformationMessage(t('Put the cursor in a question\'s section of a strategy document to insert a quote there.'));
      return false;
    }
    const line = editor.selection.active.line;
    const section = entry.parsed.sections.find((s) => s.lines.start <= line && line < s.lines.end);
    const guideId = entry.parsed.frontMatter?.guide;
    const guideEntry = guideId === undefined ? undefined : findGuideEntry(this.guides.entries, guideId);
    if (!section || !guideEntry) {
      void vscode.window.showInformationMessage(guideEntry ? t('Put the cursor in a question\'s section to insert a quote there: outside a section it would belong to no question.') : t('The document names no loaded guide, so it has no quotes to insert.'));
      return false;
    }
    const guide = inLanguage(guideEntry, entry.parsed.frontMatter?.language ?? guideEntry.original.language);
    const quotes = guide.themes.flatMap((t) => t.quotes);
    let quote: Quote | undefined;
    if (isRecord(arg) && typeof arg.quoteId === 'string') {
      if (arg.guideId !== guideEntry.id) {
        void vscode.window.showInformationMessage(t('This quote is from another guide than the one the document follows ("{0}").', guideEntry.id));
        return false;
      }
      quote = quotes.find((q) => q.id === arg.quoteId);
    } else {
      quote = await this.pick(guide.themes, section.themeId ?? themeIdOf(section.questionId));
    }
    if (!quote) return false;
    return this.insert(editor, entry, quote, line);
  }

  /** The editor of the document being answered: the active one, or, from the Quotes panel, the visible one the panel follows. */
  private editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && this.documents.get(active.document.uri)) return active;
    const last = this.documents.active;
    return last && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === last.uri.toString());
  }

  /** A quick pick of the theme's quotes; the guide's other quotes follow, under their themes. */
  private async pick(themes: readonly Theme[], themeId: string | undefined): Promise<Quote | undefined> {
    const ordered = [...themes].sort((a, b) => Number(b.id === themeId) - Number(a.id === themeId));
    const items = ordered.flatMap((theme) =>
      theme.quotes.length === 0
        ? []
        : [
            { label: theme.title, kind: vscode.QuickPickItemKind.Separator } as { label: string; kind: vscode.QuickPickItemKind; quote?: Quote },
            ...theme.quotes.map((quote) => ({ label: [quote.speaker, quote.time].filter((s) => s.trim() !== '').join(', '), detail: quote.text, quote })),
          ],
    );
    if (items.length === 0) {
      void vscode.window.showInformationMessage(t('The guide has no quotes.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: t('Insert Quote'), placeHolder: t('Choose a quote to insert'), matchOnDetail: true });
    return picked?.quote;
  }

  private async insert(editor: vscode.TextEditor, entry: ParsedDocument, quote: Quote, line: number): Promise<boolean> {
    const edit = planQuoteInsertion(entry.text, entry.parsed, this.guides.entries, quote, line);
    if (!edit) {
      void vscode.window.showWarningMessage(t('The quote cannot be inserted here without changing another answer: put the cursor on a line of its own in the section.'));
      return false;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(editor.document.uri, toRange(edit.range), edit.newText);
    return vscode.workspace.applyEdit(workspaceEdit);
  }
}
