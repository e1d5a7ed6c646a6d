// Export times: through the CLI as a person runs it (a fresh process, the built-in guide's 18
// questions, every one answered), and in process for 18 and 200 questions, for each format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allQuestions, type GuideEntry } from '../src/core/guide';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { scaffoldStrategyDocument } from '../src/core/scaffold';
import { markerFor, parseStrategyDocument } from '../src/core/strategyDocument';
import { EXPORT_FORMATS, exportStrategyDocument, type ExportFormat } from '../src/export/exporter';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import { entryOf } from '../test/unit/helpers/guides';
import { ANSWER, answeredStrategy } from './bench-documents';
import type { BenchRow } from './benchTiming';

// Compiled to out/scripts/, two levels below the repository.
const repoRoot = resolve(__dirname, '..', '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const RUNS = 3;

/** The export figures, for scripts/bench.ts. */
export async function benchExport(): Promise<BenchRow[]> {
  const library = await loadGuideLibrary(nodeFileSystem, [join(repoRoot, 'content')]);
  const guide = library.entries[0]!.original;
  let builtIn = scaffoldStrategyDocument(guide, { title: 'Strategi for sociale medier', organisation: 'Eksempel Kommune' });
  for (const question of allQuestions(guide)) builtIn = builtIn.replace(markerFor(question.id), `${markerFor(question.id)}\n\n${ANSWER}`);
  const folder = mkdtempSync(join(tmpdir(), 'dialogue-guide-bench-'));
  try {
    writeFileSync(join(folder, 'strategi.md'), builtIn);
    const rows: BenchRow[] = [];
    for (const format of EXPORT_FORMATS) {
      rows.push({ name: `cli export --format ${format}, the ${allQuestions(guide).length}-question guide all answered (median of ${RUNS})`, value: cliMs(folder, format), unit: 'ms', limit: 1000 });
    }
    const large = answeredStrategy(200);
    const largeGuide = [entryOf(large.guide)];
    for (const format of EXPORT_FORMATS) {
      rows.push({ name: `  in process, ${format}, 18 questions (median of ${RUNS})`, value: await inProcessMs(builtIn, library.entries, format), unit: 'ms' });
      rows.push({ name: `  in process, ${format}, 200 questions (median of ${RUNS})`, value: await inProcessMs(large.text, largeGuide, format), unit: 'ms', limit: 5000 });
    }
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function cliMs(cwd: string, format: ExportFormat): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'export', 'strategi.md', '--format', format, '--out', `strategi.${format}`, '--force'], { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`dialogue-guide export --format ${format} exited with ${result.status}: ${result.stderr}`);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!);
}

async function inProcessMs(text: string, guides: readonly GuideEntry[], format: ExportFormat): Promise<number> {
  const bundles = { da: JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, unknown> };
  const readFont = async (file: string) => new Uint8Array(readFileSync(join(repoRoot, 'dist', 'fonts', file)));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const outcome = await exportStrategyDocument({ format, document: parseStrategyDocument(text, 'strategi.md'), guides, includeQuotes: false, bundles, readFont });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!outcome.ok) throw new Error(`export to ${format} refused: ${outcome.findings.map((f) => f.code).join(', ')}`);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!);
}
