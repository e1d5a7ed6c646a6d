// Activation as VS Code reports it: for each run, a fresh code-server and Chromium open a copy
// of test/fixtures/workspace with the extension loaded, show the Dialogue Guide side bar (which
// activates the extension), then run "Developer: Startup Performance" and read the extension's
// row of its "Extension Activation Stats" table: Load Code, Call Activate, Finish Activate (ms).
// Beside it loads a baseline: an extension whose `activate` is empty, activated by the same
// event, so that it pays the same host at the same moment (Load Code depends much on how busy
// the extension host is while the workbench starts). Prints one JSON line with the median of
// each over the runs, for both (`npm run bench` reads it).
//
//   node scripts/bench-activation.mjs [--runs 3] [--extension <folder>]
//
// The extension folder (default: this repository) must be built; `npm run bench` builds it for production.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';
import { provision } from './provision.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const EXTENSION_ID = 'dialogue-guide.dialogue-guide';
const BASELINE_ID = 'dialogue-guide-bench.empty';
const COLUMNS = ['Load Code', 'Call Activate', 'Finish Activate'];

const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, extension: { type: 'string', default: REPO } },
});

const paths = await provision();
const runs = [];
for (let i = 0; i < Number(options.runs); i++) runs.push(await measureOnce(resolve(options.extension)));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medians = (key) => Object.fromEntries(COLUMNS.map((column) => [column, median(runs.map((r) => r[key][column]))]));
console.log(JSON.stringify({ ...medians('extension'), baseline: medians('baseline'), runs }));

/** An extension that does nothing, activated when the Dialogue Guide view opens, as ours is. */
function writeBaseline(folder) {
  mkdirSync(folder, { recursive: true });
  const [publisher, name] = BASELINE_ID.split('.');
  const manifest = { name, publisher, version: '0.0.0', engines: { vscode: '^1.95.0' }, main: './extension.js', activationEvents: ['onView:dialogueGuide.questions'] };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(folder, 'extension.js'), 'exports.activate = () => {};\n');
}

/** One fresh server and browser: the extension's activation times, in ms, as the table gives them. */
async function measureOnce(extension) {
  const parent = mkdtempSync(join(tmpdir(), 'dialogue-guide-bench-'));
  const workspace = join(parent, 'workspace');
  cpSync(join(REPO, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const baseline = join(parent, 'baseline');
  writeBaseline(baseline);
  const server = await startCodeServer({ paths, workspace, installed: [baseline] });
  let browser;
  try {
    browser = await launchChromium(paths);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: extension }));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item:has([aria-label^="Dialogue Guide"])').click();
    await page.locator('.part.sidebar').getByRole('treeitem', { name: 'Om at bruge sociale medier' }).waitFor({ timeout: 60_000 });
    // The tree may show before `activate`'s promise settles; the table has a row only after.
    for (let attempt = 1; ; attempt++) {
      const times = await readActivationTimes(page);
      if (times || attempt === 5) return times ?? fail(`No activation rows for ${EXTENSION_ID} and ${BASELINE_ID} in Startup Performance.`);
      await page.keyboard.press('Control+W');
      await sleep(2_000);
    }
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

function fail(message) {
  throw new Error(message);
}

/** Opens Developer: Startup Performance and reads the extension's and the baseline's rows of the activation table, once it has both. */
async function readActivationTimes(page) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Startup Performance');
  await page.locator('.quick-input-list [data-quick-input-id="perfview.show"]').click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').getByText('System Info').first().waitFor({ timeout: 30_000 });
  // The editor draws only the lines in view: take the whole text through the clipboard.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const text = await page.evaluate(() => globalThis.navigator.clipboard.readText()) // in the page;
  const cells = (line) => line.split('|').slice(1, -1).map((c) => c.trim());
  const rows = text.split('\n').filter((line) => line.startsWith('|')).map(cells);
  const header = rows.find((r) => r.includes('Load Code') && r.includes('Finish Activate'));
  if (!header) fail(`Startup Performance has no activation table:\n${text.slice(0, 2000)}`);
  const times = (id) => {
    const row = rows.find((r) => r[0] === id);
    return row && Object.fromEntries(COLUMNS.map((column) => [column, Number(row[header.indexOf(column)])]));
  };
  const [extension, baseline] = [times(EXTENSION_ID), times(BASELINE_ID)];
  if (!extension || !baseline) {
    if (process.env.DG_BENCH_DEBUG) console.error(text);
    return undefined;
  }
  return { extension, baseline };
}
