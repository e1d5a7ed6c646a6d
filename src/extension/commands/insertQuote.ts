import * as vscode from 'vscode';
import { findGuideEntry, inLanguage, themeIdOf, type Quote, type Theme } from '../../core/guide';
import { planQuoteInsertion } from '../../core/quoteRepairs';
import { toRange } from '../diagnostics';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';
import { t } from '../l10n';
import { requireTrust } from '../trust';
import type { CommandAction } from './commandManager';
import { isRecord } from './quoteCommands';

/**
 * Inserts a quote of the guide, with its marker and attribution, into the section under the cursor
 * of the strategy document being answered: the quote `{ guideId, quoteId }` names (the Quotes panel's
 * "Insert into document"), or one picked from the theme's quotes. The quote is written in the
 * document's language, whatever language the panel shows; never outside a section.
 */
export class InsertQuoteCommand implements CommandAction {
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
