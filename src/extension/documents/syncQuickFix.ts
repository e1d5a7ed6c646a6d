import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { t } from '../l10n';

/** "Add missing questions" as a quick fix on the Problems panel's "missing from the document" and "written for an older version" entries. */
export function registerSyncQuickFix(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    {
      provideCodeActions(document, _range, context) {
        const missing = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && (d.code === 'question.missing' || d.code === 'document.behindGuide'));
        if (missing.length === 0) return [];
        const action = new vscode.CodeAction(t('Add the missing questions of the guide'), vscode.CodeActionKind.QuickFix);
        action.diagnostics = missing;
        action.isPreferred = true;
        action.command = { command: 'dialogueGuide.syncDocument', title: action.title, arguments: [document.uri] };
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
