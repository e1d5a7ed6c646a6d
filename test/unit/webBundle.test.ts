import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { strategyDocument } from './helpers/cli';
import { contentRoot, repoRoot } from './helpers/repo';

type Exporter = typeof import('../../src/export/exporter');

/** The modules a CommonJS bundle requires by name. */
function requiredModules(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\s*\(\s*["']([^"']*)["']\s*\)/g)].map((m) => m[1]!))];
}

/**
 * A context with the globals of a web worker that the bundles use, and nothing of Node. Its
 * TextEncoder makes the context's own Uint8Array, as a worker's does: pdfkit takes an array of
 * another context for a list of numbers. pdfkit also uses atob (its ICC profile is base64) and
 * queueMicrotask (its streams).
 */
function workerLikeContext(): Context {
  const context = createContext({ TextDecoder, atob, queueMicrotask, encodeOutside: (text: string) => new TextEncoder().encode(text) });
  runInContext('globalThis.TextEncoder = class TextEncoder { encode(text) { return new Uint8Array(encodeOutside(text)); } };', context);
  return context;
}

// The build (scripts/build.mjs) writes dist/web/ in development and production alike.
describe('the web-worker bundles in dist/web', () => {
  // The entry, and the bundles browser.ts evaluates on first use with a `require` that knows only vscode.
  for (const file of ['extension.js', 'features.js']) {
    it(`${file} asks for nothing but vscode, imports no file, and uses no Node global`, () => {
      const bundle = readFileSync(join(repoRoot, 'dist', 'web', file), 'utf8');
      assert.deepEqual(requiredModules(bundle), ['vscode']);
      assert.doesNotMatch(bundle, /\bimport\s*\(\s*["']/);
      assert.doesNotMatch(bundle, /\bBuffer\s*[.(]|\bprocess\s*\.|\b__dirname\b|\bglobal\s*\.|\bsetImmediate\b/);
    });
  }

  it('has an exporter that, in a context without Node, writes the same Word, PDF and HTML bytes as the Node one the CLI and desktop load', async function () {
    this.timeout(60_000);
    const source = readFileSync(join(repoRoot, 'dist', 'web', 'export.js'), 'utf8');
    assert.deepEqual(requiredModules(source), []);
    assert.doesNotMatch(source, /\bimport\.meta\b|\b__dirname\b|\b__filename\b/);
    const module = { exports: {} as Exporter };
    runInContext(`(function (module, exports) {\n${source}\n})`, workerLikeContext())(module, module.exports);
    // The bundle the CLI and the desktop extension load, which requires its renderers as siblings.
    const nodeExporter = (await import(join(repoRoot, 'dist', 'export.js'))) as Exporter;
    const guides = (await loadGuideLibrary(nodeFileSystem, [contentRoot])).entries;
    const document = parseStrategyDocument(await strategyDocument({ 'sociale-medier/platforme': 'Vi bruger **Facebook** og LinkedIn, på dansk: æ, ø, å.' }), 'strategi.md');
    const readFont = async (file: string) => new Uint8Array(readFileSync(join(repoRoot, 'dist', 'fonts', file)));
    const request = { document, guides, includeQuotes: true, bundles: {}, readFont };
    for (const format of ['docx', 'pdf', 'html'] as const) {
      const [web, node] = await Promise.all([module.exports.exportStrategyDocument({ ...request, format }), nodeExporter.exportStrategyDocument({ ...request, format })]);
      assert.ok(web.ok && node.ok, format);
      assert.ok(web.bytes.length > 1000, `${format}: a file`);
      // Typed arrays of another context have another prototype: compare the bytes.
      assert.ok(Buffer.from(web.bytes).equals(Buffer.from(node.bytes)), `${format}: the same bytes`);
    }
  });

  it('has a YAML parser that loads as browser.ts loads it: module and exports, in a context without Node', () => {
    const source = readFileSync(join(repoRoot, 'dist', 'web', 'yaml.js'), 'utf8');
    const module = { exports: {} as typeof import('yaml') };
    runInContext(`(function (module, exports) {\n${source}\n})`, workerLikeContext())(module, module.exports);
    // Objects of another context have other prototypes: compare them as JSON.
    assert.equal(JSON.stringify(module.exports.parseDocument('id: x\nquestions: [a, b]\n').toJS()), '{"id":"x","questions":["a","b"]}');
  });
});
