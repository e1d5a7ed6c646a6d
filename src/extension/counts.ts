import * as vscode from 'vscode';

/** "1 question" or "6 questions", in the user's language. */
export function questionCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', count);
}
