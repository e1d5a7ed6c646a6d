import * as assert from 'node:assert/strict';
import { CoverageTable, coverageGuides, coverageRow } from '../../src/core/coverage';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { answerQuestion } from './helpers/answers';
import { entryOf, makeGuide } from './helpers/guides';

const PLAN = makeGuide(
  [
    { id: 'maal', title: 'Mål', questions: [['hvorfor', 'Hvorfor er vi her?'], ['hvem', 'Hvem taler vi til?']] },
    { id: 'kanaler', title: 'Kanaler', questions: [['valg', 'Hvilke kanaler?'], ['tone', 'Hvilken tone?'], ['svar', 'Hvem svarer?']] },
    { id: 'drift', title: 'Drift', questions: [['vagt', 'Hvem har vagten?']] },
  ],
  { id: 'plan' },
);
const OTHER = makeGuide([{ id: 'eneste', title: 'Eneste', questions: [['a', 'Spørgsmål A?']] }], { id: 'andet' });
const GUIDES = [entryOf(PLAN), entryOf(OTHER)];

function documentText(themes?: string[], answers: string[] = [], extraFrontMatter = ''): string {
  let text = scaffoldStrategyDocument(PLAN, { title: 'Plan | A <b>', organisation: 'K', ...(themes ? { themes } : {}) });
  if (extraFrontMatter) text = text.replace('status: draft\n', `${extraFrontMatter}\n`);
  for (const id of answers) text = answerQuestion(text, id, `Svar på ${id}.`);
  return text;
}

const rowOf = (text: string, file = 'plan.md', folder = '') => coverageRow(parseStrategyDocument(text, file), GUIDES, folder);

describe('the coverage model', () => {
  it('counts answered and total per theme of the guide, and in all', () => {
    const row = rowOf(documentText(undefined, ['maal/hvorfor', 'kanaler/valg', 'kanaler/svar']));
    assert.deepEqual(row.themes.map((t) => [t.id, t.title, t.answered, t.total]), [['maal', 'Mål', 1, 2], ['kanaler', 'Kanaler', 2, 3], ['drift', 'Drift', 0, 1]]);
    assert.deepEqual([row.answered, row.total, row.guideId, row.title, row.problem], [3, 6, 'plan', 'Plan | A <b>', undefined]);
    assert.deepEqual(row.themes[1]!.questions.map((q) => [q.id, q.name, q.state]), [['kanaler/valg', '2.1 Hvilke kanaler?', 'answered'], ['kanaler/tone', '2.2 Hvilken tone?', 'empty'], ['kanaler/svar', '2.3 Hvem svarer?', 'answered']]);
  });

  it('counts only the themes a document chose with themes:, in guide order', () => {
    const row = rowOf(documentText(['drift', 'maal'], ['maal/hvem', 'drift/vagt']));
    assert.deepEqual(row.themes.map((t) => [t.id, t.answered, t.total]), [['maal', 1, 2], ['drift', 1, 1]]);
    assert.deepEqual([row.answered, row.total], [2, 3]);
  });

  it('counts a question deleted from the document as missing, and opens its theme there', () => {
    const text = documentText(['kanaler'], ['kanaler/valg', 'kanaler/tone']).replace(/### Hvem svarer\?\n\n<!-- dialogue-guide: kanaler\/svar -->\n/, '');
    const theme = rowOf(text).themes[0]!;
    assert.deepEqual(theme.questions.map((q) => q.state), ['answered', 'answered', 'missing']);
    assert.equal(theme.target, 'kanaler/svar');
  });

  it('opens a theme at its first unanswered question, and a fully answered one at its first question', () => {
    const row = rowOf(documentText(undefined, ['maal/hvorfor', 'maal/hvem', 'kanaler/valg']));
    assert.deepEqual(row.themes.map((t) => t.target), ['maal/hvorfor', 'kanaler/tone', 'drift/vagt']);
  });

  it('reads status and owners from the front matter', () => {
    const row = rowOf(documentText(undefined, [], 'status: review\nowners: [Anne, "Bo B"]').replace('owners: []\n', ''));
    assert.deepEqual([row.status, row.owners], ['review', ['Anne', 'Bo B']]);
  });

  it('gives a document without a guide, or with one not loaded, no counts and says why', () => {
    assert.equal(rowOf(documentText().replace('guide: "plan"', 'guide: "ukendt"')).problem, 'unknownGuide');
    assert.equal(rowOf('---\ntitle: T\n---\n\n<!-- dialogue-guide: maal/hvorfor -->\n').problem, 'noGuide');
    const broken = rowOf('---\ntitle: "T\n---\n\n<!-- dialogue-guide: maal/hvorfor -->\n');
    assert.deepEqual([broken.problem, broken.answered, broken.total, broken.themes], ['frontMatter', 0, 0, []]);
  });

  it('lists the columns of every guide the rows use, all of its themes, whatever a row chose', () => {
    const rows = [rowOf(documentText(['drift'])), rowOf('---\nguide: andet\n---\n\n<!-- dialogue-guide: eneste/a -->\n', 'b.md')];
    assert.deepEqual(coverageGuides(rows, GUIDES).map((g) => [g.id, g.columns.map((c) => c.themeId)]), [['plan', ['maal', 'kanaler', 'drift']], ['andet', ['eneste']]]);
    assert.deepEqual(coverageGuides([rows[1]!], GUIDES).map((g) => g.id), ['andet']);
  });

  it('updates one document at a time, and says when nothing changed', () => {
    const table = new CoverageTable();
    assert.equal(table.set(rowOf(documentText(), 'b.md', 'B')), true);
    assert.equal(table.set(rowOf(documentText(), 'a.md', 'B')), true);
    assert.equal(table.set(rowOf(documentText(), 'z.md', 'A')), true);
    assert.deepEqual(table.rows().map((r) => r.file), ['z.md', 'a.md', 'b.md']);
    assert.equal(table.set(rowOf(documentText(), 'a.md', 'B')), false, 'the same counts again');
    assert.equal(table.set(rowOf(documentText(undefined, ['drift/vagt']), 'a.md', 'B')), true);
    assert.equal(table.get('a.md')!.answered, 1);
    assert.equal(table.get('b.md')!.answered, 0, 'the other rows are untouched');
    assert.equal(table.remove('a.md'), true);
    assert.equal(table.remove('a.md'), false);
    assert.deepEqual(table.rows().map((r) => r.file), ['z.md', 'b.md']);
  });
});
