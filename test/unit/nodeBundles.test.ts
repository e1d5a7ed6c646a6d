import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/repo';

/** The sibling bundles (`./name.js`) a CommonJS bundle requires. */
function siblings(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\s*\(\s*["']\.\/([^"']*)["']\s*\)/g)].map((m) => m[1]!))];
}

// The Node bundles load each other on first use (scripts/build.mjs); a sibling missing from the
// VSIX would fail only when someone first exports, holds a meeting or opens a guide folder.
describe('the Node bundles in dist', () => {
  it('require only siblings that exist and that the VSIX packs', function () {
    this.timeout(60_000);
    const vsce = require.resolve('@vscode/vsce/vsce');
    const packed = new Set(execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean));
    const bundles = readdirSync(join(repoRoot, 'dist')).filter((f) => f.endsWith('.js'));
    const required = new Set(bundles.flatMap((f) => siblings(readFileSync(join(repoRoot, 'dist', f), 'utf8'))));
    for (const file of ['export-pdf.js', 'export-docx.js', 'yaml.js', 'features.js']) assert.ok(required.has(file), `some bundle requires ${file}`);
    for (const file of required) {
      assert.ok(existsSync(join(repoRoot, 'dist', file)), `dist/${file} exists`);
      assert.ok(packed.has(`dist/${file}`), `the VSIX packs dist/${file}`);
    }
  });
});
