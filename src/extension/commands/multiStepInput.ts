import * as vscode from 'vscode';

/** Thrown when the user presses Back; the flow re-runs the previous step. */
class Back extends Error {}

/**
 * A step asks one thing and stores the answer in `state`; it resolves false when the user cancels,
 * and 'skip' when there is nothing to ask (one guide, one language), so Back passes over it too.
 */
export type Step<T> = (input: MultiStepInput, state: T) => Promise<boolean | 'skip'>;

/**
 * Runs native quick inputs as numbered steps with a Back button, as VS Code's own wizards do.
 * Nothing happens until the last step returns, so cancelling at any step has no side effects.
 */
export class MultiStepInput {
  private step = 0;

  constructor(
    private readonly title: string,
    private readonly total: number,
  ) {}

  /** Runs the steps in order; resolves true when all completed, false when cancelled. */
  static async run<T>(title: string, state: T, steps: readonly Step<T>[]): Promise<boolean> {
    const input = new MultiStepInput(title, steps.length);
    let back = false;
    while (input.step < steps.length) {
      try {
        const done = await steps[input.step]!(input, state);
        if (!done) return false;
        // A skipped step keeps the direction: Back from the step after it goes to the one before.
        if (done === 'skip' && back && input.step > 0) {
          input.step--;
          continue;
        }
        back = false;
        input.step++;
      } catch (error) {
        if (!(error instanceof Back)) throw error;
        back = true;
        input.step = Math.max(0, input.step - 1);
      }
    }
    return true;
  }

  /** One pick (or several, with `canPickMany`); undefined when cancelled. */
  pick<I extends vscode.QuickPickItem>(options: { placeholder: string; items: readonly I[]; canPickMany?: boolean; selected?: readonly I[] }): Promise<readonly I[] | undefined> {
    const pick = vscode.window.createQuickPick<I>();
    pick.title = this.title;
    pick.step = this.step + 1;
    pick.totalSteps = this.total;
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.canSelectMany = options.canPickMany ?? false;
    pick.ignoreFocusOut = true;
    if (options.selected) pick.selectedItems = options.selected;
    pick.buttons = this.step > 0 ? [vscode.QuickInputButtons.Back] : [];
    return this.show(pick, () => (pick.canSelectMany ? pick.selectedItems : pick.activeItems.slice(0, 1)));
  }

  /** A line of text, validated as the user types; undefined when cancelled. */
  async text(options: { prompt: string; value: string; validate: (value: string) => Promise<string | undefined> | string | undefined }): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = this.title;
    box.step = this.step + 1;
    box.totalSteps = this.total;
    box.prompt = options.prompt;
    box.value = options.value;
    box.ignoreFocusOut = true;
    box.buttons = this.step > 0 ? [vscode.QuickInputButtons.Back] : [];
    // Validation may wait for the disk; only the newest value's answer is shown.
    let latest = 0;
    const disposable = box.onDidChangeValue(async (value) => {
      const call = ++latest;
      const message = await options.validate(value);
      if (call === latest) box.validationMessage = message;
    });
    try {
      return await this.show(box, () => box.value, async () => {
        const message = await options.validate(box.value);
        box.validationMessage = message;
        return message === undefined;
      });
    } finally {
      disposable.dispose();
    }
  }

  private show<Q extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, R>(input: Q, result: () => R, accept: () => Promise<boolean> | boolean = () => true): Promise<R | undefined> {
    return new Promise<R | undefined>((resolve, reject) => {
      let settled = false;
      // Read the result before the input is disposed; hiding it afterwards must not count as a cancel.
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        settle();
        for (const d of disposables) d.dispose();
        input.dispose();
      };
      const disposables: vscode.Disposable[] = [
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish(() => reject(new Back()));
        }),
        input.onDidAccept(async () => {
          if (await accept()) finish(() => resolve(result()));
        }),
        input.onDidHide(() => finish(() => resolve(undefined))),
      ];
      input.show();
    });
  }
}
