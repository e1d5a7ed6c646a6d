// `npm test`: every check, in order, with a summary of what ran. Build, type-check, lint,
// unit tests in Node, then, in a real VS Code (code-server + Chromium, provisioned on first
// use): the integration suite, the same in a Restricted Mode window, the browser entry in the
// web-worker extension host, the runner's self-test, and the end-to-end scenarios.
// Exits non-zero when any stage failed, when the integration suite or the scenarios ran no
// test, or when the real-VS Code stages could not run on this platform.
//
// DG_SKIP_E2E=1 leaves out the end-to-end scenarios (shown as skipped in the summary).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { provision, provisionOffice, ProvisionUnsupportedError } from './provision.mjs';

const MOCHA = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const node = (...args) => [process.execPath, ...args];
const npm = (script) => ['npm', 'run', '--silent', script];

/** The self-test's suites, each with words its failure must print (so it failed for the right reason). */
const HARNESS_SUITES = [
  ['failing', 'fails on purpose'],
  ['throws-on-load', 'throws on load on purpose'],
];

const results = [];

const built = await stage('build', node('scripts/build.mjs'));
if (built) {
  await stage('typecheck', npm('typecheck'));
  await stage('lint', npm('lint'));
  await stage('unit', node(MOCHA, 'out/test/unit/**/*.test.js'), { counted: true });
  await officeStage();
}
const vscodeReady = built ? await provisionStage() : undefined;
const vscodeStages = ['integration', 'restricted mode', 'multi-root', 'web', 'harness self-test', 'e2e', 'web e2e'];
if (vscodeReady) {
  await stage('integration', node('scripts/run-integration.mjs'), { counted: true, needsTests: true });
  // A window that does not trust the folder: the tree and quotes work, writing is refused.
  await stage('restricted mode', node('scripts/run-integration.mjs', '--restricted', '--entry', 'out/test/restricted/index.js'), { counted: true, needsTests: true });
  // Two workspace folders in one window: the Coverage view and report cover both.
  await stage('multi-root', node('scripts/run-integration.mjs', '--entry', 'out/test/multiroot/index.js', '--workspace', 'test/fixtures/multi-root', '--workspace-file', 'team.code-workspace'), { counted: true, needsTests: true });
  // The browser entry alone (a manifest without `main`) in the web-worker host, as in vscode.dev:
  // fails when the web bundle cannot activate, since every suite starts by activating it.
  await stage('web', node('scripts/run-integration.mjs', '--web'), { counted: true, needsTests: true });
  await harnessStage();
  if (process.env.DG_SKIP_E2E) {
    skip('e2e', 'DG_SKIP_E2E is set');
    skip('web e2e', 'DG_SKIP_E2E is set');
  } else {
    await stage('e2e', node('scripts/run-e2e.mjs'), { counted: true, needsTests: true });
    await stage('web e2e', node('scripts/run-e2e.mjs', '--web'), { counted: true, needsTests: true });
  }
} else if (vscodeReady === false) {
  // provisionStage() returned false: the platform cannot run them, which must not look like a pass.
  for (const name of vscodeStages) skip(name, 'not run on this platform', { fails: true });
}
for (const name of ['build', 'typecheck', 'lint', 'unit', 'office', 'provision', ...vscodeStages]) {
  if (!results.some((r) => r.name === name)) skip(name, 'not run: an earlier stage failed', { fails: true });
}
printSummary();

/**
 * Runs one command as a stage, showing its output as it comes. `counted` stages print mocha's
 * summary, from which the test counts are read; `needsTests` fails a stage that ran none.
 */
async function stage(name, [command, ...args], { counted = false, needsTests = false } = {}) {
  banner(name);
  const started = Date.now();
  const { code, output } = await run(command, args, { echo: true });
  const counts = counted ? mochaCounts(output) : undefined;
  const ranNone = needsTests && (!counts || counts.passed + counts.failed === 0);
  const ok = code === 0 && !ranNone;
  const note = ranNone ? 'ran no test' : code === 0 ? '' : `exit code ${code}`;
  results.push({ name, status: ok ? 'passed' : 'FAILED', counts, seconds: elapsed(started), note });
  return ok;
}

