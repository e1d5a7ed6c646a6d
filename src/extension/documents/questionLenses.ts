import * as vscode from 'vscode';
import { findQuestion } from '../../core/guide';
import { displayName } from '../../core/strategyDocument';
import type { StrategyDocuments } from './strategyDocuments';
import { t } from '../l10n';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/**
 * `text` as literal Markdown on one line: every character that could start markup is
 * backslash-escaped. Not `MarkdownString.appendText`, which turns each space into `&nbsp;`: a
 * quote became one unbreakable word that the hover could only break inside words ("medietræni/ng").
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-!|<>~&]/g, '\\$&')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** "Show quotes" above each question heading, and the theme's quotes on hover over a heading or marker. */
export function registerQuestionLenses(documents: StrategyDocuments): vscode.Disposable {
  const lensesChanged = new vscode.EventEmitter<void>();
  const codeLenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses(document) {
      const entry = documents.get(document.uri);
      const guide = entry?.analysis.guide;
      if (!entry || !guide) return [];
      return entry.parsed.sections.flatMap((section) => {
        if (!findQuestion(guide, section.questionId)) return [];
        const line = section.lines.start;
        return [
          new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
            title: t('Show quotes'),
            tooltip: t("Show this theme's quotes beside the editor"),
            command: 'dialogueGuide.showQuotes',
            // The answer is being typed in the editor: the quotes open beside it and the keyboard stays there.
            arguments: [{ guideId: guide.id, questionId: section.questionId, preserveFocus: true }],
          }),
        ];
      });
    },
  };
  const hovers: vscode.HoverProvider = {
    provideHover(document, position) {
      const entry = documents.get(document.uri);
      const guide = entry?.analysis.guide;
      const section = entry?.parsed.sections.find((s) => s.markerLine === position.line || s.headingLine === position.line);
      const found = guide && section && findQuestion(guide, section.questionId);
      if (!found) return undefined;
      // Plain, untrusted Markdown: content is escaped into text, never markup.
      const hover = new vscode.MarkdownString();
      hover.isTrusted = false;
      hover.supportHtml = false;
      // Named as the tree names the question; the theme, whose quotes these are, under it.
      hover.appendMarkdown(`**${markdownText(displayName(found.question))}**\n\n${markdownText(found.theme.title)}\n\n`);
      if (found.theme.quotes.length === 0) hover.appendMarkdown(markdownText(t('This theme has no quotes.')));
      for (const quote of found.theme.quotes) {
        hover.appendMarkdown(`> ${markdownText(quote.text)}\n>\n> — ${markdownText(`${quote.speaker}, ${quote.time}`)}\n\n`);
      }
      return new vscode.Hover(hover, new vscode.Range(position.line, 0, position.line, document.lineAt(position.line).text.length));
    },
  };
  return vscode.Disposable.from(
    lensesChanged,
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLenses),
    vscode.languages.registerHoverProvider(MARKDOWN, hovers),
    documents.onDidChange(() => lensesChanged.fire()),
  );
}
