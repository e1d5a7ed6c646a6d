import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeTree } from './repo';

/** Runs git in `cwd` with a fixed identity, so tests pass on machines with no Git config. */
export function runGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A new repository in a temporary folder with `files` committed on `main`; returns its path. */
export function gitRepository(files: Record<string, string>): string {
  const root = writeTree(files);
  runGit(root, 'init', '-q', '-b', 'main');
  commitAll(root, 'Start');
  return root;
}

/** Writes `files` (relative path → text) into `root` and commits everything. */
export function commitFiles(root: string, files: Record<string, string>, message = 'Change'): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  commitAll(root, message);
}

function commitAll(root: string, message: string): void {
  runGit(root, 'add', '-A');
  runGit(root, 'commit', '-q', '--allow-empty', '-m', message);
}
