import * as assert from 'node:assert/strict';
import { inLanguage, type GuideEntry } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { annotateTree, buildGuideTree, walkTree } from '../../src/core/guideTree';
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

  it('marks answers and counts them per theme, reporting only what changed', () => {
    const roots = buildGuideTree([entry.original]);
    const answers = new Map([['sociale-medier/platforme', 'answered' as const], ['sociale-medier/formaal', 'empty' as const]]);
    const first = annotateTree(roots, { guideId: entry.id, answers });
    assert.deepEqual(first.map((n) => n.id).sort(), [
      'question:sociale-medier-i-lokalpolitikken/sociale-medier/formaal',
      'question:sociale-medier-i-lokalpolitikken/sociale-medier/platforme',
      'theme:sociale-medier-i-lokalpolitikken/sociale-medier',
    ]);
    assert.equal(roots[0]!.children[0]!.answered, 1);
    assert.equal(roots[0]!.children[1]!.answered, undefined, 'a theme without marks has no count');
    assert.deepEqual(annotateTree(roots, { guideId: entry.id, answers }), [], 'the same marks change nothing');
    const cleared = annotateTree(roots, { guideId: undefined });
    assert.equal(cleared.length, first.length);
    assert.equal(roots[0]!.children[0]!.answered, undefined);
  });
});
