import * as vscode from 'vscode';
import { t } from './l10n';

/**
 * Restricted Mode keeps reading safe and gates writing and Git: returns false, and says why,
 * when the workspace is not trusted.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(t('{0} needs a trusted workspace: in Restricted Mode Dialogue Guide only reads the guide.', action), t('Manage Workspace Trust'))
    .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
