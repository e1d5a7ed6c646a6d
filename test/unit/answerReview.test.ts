import * as assert from 'node:assert/strict';
import { answersOf, reviewAnswers, type AnswerReview } from '../../src/core/answerReview';
import { markerFor, parseStrategyDocument } from '../../src/core/strategyDocument';

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

describe('reading the answers of a parsed document', () => {
  it('takes answered sections only, and every section of a duplicated marker, so a change in any is seen', () => {
    const text = ['---', 'guide: demo', '---', '', '### One', markerFor('a/one'), 'First.\r', '', '### Two', markerFor('a/two'), '<!-- Your answer -->', '', markerFor('a/one'), 'Second.', ''].join('\n');
    assert.deepEqual([...answersOf(parseStrategyDocument(text, 'plan.md'))], [['a/one', 'First.\n\nSecond.']]);
  });
});
