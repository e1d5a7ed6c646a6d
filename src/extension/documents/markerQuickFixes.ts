import * as vscode from 'vscode';
import { isThemeId } from '../../core/guide';
import { planRepair, type TextEdit } from '../../core/repairs';
import type { Command } from '../commands/commandManager';
import { DIAGNOSTIC_SOURCE, toRange } from '../diagnostics';
import { requireTrust } from '../trust';
import type { StrategyDocuments } from './strategyDocuments';

type RepairableCode = 'marker.malformed' | 'marker.noHeading' | 'marker.formerId';

function isRepairable(code: unknown): code is RepairableCode {
  return code === 'marker.malformed' || code === 'marker.noHeading' || code === 'marker.formerId';
}

/** The quick fix's title; a theme's marker (an id without a slash) gets the theme's heading back. */
function titleOf(code: RepairableCode, id: string | undefined): string {
  if (code === 'marker.malformed') return vscode.l10n.t('Repair the marker');
  if (code === 'marker.formerId') return vscode.l10n.t("Rewrite the marker with the question's new id");
  return id !== undefined && isThemeId(id) ? vscode.l10n.t("Restore the theme's heading") : vscode.l10n.t("Restore the question's heading");
}

/**
 * The repair of the finding of `code` on `line` in the document as it is now, with the finding's
 * id; undefined when the document or the finding is gone, or the core finds no safe repair.
 */
function repairAt(documents: StrategyDocuments, uri: vscode.Uri, code: RepairableCode, line: number): { id: string | undefined; edits: readonly TextEdit[] } | undefined {
  const entry = documents.get(uri);
  const finding = entry?.analysis.findings.find((f) => f.code === code && f.range.start.line === line);
  if (!entry || !finding) return undefined;
  const edits = planRepair(entry.text, entry.parsed, entry.analysis.guide, finding);
  return edits && { id: finding.args['id'], edits };
}

/**
 * Applies the repair of a marker warning as one undoable edit of the open document. It is planned
 * again when run, from the text as it is then, so an edit made since the light bulb showed is kept.
 */
export class RepairMarkerCommand implements Command {
  readonly id = '_dialogueGuide.repairMarker';

  constructor(private readonly documents: StrategyDocuments) {}

  async execute(uri: unknown, code: unknown, line: unknown): Promise<boolean> {
    if (!(uri instanceof vscode.Uri) || !isRepairable(code) || typeof line !== 'number') return false;
    if (!requireTrust(code === 'marker.noHeading' ? vscode.l10n.t('Restoring a heading') : vscode.l10n.t('Repairing a marker'))) return false;
    const repair = repairAt(this.documents, uri, code, line);
    if (!repair) return false;
    const edit = new vscode.WorkspaceEdit();
    for (const { range, newText } of repair.edits) edit.replace(uri, toRange(range), newText);
    return vscode.workspace.applyEdit(edit);
  }
}

/** "Repair the marker" and "Restore the question's heading" as quick fixes on their warnings, where the core finds a safe repair. */
export function registerMarkerQuickFixes(documents: StrategyDocuments): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    {
      provideCodeActions(document, _range, context) {
        return context.diagnostics.flatMap((diagnostic) => {
          const code = diagnostic.code;
          if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isRepairable(code)) return [];
          const line = diagnostic.range.start.line;
          const repair = repairAt(documents, document.uri, code, line);
          if (!repair) return [];
          const action = new vscode.CodeAction(titleOf(code, repair.id), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          // A command rather than an edit, so that Restricted Mode can refuse it and say why, as every write does.
          action.command = { command: '_dialogueGuide.repairMarker', title: action.title, arguments: [document.uri, code, line] };
          return [action];
        });
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
