import * as vscode from 'vscode';
import { planAddThemes, themesLeftOut } from '../../core/sync';
import { questionCount } from '../counts';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import { requireTrust } from '../trust';
import type { CommandAction } from './commandManager';
import { applyPlan, documentToChange } from './syncDocument';
import { t } from '../l10n';

/**
 * Adds themes of the guide that a document was scaffolded without: lists them in its `themes:`
 * (or drops the key once all are in) and inserts their sections, as one undoable edit checked
 * as Add Missing Questions checks its own. Arguments `(uri?, themeIds?)`: without theme ids it asks.
 */
export class AddThemeCommand implements CommandAction {
  constructor(private readonly documents: StrategyDocuments) {}

  async execute(arg?: unknown, themeIds?: unknown): Promise<boolean> {
    if (!requireTrust(t('Adding a theme'))) return false;
    const found = await documentToChange(this.documents, arg);
    if (!found) return false;
    const { entry, guide } = found;
    const left = entry.parsed.frontMatter ? themesLeftOut(guide, entry.parsed.frontMatter) : [];
    const file = vscode.workspace.asRelativePath(entry.uri);
    if (left.length === 0) {
      void vscode.window.showInformationMessage(t('{0} already covers every theme of the guide.', file));
      return false;
    }
    let chosen: readonly string[];
    if (Array.isArray(themeIds) && themeIds.every((id) => typeof id === 'string')) {
      chosen = themeIds.filter((id) => left.some((t) => t.id === id));
    } else {
      const numbers = new Map(guide.themes.map((t, i) => [t.id, i + 1]));
      const picked = await vscode.window.showQuickPick(
        left.map((theme) => ({ label: `${numbers.get(theme.id)}. ${theme.title}`, description: questionCount(theme.questions.length), id: theme.id })),
        { title: t('Add Theme'), placeHolder: t('Which themes should {0} answer too?', file), canPickMany: true },
      );
      if (!picked) return false;
      chosen = picked.map((p) => p.id);
    }
    if (chosen.length === 0) return false;
    return applyPlan(entry, planAddThemes(entry.text, entry.parsed, guide, chosen));
  }
}
