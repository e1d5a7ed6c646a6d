import * as vscode from 'vscode';
import { findQuestion } from '../../core/guide';
import type { StrategyDocuments } from './strategyDocuments';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

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
            title: vscode.l10n.t('Show quotes'),
            tooltip: vscode.l10n.t("Show this theme's quotes beside the editor"),
            command: 'dialogueGuide.showQuotes',
            arguments: [{ guideId: guide.id, questionId: section.questionId }],
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
      // Plain, untrusted Markdown: content is appended as text, never as markup.
      const hover = new vscode.MarkdownString();
      hover.isTrusted = false;
      hover.supportHtml = false;
      hover.appendMarkdown('**').appendText(`${found.question.number} ${found.theme.title}`).appendMarkdown('**\n\n');
      if (found.theme.quotes.length === 0) hover.appendText(vscode.l10n.t('This theme has no quotes.'));
      for (const quote of found.theme.quotes) {
        hover.appendMarkdown('> ').appendText(quote.text.replace(/\n/g, ' ')).appendMarkdown('\n>\n> — ').appendText(`${quote.speaker}, ${quote.time}`).appendMarkdown('\n\n');
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
