// Bundles the extension, the CLI, the webview script and the test suites with esbuild.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
// The built-in guide in content/ is compiled into the extension (the module
// `virtual:built-in-guide`); a finding in it fails the build, printed as file:line.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

/**
 * Provides `virtual:built-in-guide`: the built-in guide's entries, loaded from content/ by the
 * core's own loader (scripts/builtInGuide.ts, bundled first), as JSON. Compiled once per build;
 * under --watch, again whenever a content file changes.
 */
const builtInGuide = {
  name: 'built-in-guide',
  setup(build) {
    build.onResolve({ filter: /^virtual:built-in-guide$/ }, (args) => ({ path: args.path, namespace: 'built-in-guide' }));
    build.onLoad({ filter: /.*/, namespace: 'built-in-guide' }, async () => {
      const { entries, problems, watched } = await compileBuiltInGuide();
      const watchFiles = watched.filter((f) => f.endsWith('.md'));
      const watchDirs = watched.filter((f) => !f.endsWith('.md'));
      if (problems.length > 0) {
        return { errors: problems.map((p) => ({ ...p, text: `The built-in guide: ${p.text}` })), watchFiles, watchDirs };
      }
      return { contents: JSON.stringify(entries), loader: 'json', watchFiles, watchDirs };
    });
  },
};

const repo = fileURLToPath(new URL('..', import.meta.url));

/** A TypeScript module of the repository (`entry`, relative to it), compiled on its own into out/build/ and required. */
async function requireTypeScript(entry) {
  const outfile = join(repo, 'out', 'build', basename(entry).replace(/\.ts$/, '.js'));
  await esbuild.build({ ...common, platform: 'node', format: 'cjs', sourcemap: false, minify: false, packages: 'external', entryPoints: [join(repo, entry)], outfile });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile);
}

let compiled;
/** The built-in guide, compiled by the core's loader; cached for the builds of one run. */
function compileBuiltInGuide() {
  compiled ??= requireTypeScript('scripts/builtInGuide.ts').then((module) => module.compileBuiltInGuide(repo));
  const result = compiled;
  if (watch) compiled = undefined;
  return result;
}

/**
 * The YAML parser is more than half of the extension's code, and only guide folders and strategy
 * documents whose front matter is not in the scaffold's simple shape need it. The extension, CLI
 * and exporter bundles get a stand-in for `yaml` whose exports call `load` (an expression, evaluated the first
 * time one is used), and the parser is a bundle of its own: in Node, dist/yaml.js, required on
 * first use, so that activation does not load it; in the web worker, which cannot require a
 * sibling file, dist/web/yaml.js, which src/extension/web/browser.ts loads before activating.
 */
function yamlStandIn(load) {
  return {
    name: 'yaml-stand-in',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-stand-in' }));
      build.onResolve({ filter: /^\.\/yaml\.js$/, namespace: 'yaml-stand-in' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'yaml-stand-in' }, () => {
        const names = Object.keys(createRequire(import.meta.url)('yaml')).filter((name) => name !== '__esModule');
        return {
          loader: 'js',
          resolveDir: fileURLToPath(new URL('..', import.meta.url)),
          contents: [
            'let yaml;',
            `const load = () => (yaml ??= ${load});`,
            `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
          ].join('\n'),
        };
      });
    },
  };
}

/**
 * The exporter (docx, pdfkit, markdown-it: several times the rest of the code) is a bundle of its
 * own, dist/export.js, which the extension and the CLI load with `import()` only when a document
 * is exported: neither activation nor `check` pays for it.
 */
const lazyExporter = {
  name: 'lazy-exporter',
  setup(build) {
    build.onResolve({ filter: /\/export\/exporter$/ }, () => ({ path: './export.js', external: true }));
  },
};

/**
 * The features loaded on first use (src/extension/onFirstUse.ts: meetings, coverage, export, sync,
 * Insert Quote, the wizards) are a bundle of their own in the Node extension host, dist/features.js,
 * required by the extension's first `import()` of them: activation parses only the rest. In the web
 * worker, which cannot require a sibling file, they are dist/web/features.js, which
 * src/extension/web/browser.ts reads and evaluates on first use.
 */
const onFirstUseBundle = {
  name: 'on-first-use',
  setup(build) {
    build.onResolve({ filter: /\/onFirstUse$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './features.js', external: true } : undefined));
  },
};

/**
 * In the Node exporter each format's renderer is a bundle of its own (dist/export-pdf.js: pdfkit and
 * fontkit; dist/export-docx.js: docx), required on first use: an export parses only its own library.
 */
const rendererBundles = {
  name: 'renderer-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/(pdf|docx)$/ }, (args) => (args.kind === 'dynamic-import' ? { path: `./export-${args.path.slice(2)}.js`, external: true } : undefined));
  },
};

/**
 * Both hosts get pdfkit's browser build, which needs no Node (its own streams, fflate for zlib), so
 * that the desktop, the CLI and the browser write the same PDF bytes. It finds its one data file,
 * the ICC profile it registers in memory for PDF/A, through `import.meta.url`, which a CommonJS
 * bundle does not have (and the web worker has no file to find): the profile is keyed by its name.
 */
const ICC_PROFILE_URL = "new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url).href";
const pdfkitWithoutNode = {
  name: 'pdfkit-without-node',
  setup(build) {
    const browserBuild = join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'pdfkit.browser.mjs');
    build.onResolve({ filter: /^pdfkit$/ }, () => ({ path: browserBuild }));
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.browser\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(ICC_PROFILE_URL) || /import\.meta/.test(source.replace(ICC_PROFILE_URL, ''))) {
        return { errors: [{ text: `pdfkit's browser build no longer finds its ICC profile as scripts/build.mjs expects (${args.path}): update pdfkitWithoutNode` }] };
      }
      return { contents: source.replace(ICC_PROFILE_URL, "'sRGB_IEC61966_2_1.icc'"), loader: 'js' };
    });
  },
};

/**
 * fontkit reads WOFF2 fonts through brotli, whose decoder and dictionary are a third of the
 * exporter's bundle and are parsed on every PDF export; the exporter embeds only its own TrueType
 * fonts, so brotli's place is taken by a function that refuses.
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'no-woff2' }));
    build.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      loader: 'js',
      contents: "module.exports = function decompress() { throw new Error('The PDF export reads TrueType fonts, not WOFF2.'); };",
    }));
  },
};

/**
 * The PDF's fonts (DejaVu, whose licence allows bundling and changing them with its notice) and
 * that notice, into dist/fonts; and the same fonts cut down to the common subset the exporter
 * prefers (src/export/pdfFonts.ts), into dist/fonts/common.
 */
async function writeFonts() {
  const { COMMON_SUBSET, COMMON_SUBSET_FOLDER, PDF_FONT_FILES } = await requireTypeScript('src/export/pdfFonts.ts');
  const from = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')));
  const subset = join('dist', 'fonts', COMMON_SUBSET_FOLDER);
  mkdirSync(subset, { recursive: true });
  const characters = COMMON_SUBSET.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i))).join('');
  await Promise.all(
    Object.values(PDF_FONT_FILES).map(async (font) => {
      const whole = readFileSync(join(from, 'ttf', font));
      writeFileSync(join('dist', 'fonts', font), whole);
      writeFileSync(join(subset, font), await subsetFont(whole, characters, { targetFormat: 'truetype' }));
    }),
  );
  for (const folder of ['dist/fonts', subset]) copyFileSync(join(from, 'LICENSE'), join(folder, 'LICENSE'));
}

