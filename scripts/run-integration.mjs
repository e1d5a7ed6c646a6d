// Runs a compiled integration-test entry inside the extension host of a real VS Code
// (code-server, driven by Chromium), the same way @vscode/test-electron does on the desktop:
// the workbench URL's payload names the entry, the workbench calls `run()`, and reports
// the result through `window.codeAutomationExit`. Exits with the suite's exit code.
//
//   node scripts/run-integration.mjs [--entry out/test/integration/index.js]
//     [--workspace test/fixtures/workspace] [--workspace-file <name>.code-workspace]
//     [--grep <title pattern>] [--env NAME=value]... [--restricted] [--web] [--timeout <seconds>]
//
// `--workspace-file` opens that file of the (copied) workspace folder: a multi-root window.
// --web runs the entry in the web-worker extension host (as vscode.dev and github.dev would):
// the extension is laid out with a manifest without `main` (webExtensionFolder), the entry
// (default out/test/web/index.js, a browser bundle) inside it.
//
// Build first (`npm run test:integration` does).
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { isWorkbenchNoise, launchChromium, startCodeServer, webExtensionFolder, workbenchUrl } from './code-server.mjs';
import { provision } from './provision.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const RESULTS = join(REPO, 'test-results');
const TIMED_OUT = 124;

const { values: options } = parseArgs({
  options: {
    entry: { type: 'string' },
    workspace: { type: 'string', default: 'test/fixtures/workspace' },
    'workspace-file': { type: 'string' },
    grep: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    restricted: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '180' },
  },
});

const builtEntry = resolve(REPO, options.entry ?? (options.web ? 'out/test/web/index.js' : 'out/test/integration/index.js'));
if (!existsSync(builtEntry)) {
  console.error(`No test entry at ${builtEntry}; build first (node scripts/build.mjs).`);
  process.exit(1);
}
// Tests write files and make Git repositories: they get a copy, outside this repository.
const workspaceParent = mkdtempSync(join(tmpdir(), 'dialogue-guide-integration-'));
const workspace = join(workspaceParent, 'workspace');
cpSync(resolve(REPO, options.workspace), workspace, { recursive: true });
const extensionFolder = options.web ? webExtensionFolder(REPO, join(workspaceParent, 'extension'), [relative(REPO, dirname(builtEntry))]) : REPO;
const entry = options.web ? join(extensionFolder, relative(REPO, builtEntry)) : builtEntry;
const extensionEnvironment = Object.fromEntries(options.env.map((pair) => pair.split(/=(.*)/s, 2)));
// Read by test/integration/runMocha.ts.
if (options.grep) extensionEnvironment.MOCHA_GREP = options.grep;

const paths = await provision();
const server = await startCodeServer({ paths, workspace, trust: !options.restricted });
let browser;
let exitCode;
try {
  browser = await launchChromium(paths);
  exitCode = await runEntry(Number(options.timeout) * 1000);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(workspaceParent, { recursive: true, force: true });
}
process.exit(exitCode);

/** Opens the workbench with the test entry in its payload and waits for the suite's exit code. */
async function runEntry(timeoutMs) {
  const page = await browser.newPage();
  let exit;
  let finished = false;
  const exited = new Promise((resolveExit) => (exit = resolveExit));
  // Both must exist before the workbench loads, or it never reports.
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const message = format(...(Array.isArray(args) ? args : [args]));
    // After the exit code, the window is shutting down and logs only cancelled requests.
    if (!finished && !isWorkbenchNoise(message)) console.log(message);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    finished = true;
    exit(code);
  });

  const url = workbenchUrl(server, {
    folder: workspace,
    workspaceFile: options['workspace-file'] && join(workspace, options['workspace-file']),
    extensionDevelopmentPath: extensionFolder,
    extensionTestsPath: entry,
    extensionEnvironment,
    web: options.web,
  });
  await page.goto(url);

  let timer;
  const timedOut = new Promise((resolveTimeout) => (timer = setTimeout(() => resolveTimeout(TIMED_OUT), timeoutMs)));
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (code === TIMED_OUT) await saveEvidence(page, timeoutMs);
  return code;
}

/** Keeps a screenshot and the server log, which the run's temporary folder would lose. */
async function saveEvidence(page, timeoutMs) {
  mkdirSync(RESULTS, { recursive: true });
  const screenshot = join(RESULTS, 'integration-timeout.png');
  const log = join(RESULTS, 'integration-code-server.log');
  await page.screenshot({ path: screenshot }).catch((error) => console.error(`No screenshot: ${error.message}`));
  copyFileSync(server.logFile, log);
  console.error(`The suite did not finish within ${timeoutMs / 1000} s. Screenshot: ${screenshot}; server log: ${log}`);
}
