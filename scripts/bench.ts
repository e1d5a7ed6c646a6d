// `npm run bench`: speed and size figures. A benchmark, not a test: it prints figures and
// their targets, and exits non-zero only when a figure misses its target.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { nodeFileSystem } from '../src/node/nodeFileSystem';

/** One figure: what was measured, its value and unit, and the target it must stay within. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly limit?: number;
}

const root = resolve(__dirname, '..', '..');

/** Median of `runs` timings of `work`, in milliseconds, after a warm-up. */
export async function medianMs(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function benchGuide(): Promise<BenchRow[]> {
  const content = join(root, 'content');
  const load = await medianMs(50, () => loadGuideLibrary(nodeFileSystem, [content]));
  const kib = (file: string) => statSync(join(root, file)).size / 1024;
  return [
    { name: 'load and validate the built-in guide (da + en, 10 files)', value: load, unit: 'ms', limit: 50 },
    { name: 'extension bundle dist/extension.js (production build)', value: kib('dist/extension.js'), unit: 'KiB', limit: 512 },
  ];
}

async function main(): Promise<void> {
  const rows = [...(await benchGuide())];
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
