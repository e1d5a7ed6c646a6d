import * as assert from 'node:assert/strict';
import type { Finding, FindingCode } from '../../src/core/findings';
import { applyTextEdits, planRepair } from '../../src/core/repairs';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor, parseStrategyDocument, type StrategyDocument } from '../../src/core/strategyDocument';
import { answerQuestion } from './helpers/answers';
import { makeGuide } from './helpers/guides';

const GUIDE = makeGuide([
  { id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['anden', 'Hvorfor\ngør I det?']] },
  { id: 'andet', title: 'Andet tema', questions: [['tredje', 'Hvornår?']] },
]);
const SCAFFOLD = scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O' });
/** Every question answered, so a repair that moved text between answers would show. */
const ANSWERED = [
  ['tema/foerste', 'Vi skriver.\n\nOg mere.'],
  ['tema/anden', 'Fordi.'],
  ['andet/tredje', 'Snart.'],
].reduce((text, [id, answer]) => answerQuestion(text, id!, answer!), SCAFFOLD);

function answers(document: StrategyDocument): [string, string][] {
  return document.sections.map((s) => [s.questionId, s.answer]);
}

/** The one finding of `code` in `text`, its repair applied, and both parses. */
function repair(text: string, code: FindingCode): { before: StrategyDocument; after: StrategyDocument; repaired: string } {
  const before = parseStrategyDocument(text, 'a.md');
  const finding = before.findings.find((f) => f.code === code);
  assert.ok(finding, `${code} is reported`);
  const edits = planRepair(text, before, GUIDE, finding);
  assert.ok(edits, `a repair for ${code}`);
  const repaired = applyTextEdits(text, edits);
  const after = parseStrategyDocument(repaired, 'a.md');
  return { before, after, repaired };
}

/** Asserts the repaired text has no finding at all and the same answers as before. */
function assertCured(text: string, code: FindingCode): string {
  const { before, after, repaired } = repair(text, code);
  assert.deepEqual(after.findings, []);
  assert.ok(after.unambiguous);
  assert.deepEqual(answers(after), answers(before));
  return repaired;
}

