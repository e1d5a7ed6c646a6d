import * as vscode from 'vscode';

/** What a command does. A command loaded on first use (see `lazyCommand`) is only this: its id is where it is registered. */
export interface CommandAction {
  execute(...args: unknown[]): unknown;
}

/** A command the extension registers: one small unit, named by its id. */
export interface Command extends CommandAction {
  readonly id: string;
}

/** Registers commands and disposes them together. */
export class CommandManager implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[] = [];

  register(...commands: Command[]): void {
    for (const command of commands) {
      this.registrations.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
    }
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
    this.registrations.length = 0;
  }
}
