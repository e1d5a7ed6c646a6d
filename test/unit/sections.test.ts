import * as assert from 'node:assert/strict';
import { tests as SPEC_EXAMPLES } from 'commonmark-spec';
import { reviewDocument } from '../../src/core/answerReview';
import { lineEnd, lineStarts } from '../../src/core/lines';
import { scanBlocks, type TopBlock } from '../../src/core/markdownBlocks';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { analyseStrategyDocument, markerFor, parseStrategyDocument } from '../../src/core/strategyDocument';
import { applyEdits, planSync } from '../../src/core/sync';
import { answerQuestion } from './helpers/answers';
import { commonMarkBlocks, withoutTrailingBlanks } from './helpers/commonmark';
import { entryOf, makeGuide } from './helpers/guides';

const GUIDE = makeGuide([
  { id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['anden', 'Hvorfor?'], ['tredje', 'Hvordan?']] },
  { id: 'andet', title: 'Andet tema', questions: [['fjerde', 'Hvornår?']] },
]);
const SCAFFOLD = scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O' });
const IDS = GUIDE.themes.flatMap((t) => t.questions.map((q) => q.id));

function answers(text: string): Record<string, string> {
  return Object.fromEntries(parseStrategyDocument(text, 'a.md').sections.map((s) => [s.questionId, s.answer]));
}

function codes(text: string): string[] {
  const analysis = analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), [entryOf(GUIDE)]);
  return analysis.findings.filter((f) => f.code !== 'question.unanswered').map((f) => `${f.range.start.line + 1} ${f.code}`);
}

/** `text` with `from` replaced by `to`, failing when `from` is not there. */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

