// `npm start`: builds, then opens test/fixtures/demo-workspace in a real VS Code with the
// extension under development loaded. Uses VS Code desktop when `code` is on PATH; otherwise
// starts code-server (provisioned on first use) and prints the address to open in a browser,
// until Ctrl+C.
//
// `npm start -- --web` always uses code-server, with the browser entry alone in its web-worker
// extension host, as vscode.dev and github.dev run it (no Git there, so no review).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, webExtensionFolder, workbenchUrl } from './code-server.mjs';
import { provision } from './provision.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const DEMO = join(REPO, 'test', 'fixtures', 'demo-workspace');
const web = process.argv.includes('--web');

if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' }).status !== 0) process.exit(1);

if (!web && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  spawn('code', [`--extensionDevelopmentPath=${REPO}`, DEMO], { stdio: 'inherit' }).on('close', (code) => process.exit(code ?? 1));
} else {
  const paths = await provision().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
  // The demo folder is the project's own, so it opens trusted: every feature works, writing and
  // review included. Restricted Mode has a test suite of its own (npm test's "restricted mode").
  const server = await startCodeServer({ paths, workspace: DEMO, trust: true });
  let extensionDevelopmentPath = REPO;
  if (web) {
    const temp = mkdtempSync(join(tmpdir(), 'dialogue-guide-web-'));
    process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
    extensionDevelopmentPath = webExtensionFolder(REPO, join(temp, 'extension'));
  }
  console.log(`
Dialogue Guide is running in VS Code (code-server${web ? ', in the web-worker extension host' : ''}). Open this address in a browser:

  ${workbenchUrl(server, { folder: DEMO, extensionDevelopmentPath, web })}

Server log: ${server.logFile}
Press Ctrl+C to stop.`);
  if (!(await server.exited)) {
    console.error(`code-server stopped on its own; see ${server.logFile}`);
    process.exit(1);
  }
}
