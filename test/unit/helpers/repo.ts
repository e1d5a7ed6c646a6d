import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root: tests run from `out/test/unit`, three levels down. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** The built-in content folder. */
export const contentRoot = join(repoRoot, 'content');

/** The seed text the built-in guide is carried over from, kept byte for byte as a fixture. */
export const seedFile = join(repoRoot, 'test', 'fixtures', 'seed', 'dialogue-guide-2021.txt');

const created: string[] = [];

/** A new empty temporary folder, removed when the test run ends. */
export function tempFolder(prefix = 'dialogue-guide-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}

// A root hook: runs once after every test file, whichever of them created folders.
after(function () {
  // Some folders hold an npm install or a Git repository: on a busy machine removing them all takes more than mocha's 2 s.
  this.timeout(60_000);
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes `files` (relative path → text) into a new temporary folder and returns its path. */
export function writeTree(files: Record<string, string>): string {
  const root = tempFolder();
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
