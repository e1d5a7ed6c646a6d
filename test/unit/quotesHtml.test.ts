import * as assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { QuotesStrings, QuotesViewState } from '../../src/webview/messages';
import { buildQuotesHtml, type QuotesHtmlOptions } from '../../src/webview/quotesHtml';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz';
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(1)</script>';
const SVG = '"><svg onload=alert(1)>';
const JS_LINK = '<a href="javascript:alert(1)">x</a> [x](javascript:alert(1))';
const COMMAND_LINK = '<a href="command:workbench.action.terminal.new">run</a> [run](command:workbench.action.terminal.new)';
const CR_BACKTICKS = 'line\r`${alert(1)}`\r\n```js\nalert(1)\n```';
const ATTRIBUTE_QUOTES = `' onmouseover='alert(1)' x="y" \u0060`;

const hostileState: QuotesViewState = {
  guideId: SVG,
  questionId: SCRIPT,
  language: 'da" onload="alert(1)',
  theme: { id: IMG, title: IMG, intro: `${SCRIPT}\n\n${JS_LINK}` },
  question: { id: SCRIPT, number: SVG, label: COMMAND_LINK, text: CR_BACKTICKS, hint: SCRIPT, probes: [IMG, JS_LINK] },
  siblings: [
    { id: ATTRIBUTE_QUOTES, number: '1.1', label: JS_LINK, current: false },
    { id: SCRIPT, number: SVG, label: COMMAND_LINK, current: true },
  ],
  quotes: [{ id: IMG, text: `${IMG}${SVG}${CR_BACKTICKS}`, speaker: ATTRIBUTE_QUOTES, time: SCRIPT, source: SVG }],
};

// Translations are content too: a bad translation must not be able to inject markup either.
const hostileStrings: QuotesStrings = {
  questionHeading: `${IMG} {0}`,
  siblingsHeading: SCRIPT,
  quotesHeading: SVG,
  noQuotes: JS_LINK,
  hintHeading: CR_BACKTICKS,
  probesHeading: IMG,
  copy: COMMAND_LINK,
  copyLabel: `${ATTRIBUTE_QUOTES} {0}`,
  copied: CR_BACKTICKS,
  insert: SVG,
  insertLabel: `${SCRIPT} {0}`,
  missing: IMG,
  pin: SCRIPT,
  pinOff: ATTRIBUTE_QUOTES,
  pinOn: SVG,
};

function options(overrides: Partial<QuotesHtmlOptions> = {}): QuotesHtmlOptions {
  return {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: NONCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/quotesPage.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/quotes.css',
    uiLanguage: 'en',
    strings: hostileStrings,
    state: hostileState,
    ...overrides,
  };
}

function elements(node: Node): Element[] {
  const own = 'tagName' in node ? [node] : [];
  const children = 'childNodes' in node ? node.childNodes : [];
  const content = 'content' in node ? [node.content as Node] : [];
  return [...own, ...[...children, ...content].flatMap(elements)];
}

function textNodes(node: Node): string[] {
  if (node.nodeName === '#text') return [(node as DefaultTreeAdapterMap['textNode']).value];
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.flatMap(textNodes);
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function only(list: Element[], tag: string): Element {
  const found = list.filter((e) => e.tagName === tag);
  assert.equal(found.length, 1, `exactly one <${tag}>`);
  return found[0]!;
}

describe('quotes page HTML', () => {
  const html = buildQuotesHtml(options());
  const document = parse(html);
  const all = elements(document);

  it('contains only the shell elements, whatever the content holds', () => {
    assert.deepEqual(
      all.map((e) => e.tagName),
      ['html', 'head', 'meta', 'meta', 'meta', 'link', 'body', 'main', 'p', 'script'],
    );
  });

  it('gives no element an attribute the shell does not set, and no event handler', () => {
    const allowed = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'rel', 'href', 'data-strings', 'data-state', 'id', 'class', 'role', 'aria-live', 'nonce', 'src']);
    for (const element of all) {
      for (const { name } of element.attrs) {
        assert.ok(allowed.has(name), `<${element.tagName} ${name}>`);
        assert.ok(!name.startsWith('on'), `<${element.tagName} ${name}>`);
      }
    }
  });

  it('loads only the given script, with the nonce, and has no inline script', () => {
    const script = only(all, 'script');
    assert.equal(attribute(script, 'nonce'), NONCE);
    assert.equal(attribute(script, 'src'), options().scriptUri);
    assert.deepEqual(textNodes(script), []);
  });

  it('links only the given stylesheet, and no other URL appears in href or src', () => {
    assert.equal(attribute(only(all, 'link'), 'href'), options().styleUri);
    const urls = all.flatMap((e) => e.attrs.filter((a) => a.name === 'href' || a.name === 'src').map((a) => a.value));
    assert.deepEqual(urls.sort(), [options().scriptUri, options().styleUri].sort());
    assert.ok(!/javascript:|command:/i.test(urls.join(' ')));
  });

  it('has a strict content security policy with the nonce and nothing inline or eval', () => {
    const csp = all
      .filter((e) => e.tagName === 'meta' && attribute(e, 'http-equiv')?.toLowerCase() === 'content-security-policy')
      .map((e) => attribute(e, 'content'));
    assert.deepEqual(csp, [
      `default-src 'none'; style-src ${options().cspSource}; script-src 'nonce-${NONCE}'; font-src ${options().cspSource}`,
    ]);
    assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp[0]!));
  });

  it('has no text outside the data attributes: every content string travels escaped', () => {
    assert.deepEqual(textNodes(document).filter((t) => t.trim() !== ''), []);
  });

  it('gives the page the exact strings and view it was built from', () => {
    const body = only(all, 'body');
    assert.deepEqual(JSON.parse(attribute(body, 'data-state')!), hostileState);
    assert.deepEqual(JSON.parse(attribute(body, 'data-strings')!), hostileStrings);
  });

  it('leaves no raw markup, carriage return or backtick from the content in the source text', () => {
    for (const fragment of ['<img', '<svg', '<a ', 'alert(1)</script>', '<script>alert', '\r', '`', "'"]) {
      assert.ok(!html.includes(fragment), JSON.stringify(fragment));
    }
  });

  it('sets the user-interface language on <html>, escaped', () => {
    const hostile = parse(buildQuotesHtml(options({ uiLanguage: 'en"><script>alert(1)</script>' })));
    const tags = elements(hostile);
    assert.equal(attribute(only(tags, 'html'), 'lang'), 'en"><script>alert(1)</script>');
    assert.equal(tags.filter((e) => e.tagName === 'script').length, 1);
    assert.equal(attribute(only(elements(parse(buildQuotesHtml(options({ uiLanguage: 'da' })))), 'html'), 'lang'), 'da');
  });

  it('carries null when there is no view yet', () => {
    const body = only(elements(parse(buildQuotesHtml(options({ state: undefined })))), 'body');
    assert.equal(JSON.parse(attribute(body, 'data-state')!), null);
  });

  it('has an empty polite live region for announcements', () => {
    const status = all.find((e) => attribute(e, 'role') === 'status')!;
    assert.equal(attribute(status, 'aria-live'), 'polite');
    assert.deepEqual(textNodes(status), []);
  });
});
