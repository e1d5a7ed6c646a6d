import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root: tests run from `out/test/unit`, three levels down. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** The built-in content folder. */
export const contentRoot = join(repoRoot, 'content');

/** The seed text the built-in guide is carried over from (`../shared` beside the repository). */
export const seedFile = join(repoRoot, '..', 'shared', 'source', '000_52055447d3c02b67.txt');

/** Writes `files` (relative path → text) into a new temporary folder and returns its path. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dialogue-guide-'));
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
