// The test entry of the web-worker extension host (scripts/run-integration.mjs --web). It is a
// browser bundle (scripts/build.mjs): a worker has no `require` and no Node, so mocha is its
// browser build, which sets the global `mocha` and, after `setup`, `describe` and `it`.
import 'mocha/mocha.js';

/** Runs the suites with mocha's BDD interface; rejects when a test fails or a suite throws while loading. */
export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  // After setup, so that the suites find `describe` and `it`.
  await import('./browser.test');
  const runner = await new Promise<Mocha.Runner>((resolve) => {
    const started: Mocha.Runner = mocha.run(() => resolve(started));
  });
  const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
  // A closing line in the form CI tools read.
  console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}
