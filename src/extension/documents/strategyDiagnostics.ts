import * as vscode from 'vscode';
import { editorSeverityPolicy, severityFor } from '../../core/severityPolicy';
import { toDiagnostic, unansweredSetting } from '../diagnostics';
import { onDidChangeUiLanguage } from '../l10n';
import type { StrategyDocuments } from './strategyDocuments';

/** Publishes each open strategy document's findings to the Problems panel, as it is typed. */
export function registerStrategyDiagnostics(documents: StrategyDocuments): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('dialogueGuide.documents');
  const publish = (uri: vscode.Uri) => {
    const entry = documents.get(uri);
    if (!entry) {
      collection.delete(uri);
      return;
    }
    const policy = editorSeverityPolicy(unansweredSetting(uri));
    const status = entry.parsed.frontMatter?.status;
    const diagnostics = entry.analysis.findings.flatMap((finding) => {
      const severity = severityFor(finding, policy, status);
      return severity === undefined ? [] : [toDiagnostic(finding, severity)];
    });
    collection.set(uri, diagnostics);
  };
  for (const entry of documents.documents) publish(entry.uri);
  return vscode.Disposable.from(
    collection,
    documents.onDidChange(publish),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dialogueGuide.diagnostics.unanswered')) for (const entry of documents.documents) publish(entry.uri);
    }),
    onDidChangeUiLanguage(() => {
      for (const entry of documents.documents) publish(entry.uri);
    }),
    // Restricted Mode words a missing guide differently (see toDiagnostic).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      for (const entry of documents.documents) publish(entry.uri);
    }),
  );
}
