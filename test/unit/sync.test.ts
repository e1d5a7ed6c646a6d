import * as assert from 'node:assert/strict';
import type { Guide } from '../../src/core/guide';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { applyInsertions, planSync, type Insertion } from '../../src/core/sync';
import { answerQuestion } from './helpers/answers';
import { makeGuide, type ThemeSpec } from './helpers/guides';

const TEMA: ThemeSpec = { id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['anden', 'Hvorfor?'], ['tredje', 'Hvordan?']] };
const ANDET: ThemeSpec = { id: 'andet', title: 'Andet tema', questions: [['fjerde', 'Hvornår?'], ['femte', 'Hvem?']] };
const NYT: ThemeSpec = { id: 'nyt', title: 'Nyt tema', questions: [['sjette', 'Hvor?']] };
const OPTIONS = { title: 'T', organisation: 'O' };

/** The theme with only the questions whose slugs are given. */
function only(theme: ThemeSpec, ...slugs: string[]): ThemeSpec {
  return { ...theme, questions: theme.questions.filter(([slug]) => slugs.includes(slug)) };
}

function plan(text: string, guide: Guide): readonly Insertion[] {
  const result = planSync(text, parseStrategyDocument(text, 'a.md'), guide);
  assert.ok(result.ok, JSON.stringify(result));
  return result.insertions;
}

function sync(text: string, guide: Guide): string {
  return applyInsertions(text, plan(text, guide));
}