// Node requires a sibling bundle faster than it imports one (no CommonJS export scan, no format detection).
const node = { ...common, platform: 'node', format: 'cjs', supported: { 'dynamic-import': false }, plugins: [builtInGuide] };
const web = { ...common, platform: 'browser', format: 'cjs' };
const yamlBundle = { contents: "module.exports = require('yaml');", resolveDir: '.', sourcefile: 'yaml.js' };

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
  { ...node, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...node.plugins, yamlStandIn("require('./yaml.js')"), lazyExporter, onFirstUseBundle] },
  { ...node, entryPoints: ['src/extension/onFirstUse.ts'], outfile: 'dist/features.js', external: ['vscode'], plugins: [...node.plugins, yamlStandIn("require('./yaml.js')"), lazyExporter] },
  { ...node, stdin: yamlBundle, outfile: 'dist/yaml.js' },
  { ...node, entryPoints: ['src/export/exporter.ts'], outfile: 'dist/export.js', plugins: [...node.plugins, yamlStandIn("require('./yaml.js')"), rendererBundles] },
  { ...node, entryPoints: ['src/export/pdf.ts'], outfile: 'dist/export-pdf.js', plugins: [...node.plugins, pdfkitWithoutNode, noWoff2] },
  { ...node, entryPoints: ['src/export/docx.ts'], outfile: 'dist/export-docx.js', plugins: node.plugins },
  // The same extension for the web-worker extension host (vscode.dev, github.dev, code-server's
  // browser host): the browser build of every dependency, and no Node built-in (esbuild fails on one).
  { ...web, entryPoints: ['src/extension/web/browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'],
    plugins: [builtInGuide, yamlStandIn("require('./src/extension/web/yamlSlot.ts').loadedYaml()"), lazyExporter, onFirstUseBundle] },
  { ...web, entryPoints: ['src/extension/onFirstUse.ts'], outfile: 'dist/web/features.js', external: ['vscode'],
    plugins: [builtInGuide, yamlStandIn("require('./src/extension/web/yamlSlot.ts').loadedYaml()"), lazyExporter] },
  { ...web, stdin: yamlBundle, outfile: 'dist/web/yaml.js' },
  { ...web, entryPoints: ['src/export/exporter.ts'], outfile: 'dist/web/export.js', plugins: [pdfkitWithoutNode, noWoff2] },
  { ...node, entryPoints: files('src/cli', /main\.ts$/), outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...node.plugins, yamlStandIn("require('./yaml.js')"), lazyExporter] },
  { ...common, platform: 'browser', format: 'iife', entryPoints: files('src/webview', /Page\.ts$/), outdir: 'dist/webview' },
  // Tests and scripts run from the repository, where node_modules is present; they test the pdfkit the bundles carry.
  { ...node, sourcemap: true, minify: false, packages: 'external', external: ['vscode'], plugins: [...node.plugins, pdfkitWithoutNode],
    entryPoints: [...files('test').filter((f) => !/^test[\\/]web[\\/]/.test(f)), ...files('scripts')], outdir: 'out', outbase: '.' },
  // The web-worker suite runs where there is no node_modules and no `require`: one browser bundle.
  { ...web, sourcemap: 'inline', minify: false, external: ['vscode'], entryPoints: ['test/web/index.ts'], outfile: 'out/test/web/index.js' },
].filter((b) => b.stdin || b.entryPoints.length > 0);

// A package must not carry a stale source map or bundle from an earlier development build, and a
// test deleted from test/ must not go on running from an earlier build's out/.
if (production) rmSync('dist', { recursive: true, force: true });
if (!watch) rmSync('out', { recursive: true, force: true });

await writeFonts();
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
} else {
  try {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  } catch {
    // esbuild has printed the errors (a finding in the built-in guide among them).
    process.exit(1);
  }
  // The CLI runs as `./dist/cli.js` from a checkout, as npm's bin link would run it.
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
