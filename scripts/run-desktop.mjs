// Runs the integration suite in VS Code desktop, which @vscode/test-electron downloads into
// .vscode-test/ (so it needs internet access; on Linux without a display, run it under
// xvfb-run). The same suite runs in code-server with scripts/run-integration.mjs.
//
//   node scripts/run-desktop.mjs [--grep <title pattern>] [--vscode-version stable|insiders|1.95.0]
//
// Build first (`npm run test:desktop` does).
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    'vscode-version': { type: 'string', default: 'stable' },
  },
});

try {
  await runTests({
    version: options['vscode-version'],
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'out', 'test', 'integration', 'index.js'),
    // Read by test/integration/runMocha.ts.
    extensionTestsEnv: options.grep ? { MOCHA_GREP: options.grep } : {},
    launchArgs: [join(REPO, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
