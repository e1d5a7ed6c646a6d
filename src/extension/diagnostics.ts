import * as vscode from 'vscode';
import type { Finding, Range } from '../core/findings';
import type { ReportedSeverity, UnansweredSetting } from '../core/severityPolicy';
import { findingMessage } from '../l10n/findingMessages';
import { t } from './l10n';

/** The source of every diagnostic this extension reports; quick fixes recognise theirs by it. */
export const DIAGNOSTIC_SOURCE = 'Dialogue Guide';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** VS Code's range for a core range. */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A finding as a diagnostic: localised message, stable code, exact range; `severity` as a policy rated it (`severityFor`). */
export function toDiagnostic(finding: Finding, severity: ReportedSeverity = finding.severity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), diagnosticMessage(finding), SEVERITY[severity]);
  diagnostic.code = finding.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

function diagnosticMessage(finding: Finding): string {
  // In Restricted Mode VS Code ignores the workspace's dialogueGuide.guideFolders: the guide may be a team guide waiting for trust.
  if (finding.code === 'document.unknownGuide' && !vscode.workspace.isTrusted) {
    return t(
      'No loaded guide has the id "{0}". If it is a team guide from dialogueGuide.guideFolders, it loads once the folder is trusted: run "Manage Workspace Trust".',
      finding.args.id ?? '',
    );
  }
  return findingMessage(finding, (message, args) => t(message, args));
}

const UNANSWERED_SETTINGS: readonly string[] = ['status', 'warning', 'information', 'hint', 'off'] satisfies readonly UnansweredSetting[];

/**
 * `dialogueGuide.diagnostics.unanswered` for `uri` as the user set it (in any scope), or `status`
 * when it is left at its default, so that the document's status decides.
 */
export function unansweredSetting(uri: vscode.Uri): UnansweredSetting {
  const inspected = vscode.workspace.getConfiguration('dialogueGuide', { uri, languageId: 'markdown' }).inspect<string>('diagnostics.unanswered');
  const set = inspected && [inspected.workspaceFolderLanguageValue, inspected.workspaceLanguageValue, inspected.globalLanguageValue, inspected.workspaceFolderValue, inspected.workspaceValue, inspected.globalValue].find((v) => v !== undefined);
  return set !== undefined && UNANSWERED_SETTINGS.includes(set) ? (set as UnansweredSetting) : 'status';
}
