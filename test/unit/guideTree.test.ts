import * as assert from 'node:assert/strict';
import { inLanguage, type GuideEntry } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { buildGuideTree, nodesWithChangedMarks, questionMarks, themeAnswered, walkTree, type TreeAnnotations } from '../../src/core/guideTree';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { makeGuide } from './helpers/guides';
import { contentRoot } from './helpers/repo';

describe('the guide tree', () => {
  let entry: GuideEntry;

  before(async () => {
    entry = (await loadGuideLibrary(nodeFileSystem, [contentRoot])).entries[0]!;
  });

  it('lists the four themes in the seed order under the guide', () => {
    const [guide] = buildGuideTree([entry.original]);
    assert.equal(guide?.label, 'Sociale medier i lokalpolitikken');
    assert.deepEqual(guide?.children.map((t) => t.label), [
      'Om at bruge sociale medier',
      'Om enkeltsager og helhedshensyn',
      'Om digital deltagelse',
      'Om samspillet mellem kommunalbestyrelse og forvaltning',
    ]);
  });

  it('labels questions with their short label and numbers them 1.1, 1.2 …', () => {
    const [guide] = buildGuideTree([entry.original]);
    const questions = guide!.children[2]!.children;
    assert.deepEqual(questions.map((q) => `${q.number} ${q.label}`), [
      '3.1 Gode situationer for dialog',
      '3.2 Grænser for inddragelse',
      '3.3 Inddragelse i kommunens udvikling',
      '3.4 Nysgerrighed på nye veje',
      '3.5 Flere med i samtalen',
    ]);
    assert.match(questions[0]!.text, /^Sociale medier giver nye muligheder/);
  });

  it("carries a question's hint and follow-up questions for the tooltip, and none where the guide has none", () => {
    const [guide] = buildGuideTree([makeGuide([{ id: 'tema', title: 'Tema', questions: [['a', 'A?', ['Hvem?', 'Hvornår?']], ['b', 'B?']] }])].map((g) => ({ ...g, themes: g.themes.map((t) => ({ ...t, questions: t.questions.map((q, i) => (i === 0 ? { ...q, hint: 'Spørg bredt.' } : q)) })) })));
    const [first, second] = guide!.children[0]!.children;
    assert.equal(first!.hint, 'Spørg bredt.');
    assert.deepEqual(first!.probes, ['Hvem?', 'Hvornår?']);
    assert.equal(second!.hint, undefined);
    assert.deepEqual(second!.probes, []);
  });

  it('keeps every id when the language switches, and shows the translation', () => {
    const danish = [...walkTree(buildGuideTree([entry.original]))];
    const english = [...walkTree(buildGuideTree([inLanguage(entry, 'en')]))];
    assert.deepEqual(english.map((n) => n.id), danish.map((n) => n.id));
    assert.equal(english.find((n) => n.id === 'question:sociale-medier-i-lokalpolitikken/digital-deltagelse/graenser')?.label, 'Limits to involvement');
  });

  it('links every node to its parent, so reveal can walk up', () => {
    for (const node of walkTree(buildGuideTree([entry.original]))) {
      if (node.kind === 'guide') assert.equal(node.parent, undefined);
      else assert.ok(node.parent?.children.some((c) => c === node), node.id);
    }
  });

  it('derives marks and per-theme counts from the annotations, naming only the rows that changed', () => {
    const roots = buildGuideTree([entry.original]);
    const [first, second] = roots[0]!.children;
    const none: TreeAnnotations = { guideId: undefined };
    const answers = new Map([['sociale-medier/platforme', 'answered' as const], ['sociale-medier/formaal', 'empty' as const]]);
    const marked: TreeAnnotations = { guideId: entry.id, answers };
    assert.deepEqual(nodesWithChangedMarks(roots, none, marked).map((n) => n.id).sort(), [
      'question:sociale-medier-i-lokalpolitikken/sociale-medier/formaal',
      'question:sociale-medier-i-lokalpolitikken/sociale-medier/platforme',
      'theme:sociale-medier-i-lokalpolitikken/sociale-medier',
    ]);
    assert.equal(themeAnswered(marked, first!), 1);
    assert.equal(themeAnswered(marked, second!), undefined, 'a theme without marks has no count');
    assert.equal(questionMarks(marked, first!.children.find((q) => q.questionId === 'sociale-medier/formaal')!).answer, 'empty');
    assert.deepEqual(nodesWithChangedMarks(roots, marked, { guideId: entry.id, answers: new Map(answers) }), [], 'the same marks change nothing');
    assert.equal(nodesWithChangedMarks(roots, marked, none).length, 3);
    assert.equal(themeAnswered(none, first!), undefined);
  });

  it('gives a question of another guide no marks, even with the same question id', () => {
    const [guide] = buildGuideTree([entry.original]);
    const question = guide!.children[0]!.children[0]!;
    const other: TreeAnnotations = { guideId: 'another-guide', answers: new Map([[question.questionId, 'answered' as const]]), review: new Map([[question.questionId, 'changed' as const]]) };
    assert.deepEqual(questionMarks(other, question), {});
    assert.equal(themeAnswered(other, guide!.children[0]!), undefined);
  });

});
