import * as vscode from 'vscode';

/** Placeholder activation; the real wiring lands with the foundation. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push();
}
