import * as vscode from 'vscode';
import type { Finding, Range } from '../core/findings';
import type { ReportedSeverity } from '../core/severityPolicy';
import { findingMessage } from '../l10n/findingMessages';

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
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), findingMessage(finding, (message, args) => vscode.l10n.t(message, args)), SEVERITY[severity]);
  diagnostic.code = finding.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}
