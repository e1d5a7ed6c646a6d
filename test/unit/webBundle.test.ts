import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { repoRoot } from './helpers/repo';

// The build (scripts/build.mjs) writes dist/web/ in development and production alike.
describe('the web-worker bundles in dist/web', () => {
  it('asks for nothing but vscode, and uses no Node global', () => {
    const bundle = readFileSync(join(repoRoot, 'dist', 'web', 'extension.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\s*\(\s*["']([^"']*)["']\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.doesNotMatch(bundle, /\bBuffer\s*[.(]|\bprocess\s*\.|\b__dirname\b|\bglobal\s*\.|\bsetImmediate\b/);
  });

  it('has a YAML parser that loads as browser.ts loads it: module and exports, in a context without Node', () => {
    const source = readFileSync(join(repoRoot, 'dist', 'web', 'yaml.js'), 'utf8');
    const module = { exports: {} as typeof import('yaml') };
    runInContext(`(function (module, exports) {\n${source}\n})`, createContext({ TextDecoder, TextEncoder }))(module, module.exports);
    // Objects of another context have other prototypes: compare them as JSON.
    assert.equal(JSON.stringify(module.exports.parseDocument('id: x\nquestions: [a, b]\n').toJS()), '{"id":"x","questions":["a","b"]}');
  });
});
