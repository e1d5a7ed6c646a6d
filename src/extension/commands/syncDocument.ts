import * as vscode from 'vscode';
import type { Guide } from '../../core/guide';
import { planSync, themesLeftOut, type SyncPlan, type SyncRefusal } from '../../core/sync';
import { showMessageWithCommands } from '../commandMessage';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import { requireTrust } from '../trust';
import type { CommandAction } from './commandManager';
import { t } from '../l10n';

/** The strategy document a command works on, open in an editor buffer, and its guide; undefined after saying why not. */
export async function documentToChange(documents: StrategyDocuments, arg: unknown): Promise<{ entry: ParsedDocument; guide: Guide } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : (vscode.window.activeTextEditor?.document.uri ?? documents.active?.uri);
  // The edit goes to the buffer, so it is planned on the buffer's text, not on a copy read from disk.
  if (uri && !documents.get(uri)?.version) await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
  const entry = uri && documents.get(uri);
  if (!entry) {
    void showMessageWithCommands('info', t('Open a strategy document first, or create one with "New Strategy Document".'), { title: t('New Strategy Document'), command: 'dialogueGuide.newStrategyDocument' });
    return undefined;
  }
  const guide = entry.analysis.guide;
  if (!guide) {
    void vscode.window.showErrorMessage(t('{0} names no loaded guide: see the Problems panel.', vscode.workspace.asRelativePath(entry.uri)));
    return undefined;
  }
  return { entry, guide };
}

/** Applies a plan to the document as one undoable edit; a refusal is shown and changes nothing. */
export async function applyPlan(entry: ParsedDocument, plan: SyncPlan): Promise<boolean> {
  if (!plan.ok) {
    void vscode.window.showErrorMessage(refusal(plan.reason, vscode.workspace.asRelativePath(entry.uri)));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const { range, text } of plan.edits) edit.replace(entry.uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), text);
  return vscode.workspace.applyEdit(edit);
}

/**
 * Adds the sections of questions and themes the guide gained, in guide order, and records the
 * guide's newer version. In the body only insertions, as one undoable edit of the open document,
 * so unsaved answers are safe and nothing is replaced.
 */
export class SyncDocumentCommand implements CommandAction {
  constructor(private readonly documents: StrategyDocuments) {}

  async execute(arg?: unknown): Promise<boolean> {
    if (!requireTrust(t('Adding missing questions'))) return false;
    const found = await documentToChange(this.documents, arg);
    if (!found) return false;
    const { entry, guide } = found;
    const plan = planSync(entry.text, entry.parsed, guide);
    if (plan.ok && plan.edits.length === 0) {
      const file = vscode.workspace.asRelativePath(entry.uri);
      // A document scaffolded with some themes gets the others through Add Theme, not here.
      if (entry.parsed.frontMatter && themesLeftOut(guide, entry.parsed.frontMatter).length > 0) {
        void showMessageWithCommands('info', t('{0} has every question of its themes. To answer another theme, run "Add Theme…".', file), {
          title: t('Add Theme…'),
          command: 'dialogueGuide.addTheme',
          arguments: [entry.uri],
        });
      } else {
        vscode.window.setStatusBarMessage(t('{0} already has every question of the guide.', file), 4000);
      }
      return true;
    }
    return applyPlan(entry, plan);
  }
}

function refusal(reason: SyncRefusal, file: string): string {
  switch (reason) {
    case 'conflict':
      return t('{0} has Git conflict markers: resolve the conflict first; nothing was changed.', file);
    case 'frontMatter':
      return t('The front matter of {0} is broken: fix it first (see the Problems panel); nothing was changed.', file);
    case 'guideMismatch':
      return t('{0} follows another guide; nothing was changed.', file);
    case 'ambiguous':
      return t('{0} has text whose question cannot be told (see the warnings in the Problems panel): repair it first; nothing was changed.', file);
    case 'unsafe':
      return t("Adding the missing questions to {0} would not keep its structure as it is (an unclosed code block or HTML near the end?); nothing was changed.", file);
  }
}
