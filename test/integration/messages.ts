import * as vscode from 'vscode';

/** A notification the extension showed: its text and its buttons. */
export interface ShownMessage {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly items: readonly string[];
}

type Show = (message: string, ...items: unknown[]) => Thenable<unknown>;

/**
 * Records the notifications shown while `action` runs, answering each as dismissed. The extension
 * and the tests share one `vscode` API object, so replacing its functions reaches the extension's
 * calls; under the test driver toasts are not shown anyway.
 */
export async function captureMessages(action: () => Thenable<unknown>): Promise<ShownMessage[]> {
  const shown: ShownMessage[] = [];
  const window = vscode.window as unknown as Record<string, Show>;
  const names = { info: 'showInformationMessage', warning: 'showWarningMessage', error: 'showErrorMessage' } as const;
  const originals = Object.fromEntries(Object.values(names).map((name) => [name, window[name]!]));
  for (const [severity, name] of Object.entries(names) as [ShownMessage['severity'], string][]) {
    window[name] = (message: string, ...items: unknown[]) => {
      shown.push({ severity, message, items: items.filter((i): i is string => typeof i === 'string') });
      return Promise.resolve(undefined);
    };
  }
  try {
    await action();
  } finally {
    for (const [name, original] of Object.entries(originals)) window[name] = original;
  }
  return shown;
}
