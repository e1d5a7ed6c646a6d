import * as vscode from 'vscode';
import { planSync, type SyncRefusal } from '../../core/sync';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { requireTrust } from '../trust';
import type { Command } from './commandManager';

/**
 * Adds the sections of questions and themes the guide gained, in guide order. Only insertions,
 * as one undoable edit of the open document, so unsaved answers are safe and nothing is replaced.
 */
export class SyncDocumentCommand implements Command {
  readonly id = 'dialogueGuide.syncDocument';

  constructor(private readonly documents: StrategyDocuments) {}

  async execute(arg?: unknown): Promise<boolean> {
    if (!requireTrust(vscode.l10n.t('Adding missing questions'))) return false;
    const uri = arg instanceof vscode.Uri ? arg : (vscode.window.activeTextEditor?.document.uri ?? this.documents.active?.uri);
    const entry = uri && this.documents.get(uri);
    if (!entry) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a strategy document first, or create one with "New Strategy Document".'));
      return false;
    }
    const guide = entry.analysis.guide;
    if (!guide) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} names no loaded guide: see the Problems panel.', vscode.workspace.asRelativePath(entry.uri)));
      return false;
    }
    const plan = planSync(entry.text, entry.parsed, guide);
    if (!plan.ok) {
      void vscode.window.showErrorMessage(refusal(plan.reason, vscode.workspace.asRelativePath(entry.uri)));
      return false;
    }
    if (plan.insertions.length === 0) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('{0} already has every question of the guide.', vscode.workspace.asRelativePath(entry.uri)), 4000);
      return true;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const insertion of plan.insertions) edit.insert(entry.uri, new vscode.Position(insertion.line, insertion.character), insertion.text);
    return vscode.workspace.applyEdit(edit);
  }
}

function refusal(reason: SyncRefusal, file: string): string {
  switch (reason) {
    case 'conflict':
      return vscode.l10n.t('{0} has Git conflict markers: resolve the conflict first; nothing was changed.', file);
    case 'frontMatter':
      return vscode.l10n.t('The front matter of {0} is broken: fix it first (see the Problems panel); nothing was changed.', file);
    case 'guideMismatch':
      return vscode.l10n.t('{0} follows another guide; nothing was changed.', file);
    case 'ambiguous':
      return vscode.l10n.t('{0} has text whose question cannot be told (see the warnings in the Problems panel): repair it first; nothing was changed.', file);
    case 'unsafe':
      return vscode.l10n.t("Adding the missing questions to {0} would not keep its structure as it is (an unclosed code block or HTML near the end?); nothing was changed.", file);
  }
}

/** "Add missing questions" as a quick fix on the Problems panel's "missing from the document" entries. */
export function registerSyncQuickFix(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    {
      provideCodeActions(document, _range, context) {
        const missing = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'question.missing');
        if (missing.length === 0) return [];
        const action = new vscode.CodeAction(vscode.l10n.t('Add the missing questions of the guide'), vscode.CodeActionKind.QuickFix);
        action.diagnostics = missing;
        action.isPreferred = true;
        action.command = { command: 'dialogueGuide.syncDocument', title: action.title, arguments: [document.uri] };
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
