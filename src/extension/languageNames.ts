import * as vscode from 'vscode';

/** A guide language's name in the user's language ("Danish"), or its code for a language the extension has no name for. */
export function languageName(code: string): string {
  const names: Record<string, string> = { da: vscode.l10n.t('Danish'), en: vscode.l10n.t('English') };
  return names[code] ?? code;
}
