// Runs the end-to-end scenarios (out/test/e2e/**/*.e2e.js): mocha in plain Node, driving a
// real VS Code workbench in Chromium as a person would. One code-server and one Chromium
// serve the whole run; the workbench opens a fresh copy of test/fixtures/workspace with the
// extension under development loaded. Scenarios reach both through `DG_E2E` (read by
// test/e2e/workbench.ts). Exits with mocha's exit code.
//
//   node scripts/run-e2e.mjs [--screenshots] [--web] [--grep <title pattern>] [out/test/e2e/<file>.e2e.js ...]
//
// --web runs the scenarios of out/test/e2e-web/ with the browser entry alone (a manifest without
// `main`, see webExtensionFolder), in the web-worker extension host as vscode.dev would.
//
// Only with --screenshots (`npm run screenshots`) do the scenarios' screenshot steps write the
// README's pictures in docs/images/; without it (`npm test`) they take none, so a test run leaves
// the work tree as it found it.
//
// Build first (`npm run test:e2e` does).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromiumServer, startCodeServer, webExtensionFolder, workbenchUrl } from './code-server.mjs';
import { provision } from './provision.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const MOCHA = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');

const { values: options, positionals: specs } = parseArgs({
  options: { grep: { type: 'string' }, screenshots: { type: 'boolean', default: false }, web: { type: 'boolean', default: false } },
  allowPositionals: true,
});

const paths = await provision();
// Scenarios may change files; the fixture itself stays as committed.
const workspaceParent = mkdtempSync(join(tmpdir(), 'dialogue-guide-e2e-'));
// On 'exit', so that it goes also when Ctrl+C ends the run (code-server.mjs exits then).
process.on('exit', () => rmSync(workspaceParent, { recursive: true, force: true }));
const workspace = join(workspaceParent, 'workspace');
cpSync(join(REPO, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const extensionDevelopmentPath = options.web ? webExtensionFolder(REPO, join(workspaceParent, 'extension')) : REPO;
const server = await startCodeServer({ paths, workspace });
let browserServer;
let exitCode;
try {
  browserServer = await launchChromiumServer(paths);
  exitCode = await runMocha({
    workbenchUrl: workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, web: options.web }),
    wsEndpoint: browserServer.wsEndpoint(),
    workspace,
    repo: REPO,
    ...(options.screenshots ? { screenshotDir: join(REPO, 'docs', 'images') } : {}),
  });
} finally {
  await browserServer?.close();
  await server.stop();
}
process.exit(exitCode);

function runMocha(session) {
  const args = [
    MOCHA,
    '--ui', 'bdd',
    // A cold workbench takes a few seconds to load before the first step can run.
    '--timeout', '60000',
    ...(options.grep ? ['--grep', options.grep] : []),
    ...(specs.length > 0 ? specs : [options.web ? 'out/test/e2e-web/**/*.e2e.js' : 'out/test/e2e/**/*.e2e.js']),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, DG_E2E: JSON.stringify(session) },
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
