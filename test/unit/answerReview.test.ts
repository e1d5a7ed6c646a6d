import * as assert from 'node:assert/strict';
import { answersOf, reviewAnswers, reviewDocument, type AnswerReview } from '../../src/core/answerReview';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor, parseStrategyDocument, type StrategyDocument } from '../../src/core/strategyDocument';
import { answerQuestion } from './helpers/answers';
import { makeGuide } from './helpers/guides';

const ORDER = ['a/one', 'a/two', 'b/three'];

function changes(review: AnswerReview): Record<string, string> {
  return Object.fromEntries(review.questions.map((q) => [q.questionId, q.change]));
}

describe('reviewing answers against a base', () => {
  it('tells new, changed, unchanged and removed answers apart', () => {
    const base = new Map([['a/two', 'Old.'], ['b/three', 'Kept.'], ['a/one', '']]);
    const current = new Map([['a/one', 'Fresh.'], ['b/three', 'Kept.']]);
    const review = reviewAnswers(base, current, [...ORDER, 'c/four']);
    assert.deepEqual(changes(review), { 'a/one': 'new', 'a/two': 'removed', 'b/three': 'unchanged', 'c/four': 'unchanged' });
    assert.deepEqual(review.counts, { new: 1, changed: 0, unchanged: 2, removed: 1 });
    assert.deepEqual(review.questions[3], { questionId: 'c/four', change: 'unchanged', base: undefined, current: undefined });
    assert.equal(review.notInBase, false);
  });

  it('marks a changed answer and keeps both texts exactly as written', () => {
    const review = reviewAnswers(new Map([['a/one', 'Before.\r\n']]), new Map([['a/one', 'After.\n']]), ORDER);
    assert.deepEqual(review.questions[0], { questionId: 'a/one', change: 'changed', base: 'Before.\r\n', current: 'After.\n' });
  });

  it('ignores line endings and trailing whitespace, but not other spacing', () => {
    const base = new Map([['a/one', 'We post daily.\r\nOn Facebook.\r\n\r\n'], ['a/two', 'Two  words.']]);
    const current = new Map([['a/one', 'We post daily.  \nOn Facebook.\t\n'], ['a/two', 'Two words.']]);
    assert.deepEqual(changes(reviewAnswers(base, current, ORDER)), { 'a/one': 'unchanged', 'a/two': 'changed', 'b/three': 'unchanged' });
  });

  it('counts every answer as new when the document is not in the base', () => {
    const review = reviewAnswers(undefined, new Map([['a/one', 'Yes.'], ['b/three', 'No.']]), ORDER);
    assert.equal(review.notInBase, true);
    assert.deepEqual(review.counts, { new: 2, changed: 0, unchanged: 1, removed: 0 });
  });

  it('treats an answer of whitespace alone as no answer', () => {
    const review = reviewAnswers(new Map([['a/one', 'Gone.']]), new Map([['a/one', ' \n\t\n']]), ORDER);
    assert.deepEqual(review.questions[0], { questionId: 'a/one', change: 'removed', base: 'Gone.', current: undefined });
  });

  it('lists the guide questions in guide order, then ids the guide does not know', () => {
    const current = new Map([['z/extra', 'Mine.'], ['b/three', 'Yes.']]);
    const base = new Map([['y/old', 'Before.']]);
    assert.deepEqual(reviewAnswers(base, current, ORDER).questions.map((q) => q.questionId), [...ORDER, 'z/extra', 'y/old']);
  });
});

describe('reviewing a strategy document against its base', () => {
  const guide = makeGuide([
    { id: 'a', title: 'A', questions: [['one', 'One?'], ['two', 'Two?']] },
    { id: 'b', title: 'B', questions: [['three', 'Three?']] },
  ]);
  const parse = (text: string): StrategyDocument => parseStrategyDocument(text, 'plan.md');
  const answered = (text: string, answers: Record<string, string>) => Object.entries(answers).reduce((t, [id, answer]) => answerQuestion(t, id, answer), text);
  /** `text` with a question section the scaffold did not write, answered. */
  const withSection = (text: string, id: string, answer: string) => `${text}\n### ${id}?\n\n${markerFor(id)}\n\n${answer}\n`;
  const all = scaffoldStrategyDocument(guide, { title: 'T', organisation: 'O' });
  const onlyA = scaffoldStrategyDocument(guide, { title: 'T', organisation: 'O', themes: ['a'] });

  it('holds a document with themes: in its front matter to the questions of those themes alone', () => {
    const base = answered(onlyA, { 'a/one': 'Before.' });
    const review = reviewDocument(parse(answered(onlyA, { 'a/one': 'After.' })), parse(base), guide);
    assert.deepEqual(changes(review), { 'a/one': 'changed', 'a/two': 'unchanged' });
    assert.deepEqual(review.counts, { new: 0, changed: 1, unchanged: 1, removed: 0 });
  });

  it('holds a document without themes: to every question of the guide, in guide order', () => {
    const review = reviewDocument(parse(answered(all, { 'b/three': 'Yes.' })), parse(all), guide);
    assert.deepEqual(review.questions.map((q) => q.questionId), ['a/one', 'a/two', 'b/three']);
    assert.deepEqual(review.counts, { new: 1, changed: 0, unchanged: 2, removed: 0 });
  });

  it('lists ids the guide does not know, and answers outside the scope, after the scope, in document order', () => {
    const base = parse(withSection(onlyA, 'y/old', 'Before.'));
    const now = parse(withSection(withSection(onlyA, 'z/extra', 'Mine.'), 'b/three', 'Out of scope.'));
    const review = reviewDocument(now, base, guide);
    assert.deepEqual(changes(review), { 'a/one': 'unchanged', 'a/two': 'unchanged', 'z/extra': 'new', 'b/three': 'new', 'y/old': 'removed' });
  });

  it('counts every answer as new when the document is not in the base', () => {
    const review = reviewDocument(parse(answered(onlyA, { 'a/two': 'Yes.' })), undefined, guide);
    assert.equal(review.notInBase, true);
    assert.deepEqual(review.counts, { new: 1, changed: 0, unchanged: 1, removed: 0 });
  });

  it('compares only the answers written when the guide is not loaded', () => {
    const review = reviewDocument(parse(answered(all, { 'a/two': 'Now.' })), parse(answered(all, { 'b/three': 'Then.' })), undefined);
    assert.deepEqual(changes(review), { 'a/two': 'new', 'b/three': 'removed' });
  });
});

describe('reading the answers of a parsed document', () => {
  it('takes answered sections only, and every section of a duplicated marker, so a change in any is seen', () => {
    const text = ['---', 'guide: demo', '---', '', '### One', markerFor('a/one'), 'First.\r', '', '### Two', markerFor('a/two'), '<!-- Your answer -->', '', markerFor('a/one'), 'Second.', ''].join('\n');
    assert.deepEqual([...answersOf(parseStrategyDocument(text, 'plan.md'))], [['a/one', 'First.\n\nSecond.']]);
  });
});
