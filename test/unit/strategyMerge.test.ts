import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allQuestions, type Guide, type Question } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { answerQuestion } from './helpers/answers';
import { commitFiles, gitRepository, runGit } from './helpers/gitRepo';
import { contentRoot } from './helpers/repo';

const FILE = 'strategy/strategi.md';

describe('merging answers in Git', function () {
  // Each merge runs Git several times; a busy machine makes that slow.
  this.timeout(30_000);
  let guide: Guide;
  let scaffold: string;
  let root: string;

  before(async () => {
    guide = (await loadGuideLibrary(nodeFileSystem, [contentRoot])).entries[0]!.original;
    scaffold = scaffoldStrategyDocument(guide, { title: 'Strategi', organisation: 'Kommune', includeQuotes: true });
    root = gitRepository({ [FILE]: scaffold });
  });

  /** Answers `a` on one branch and `b` on another, both from the scaffold, and merges the second into the first. */
  function mergeAnswers(a: Question, answerA: string, b: Question, answerB: string): string {
    const branch = `${a.number}-${b.number}`;
    runGit(root, 'checkout', '-q', '-b', `a/${branch}`, 'main');
    commitFiles(root, { [FILE]: answerQuestion(scaffold, a.id, answerA) }, `Answer ${a.number}`);
    runGit(root, 'checkout', '-q', '-b', `b/${branch}`, 'main');
    commitFiles(root, { [FILE]: answerQuestion(scaffold, b.id, answerB) }, `Answer ${b.number}`);
    runGit(root, 'checkout', '-q', `a/${branch}`);
    // Throws when Git finds a conflict.
    runGit(root, 'merge', '-q', '--no-edit', '--no-ff', `b/${branch}`);
    return readFileSync(join(root, FILE), 'utf8');
  }

  // Inside a theme, across themes (with quotes between) and at the end of the document.
  for (const [first, second] of [['1.1', '1.2'], ['1.6', '2.1'], ['4.3', '4.4']] as const) {
    it(`merges answers to neighbouring questions ${first} and ${second}, given on two branches, without a conflict`, () => {
      const [a, b] = [first, second].map((n) => allQuestions(guide).find((q) => q.number === n)!) as [Question, Question];
      assert.equal(allQuestions(guide).indexOf(b), allQuestions(guide).indexOf(a) + 1);
      const answerA = `Svar på ${a.number}, af Anna.\n\n- første punkt\n- andet punkt`;
      const answerB = `Svar på ${b.number}, af Bo.\n\n> Et citat i svaret.`;
      const merged = parseStrategyDocument(mergeAnswers(a, answerA, b, answerB), FILE);
      assert.deepEqual(merged.conflictLines, []);
      const answers = new Map(merged.sections.map((s) => [s.questionId, s.answer]));
      assert.equal(answers.get(a.id), answerA);
      assert.equal(answers.get(b.id), answerB);
      assert.equal(merged.sections.filter((s) => s.state === 'answered').length, 2);
    });
  }

  it('does conflict when both branches answer the same question, so the merges above prove something', () => {
    const question = allQuestions(guide)[0]!;
    assert.throws(() => mergeAnswers(question, 'Anna svarer.', question, 'Bo svarer.'));
    const conflicted = parseStrategyDocument(readFileSync(join(root, FILE), 'utf8'), FILE);
    assert.ok(conflicted.conflictLines.length >= 3, 'Git left its <<<<<<<, ======= and >>>>>>> lines');
    runGit(root, 'merge', '--abort');
  });
});
