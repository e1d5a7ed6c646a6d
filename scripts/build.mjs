// Bundles the extension, the CLI, the webview script and the test suites with esbuild.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

const node = { ...common, platform: 'node', format: 'cjs' };

/** TypeScript files under `dir` (recursively) whose path matches `re`; none is not an error. */
function files(dir, re = /\.ts$/) {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((f) => re.test(f) && !f.endsWith('.d.ts'));
}

const builds = [
  // The VSIX carries no node_modules, so the extension bundles its dependencies.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: files('src/cli', /main\.ts$/), outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, platform: 'browser', format: 'iife', entryPoints: files('src/webview', /Page\.ts$/), outdir: 'dist/webview' },
  // Tests and scripts run from the repository, where node_modules is present.
  { ...node, sourcemap: true, minify: false, packages: 'external', external: ['vscode'],
    entryPoints: [...files('test'), ...files('scripts')], outdir: 'out', outbase: '.' },
].filter((b) => b.entryPoints.length > 0);

// A package must not carry a stale source map or bundle from an earlier development build.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The CLI runs as `./dist/cli.js` from a checkout, as npm's bin link would run it.
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
