import * as vscode from 'vscode';
import type { StrategyDocuments } from './strategyDocuments';
import { onDidChangeUiLanguage, t } from '../l10n';

/** "Strategy 7/18" for the active strategy document; a click goes to the next unanswered question. */
export function registerProgressStatusBar(documents: StrategyDocuments): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dialogueGuide.progress', vscode.StatusBarAlignment.Left, 50);
  item.command = 'dialogueGuide.nextUnanswered';
  const update = () => {
    item.name = t('Dialogue Guide progress');
    const entry = documents.active;
    if (!entry?.analysis.guide) {
      item.hide();
      return;
    }
    const { answered, total } = entry.analysis;
    item.text = `$(checklist) ${t('Strategy {0}/{1}', answered, total)}`;
    item.tooltip = t('{0} of {1} questions answered in {2}. Click to go to the next unanswered question.', answered, total, vscode.workspace.asRelativePath(entry.uri));
    item.accessibilityInformation = { label: t('{0} of {1} questions answered', answered, total) };
    item.show();
  };
  update();
  return vscode.Disposable.from(item, documents.onDidChangeActive(update), onDidChangeUiLanguage(update));
}
