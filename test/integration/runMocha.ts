import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs every `*.test.js` under `dir` (recursively) with mocha's BDD interface inside the
 * extension host. Rejects when a test fails or a test file throws while loading; both
 * runners (code-server and `@vscode/test-electron`) turn a rejection into exit code 1.
 * `MOCHA_GREP` in the extension host's environment selects tests by title.
 */
export async function runMochaSuites(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, grep: process.env.MOCHA_GREP || undefined });
  for (const file of testFiles(dir)) mocha.addFile(file);

  let runner: Mocha.Runner | undefined;
  const failures = await new Promise<number>((resolve) => {
    runner = mocha.run(resolve);
  });
  const { passes = 0, pending = 0 } = runner?.stats ?? {};
  // A closing line in the form CI tools read.
  console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(dir, file));
}
