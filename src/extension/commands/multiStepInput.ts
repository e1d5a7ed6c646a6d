import * as vscode from 'vscode';

/** Thrown when the user presses Back; the flow re-runs the previous step. */
class Back extends Error {}

/**
 * A step asks one thing and stores the answer in `state`; `run` resolves false when the user
 * cancels. `asks` says, from the answers so far, whether there is anything to ask (one guide, one
 * language: no): a step that does not ask is neither run, nor counted, nor returned to by Back.
 */
export interface Step<T> {
  readonly asks?: (state: T) => boolean;
  readonly run: (input: MultiStepInput, state: T) => Promise<boolean>;
}

/**
 * Runs native quick inputs as numbered steps with a Back button, as VS Code's own wizards do.
 * Nothing happens until the last step returns, so cancelling at any step has no side effects.
 */
export class MultiStepInput {
  /** The number shown for the current step, counting only the steps that ask (1-based). */
  private step = 1;
  private total = 1;

  private constructor(private readonly title: string) {}

  /** Runs the steps in order; resolves true when all completed, false when cancelled. */
  static async run<T>(title: string, state: T, steps: readonly Step<T>[]): Promise<boolean> {
    const input = new MultiStepInput(title);
    const asks = (i: number) => steps[i]!.asks?.(state) ?? true;
    const next = (from: number, direction: 1 | -1) => {
      let i = from + direction;
      while (i >= 0 && i < steps.length && !asks(i)) i += direction;
      return i;
    };
    let index = next(-1, 1);
    while (index < steps.length) {
      // Counted again at every step: an answer (the guide) decides whether a later step asks (its language).
      const shown = steps.map((_, i) => i).filter(asks);
      input.step = shown.indexOf(index) + 1;
      input.total = shown.length;
      try {
        if (!(await steps[index]!.run(input, state))) return false;
        index = next(index, 1);
      } catch (error) {
        if (!(error instanceof Back)) throw error;
        index = Math.max(next(index, -1), next(-1, 1));
      }
    }
    return true;
  }

  /**
   * One pick (or several, with `canPickMany`); undefined when cancelled. `onDidChangeSelection`
   * hears every change of a multiple choice, so the choice survives Back.
   */
  async pick<I extends vscode.QuickPickItem>(options: {
    placeholder: string;
    items: readonly I[];
    canPickMany?: boolean;
    selected?: readonly I[];
    onDidChangeSelection?: (selected: readonly I[]) => void;
  }): Promise<readonly I[] | undefined> {
    const pick = vscode.window.createQuickPick<I>();
    pick.title = this.title;
    pick.step = this.step;
    pick.totalSteps = this.total;
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.canSelectMany = options.canPickMany ?? false;
    pick.ignoreFocusOut = true;
    if (options.selected) pick.selectedItems = options.selected;
    pick.buttons = this.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const listener = options.onDidChangeSelection && pick.onDidChangeSelection(options.onDidChangeSelection);
    try {
      return await this.show(pick, () => (pick.canSelectMany ? pick.selectedItems : pick.activeItems.slice(0, 1)));
    } finally {
      listener?.dispose();
    }
  }

  /** A line of text, validated as the user types; undefined when cancelled. */
  async text(options: { prompt: string; value: string; validate: (value: string) => Promise<string | undefined> | string | undefined }): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = this.title;
    box.step = this.step;
    box.totalSteps = this.total;
    box.prompt = options.prompt;
    box.value = options.value;
    box.ignoreFocusOut = true;
    box.buttons = this.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    // Validation may wait for the disk; only the newest value's answer is shown.
    let latest = 0;
    const validate = async (value: string) => {
      const call = ++latest;
      const message = await options.validate(value);
      if (call === latest) box.validationMessage = message;
    };
    const disposable = box.onDidChangeValue(validate);
    // The proposed value is checked as it is shown, not first when Enter is pressed.
    void validate(box.value);
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
