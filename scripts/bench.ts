// `npm run bench`: speed and size figures. A benchmark, not a test: it prints figures and
// their targets, and exits non-zero only when a figure misses its target.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFrontMatter } from '../src/core/frontMatter';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import { benchCli } from './bench-cli';
import { benchCoverage } from './bench-coverage';
import { benchDocuments } from './bench-documents';
import { benchExport } from './bench-export';
import { medianMs, type BenchRow } from './benchTiming';

const root = resolve(__dirname, '..', '..');

async function benchGuide(): Promise<BenchRow[]> {
  const content = join(root, 'content');
  // Loading is asynchronous (file reads); time whole loads one after another.
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    await loadGuideLibrary(nodeFileSystem, [content]);
    times.push(performance.now() - start);
  }
  const load = times.sort((a, b) => a - b)[10]!;
  return [
    { name: 'load and validate the built-in guide (da + en, 10 files; done at build time)', value: load, unit: 'ms', limit: 50 },
    { name: 'extension bundle dist/extension.js (production build)', value: statSync(join(root, 'dist', 'extension.js')).size, unit: 'bytes', limit: 150_000 },
    // The browser entry (vscode.dev, github.dev); its YAML parser, dist/web/yaml.js, loads at activation.
    { name: 'web extension bundle dist/web/extension.js (production build)', value: statSync(join(root, 'dist', 'web', 'extension.js')).size, unit: 'bytes', limit: 200_000 },
  ];
}

/** Front matter of 4,000 and 40,000 keys, each key then located as the guide loader locates unknown keys; linear keeps the ratio near 10. */
function benchFrontMatterKeys(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [keys, runs, limit] of [[4_000, 11, undefined], [40_000, 5, 1000]] as const) {
    const text = `---\n${Array.from({ length: keys }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\n`;
    const ms = medianMs(runs, () => {
      const result = readFrontMatter(text);
      if (!result.ok) throw new Error(`front matter of ${keys} keys: ${result.problem.code}`);
      for (let i = 0; i < keys; i++) result.frontMatter.rangeOf([`key${i}`], 'key');
    });
    rows.push({ name: `read front matter of ${keys.toLocaleString('en')} keys and locate each (median of ${runs})`, value: ms, unit: 'ms', limit });
  }
  rows.push({ name: '  time at 40,000 keys relative to 4,000 (linear ≈ 10, quadratic would be 100)', value: rows[1]!.value / rows[0]!.value, unit: '×', limit: 20 });
  return rows;
}

/**
 * The extension's activation as VS Code reports it (Developer: Startup Performance), median of
 * three fresh code-server instances, beside an extension that does nothing, activated by the
 * same event in the same instance: scripts/bench-activation.mjs. Load Code is mostly the host's
 * own cost at that moment (the workbench is still starting), so the whole activation is judged
 * as a ratio to that baseline. DG_BENCH_NO_VSCODE=1 leaves it out.
 */
function benchActivation(): BenchRow[] {
  if (process.env.DG_BENCH_NO_VSCODE) return [];
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'bench-activation.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`scripts/bench-activation.mjs failed (exit code ${run.status}).`);
  type Times = Record<'Load Code' | 'Call Activate' | 'Finish Activate', number>;
  const { baseline, ...times } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Times & { baseline: Times };
  const whole = (t: Times) => t['Load Code'] + t['Call Activate'] + t['Finish Activate'];
  const row = (column: keyof Times, limit?: number): BenchRow => ({
    name: `activation in a fresh code-server, ${column} (Developer: Startup Performance, median of 3)`,
    value: times[column],
    unit: 'ms',
    ...(limit === undefined ? {} : { limit }),
  });
  return [
    row('Load Code'),
    row('Call Activate'),
    row('Finish Activate', 20),
    { name: '  the same for an extension that does nothing, same event and instance: Load Code + Call + Finish', value: whole(baseline), unit: 'ms' },
    { name: '  whole activation relative to that baseline', value: whole(times) / whole(baseline), unit: '×', limit: 1.5 },
  ];
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [...(await benchGuide()), ...benchActivation(), ...benchFrontMatterKeys(), ...(await benchDocuments()), ...(await benchCoverage()), ...(await benchCli()), ...(await benchExport())];
  let missed = 0;
  for (const row of rows) {
    const ok = row.limit === undefined || row.value <= row.limit;
    if (!ok) missed++;
    const format = (n: number) => (row.unit === 'bytes' ? n.toLocaleString('en') : n.toFixed(n < 10 ? 3 : 1));
    const target = row.limit === undefined ? '' : ` (target ≤ ${format(row.limit)} ${row.unit}${ok ? '' : ', MISSED'})`;
    console.log(`${row.name}: ${format(row.value)} ${row.unit}${target}`);
  }
  process.exitCode = missed > 0 ? 1 : 0;
}

void main();