/** Provisions code-server and Chromium: true when ready, false when this platform cannot have them. */
async function provisionStage() {
  banner('provision');
  const started = Date.now();
  try {
    await provision();
    results.push({ name: 'provision', status: 'passed', seconds: elapsed(started), note: '' });
    return true;
  } catch (error) {
    const unsupported = error instanceof ProvisionUnsupportedError;
    console.error(unsupported ? loud(`SKIPPING the real-VS Code stages.\n${error.message}`) : error.message);
    results.push({ name: 'provision', status: unsupported ? 'SKIPPED' : 'FAILED', seconds: elapsed(started), note: '' });
    return unsupported ? false : undefined;
  }
}

/**
 * The Word export opened by LibreOffice (test/office/), installed through apt when missing. Where
 * it cannot be installed the stage says so and is skipped, and counts as a failure in CI.
 */
async function officeStage() {
  try {
    await provisionOffice();
  } catch (error) {
    console.error(loud(`SKIPPING the office stage: LibreOffice could not be installed.\n${error.message}`));
    skip('office', 'LibreOffice could not be installed', { fails: Boolean(process.env.CI) });
    return;
  }
  await stage('office', node(MOCHA, 'out/test/office/**/*.test.js'), { counted: true, needsTests: true });
}

/** Checks that the integration runner reports failure for a failing suite and for one that cannot load. */
async function harnessStage() {
  banner('harness self-test');
  const started = Date.now();
  const counts = { passed: 0, failed: 0, pending: 0 };
  for (const [suite, expected] of HARNESS_SUITES) {
    const { code, output } = await run(
      process.execPath,
      ['scripts/run-integration.mjs', '--entry', 'out/test/harness/index.js', '--env', `HARNESS_SUITE=${suite}`],
      { echo: false },
    );
    const ok = code !== 0 && output.includes(expected);
    counts[ok ? 'passed' : 'failed']++;
    console.log(`${ok ? '✔' : '✘'} the runner exits non-zero for the "${suite}" suite (exit code ${code})`);
    if (!ok) console.log(output);
  }
  const ok = counts.failed === 0;
  results.push({ name: 'harness self-test', status: ok ? 'passed' : 'FAILED', counts, seconds: elapsed(started), note: '' });
}

function skip(name, note, { fails = false } = {}) {
  results.push({ name, status: fails ? 'NOT RUN' : 'skipped', note });
}

/** Runs a command; resolves to its exit code and its stdout + stderr, echoed live when `echo`. */
function run(command, args, { echo }) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (stream) => (chunk) => {
      output += chunk;
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', (error) => resolve({ code: 127, output: `${output}${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? `signal ${signal}`, output }));
  });
}

/** The counts in mocha's closing summary ("12 passing", "1 failing", "2 pending"), if there is one. */
function mochaCounts(output) {
  // eslint-disable-next-line no-control-regex -- colour codes, when mocha writes to a terminal
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  const count = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(text)?.[1] ?? 0);
  if (!/^\s*\d+ passing\b/m.test(text)) return undefined;
  return { passed: count('passing'), failed: count('failing'), pending: count('pending') };
}

function printSummary() {
  const rows = results.map((r) => [
    r.name,
    r.status,
    r.counts ? String(r.counts.passed) : '-',
    r.counts ? String(r.counts.failed) : '-',
    r.counts?.pending ? String(r.counts.pending) : '-',
    r.seconds === undefined ? '-' : `${r.seconds} s`,
    r.note,
  ]);
  const header = ['stage', 'result', 'passed', 'failed', 'skipped', 'time', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const row of rows) console.log(line(row));

  // A failed stage that counts no tests (build, lint, …) counts as one failure, so that the
  // closing line never reads "0 failed" for a run that failed.
  const passed = sum(results.map((r) => r.counts?.passed ?? 0));
  const failedTests = sum(results.map((r) => r.counts?.failed ?? 0));
  const failedStages = results.filter((r) => ['FAILED', 'NOT RUN'].includes(r.status) && !r.counts?.failed).length;
  const failed = failedTests + failedStages;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

function banner(name) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(0, 60 - name.length))}`);
}

function loud(message) {
  const bar = '!'.repeat(72);
  return `\n${bar}\n${message}\n${bar}\n`;
}

function elapsed(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function sum(numbers) {
  return numbers.reduce((a, b) => a + b, 0);
}
