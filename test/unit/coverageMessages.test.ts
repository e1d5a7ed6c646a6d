import * as assert from 'node:assert/strict';
import { isCoveragePageMessage, type CoveragePageMessage } from '../../src/webview/coverageMessages';
import { buildPageHtml } from '../../src/webview/pageHtml';

describe('Coverage page messages', () => {
  const valid: CoveragePageMessage[] = [
    { type: 'ready' },
    { type: 'openTheme', file: 'file:///w/plan.md', themeId: 'tema' },
    { type: 'openQuestion', file: 'file:///w/plan.md', questionId: 'tema/spoergsmaal' },
  ];
  for (const message of valid) {
    it(`accepts a well-formed ${message.type} message`, () => {
      assert.equal(isCoveragePageMessage(message), true);
    });
  }

  const invalid: [string, unknown][] = [
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'runCommand', command: 'x' }],
    ['a type inherited from Object.prototype', { type: 'constructor' }],
    ['a message the extension sends', { type: 'row', row: {} }],
    ['a ready message with extra fields', { type: 'ready', file: 'x' }],
    ['openTheme without its theme', { type: 'openTheme', file: 'file:///w/plan.md' }],
    ['openTheme with an empty file', { type: 'openTheme', file: '', themeId: 'tema' }],
    ['openQuestion with a number for its id', { type: 'openQuestion', file: 'file:///w/plan.md', questionId: 7 }],
  ];
  for (const [what, message] of invalid) {
    it(`refuses ${what}`, () => {
      assert.equal(isCoveragePageMessage(message), false);
    });
  }
});

describe('the Coverage page shell', () => {
  const html = buildPageHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/coveragePage.js', styleUri: 'https://x/coverage.css', uiLanguage: 'da', rootId: 'coverage', data: { strings: { title: 'Dækning "</body><script>alert(1)</script>' } }, status: false });

  it('allows scripts only with the nonce, and no inline style', () => {
    assert.match(html, /content="default-src &#39;none&#39;; style-src https:\/\/x.vscode-cdn.net; script-src &#39;nonce-abc123&#39;; font-src https:\/\/x.vscode-cdn.net"/);
    assert.doesNotMatch(html, /unsafe-inline/);
  });

  it('carries its strings as escaped JSON, never as markup', () => {
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /data-strings="\{&quot;title&quot;:&quot;Dækning \\&quot;&lt;\/body&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;\}"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('has no status line when the page announces nothing', () => {
    assert.doesNotMatch(html, /role="status"/);
    assert.match(html, /<main id="coverage"><\/main>/);
  });
});
