// `npm run bench`: speed and size figures. A benchmark, not a test: it prints figures and
// their targets, and exits non-zero only when a figure misses its target.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFrontMatter } from '../src/core/frontMatter';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import { benchCli } from './bench-cli';
import { benchDocuments } from './bench-documents';
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
  const kib = (file: string) => statSync(join(root, file)).size / 1024;
  return [
    { name: 'load and validate the built-in guide (da + en, 10 files)', value: load, unit: 'ms', limit: 50 },
    { name: 'extension bundle dist/extension.js (production build)', value: kib('dist/extension.js'), unit: 'KiB', limit: 512 },
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

async function main(): Promise<void> {
  const rows: BenchRow[] = [...(await benchGuide()), ...benchFrontMatterKeys(), ...(await benchDocuments()), ...(await benchCli())];
  let missed = 0;
  for (const row of rows) {
    const ok = row.limit === undefined || row.value <= row.limit;
    if (!ok) missed++;
    const target = row.limit === undefined ? '' : ` (target ≤ ${row.limit} ${row.unit}${ok ? '' : ', MISSED'})`;
    console.log(`${row.name}: ${row.value.toFixed(row.value < 10 ? 3 : 1)} ${row.unit}${target}`);
  }
  process.exitCode = missed > 0 ? 1 : 0;
}

void main();
