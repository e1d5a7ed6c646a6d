import * as assert from 'node:assert/strict';
import { readFrontMatter } from '../../src/core/frontMatter';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { readSimpleFrontMatter } from '../../src/core/simpleFrontMatter';
import { makeGuide } from './helpers/guides';

describe('reading the scaffold\'s front matter without YAML', () => {
  it('reads what the scaffold writes, as YAML does, with the same ranges', () => {
    const guide = makeGuide([{ id: 'tema', title: 'Tema', questions: [['a', 'A?']] }, { id: 'andet', title: 'Andet', questions: [['b', 'B?']] }]);
    const text = scaffoldStrategyDocument(guide, { title: 'Strategi "2025"\n\u2028\u0085', organisation: 'Æblerød Kommune', themes: ['andet'] });
    const block = text.slice(0, text.indexOf('\n---\n') + 5);
    const simple = readSimpleFrontMatter(block);
    const full = readFrontMatter(block);
    assert.ok(simple && full.ok);
    assert.deepEqual(simple.data, full.frontMatter.data);
    for (const key of Object.keys(simple.data)) assert.deepEqual(simple.rangeOf([key]), full.frontMatter.rangeOf([key]), key);
  });

  const others: [string, string][] = [
    ['a comment', '# note'],
    ['a blank line', ''],
    ['a block value', 'owners:\n  - Anna'],
    ['a number', 'guideVersion: 1.0'],
    ['a boolean', 'status: true'],
    ['a single-quoted string', "title: 'T'"],
    ['a comment after a value', 'title: "T" # note'],
    ['a repeated key', 'title: "A"\ntitle: "B"'],
    ['a raw control character in quotes', 'title: "a\u0085b"'],
    ['an array of numbers', 'owners: [1]'],
  ];
  for (const [what, line] of others) {
    it(`leaves ${what} to the YAML reader`, () => {
      assert.equal(readSimpleFrontMatter(`---\nguide: "demo"\n${line}\n---\n`), undefined);
    });
  }
});
