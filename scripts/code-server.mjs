// Starts a throw-away code-server (VS Code served to a browser, with a real Node extension
// host) and drives it with Debian's Chromium through playwright-core. Shared by the
// integration runner, the end-to-end runner and `npm start`; see docs/testing.md.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const HOST = '127.0.0.1';

/**
 * User settings of the fresh profile: a window that shows the extension and nothing else,
 * for tests, screenshots and the demo. Without them the Chat view fills the secondary side
 * bar and its services log sign-in failures all through a run.
 */
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
};

/** Chromium runs as root on a closed network: no sandbox, and nothing that phones home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts code-server on a free loopback port with a fresh profile, and waits until it answers.
 * `paths` comes from `provision()`. By default every folder is trusted; `trust: false` turns
 * workspace trust on, so a folder opens in Restricted Mode until the user trusts it.
 * `installed` lists extension folders copied into the fresh profile's extensions folder, as
 * an installed extension is (the workbench URL loads only one development extension).
 * Returns `{ port, origin, logFile, exited, stop() }`; `stop()` ends the whole process group.
 */
export async function startCodeServer({ paths, workspace, trust = true, installed = [] }) {
  const temp = mkdtempSync(join(tmpdir(), 'dialogue-guide-code-server-'));
  const logFile = join(temp, 'code-server.log');
  const port = await freePort();
  const args = [
    paths.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override',
    '--user-data-dir', join(temp, 'user-data'),
    '--extensions-dir', join(temp, 'extensions'),
    // A test window that goes away must not leave its extension host running for hours.
    '--reconnection-grace-time', '5',
    // The workbench reads the URL's payload (extension paths, tests) only with this option.
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  for (const dir of ['xdg-config', 'xdg-data']) mkdirSync(join(temp, dir), { recursive: true });
  for (const folder of installed) {
    const { publisher, name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    cpSync(folder, join(temp, 'extensions', `${publisher}.${name}-${version}`), { recursive: true });
  }
  mkdirSync(join(temp, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(temp, 'user-data', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  const log = openSync(logFile, 'a');
  // detached: its own session and process group (setsid), so stop() can end the file
  // watchers and extension hosts too, which outlive code-server's main process otherwise.
  const child = spawn(paths.node24, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PATH: `${dirname(paths.node24)}:${process.env.PATH}`,
      // Otherwise code-server writes ~/.config/code-server/config.yaml.
      XDG_CONFIG_HOME: join(temp, 'xdg-config'),
      XDG_DATA_HOME: join(temp, 'xdg-data'),
    },
  });
  closeSync(log);

  let running = true;
  let stopping = false;
  const exited = new Promise((resolve) =>
    child.on('exit', () => {
      running = false;
      resolve(stopping);
    }),
  );
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  // Also when this process is interrupted (Ctrl+C, a kill) or ends on an uncaught error.
  const onExit = () => killGroup('SIGKILL');
  const onSignal = (signal) => {
    void server.stop().finally(() => process.exit(128 + constants.signals[signal]));
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const origin = `http://${HOST}:${port}`;
  const server = {
    port,
    origin,
    logFile,
    /** Resolves when code-server's main process has ended: to true when stop() ended it. */
    exited,
    /** Ends code-server and every process it started, then deletes the temporary profile (log included). */
    async stop() {
      stopping = true;
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      killGroup('SIGTERM');
      for (let i = 0; i < 50 && groupAlive(child.pid); i++) await sleep(100);
      killGroup('SIGKILL');
      rmSync(temp, { recursive: true, force: true });
    },
  };

  try {
    await waitUntilHealthy(origin, () => !running, 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Launches Debian's Chromium headless through playwright-core. */
export async function launchChromium(paths) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: paths.chromium, args: CHROMIUM_ARGS });
}

/**
 * Launches Chromium as a server that another process (the end-to-end mocha run) connects to
 * with `chromium.connect(wsEndpoint)`; this process owns it and closes it.
 */
export async function launchChromiumServer(paths) {
  const { chromium } = await import('playwright-core');
  return chromium.launchServer({ executablePath: paths.chromium, args: CHROMIUM_ARGS });
}

/**
 * The workbench URL that opens `folder` (or, given `workspaceFile`, that `.code-workspace`: a
 * multi-root window) with the extension under development loaded and, when `extensionTestsPath`
 * is given, runs that test entry in the extension host. Every path is absolute on the server's machine.
 */
export function workbenchUrl(server, { folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment, web = false }) {
  // The authority must be exactly the host:port the browser uses.
  const remote = (path) => `vscode-remote://${HOST}:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
    ['skipWelcome', 'true'],
    // The web-worker extension host, as in vscode.dev and github.dev (a manifest without `main` can run nowhere else).
    ...(web ? [['extensionDevelopmentKind', 'web']] : []),
    ...(extensionEnvironment ? [['extensionEnvironment', JSON.stringify(extensionEnvironment)]] : []),
  ];
  const opened = workspaceFile ? `workspace=${encodeURIComponent(workspaceFile)}` : `folder=${encodeURIComponent(folder)}`;
  return `${server.origin}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Lays out in `folder` the extension as a browser-only install would have it: the files the VSIX
 * packs (`vsce ls`, so the layout follows .vscodeignore), without the Node bundle and with a
 * manifest that has no `main`, so VS Code can run it only in the web-worker extension host.
 * `extra` (paths relative to `repo`, such as a browser test bundle) come along, because a test
 * entry must lie inside the extension to run in the host that runs the extension.
 */
export function webExtensionFolder(repo, folder, extra = []) {
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const packed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' }).split('\n').filter(Boolean);
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const nodeOnly = new Set([manifest.main.replace(/^\.\//, ''), 'dist/yaml.js']);
  delete manifest.main;
  for (const path of [...packed.filter((p) => !nodeOnly.has(p)), ...extra]) cpSync(join(repo, path), join(folder, path), { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  return folder;
}

/**
 * Messages the workbench logs on every start of an offline machine and that say nothing about
 * the extension: failed look-ups of the marketplace and GitHub, and start-up chatter. Anything
 * else, errors included, is still shown.
 */
const WORKBENCH_NOISE = new RegExp(
  [
    // Offline: no marketplace, no GitHub, no vsda signing module.
    'ENOTFOUND open-vsx\\.org',
    'ERR_NAME_NOT_RESOLVED',
    'vsda',
    "authentication provider 'github'",
    'No signed-in session resolved',
    // Start-up chatter at info level.
    '^\\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\\]',
    '^(Resolving|Resolved) connection token',
    '^Creating a socket',
    '^Updating additional builtin extensions cache',
    '^Creation of workbench contribution',
  ].join('|'),
);

/** Whether a workbench log message is known noise (see WORKBENCH_NOISE). */
export function isWorkbenchNoise(message) {
  return WORKBENCH_NOISE.test(message);
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(origin, hasExited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('code-server exited while starting; see its log.');
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s.`);
}