describe('which question an answer belongs to', () => {
  it('credits an answer typed straight under each heading, above its marker, to that question', () => {
    let text = SCAFFOLD;
    for (const id of IDS) text = answerQuestion(text, id, `Svar på ${id}.`, 'aboveMarker');
    const analysis = analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), [entryOf(GUIDE)]);
    assert.equal(analysis.answered, 4);
    assert.deepEqual(answers(text), Object.fromEntries(IDS.map((id) => [id, `Svar på ${id}.`])));
    assert.deepEqual(codes(text), []);
  });

  it('reads a setext heading as the question heading and ends the section at the next one', () => {
    const text = edit(edit(SCAFFOLD, '### Hvad gør I?\n', 'Hvad gør I?\n-----------\n\nFørst.\n'), '### Hvorfor?\n', 'Hvorfor?\n--------\n');
    assert.deepEqual(answers(text), { 'tema/foerste': 'Først.', 'tema/anden': '', 'tema/tredje': '', 'andet/fjerde': '' });
    assert.deepEqual(codes(text), []);
  });

  it('warns when text with --- under it, in a document whose question headings mix levels, could take the next marker', () => {
    // 1.1's heading is a setext h2, so h2 is the question level; an accidental setext h2 in its
    // answer then competes with 1.2's own ### heading right above 1.2's marker.
    const mixed = edit(SCAFFOLD, '### Hvad gør I?\n\n', 'Hvad gør I?\n-----------\n');
    const text = edit(mixed, `${markerFor('tema/foerste')}\n`, `${markerFor('tema/foerste')}\nSvar A\nIkke en overskrift\n---\nSvar A2\n`);
    const marker = lineOf(text, markerFor('tema/anden'));
    assert.deepEqual(codes(text), [`${marker + 1} marker.twoHeadings`]);
    const finding = analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), [entryOf(GUIDE)]).findings.find((f) => f.code === 'marker.twoHeadings')!;
    assert.deepEqual(finding.args, { id: 'tema/anden', question: '1.2 Hvorfor?', line: String(lineOf(text, 'Svar A') + 1), other: String(lineOf(text, '### Hvorfor?') + 1) });
    assert.deepEqual(codes(edit(text, '### Hvorfor?', '### Noget andet')), [], 'a sub-heading that is not the question is part of the answer');
    assert.deepEqual(codes(edit(text, 'Ikke en overskrift\n---', 'Ikke en overskrift\n\n---')), [], 'a blank line above --- makes it a rule: no warning');
  });

  it('keeps a sub-heading typed above the marker in that answer', () => {
    const text = answerQuestion(SCAFFOLD, 'tema/anden', 'Indledning.\n\n#### Detaljer\n\nMere.', 'aboveMarker');
    assert.equal(answers(text)['tema/anden'], 'Indledning.\n\n#### Detaljer\n\nMere.');
    assert.equal(answers(text)['tema/foerste'], '');
    assert.deepEqual(codes(text), []);
  });

  it('warns on a marker whose heading became bold text, and never credits its text to the question before', () => {
    const answered = answerQuestion(answerQuestion(SCAFFOLD, 'tema/foerste', 'Ét.'), 'tema/anden', 'To.');
    const text = edit(answered, '### Hvorfor?', '**Hvorfor?**');
    assert.deepEqual(codes(text), [`${lineOf(text, markerFor('tema/anden')) + 1} marker.noHeading`]);
    assert.equal(answers(text)['tema/anden'], 'To.');
    assert.equal(parseStrategyDocument(text, 'a.md').unambiguous, false);
  });

  for (const [name, marker] of [
    ['upper case', '<!-- Dialogue-Guide: tema/anden -->'],
    ['text after the marker', '<!-- dialogue-guide: tema/anden --> To.'],
    ['a no-break space', '<!--\u00a0dialogue-guide: tema/anden -->'],
    ['an indent', '  <!-- dialogue-guide: tema/anden -->'],
  ]) {
    it(`warns on a marker with ${name}, and still credits the text under the heading to its question`, () => {
      const text = edit(answerQuestion(SCAFFOLD, 'tema/anden', 'Svar.'), markerFor('tema/anden'), marker!);
      const line = lineOf(text, marker!);
      assert.deepEqual(codes(text), [`${line + 1} marker.malformed`]);
      const document = parseStrategyDocument(text, 'a.md');
      const finding = document.findings.find((f) => f.code === 'marker.malformed')!;
      assert.deepEqual(finding.args, { id: 'tema/anden', expected: markerFor('tema/anden') });
      assert.equal(document.sections.find((s) => s.questionId === 'tema/anden')?.headingLine, lineOf(text, '### Hvorfor?'));
      assert.equal(answers(text)['tema/foerste'], '');
    });
  }

  it('does not read a heading, a marker or a conflict marker inside a code block, a list item or a block quote as structure', () => {
    const inside = ['- punkt', '', '  ```', '  ### ikke et spørgsmål', `  ${markerFor('tema/anden')}`, '  ```', '', '> ### citeret', '>', `> ${markerFor('tema/anden')}`].join('\n');
    const text = answerQuestion(SCAFFOLD, 'tema/foerste', inside);
    assert.equal(answers(text)['tema/foerste'], inside);
    // The quoted marker marks nothing, which is worth a word; the one in the code block is an example.
    assert.deepEqual(codes(text), [`${lineOf(text, `> ${markerFor('tema/anden')}`) + 1} marker.misplaced`]);
  });

  it('keeps the next question\'s marker with its own heading when a line of --- under answer text makes a heading, and says so on it', () => {
    const text = answerQuestion(SCAFFOLD, 'tema/foerste', 'Mit svar\n---\nmere af svaret');
    const document = parseStrategyDocument(text, 'a.md');
    assert.equal(document.sections.find((s) => s.questionId === 'tema/anden')?.headingLine, lineOf(text, '### Hvorfor?'));
    assert.equal(answers(text)['tema/anden'], '');
    assert.deepEqual(codes(text), [`${lineOf(text, 'Mit svar') + 1} heading.endsAnswer`]);
  });

  for (const [name, answer] of [
    ['inside a list item', '- punkt\n\n  #### Hvorfor?\n  <!-- dialogue-guide: tema/anden -->\n  svar'],
    ['inside a block quote', '> <!-- dialogue-guide: tema/anden -->'],
    ['split over two lines', '<!-- dialogue-guide: tema/anden\n-->'],
  ]) {
    it(`warns on a marker ${name}, which marks nothing`, () => {
      const text = answerQuestion(SCAFFOLD, 'tema/foerste', answer!);
      const line = text.split('\n').findIndex((l, i) => i > lineOf(text, markerFor('tema/foerste')) && l.includes('<!-- dialogue-guide: tema/anden'));
      assert.ok(codes(text).includes(`${line + 1} marker.misplaced`), JSON.stringify(codes(text)));
    });
  }

  it('stays linear on deeply nested lists: thousands of nested lines, and one line of 80,000 list markers', () => {
    const nested = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    const oneLine = `${'- '.repeat(80_000)}x`;
    for (const answer of [nested, oneLine]) {
      const text = answerQuestion(SCAFFOLD, 'tema/foerste', answer);
      const started = performance.now();
      assert.equal(answers(text)['tema/foerste'], answer);
      // Quadratic work took minutes here; linear work takes milliseconds.
      assert.ok(performance.now() - started < 2000, `${Math.round(performance.now() - started)} ms`);
    }
  });

  it('reads a lone CR as a line break, as VS Code does', () => {
    const text = answerQuestion(SCAFFOLD, 'tema/anden', 'Svar.').replace(/\n/g, '\r');
    assert.equal(answers(text)['tema/anden'], 'Svar.');
    assert.equal(parseStrategyDocument(text, 'a.md').frontMatter?.title, 'T');
  });
});

