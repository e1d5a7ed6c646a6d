import * as assert from 'node:assert/strict';
import { reviewDocument } from '../../src/core/answerReview';
import { buildExportModel } from '../../src/core/export/exportModel';
import type { Guide, Question } from '../../src/core/guide';
import { planRepair } from '../../src/core/repairs';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { analyseStrategyDocument, markerFor, parseStrategyDocument } from '../../src/core/strategyDocument';
import { applyEdits, planSync } from '../../src/core/sync';
import { formatFinding } from '../../src/l10n/findingMessages';
import { answerQuestion } from './helpers/answers';
import { entryOf, makeGuide } from './helpers/guides';
import { english } from './helpers/l10n';

const OPTIONS = { title: 'T', organisation: 'O' };
/** Version 1.0.0: tema/gammel and tema/fast. */
const OLD = makeGuide([{ id: 'tema', title: 'Tema', questions: [['gammel', 'Hvad gør I?'], ['fast', 'Hvorfor?'], ['droppet', 'Hvornår?']] }]);

/** Version 1.1.0: tema/gammel is now tema/ny, tema/droppet is gone and tema/tilfoejet is new. */
function renamedGuide(): Guide {
  const guide = makeGuide([{ id: 'tema', title: 'Tema', questions: [['ny', 'Hvad gør I?'], ['fast', 'Hvorfor?'], ['tilfoejet', 'Hvem?']] }], { version: '1.1.0' });
  const [first, ...rest] = guide.themes[0]!.questions;
  const renamed: Question = { ...first!, formerIds: ['tema/gammel'] };
  return { ...guide, themes: [{ ...guide.themes[0]!, questions: [renamed, ...rest] }] };
}

const ANSWER = 'Vi  gør det\r\nhver uge.  ';

function oldDocument(): string {
  return answerQuestion(answerQuestion(scaffoldStrategyDocument(OLD, OPTIONS), 'tema/gammel', ANSWER), 'tema/droppet', 'Om foråret.');
}

