import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFrontMatter } from '../../src/core/frontMatter';

const marker = '__dialogueGuideFrontMatterRan';

describe('front matter', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[marker];
  });

  for (const language of ['js', 'javascript', 'coffee', 'json']) {
    it(`rejects ---${language} front matter without running it`, () => {
      const text = `---${language}\n{ id: (globalThis.${marker} = true) && 'x' }\n---\nBody\n`;
      const result = readFrontMatter(text);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.problem.code, 'frontMatter.language');
      assert.equal(!result.ok && result.problem.detail, language);
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined, 'the front matter never ran');
    });
  }

  it('rejects a language gray-matter does not know', () => {
    const result = readFrontMatter('---toml\nid = "x"\n---\n');
    assert.equal(!result.ok && result.problem.code, 'frontMatter.language');
  });

  it('reports a broken file again on the second read (no stale cache)', () => {
    const broken = '---\nid: "x\n---\n';
    for (let i = 0; i < 2; i++) {
      const result = readFrontMatter(broken);
      assert.equal(!result.ok && result.problem.code, 'frontMatter.yaml', `read ${i + 1}`);
    }
  });

  it('does not evaluate YAML tags that construct objects', () => {
    const result = readFrontMatter('---\nid: !!js/function "function () { return 1 }"\n---\n');
    const value = result.ok ? (result.frontMatter.data as Record<string, unknown>).id : undefined;
    assert.notEqual(typeof value, 'function');
  });

  it('reads front matter after a byte order mark and with CRLF line endings', () => {
    const result = readFrontMatter('\ufeff---\r\nid: x\r\n---\r\nBody\r\n');
    assert.ok(result.ok);
    assert.deepEqual(result.ok && result.frontMatter.data, { id: 'x' });
    assert.equal(result.ok && result.frontMatter.body, 'Body\n');
    assert.equal(result.ok && result.frontMatter.bodyLine, 3);
  });

  it('locates keys and values by path', () => {
    const result = readFrontMatter('---\nid: x\nitems:\n  - name: a\n  - name: b\n---\n');
    assert.ok(result.ok);
    assert.equal(result.frontMatter.rangeOf(['items', 1, 'name']).start.line, 4);
    assert.equal(result.frontMatter.rangeOf(['items', 1, 'name'], 'key').start.character, 4);
  });

  it('is missing when the file does not start with ---', () => {
    const result = readFrontMatter('# Title\n');
    assert.equal(!result.ok && result.problem.code, 'frontMatter.missing');
  });
});

describe('js-yaml, as gray-matter installs it', () => {
  it('is at least 3.14.2, where CVE-2025-64718 is fixed', () => {
    // Resolve it the way gray-matter does, from gray-matter's own folder.
    const grayMatter = dirname(require.resolve('gray-matter/package.json'));
    const manifest = require.resolve('js-yaml/package.json', { paths: [grayMatter] });
    const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    assert.equal(major, 3, `gray-matter uses the 3.x line, found ${version} at ${join(manifest)}`);
    assert.ok(minor > 14 || (minor === 14 && patch >= 2), `js-yaml ${version} is older than 3.14.2`);
  });
});

describe('front matter delimiters', () => {
  it('reads every key up to the closing line, even past a line that starts with ---', () => {
    const result = readFrontMatter('---\ntitle: x\n---more: y\nguide: z\n---\nBody\n');
    assert.ok(result.ok);
    assert.deepEqual(result.frontMatter.data, { title: 'x', '---more': 'y', guide: 'z' });
    assert.equal(result.frontMatter.body, 'Body\n');
    assert.equal(result.frontMatter.rangeOf(['guide']).start.line, 3);
  });
});