/** The zero-based line of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

describe('planning a sync with the guide', () => {
  const full = makeGuide([TEMA, ANDET]);

  it('inserts a question the guide gained before the next section of its theme', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'foerste', 'tredje'), ANDET]), OPTIONS);
    assert.deepEqual(plan(text, full), [{ line: lineOf(text, '### Hvordan?'), character: 0, text: '### Hvorfor?\n\n<!-- dialogue-guide: tema/anden -->\n\n' }]);
  });

  it('inserts a question the guide gained first in its theme before the first section', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'anden', 'tredje'), ANDET]), OPTIONS);
    assert.deepEqual(plan(text, full), [{ line: lineOf(text, '### Hvorfor?'), character: 0, text: '### Hvad gør I?\n\n<!-- dialogue-guide: tema/foerste -->\n\n' }]);
  });

  it('inserts a question the guide gained last in a theme before the next theme', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'foerste', 'anden'), ANDET]), OPTIONS);
    assert.deepEqual(plan(text, full), [{ line: lineOf(text, '## Andet tema'), character: 0, text: '### Hvordan?\n\n<!-- dialogue-guide: tema/tredje -->\n\n' }]);
  });

  it('appends at the end with one final newline, or none when the text had none', () => {
    const text = scaffoldStrategyDocument(makeGuide([TEMA, only(ANDET, 'fjerde')]), OPTIONS);
    const last = text.split('\n').length - 1;
    assert.deepEqual(plan(text, full), [{ line: last, character: 0, text: '\n### Hvem?\n\n<!-- dialogue-guide: andet/femte -->\n' }]);
    const unterminated = text.slice(0, -1);
    const marker = '<!-- dialogue-guide: andet/fjerde -->';
    assert.deepEqual(plan(unterminated, full), [{ line: last - 1, character: marker.length, text: '\n\n### Hvem?\n\n<!-- dialogue-guide: andet/femte -->' }]);
    assert.equal(sync(unterminated, full), scaffoldStrategyDocument(full, OPTIONS).slice(0, -1));
  });

  it('inserts a theme the guide gained, with its questions, after the previous theme', () => {
    const text = scaffoldStrategyDocument(full, OPTIONS);
    const grown = makeGuide([NYT, TEMA, ANDET, { ...NYT, id: 'sidst', title: 'Sidste tema', questions: [['x', 'Hvad så?']] }]);
    const newTheme = '## Nyt tema\n\n<!-- dialogue-guide: nyt -->\n\n### Hvor?\n\n<!-- dialogue-guide: nyt/sjette -->\n\n';
    assert.deepEqual(plan(text, grown), [
      { line: lineOf(text, '## Tema'), character: 0, text: newTheme },
      { line: text.split('\n').length - 1, character: 0, text: '\n## Sidste tema\n\n<!-- dialogue-guide: sidst -->\n\n### Hvad så?\n\n<!-- dialogue-guide: sidst/x -->\n' },
    ]);
    assert.equal(sync(text, grown), scaffoldStrategyDocument(grown, OPTIONS));
  });

  it('puts everything that goes in one place in guide order, in one insertion', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'foerste'), ANDET]), OPTIONS);
    const grown = makeGuide([TEMA, NYT, ANDET]);
    const insertions = plan(text, grown);
    assert.equal(insertions.length, 1);
    assert.match(insertions[0]!.text, /^### Hvorfor\?\n\n.*\n\n### Hvordan\?\n\n.*\n\n## Nyt tema\n\n(.*\n\n){3}$/);
    assert.equal(sync(text, grown), scaffoldStrategyDocument(grown, OPTIONS));
  });

  it('keeps answers, and the answer to a question the guide dropped where it is', () => {
    let text = scaffoldStrategyDocument(full, OPTIONS);
    text = answerQuestion(text, 'tema/foerste', 'Første svar.');
    text = answerQuestion(text, 'tema/anden', 'Svar på et spørgsmål, der udgår.');
    const changed = makeGuide([{ ...TEMA, questions: [['foerste', 'Hvad gør I?'], ['ny', 'Hvad er nyt?'], ['tredje', 'Hvordan?']] }, ANDET]);
    const synced = sync(text, changed);
    const sections = parseStrategyDocument(synced, 'a.md').sections;
    assert.deepEqual(sections.map((s) => [s.questionId, s.answer]), [
      ['tema/foerste', 'Første svar.'],
      ['tema/ny', ''],
      ['tema/anden', 'Svar på et spørgsmål, der udgår.'],
      ['tema/tredje', ''],
      ['andet/fjerde', ''],
      ['andet/femte', ''],
    ]);
    assert.ok(synced.includes('Første svar.\n\n### Hvad er nyt?\n\n<!-- dialogue-guide: tema/ny -->\n\n### Hvorfor?'));
  });

  it('adds the blank line the scaffold would have when an answer runs right up to the next heading', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'foerste', 'tredje')]), OPTIONS).replace('tema/foerste -->\n\n', 'tema/foerste -->\nSvar.\n');
    assert.deepEqual(plan(text, makeGuide([TEMA])), [{ line: lineOf(text, '### Hvordan?'), character: 0, text: '\n### Hvorfor?\n\n<!-- dialogue-guide: tema/anden -->\n\n' }]);
  });

  it('keeps CRLF line endings', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'foerste')]), OPTIONS).replace(/\n/g, '\r\n');
    const synced = sync(text, makeGuide([TEMA, ANDET]));
    assert.equal(synced, scaffoldStrategyDocument(makeGuide([TEMA, ANDET]), OPTIONS).replace(/\n/g, '\r\n'));
  });

  it('leaves out the themes a document did not choose', () => {
    const text = scaffoldStrategyDocument(makeGuide([TEMA, only(ANDET, 'fjerde')]), { ...OPTIONS, themes: ['andet'] });
    assert.deepEqual(plan(text, makeGuide([TEMA, ANDET, NYT])).map((i) => i.text), ['\n### Hvem?\n\n<!-- dialogue-guide: andet/femte -->\n']);
  });

  it('adds nothing to a document that has every section', () => {
    assert.deepEqual(plan(scaffoldStrategyDocument(full, OPTIONS), full), []);
  });

  it('does not add a section again that sits under another theme', () => {
    const text = scaffoldStrategyDocument(full, OPTIONS).replace('\n### Hvorfor?\n\n<!-- dialogue-guide: tema/anden -->\n', '') + '\n### Hvorfor?\n\n<!-- dialogue-guide: tema/anden -->\n';
    assert.deepEqual(plan(text, full), []);
  });

  it('refuses a document with conflict markers, broken front matter or another guide', () => {
    const text = scaffoldStrategyDocument(makeGuide([only(TEMA, 'foerste')]), OPTIONS);
    const cases: [string, string][] = [
      [text.replace('### Hvad', '<<<<<<< HEAD\n=======\n>>>>>>> b\n\n### Hvad'), 'conflict'],
      [text.replace('title: "T"', 'title: "T'), 'frontMatter'],
      [text.replace('guide: "demo"', 'guide: "andet"'), 'guideMismatch'],
    ];
    for (const [broken, reason] of cases) {
      assert.deepEqual(planSync(broken, parseStrategyDocument(broken, 'a.md'), full), { ok: false, reason });
    }
  });
});

describe('applying insertions', () => {
  it('inserts at line starts and line ends, after a byte order mark, in the given order at one place', () => {
    const text = '\ufeffa\r\nb\r\nc';
    const insertions = [
      { line: 2, character: 1, text: '!' },
      { line: 0, character: 0, text: '1' },
      { line: 1, character: 0, text: 'x' },
      { line: 1, character: 0, text: 'y' },
    ];
    assert.equal(applyInsertions(text, insertions), '\ufeff1a\r\nxyb\r\nc!');
  });
});