describe('former ids of a renamed question', () => {
  const guide = renamedGuide();

  it('counts a marker with a former id for the question, with a warning naming the new marker', () => {
    const document = parseStrategyDocument(oldDocument(), 'a.md');
    const analysis = analyseStrategyDocument(document, [entryOf(guide)]);
    const first = analysis.themes[0]!.questions[0]!;
    assert.equal(first.question.id, 'tema/ny');
    assert.equal(first.state, 'answered');
    assert.equal(first.section?.answer, ANSWER);
    const warning = analysis.findings.find((f) => f.code === 'marker.formerId')!;
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.range.start.line, document.sections[0]!.markerLine);
    assert.equal(formatFinding(warning, english), `a.md:${warning.range.start.line + 1}: "tema/gammel" is the former id of question 1.1 Hvad gør I?, now "tema/ny": its answer counts for that question. Rewrite the marker as <!-- dialogue-guide: tema/ny -->.`);
    assert.ok(!analysis.findings.some((f) => f.code === 'question.missing' && f.args.id === 'tema/ny'));
    assert.ok(!analysis.findings.some((f) => f.code === 'question.removed' && f.args.id === 'tema/gammel'));
  });

  it('says what changed since the version the document was written for', () => {
    const analysis = analyseStrategyDocument(parseStrategyDocument(oldDocument(), 'a.md'), [entryOf(guide)]);
    const behind = analysis.findings.find((f) => f.code === 'document.behindGuide')!;
    assert.deepEqual(behind.args, { version: '1.0.0', guideVersion: '1.1.0', added: '1.3', renamed: '1.1', removed: 'tema/droppet' });
    assert.equal(behind.range.start.line, 4, 'on the guideVersion line');
    assert.match(formatFinding(behind, english), /version 1\.0\.0 of the guide; the guide is now at version 1\.1\.0\. New questions: 1\.3\. Renamed questions: 1\.1\. Questions no longer in the guide: tema\/droppet\./);
  });

  it('does not flag a document written for the guide\'s version, or a newer one', () => {
    for (const version of ['1.1.0', '2.0.0']) {
      const text = oldDocument().replace('guideVersion: "1.0.0"', `guideVersion: "${version}"`);
      const analysis = analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), [entryOf(guide)]);
      assert.ok(!analysis.findings.some((f) => f.code === 'document.behindGuide'), version);
    }
  });

  it('reviews a rename since the base as the same answer, unchanged', () => {
    const base = parseStrategyDocument(oldDocument(), 'a.md');
    const current = parseStrategyDocument(oldDocument().replace('dialogue-guide: tema/gammel', 'dialogue-guide: tema/ny'), 'a.md');
    const review = reviewDocument(current, base, guide);
    assert.deepEqual(review.questions.find((q) => q.questionId === 'tema/ny')?.change, 'unchanged');
    assert.ok(!review.questions.some((q) => q.questionId === 'tema/gammel'));
    assert.equal(review.counts.removed, 0);
    assert.equal(review.counts.new, 0);
  });

  it('renames the marker in a sync, keeps the answer byte for byte and adds only the new question', () => {
    const before = oldDocument();
    const document = parseStrategyDocument(before, 'a.md');
    const plan = planSync(before, document, guide);
    assert.ok(plan.ok);
    const after = applyEdits(before, plan.edits);
    const synced = parseStrategyDocument(after, 'a.md');
    assert.deepEqual(synced.sections.map((s) => s.questionId), ['tema/ny', 'tema/fast', 'tema/tilfoejet', 'tema/droppet']);
    assert.equal(synced.sections[0]!.answer, document.sections[0]!.answer);
    assert.equal(synced.sections[3]!.answer, 'Om foråret.');
    assert.ok(after.includes('guideVersion: "1.1.0"'));
    // From the theme's heading to the next question, only the marker changed.
    const between = (text: string) => text.slice(text.indexOf('## Tema'), text.indexOf('### Hvorfor?'));
    assert.equal(between(after), between(before).replace('<!-- dialogue-guide: tema/gammel -->', '<!-- dialogue-guide: tema/ny -->'));
    const analysis = analyseStrategyDocument(synced, [entryOf(guide)]);
    assert.ok(!analysis.findings.some((f) => f.code === 'marker.formerId' || f.code === 'document.behindGuide'));
    const again = planSync(after, synced, guide);
    assert.ok(again.ok && again.edits.length === 0, 'a second sync finds nothing to do');
  });

  it('exports the answers under a former id and under the new id both, in document order', () => {
    const guide = renamedGuide();
    const text = answerQuestion(answerQuestion(scaffoldStrategyDocument(makeGuide([{ id: 'tema', title: 'Tema', questions: [['gammel', 'Hvad gør I?'], ['fast', 'Hvorfor?']] }]), OPTIONS), 'tema/gammel', ANSWER), 'tema/fast', 'Fordi.').replace(markerFor('tema/fast'), `${markerFor('tema/ny')}\n\nOgså dette.\n\n### Hvorfor?\n\n${markerFor('tema/fast')}`);
    const result = buildExportModel({ document: parseStrategyDocument(text, 'a.md'), guides: [entryOf(guide)], includeQuotes: false });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.findings));
    const question = result.model.themes[0]!.questions.find((q) => q.id === 'tema/ny')!;
    const words = JSON.stringify(question.blocks);
    assert.ok(words.includes('hver uge') && words.includes('Også dette.'), words);
    assert.ok(words.indexOf('hver uge') < words.indexOf('Også dette.'));
  });

  it('leaves a former id alone in a sync when the document already has the new marker', () => {
    const text = oldDocument().replace('### Hvorfor?', '### Hvad gør I?\n\n<!-- dialogue-guide: tema/ny -->\n\nNyt svar.\n\n### Hvorfor?');
    const plan = planSync(text, parseStrategyDocument(text, 'a.md'), guide);
    assert.ok(plan.ok);
    const after = applyEdits(text, plan.edits);
    assert.ok(after.includes('<!-- dialogue-guide: tema/gammel -->'));
    assert.equal(parseStrategyDocument(after, 'a.md').sections.filter((s) => s.questionId === 'tema/ny').length, 1);
  });

  it('offers a quick fix that rewrites the marker, and none when the new id is taken', () => {
    const text = oldDocument();
    const document = parseStrategyDocument(text, 'a.md');
    const finding = analyseStrategyDocument(document, [entryOf(guide)]).findings.find((f) => f.code === 'marker.formerId')!;
    const edits = planRepair(text, document, guide, finding)!;
    assert.equal(edits.length, 1);
    const repaired = parseStrategyDocument(edits.reduce((t, e) => t.replace('<!-- dialogue-guide: tema/gammel -->', e.newText), text), 'a.md');
    assert.equal(repaired.sections[0]!.questionId, 'tema/ny');
    assert.equal(repaired.sections[0]!.answer, document.sections[0]!.answer);

    const taken = text.replace('### Hvorfor?', '### Hvad gør I?\n\n<!-- dialogue-guide: tema/ny -->\n\n### Hvorfor?');
    const takenDocument = parseStrategyDocument(taken, 'a.md');
    const takenFinding = analyseStrategyDocument(takenDocument, [entryOf(guide)]).findings.find((f) => f.code === 'marker.formerId')!;
    assert.equal(planRepair(taken, takenDocument, guide, takenFinding), undefined);
  });
});
