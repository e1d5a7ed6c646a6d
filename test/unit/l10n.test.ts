import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/repo';

/** Every string literal (quoted, or a plain template) passed as the message of `l10n.t(…)` or a `t(…)` localiser in src/. */
function localisedMessages(): Map<string, string> {
  const messages = new Map<string, string>();
  const files = readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const call = /\bt\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`\\$]*`)/g;
  for (const file of files) {
    const text = readFileSync(join(repoRoot, 'src', file), 'utf8');
    for (const match of text.matchAll(call)) {
      const literal = match[1]!;
      // A template literal without escapes or substitutions is its own text.
      const message = literal.startsWith('`')
        ? literal.slice(1, -1)
        : literal.startsWith("'")
          ? JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`)
          : JSON.parse(literal);
      messages.set(message as string, file);
    }
  }
  return messages;
}

describe('localisation', () => {
  it('has a Danish translation for every message the code localises', () => {
    const danish = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, string>;
    const messages = localisedMessages();
    assert.ok(messages.size > 50, `found ${messages.size} messages`);
    const missing = [...messages].filter(([message]) => !danish[message]).map(([message, file]) => `${file}: ${message}`);
    assert.deepEqual(missing, []);
  });

  it('has no Danish translation that no code uses any more', () => {
    const danish = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, string>;
    const messages = localisedMessages();
    assert.deepEqual(Object.keys(danish).filter((message) => !messages.has(message)), []);
  });

  it('keeps every placeholder of a message in its Danish translation', () => {
    const danish = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, string>;
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    for (const [english, translation] of Object.entries(danish)) {
      assert.deepEqual(placeholders(translation), placeholders(english), english);
    }
  });

  it('translates every %key% of the manifest into English and Danish', () => {
    const manifest = readFileSync(join(repoRoot, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))];
    assert.ok(keys.length > 10);
    for (const bundle of ['package.nls.json', 'package.nls.da.json']) {
      const strings = JSON.parse(readFileSync(join(repoRoot, bundle), 'utf8')) as Record<string, string>;
      assert.deepEqual(keys.filter((key) => !strings[key]), [], bundle);
      assert.deepEqual(Object.keys(strings).filter((key) => !keys.includes(key)), [], `${bundle} has no unused keys`);
    }
  });
});
