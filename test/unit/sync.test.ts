import * as assert from 'node:assert/strict';
import type { Guide } from '../../src/core/guide';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { applyEdits, planAddThemes, planSync, themesLeftOut, type TextEdit } from '../../src/core/sync';
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

/** An insertion in short: where and what. */
interface Insertion {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

function edits(text: string, guide: Guide): readonly TextEdit[] {
  const result = planSync(text, parseStrategyDocument(text, 'a.md'), guide);
  assert.ok(result.ok, JSON.stringify(result));
  return result.edits;
}

/** The planned edits, each of which must be an insertion. */
function plan(text: string, guide: Guide): readonly Insertion[] {
  return edits(text, guide).map(({ range, text: inserted }) => {
    assert.deepEqual(range.start, range.end, 'an insertion');
    return { ...range.start, text: inserted };
  });
}

function sync(text: string, guide: Guide): string {
  return applyEdits(text, edits(text, guide));
}

/** `text` with the themes added as Add Theme adds them. */
function addThemes(text: string, guide: Guide, themes: readonly string[]): string {
  const result = planAddThemes(text, parseStrategyDocument(text, 'a.md'), guide, themes);
  assert.ok(result.ok, JSON.stringify(result));
  return applyEdits(text, result.edits);
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

describe('recording the guide version', () => {
  const OLD = makeGuide([only(TEMA, 'foerste', 'tredje')]);
  const NEW = makeGuide([TEMA], { version: '1.1.0' });

  it('sets guideVersion to the newer guide in the same plan that adds its questions, and a second sync finds nothing', () => {
    const text = scaffoldStrategyDocument(OLD, OPTIONS);
    const synced = sync(text, NEW);
    assert.equal(synced, scaffoldStrategyDocument(NEW, OPTIONS));
    assert.deepEqual(edits(synced, NEW), []);
  });

  it('updates only the version when no question is missing, keeping CRLF and every other field', () => {
    const text = scaffoldStrategyDocument(makeGuide([TEMA]), OPTIONS).replace(/\n/g, '\r\n');
    assert.equal(sync(text, NEW), text.replace('guideVersion: "1.0.0"', 'guideVersion: "1.1.0"'));
  });

  it('never records an older guide than the document names', () => {
    const text = scaffoldStrategyDocument(NEW, OPTIONS);
    assert.deepEqual(edits(text, makeGuide([TEMA], { version: '1.0.9' })), []);
  });

  it('adds the key after the guide id when the document has none', () => {
    const text = scaffoldStrategyDocument(makeGuide([TEMA]), OPTIONS).replace('guideVersion: "1.0.0"\n', '');
    assert.match(sync(text, NEW), /^guide: "demo"\nguideVersion: "1\.1\.0"\nlanguage/m);
  });

  it('refuses when the version cannot be rewritten on its own line', () => {
    const text = scaffoldStrategyDocument(makeGuide([TEMA]), OPTIONS).replace('guideVersion: "1.0.0"', 'guideVersion: >-\n  1.0.0');
    assert.deepEqual(planSync(text, parseStrategyDocument(text, 'a.md'), NEW), { ok: false, reason: 'unsafe' });
  });
});

describe('adding a theme to a document scaffolded with some', () => {
  const guide = makeGuide([TEMA, ANDET, NYT]);
  const chosen = (themes: string[]) => scaffoldStrategyDocument(guide, { ...OPTIONS, themes });

  it('names the themes left out, in guide order', () => {
    const text = chosen(['andet']);
    assert.deepEqual(themesLeftOut(guide, parseStrategyDocument(text, 'a.md').frontMatter!).map((t) => t.id), ['tema', 'nyt']);
  });

  it('lists the theme in themes: and inserts its sections where the scaffold puts them, keeping the answers', () => {
    const text = answerQuestion(chosen(['andet']), 'andet/fjerde', 'Til foråret.');
    const added = addThemes(text, guide, ['tema']);
    assert.equal(added, answerQuestion(chosen(['tema', 'andet']), 'andet/fjerde', 'Til foråret.'));
  });

  it('removes the themes: key when every theme is then in', () => {
    const text = chosen(['tema', 'nyt']);
    const added = addThemes(text, guide, ['andet']);
    assert.equal(added, scaffoldStrategyDocument(guide, OPTIONS));
    assert.doesNotMatch(added, /^themes:/m);
  });

  it('rewrites a block list written by hand', () => {
    const text = chosen(['andet']).replace('themes: ["andet"]', 'themes:\n  - andet');
    assert.equal(addThemes(text, guide, ['nyt']), chosen(['andet', 'nyt']));
  });

  it('refuses, changing nothing, what it refuses to sync', () => {
    const text = chosen(['andet']).replace('### Hvornår', '<<<<<<< HEAD\n=======\n>>>>>>> b\n\n### Hvornår');
    assert.deepEqual(planAddThemes(text, parseStrategyDocument(text, 'a.md'), guide, ['tema']), { ok: false, reason: 'conflict' });
  });
});

describe('applying edits', () => {
  it('inserts at line starts and line ends, after a byte order mark, in the given order at one place', () => {
    const text = '\ufeffa\r\nb\r\nc';
    const at = (line: number, character: number, inserted: string): TextEdit => ({ range: { start: { line, character }, end: { line, character } }, text: inserted });
    assert.equal(applyEdits(text, [at(2, 1, '!'), at(0, 0, '1'), at(1, 0, 'x'), at(1, 0, 'y')]), '\ufeff1a\r\nxyb\r\nc!');
  });

  it('replaces whole lines beside an insertion', () => {
    const text = 'a\nb\nc\n';
    const edit: TextEdit = { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: 'B\n' };
    assert.equal(applyEdits(text, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x\n' }, edit]), 'a\nB\nx\nc\n');
  });
});
