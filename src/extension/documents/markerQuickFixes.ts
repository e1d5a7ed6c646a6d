import * as vscode from 'vscode';
import { isThemeId } from '../../core/guide';
import { planQuoteRepair } from '../../core/quoteRepairs';
import { planRepair, type TextEdit } from '../../core/repairs';
import type { Command } from '../commands/commandManager';
import { DIAGNOSTIC_SOURCE, toRange } from '../diagnostics';
import type { GuideService } from '../guideService';
import { requireTrust } from '../trust';
import type { StrategyDocuments } from './strategyDocuments';
import { t } from '../l10n';

const REPAIRABLE = ['marker.malformed', 'marker.noHeading', 'quote.changed', 'quote.attribution', 'marker.formerId'] as const;
type RepairableCode = (typeof REPAIRABLE)[number];

function isRepairable(code: unknown): code is RepairableCode {
  return (REPAIRABLE as readonly unknown[]).includes(code);
}

/** The quick fix's title; a theme's marker (an id without a slash) gets the theme's heading back. */
function titleOf(code: RepairableCode, id: string | undefined): string {
  switch (code) {
    case 'marker.malformed':
      return t('Repair the marker');
    case 'marker.noHeading':
      return id !== undefined && isThemeId(id) ? t("Restore the theme's heading") : t("Restore the question's heading");
    case 'marker.formerId':
      return t("Rewrite the marker with the question's new id");
    case 'quote.changed':
      return t("Restore the guide's wording of the quote");
    case 'quote.attribution':
      return t("Restore the guide's attribution of the quote");
  }
}

/** What Restricted Mode names when it refuses the repair. */
function actionOf(code: RepairableCode): string {
  switch (code) {
    case 'marker.malformed':
    case 'marker.formerId':
      return t('Repairing a marker');
    case 'marker.noHeading':
      return t('Restoring a heading');
    case 'quote.changed':
    case 'quote.attribution':
      return t('Restoring a quote');
  }
}

/**
 * The repair of the finding of `code` on `line` in the document as it is now, with the finding's
 * id; undefined when the document or the finding is gone, or the core finds no safe repair.
 */
function repairAt(documents: StrategyDocuments, guides: GuideService, uri: vscode.Uri, code: RepairableCode, line: number): { id: string | undefined; edits: readonly TextEdit[] } | undefined {
  const entry = documents.get(uri);
  const finding = entry?.analysis.findings.find((f) => f.code === code && f.range.start.line === line);
  if (!entry || !finding) return undefined;
  const edits = code.startsWith('quote.') ? planQuoteRepair(entry.text, entry.parsed, guides.entries, finding) : planRepair(entry.text, entry.parsed, entry.analysis.guide, finding);
  return edits && { id: finding.args['id'], edits };
}

/**
 * Applies the repair of a marker or quote warning as one undoable edit of the open document. It is planned
 * again when run, from the text as it is then, so an edit made since the light bulb showed is kept.
 */
export class RepairMarkerCommand implements Command {
  readonly id = '_dialogueGuide.repairMarker';

  constructor(
    private readonly documents: StrategyDocuments,
    private readonly guides: GuideService,
  ) {}

  async execute(uri: unknown, code: unknown, line: unknown): Promise<boolean> {
    if (!(uri instanceof vscode.Uri) || !isRepairable(code) || typeof line !== 'number') return false;
    if (!requireTrust(actionOf(code))) return false;
    const repair = repairAt(this.documents, this.guides, uri, code, line);
    if (!repair) return false;
    const edit = new vscode.WorkspaceEdit();
    for (const { range, newText } of repair.edits) edit.replace(uri, toRange(range), newText);
    return vscode.workspace.applyEdit(edit);
  }
}

/** "Repair the marker", "Restore the question's heading" and the quote restorations as quick fixes on their warnings, where the core finds a safe repair. */
export function registerMarkerQuickFixes(documents: StrategyDocuments, guides: GuideService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    {
      provideCodeActions(document, _range, context) {
        return context.diagnostics.flatMap((diagnostic) => {
          const code = diagnostic.code;
          if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isRepairable(code)) return [];
          const line = diagnostic.range.start.line;
          const repair = repairAt(documents, guides, document.uri, code, line);
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
