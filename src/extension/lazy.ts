import type * as vscode from 'vscode';
import type { Command, CommandAction } from './commands/commandManager';

/**
 * A value made the first time it is asked for, then kept; disposed with the extension if it was
 * made. A failed attempt is not kept, so the next request tries again.
 */
export class Lazy<T extends object> implements vscode.Disposable {
  private made: Promise<T> | undefined;
  private value: T | undefined;
  private disposed = false;

  constructor(private readonly make: () => Promise<T>) {}

  get(): Promise<T> {
    this.made ??= this.make().then(
      (value) => {
        this.value = value;
        // Made while the extension was being deactivated: nothing else would dispose it.
        if (this.disposed) this.dispose();
        return value;
      },
      (error: unknown) => {
        this.made = undefined;
        throw error;
      },
    );
    return this.made;
  }

  dispose(): void {
    this.disposed = true;
    if (this.value && 'dispose' in this.value && typeof this.value.dispose === 'function') this.value.dispose();
  }
}

/** A command registered now whose action is made, and its code loaded, the first time it runs. */
export function lazyCommand(id: string, make: () => Promise<CommandAction>): Command {
  const action = new Lazy(make);
  return { id, execute: async (...args: unknown[]) => (await action.get()).execute(...args) };
}
