import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findGuideEntry, inLanguage, type Guide } from '../../../src/core/guide';
import { loadGuideLibrary } from '../../../src/core/guideLoader';
import { scaffoldStrategyDocument } from '../../../src/core/scaffold';
import { runCli as runInProcess, type CliHost } from '../../../src/cli/run';
import { nodeFileSystem } from '../../../src/node/nodeFileSystem';
import { answerQuestion } from './answers';
import { contentRoot, repoRoot } from './repo';

/** The built CLI, as `npm test` and `npm run test:unit` leave it after their build step. */
export const cliPath = join(repoRoot, 'dist', 'cli.js');

/** The built-in guide's id. */
export const GUIDE_ID = 'sociale-medier-i-lokalpolitikken';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails the suite early, with the reason, when the CLI has not been built. */
export function requireBuiltCli(): void {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run "node scripts/build.mjs" first`);
}

/**
 * Runs `node dist/cli.js args…` in `cwd` as CI would. The locale variables and GITHUB_WORKSPACE
 * of the machine running the tests are removed, so only `env` decides them.
 */
export function runCli(cwd: string, args: readonly string[], env: Record<string, string> = {}, options: { timeoutMs?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, env: cliEnvironment(env), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** This process's environment without the locale and GitHub variables of the machine running the tests, plus `env`. */
export function cliEnvironment(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'GITHUB_WORKSPACE', 'DIALOGUE_GUIDE_DEBUG'].includes(key)));
  return { ...base, ...env };
}

/** The built-in guide in `language`, loaded as the CLI loads it. */
export async function builtInGuide(language = 'da'): Promise<Guide> {
  const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
  return inLanguage(findGuideEntry(library.entries, GUIDE_ID)!, language);
}

/** A scaffolded strategy document for the built-in guide, with `answers` (question id → text) written in. */
export async function strategyDocument(answers: Record<string, string> = {}, options: { themes?: string[] } = {}): Promise<string> {
  const guide = await builtInGuide();
  let text = scaffoldStrategyDocument(guide, { title: 'Vores strategi', organisation: 'Eksempel Kommune', ...(options.themes ? { themes: options.themes } : {}) });
  for (const [id, answer] of Object.entries(answers)) text = answerQuestion(text, id, answer);
  return text;
}

/** Every question id of the built-in guide's first theme, `sociale-medier`, answered. */
export async function firstThemeAnswers(): Promise<Record<string, string>> {
  const guide = await builtInGuide();
  return Object.fromEntries(guide.themes[0]!.questions.map((q) => [q.id, `Vi har drøftet ${q.label.toLowerCase()}.`]));
}

/**
 * Runs the CLI in this process, as `runCli` does in a child but without Node's start-up: for
 * everything a real process adds nothing to (exit codes on a pipe, signals and hangs need one).
 */
export async function runCliInProcess(cwd: string, args: readonly string[], env: Record<string, string> = {}, host: Partial<CliHost> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runInProcess(args, {
    cwd,
    env,
    installFolder: repoRoot,
    writeOut: (text) => {
      stdout += text;
    },
    writeErr: (text) => {
      stderr += text;
    },
    ...host,
  });
  return { status, stdout, stderr };
}
