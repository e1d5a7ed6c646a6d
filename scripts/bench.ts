// `npm run bench`: speed and size figures. A benchmark, not a test: it prints figures and
// their targets, and exits non-zero only when a figure misses its target.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import { benchCli } from './bench-cli';
import { benchDocuments } from './bench-documents';
import type { BenchRow } from './benchTiming';

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

async function main(): Promise<void> {
  const rows: BenchRow[] = [...(await benchGuide()), ...(await benchDocuments()), ...(await benchCli())];
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