describe('the block scan, held against a CommonMark parser', function () {
  // Over six hundred examples, each parsed by both.
  this.timeout(30_000);
  it('sees the same top-level blocks as markdown-it in every example of the CommonMark spec', () => {
    const differing: string[] = [];
    for (const example of SPEC_EXAMPLES) {
      const text = example.markdown;
      const starts = lineStarts(text);
      const scan = scanBlocks(text, starts, (line) => lineEnd(text, starts, line), 0, { blocks: true });
      const ours = JSON.stringify(withoutTrailingBlanks(text, scan.blocks!));
      const theirs = JSON.stringify(commonMarkBlocks(text));
      if (ours !== theirs) differing.push(`example ${example.number}: ${JSON.stringify(text)}\n  ours:   ${ours}\n  theirs: ${theirs}`);
    }
    assert.ok(SPEC_EXAMPLES.length > 600);
    assert.deepEqual(differing, []);
  });

  it('finds the top-level block quotes markdown-it sees in every example of the CommonMark spec, where quotes of the guide are looked for', () => {
    const differing: number[] = [];
    for (const example of SPEC_EXAMPLES) {
      const text = example.markdown;
      const starts = lineStarts(text);
      const scan = scanBlocks(text, starts, (line) => lineEnd(text, starts, line), 0);
      const theirs = withoutTrailingBlanks(text, commonMarkBlocks(text)).filter((b) => b.kind === 'blockquote').map((b) => ({ start: b.start, end: b.end }));
      if (JSON.stringify(withoutTrailingBlanks(text, scan.quotes.map((q) => ({ kind: 'blockquote' as const, ...q }))).map((b) => ({ start: b.start, end: b.end }))) !== JSON.stringify(theirs)) differing.push(example.number);
    }
    assert.deepEqual(differing, []);
  });

  it('credits every spec example typed as an answer to its question, up to where a CommonMark parser sees the section end', () => {
    const differing: number[] = [];
    // The answer goes under the marker, after a blank line.
    const first = lineOf(SCAFFOLD, markerFor('tema/foerste')) + 2;
    for (const example of SPEC_EXAMPLES) {
      const answer = example.markdown.replace(/\n+$/, '');
      if (answer.trim() === '') continue;
      const text = answerQuestion(SCAFFOLD, 'tema/foerste', answer);
      const starts = lineStarts(text);
      const isMarker = (b: TopBlock) => b.kind === 'html' && b.end - b.start === 1 && text.slice(starts[b.start], lineEnd(text, starts, b.start)).startsWith('<!-- dialogue-guide:');
      const blocks = commonMarkBlocks(text);
      // The section ends at the first top-level heading of the question's level or higher, or at the next marker.
      const ending = blocks.find((b) => b.start >= first && ((b.kind === 'heading' && b.level! <= 3) || isMarker(b)));
      const document = parseStrategyDocument(text, 'a.md');
      const section = document.sections.find((s) => s.questionId === 'tema/foerste')!;
      const markers = blocks.filter(isMarker).length;
      if (section.lines.end !== (ending?.start ?? starts.length) || document.sections.length + document.themes.length !== markers) differing.push(example.number);
    }
    assert.deepEqual(differing, []);
  });
});

