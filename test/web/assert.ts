/**
 * The few assertions the web-worker suite needs: Node's `assert` is not in a browser, and the
 * extension host's worker is no place for a polyfill of it.
 */

/** Fails with `message` unless `value` is truthy. */
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

/** Fails unless `actual` is `expected` (===), naming both. */
export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new Error(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Fails unless the two lists hold the same values in the same order. */
export function sameList<T>(actual: readonly T[], expected: readonly T[], message = ''): void {
  equal(JSON.stringify(actual), JSON.stringify(expected), message);
}

/** Fails unless `action` rejects with a message that matches `pattern`. */
export async function rejects(action: () => Thenable<unknown>, pattern: RegExp): Promise<void> {
  let message: string | undefined;
  try {
    await action();
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  ok(message !== undefined, `expected a rejection matching ${pattern}, but it resolved`);
  ok(pattern.test(message), `expected a rejection matching ${pattern}, got: ${message}`);
}