describe('repairing markers and headings', () => {
  it('starts from a document without findings', () => {
    assert.deepEqual(parseStrategyDocument(ANSWERED, 'a.md').findings, []);
  });

  it('rewrites a marker in upper case as the canonical marker', () => {
    const marker = markerFor('tema/anden');
    const text = ANSWERED.replace(marker, '<!-- Dialogue-Guide: tema/anden -->');
    assert.equal(assertCured(text, 'marker.malformed'), ANSWERED);
  });

  it('rewrites a marker with a no-break space, or indented, as the canonical marker', () => {
    const marker = markerFor('tema/foerste');
    assert.equal(assertCured(ANSWERED.replace(marker, '<!--\u00a0dialogue-guide: tema/foerste -->'), 'marker.malformed'), ANSWERED);
    assert.equal(assertCured(ANSWERED.replace(marker, `  ${marker}`), 'marker.malformed'), ANSWERED);
  });

  it('moves text after --> to a paragraph of its own below the marker, so no word is lost', () => {
    const marker = markerFor('tema/anden');
    const text = ANSWERED.replace(marker, `${marker} Og også fordi.`);
    const { before, after, repaired } = repair(text, 'marker.malformed');
    assert.deepEqual(after.findings, []);
    assert.ok(repaired.includes(`${marker}\n\nOg også fordi.\n\nFordi.`), repaired);
    assert.deepEqual(answers(after), answers(before).map(([id, answer]) => [id, id === 'tema/anden' ? `Og også fordi.\n\n${answer}` : answer]));
  });

  it('keeps a blank line between moved text and an answer typed right under the marker', () => {
    const marker = markerFor('andet/tredje');
    const text = ANSWERED.replace(`${marker}\n\nSnart.`, `${marker} -- note\nSnart.`);
    const { after, repaired } = repair(text, 'marker.malformed');
    assert.deepEqual(after.findings, []);
    assert.ok(repaired.includes(`${marker}\n\n-- note\n\nSnart.`), repaired);
  });

  it('makes a question heading turned into bold text a heading again, one level below its theme', () => {
    const text = ANSWERED.replace('### Hvad gør I?', '**Hvad gør I?**');
    assert.equal(assertCured(text, 'marker.noHeading'), ANSWERED);
  });

  it('takes the bold line out of the previous answer it had fallen into', () => {
    for (const emphasis of ['__Hvornår?__', '*Hvornår?*', '_Hvornår?_']) {
      const text = ANSWERED.replace('## Andet tema', '## Andet tema\n\nIntro.').replace('### Hvornår?', emphasis);
      const { before, after, repaired } = repair(text, 'marker.noHeading');
      assert.deepEqual(after.findings, []);
      assert.ok(repaired.includes('### Hvornår?\n\n'), repaired);
      assert.deepEqual(answers(after), answers(before));
    }
    const inAnswer = ANSWERED.replace('### Hvorfor gør I det?', '**Hvorfor gør I det?**');
    const { before, after } = repair(inAnswer, 'marker.noHeading');
    assert.equal(before.sections[0]!.answer, 'Vi skriver.\n\nOg mere.\n\n**Hvorfor gør I det?**');
    assert.deepEqual(after.findings, []);
    assert.deepEqual(answers(after), answers(parseStrategyDocument(ANSWERED, 'a.md')));
  });

  it("keeps a bold answer right above a marker whose heading was deleted in its own question, and inserts the guide's heading", () => {
    const text = ANSWERED.replace('Vi skriver.\n\nOg mere.', '**Kun Facebook.**').replace('### Hvorfor gør I det?\n\n', '');
    const { before, after, repaired } = repair(text, 'marker.noHeading');
    assert.equal(before.sections[0]!.answer, '**Kun Facebook.**');
    assert.deepEqual(after.findings, []);
    assert.deepEqual(answers(after), answers(before));
    assert.ok(repaired.includes('**Kun Facebook.**\n\n### Hvorfor gør I det?\n\n<!--'), repaired);
  });

  it('restores a bold line as the heading without a guide only when the answer it leaves keeps other text', () => {
    const text = ANSWERED.replace('Vi skriver.\n\nOg mere.\n\n### Hvorfor gør I det?', '**Hvorfor gør I det?**');
    const before = parseStrategyDocument(text, 'a.md');
    assert.equal(before.sections[0]!.answer, '**Hvorfor gør I det?**');
    const finding = before.findings.find((f) => f.code === 'marker.noHeading')!;
    assert.equal(planRepair(text, before, undefined, finding), undefined, 'no guide, and the bold line above may be the whole answer');
    const longer = ANSWERED.replace('### Hvorfor gør I det?', '**Hvorfor gør I det?**');
    const parsed = parseStrategyDocument(longer, 'a.md');
    const edits = planRepair(longer, parsed, undefined, parsed.findings.find((f) => f.code === 'marker.noHeading')!);
    assert.ok(edits);
    assert.equal(applyTextEdits(longer, edits), ANSWERED);
  });

  it("inserts a deleted question heading from the guide's text, on one line", () => {
    const text = ANSWERED.replace('### Hvorfor gør I det?\n\n', '');
    assert.equal(assertCured(text, 'marker.noHeading'), ANSWERED);
  });

  it("inserts a deleted theme heading from the guide's title", () => {
    const text = ANSWERED.replace('## Andet tema\n\n', '');
    assert.equal(assertCured(text, 'marker.noHeading'), ANSWERED);
  });

  it('inserts a heading, with a blank line above it, where the bold line is part of a longer paragraph', () => {
    const text = ANSWERED.replace('### Hvornår?\n', 'Noget om temaet.\n**Hvornår?**\n');
    const { after, repaired } = repair(text, 'marker.noHeading');
    assert.deepEqual(after.findings, []);
    assert.ok(repaired.includes('Noget om temaet.\n**Hvornår?**\n\n### Hvornår?\n\n<!--'), repaired);
  });

  it('follows a theme heading written at another level', () => {
    const text = ANSWERED.replace('## Tema', '# Tema').replace('### Hvad gør I?', '**Hvad gør I?**');
    assert.ok(repair(text, 'marker.noHeading').repaired.includes('\n## Hvad gør I?\n'));
  });

  it('keeps CRLF line breaks', () => {
    const crlf = ANSWERED.replace(/\n/g, '\r\n');
    const marker = markerFor('tema/anden');
    const text = crlf.replace('### Hvorfor gør I det?\r\n\r\n', '').replace(marker, `${marker} Mere.`);
    const malformed = repair(text, 'marker.malformed').repaired;
    assert.ok(!/[^\r]\n/.test(malformed));
    assert.ok(!/[^\r]\n/.test(repair(malformed, 'marker.noHeading').repaired));
  });

  it('offers nothing for a deleted heading of a question the guide does not have, nor for other findings', () => {
    const unknown = ANSWERED.replace(markerFor('andet/tredje'), `${markerFor('andet/tredje')}\n\n${markerFor('andet/ukendt')}`);
    const document = parseStrategyDocument(unknown, 'a.md');
    const noHeading = document.findings.find((f) => f.code === 'marker.noHeading' && f.args['id'] === 'andet/ukendt')!;
    assert.equal(planRepair(unknown, document, GUIDE, noHeading), undefined);
    const duplicate: Finding = { ...noHeading, code: 'marker.duplicate' };
    assert.equal(planRepair(unknown, document, GUIDE, duplicate), undefined);
  });

  it('offers nothing when the moved text would open a block that swallows the answers after it', () => {
    const marker = markerFor('tema/foerste');
    const text = ANSWERED.replace(marker, `${marker} \`\`\``);
    const document = parseStrategyDocument(text, 'a.md');
    const finding = document.findings.find((f) => f.code === 'marker.malformed')!;
    assert.equal(planRepair(text, document, GUIDE, finding), undefined);
  });
});