describe('front matter that narrows the themes', () => {
  it('is an error on the line of an empty list, and on an unknown theme', () => {
    const empty = edit(SCAFFOLD, 'reviewers: []\n', 'reviewers: []\nthemes: []\n');
    assert.deepEqual(codes(empty), [`${lineOf(empty, 'themes: []') + 1} themes.empty`]);
    const unknown = edit(SCAFFOLD, 'reviewers: []\n', 'reviewers: []\nthemes:\n  - tema\n  - tmea\n');
    assert.deepEqual(codes(unknown), [`${lineOf(unknown, '  - tmea') + 1} themes.unknown`]);
    assert.equal(analyseStrategyDocument(parseStrategyDocument(empty, 'a.md'), [entryOf(GUIDE)]).total, 0);
  });
});

describe('a sync that cannot go wrong', () => {
  const smaller = makeGuide([{ id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['tredje', 'Hvordan?']] }, { id: 'andet', title: 'Andet tema', questions: [['fjerde', 'Hvornår?']] }]);
  const old = scaffoldStrategyDocument(smaller, { title: 'T', organisation: 'O' });

  it('inserts a missing question at a heading, never between a heading and the answer typed above its marker, and a second sync adds nothing', () => {
    const text = answerQuestion(old, 'tema/tredje', 'Svar over markøren.', 'aboveMarker');
    const plan = planSync(text, parseStrategyDocument(text, 'a.md'), GUIDE);
    assert.ok(plan.ok);
    const synced = applyEdits(text, plan.edits);
    assert.equal(answers(synced)['tema/tredje'], 'Svar over markøren.');
    assert.equal(answers(synced)['tema/anden'], '');
    const again = planSync(synced, parseStrategyDocument(synced, 'a.md'), GUIDE);
    assert.deepEqual(again, { ok: true, edits: [] });
  });

  it('refuses a document whose text cannot be told apart: a malformed marker or one without a heading', () => {
    const text = edit(old, markerFor('tema/tredje'), '<!-- DIALOGUE-GUIDE: tema/tredje -->');
    assert.deepEqual(planSync(text, parseStrategyDocument(text, 'a.md'), GUIDE), { ok: false, reason: 'ambiguous' });
  });

  it('refuses when what it would add lands inside a code block that is never closed', () => {
    const text = answerQuestion(old, 'andet/fjerde', '```\nkode uden slut');
    assert.deepEqual(planSync(text, parseStrategyDocument(text, 'a.md'), makeGuide([...smaller.themes.map(themeSpec), { id: 'nyt', title: 'Nyt', questions: [['x', 'X?']] }])), { ok: false, reason: 'unsafe' });
  });
});

describe('reviewing a question whose marker is duplicated', () => {
  it('sees a change in any of its sections', () => {
    const base = edit(answerQuestion(SCAFFOLD, 'tema/foerste', 'Ét.'), '### Hvorfor?', `### Også første\n\n${markerFor('tema/foerste')}\n\nTo.\n\n### Hvorfor?`);
    const now = edit(base, 'To.', 'To, ændret.');
    const review = reviewDocument(parseStrategyDocument(now, 'a.md'), parseStrategyDocument(base, 'a.md'), GUIDE);
    assert.equal(review.questions.find((q) => q.questionId === 'tema/foerste')?.change, 'changed');
    assert.equal(review.counts.changed, 1);
  });
});

function themeSpec(theme: (typeof GUIDE.themes)[number]) {
  return { id: theme.id, title: theme.title, questions: theme.questions.map((q) => [q.id.slice(theme.id.length + 1), q.text] as const) };
}

/** The zero-based line of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}
