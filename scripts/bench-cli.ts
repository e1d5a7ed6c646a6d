// Wall-clock cost of the CLI as CI pays it: a fresh Node process per run, start-up included.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allQuestions } from '../src/core/guide';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { scaffoldStrategyDocument } from '../src/core/scaffold';
import { markerFor } from '../src/core/strategyDocument';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import type { BenchRow } from './benchTiming';

// Compiled to out/scripts/, two levels below the repository.
const repoRoot = resolve(__dirname, '..', '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const DOCUMENTS = 500;
const RUNS = 5;

/**
 * Times `node dist/cli.js check` and `diff --base` over 500 strategy documents, in a clone as CI
 * has one: the documents committed upstream, fetched through `file://`, then all revised on the branch.
 */
export async function benchCli(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'dialogue-guide-bench-'));
  try {
    const upstream = join(folder, 'upstream');
    const clone = join(folder, 'clone');
    mkdirSync(upstream);
    await writeDocuments(upstream);
    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
    git(upstream, 'init', '-q', '-b', 'main');
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '-q', '-m', 'Documents');
    git(folder, 'clone', '-q', `file://${upstream}`, clone);
    // Every document changes on the branch, so diff has something to say about each.
    await writeDocuments(clone, 'Revised');
    return [
      { name: `cli check, ${DOCUMENTS} documents (median of ${RUNS})`, value: medianMs(clone, ['check']), unit: 'ms', limit: 1000 },
      { name: `cli diff --base, ${DOCUMENTS} documents (median of ${RUNS})`, value: medianMs(clone, ['diff', '--base', 'origin/main']), unit: 'ms', limit: 2000 },
      ...(await checkHugeDocument(folder)),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `check` of one 100 MB document (every answer long, headings and lists in it), in time and the process's peak memory. */
async function checkHugeDocument(folder: string): Promise<BenchRow[]> {
  const library = await loadGuideLibrary(nodeFileSystem, [join(repoRoot, 'content')]);
  const guide = library.entries[0]!.original;
  const questions = allQuestions(guide);
  const paragraph = '#### Detaljer\n\nVi poster dagligt på Facebook og LinkedIn, og borgerne svarer inden for en time.\n\n- punkt et\n- punkt to\n\n';
  const answer = paragraph.repeat(Math.ceil((100 * 1024 * 1024) / questions.length / paragraph.length));
  let text = scaffoldStrategyDocument(guide, { title: 'Stor', organisation: 'Kommune' });
  for (const question of questions) text = text.replace(markerFor(question.id), `${markerFor(question.id)}\n\n${answer}`);
  const file = join(folder, 'huge.md');
  writeFileSync(file, text);
  // The CLI reads its arguments from argv[2] on, so a placeholder stands where a script path would.
  const probe = `process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n')); process.argv.splice(1, 0, 'cli'); require(${JSON.stringify(cli)});`;
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', probe, 'check', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`dialogue-guide check huge.md exited with ${result.status}: ${result.stdout.slice(0, 500)}${result.stderr.slice(0, 500)}`);
  const rss = Number(/maxrss (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return [
    { name: `cli check, one ${(text.length / 1024 / 1024).toFixed(0)} MB document`, value: Math.round(ms), unit: 'ms', limit: 2000 },
    { name: '  peak memory of that run', value: Math.round(rss), unit: 'MiB', limit: 1024 },
  ];
}

/** Scaffolds the documents from the built-in guide and answers two thirds of the questions. */
async function writeDocuments(folder: string, answerPrefix = 'Answer'): Promise<void> {
  const library = await loadGuideLibrary(nodeFileSystem, [join(repoRoot, 'content')]);
  const guide = library.entries[0]!.original;
  const questions = allQuestions(guide);
  mkdirSync(join(folder, 'strategy'), { recursive: true });
  for (let i = 0; i < DOCUMENTS; i++) {
    let text = scaffoldStrategyDocument(guide, { title: `Strategy ${i}`, organisation: `Municipality ${i}` });
    for (const question of questions.filter((_, q) => q % 3 !== 0)) {
      const marker = markerFor(question.id);
      text = text.replace(marker, `${marker}\n\n${answerPrefix} ${i} to ${question.id}: we discussed it and agreed on a plan.\n`);
    }
    writeFileSync(join(folder, 'strategy', `plan-${i}.md`), text);
  }
}

function medianMs(cwd: string, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`dialogue-guide ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}
