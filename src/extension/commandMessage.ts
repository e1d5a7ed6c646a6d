import * as vscode from 'vscode';

/** A command a message offers as a button: its title as the button reads, and the arguments to run it with. */
export interface OfferedCommand {
  readonly title: string;
  readonly command: string;
  readonly arguments?: readonly unknown[];
}

/**
 * Shows a message that names a command with that command as a button, so the user need not look
 * for it in the Command Palette; runs the one chosen. Resolves when the message is answered or dismissed.
 */
export async function showMessageWithCommands(severity: 'info' | 'warning' | 'error', message: string, ...offered: readonly OfferedCommand[]): Promise<void> {
  const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const picked = await show(message, ...offered.map((o) => o.title));
  const chosen = offered.find((o) => o.title === picked);
  if (chosen) await vscode.commands.executeCommand(chosen.command, ...(chosen.arguments ?? []));
}
