import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findQuestion, type Guide } from '../../../src/core/guide';
import { readFrontMatter } from '../../../src/core/frontMatter';
import { quoteFindings, recognisedQuotes } from '../../../src/core/quoteCheck';
import { probeLines, scaffoldStrategyDocument } from '../../../src/core/scaffold';
import { readSimpleFrontMatter } from '../../../src/core/simpleFrontMatter';
import { analyseStrategyDocument, parseStrategyDocument } from '../../../src/core/strategyDocument';
import { applyEdits, planSync } from '../../../src/core/sync';
import { answerQuestion, expectedAnswer, type Placement } from './answers';
import { entryOf, makeGuide, type ThemeSpec } from './guides';

/*
 * Properties of the strategy document round trip, shared by the unit tests (a few hundred runs)
 * and scripts/soak.ts (ten thousand).
 */

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,4}){0,2}$/);

/** Text that Markdown reads as structure when it starts a line. */
const STRUCTURE_LOOKALIKES = ['## Overskrift', '<!-- dialogue-guide: tema/x -->', '<!-- dialogue-guide: tema -->', '```', '~~~', '<<<<<<< HEAD', '=======', '>>>>>>> b', '---', '> citat'];

/** Guide text: any Unicode, line breaks, and text that looks like headings, markers, fences or conflicts. */
const guideText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...STRUCTURE_LOOKALIKES, ' ', '\n', '\r\n', 'æøå ÆØÅ', '😀', '\u2028')), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

const themeSpec = (id: string): fc.Arbitrary<ThemeSpec> =>
  fc.record({
    id: fc.constant(id),
    title: guideText,
    // Follow-up questions are guide text too, hostile lookalikes included: the scaffold writes them into the section.
    questions: fc.uniqueArray(fc.tuple(slug, guideText, fc.array(guideText, { maxLength: 2 })), { minLength: 1, maxLength: 5, selector: ([s]) => s }),
    quotes: fc.array(fc.record({ text: guideText, speaker: guideText, time: guideText }), { maxLength: 2 }),
  });

/**
 * A line a person could write in an answer. Lines that would be structure at the start of a
 * line (a marker, a fence, an HTML block, a conflict marker, a setext underline, a heading of the
 * question's level or higher) appear only inside fences: written bare, they are meant to be structure.
 */
const isPlain = (line: string) =>
  !/[\r\n]/.test(line) && !/^ {0,3}(```|~~~|<|#{1,3}(\s|$)|=+[ \t]*$|-+[ \t]*$)/.test(line) && !/^(<{7}|={7}|\|{7}|>{7})/.test(line);
const plainLine = fc.string({ unit: 'grapheme', maxLength: 30 }).filter(isPlain);
const answerLine = fc.oneof(
  plainLine,
  fc.tuple(fc.integer({ min: 4, max: 6 }), plainLine).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.constantFrom('<!-- note -->', '- punkt', '> citat', '***', '   ', '', '    <!-- dialogue-guide: tema/x -->'),
);
const fencedBlock = fc
  .tuple(fc.constantFrom('```', '````md', '~~~', '~~~~ tekst'), fc.array(fc.oneof(plainLine, fc.constantFrom(...STRUCTURE_LOOKALIKES.filter((l) => !/^[`~]/.test(l)), '')), { maxLength: 4 }))
  .map(([open, inner]) => [open, ...inner, open.charAt(0).repeat(open.match(/^([`~])\1*/)![0].length)]);

/** An answer: lines and fenced blocks joined by LF or CRLF, starting and ending with a line that is not blank. */
export const answerText = fc
  .array(fc.oneof(answerLine.map((l) => [l]), fencedBlock), { minLength: 1, maxLength: 6 })
  .map((blocks) => blocks.flat())
  .filter((lines) => /[^ \t]/.test(lines[0]!) && /[^ \t]/.test(lines.at(-1)!))
  .chain((lines) => fc.array(fc.constantFrom('\n', '\r\n'), { minLength: lines.length, maxLength: lines.length }).map((breaks) => lines.map((l, i) => (i === 0 ? l : breaks[i]! + l)).join('')));

interface Inclusion {
  readonly old: boolean;
  readonly new: boolean;
}

/** A guide as it was when the document was scaffolded, the guide now, and a document with answers. */
export interface Scenario {
  readonly oldGuide: Guide;
  readonly newGuide: Guide;
  /** Answers to questions of the old guide, by id, and where in the section each is typed. */
  readonly answers: ReadonlyMap<string, string>;
  readonly placements: ReadonlyMap<string, Placement>;
  /** Question headings written in setext style (text, then a line of `-`) where their text allows. */
  readonly setext: boolean;
  readonly title: string;
  readonly organisation: string;
  readonly includeQuotes: boolean;
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  readonly finalNewline: boolean;
}

/** The guide with the themes and questions `included` picks. */
function pick(themes: readonly ThemeSpec[], inclusion: readonly { theme: Inclusion; questions: readonly Inclusion[] }[], side: keyof Inclusion): Guide {
  return makeGuide(
    themes.flatMap((theme, t) => (inclusion[t]!.theme[side] ? [{ ...theme, questions: theme.questions.filter((_, q) => inclusion[t]!.questions[q]![side]) }] : [])),
  );
}

/** Scenarios where the guide changed since scaffolding: it gained, and (unless `onlyGains`) lost, themes and questions. */
export function scenarios(onlyGains: boolean): fc.Arbitrary<Scenario> {
  const included = (keepOld: boolean) => fc.record({ old: keepOld ? fc.constant(true) : fc.boolean(), new: onlyGains ? fc.constant(true) : fc.boolean() });
  return fc
    .uniqueArray(slug, { minLength: 1, maxLength: 4 })
    .chain((ids) => fc.tuple(...ids.map(themeSpec)))
    .chain((themes) =>
      fc.record({
        themes: fc.constant(themes),
        inclusion: fc.tuple(...themes.map((t) => fc.record({ theme: included(false), questions: fc.tuple(...t.questions.map(() => included(false))) }))),
        answers: fc.tuple(...themes.flatMap((t) => t.questions.map(() => fc.option(answerText, { nil: undefined })))),
        placements: fc.tuple(...themes.flatMap((t) => t.questions.map(() => placement))),
        setext: fc.boolean(),
        title: fc.string({ unit: 'binary', maxLength: 20 }),
        organisation: fc.string({ unit: 'binary', maxLength: 20 }),
        includeQuotes: onlyGains ? fc.constant(false) : fc.boolean(),
        eol: fc.constantFrom('\n' as const, '\r\n' as const),
        bom: fc.boolean(),
        finalNewline: fc.boolean(),
      }),
    )
    .map(({ themes, inclusion, answers, placements, ...rest }): Scenario => {
      const oldGuide = pick(themes, inclusion, 'old');
      // Only questions the document had can have been answered.
      const asked = new Set(oldGuide.themes.flatMap((t) => t.questions.map((q) => q.id)));
      const ids = themes.flatMap((t) => t.questions.map(([s]) => `${t.id}/${s}`));
      return {
        ...rest,
        oldGuide,
        newGuide: pick(themes, inclusion, 'new'),
        answers: new Map(ids.flatMap((id, i) => (answers[i] === undefined || !asked.has(id) ? [] : [[id, answers[i]] as const]))),
        placements: new Map(ids.map((id, i) => [id, placements[i]!] as const)),
      };
    });
}

const placement: fc.Arbitrary<Placement> = fc.oneof(fc.constantFrom<Placement>('belowMarker', 'aboveMarker'), answerText.map((aboveMarker) => ({ aboveMarker })));

/**
 * The question headings as setext headings (text, then a line of `-`), when every one's text is a
 * plain paragraph line (it starts with a letter); otherwise the scaffold as it is, so that all
 * question headings keep one level.
 */
function toSetext(scaffold: string): string {
  // Split at "\n" alone: a regular expression's `^` and `.` also break at U+2028, which guide text may hold.
  const lines = scaffold.split('\n');
  const headings = lines.filter((l) => l.startsWith('### '));
  if (!headings.every((h) => /^### \p{L}/u.test(h))) return scaffold;
  return lines.map((l) => (l.startsWith('### ') ? `${l.slice(4)}\n---` : l)).join('\n');
}

/** The scaffold of `guide`, in the scenario's line breaks and heading style, with the scenario's answers where they are typed. */
export function writeDocument(guide: Guide, s: Scenario, placed = true): string {
  const scaffold = scaffoldStrategyDocument(guide, s);
  let text = (s.bom ? '\ufeff' : '') + (s.setext ? toSetext(scaffold) : scaffold).replace(/\n/g, s.eol);
  for (const [id, answer] of s.answers) text = answerQuestion(text, id, answer, placed ? s.placements.get(id) : 'belowMarker');
  return s.finalNewline ? text : text.slice(0, -s.eol.length);
}

function synced(text: string, guide: Guide): string {
  const plan = planSync(text, parseStrategyDocument(text, 'strategi.md'), guide);
  assert.ok(plan.ok, JSON.stringify(plan));
  return applyEdits(text, plan.edits);
}

/** Front matter mostly in the scaffold's shape, with now and then a line that YAML reads otherwise. */
const frontMatterText = (() => {
  const oneLine = (text: string) => !/[\r\n]/.test(text);
  const rarely = <T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: unusual, weight: 1 });
  const key = rarely(fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/), fc.constantFrom('true', 'null', '__proto__', ' title', 'title ', '"title"', '1x'));
  const value = rarely(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 10 }).map((text) => JSON.stringify(text)),
      fc.array(fc.string({ unit: 'grapheme', maxLength: 5 }), { maxLength: 3 }).map((items) => JSON.stringify(items)),
      fc.constantFrom('draft', 'a/b.c', 'x-y_z', '[]', 'da'),
    ),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 10 }).filter(oneLine).map((text) => `"${text}"`),
      fc.string({ unit: 'grapheme', maxLength: 8 }).filter(oneLine),
      fc.constantFrom('[ ]', '["a",]', '[1]', '["a", ["b"]]', 'true', 'True', 'null', '~', '1.0.0', '1.0', '.inf', 'yes', "'single'", '|', '>', '', '# c', 'a # c', '"a" # c', 'a: b', '- x', '*ref', '&a x', '!!str x', 'x\u00a0', '"a"\u00a0', 'draft  '),
    ),
  );
  const line = rarely(
    fc.tuple(key, rarely(fc.constant(': '), fc.constantFrom(':', ':  ', ':\t', ': \t')), value).map((parts) => parts.join('')),
    fc.constantFrom('', '# comment', '  indented: x', '---x', '  - item'),
  );
  return fc
    .tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
    .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + ['---', ...lines, '---', ''].join(eol));
})();

/** `guide` with every other question renamed (`<id>-omdoebt`, which no generated slug can be), its old id in `formerIds`. */
function renamedEveryOther(guide: Guide): Guide {
  return {
    ...guide,
    themes: guide.themes.map((theme) => ({
      ...theme,
      questions: theme.questions.map((q, i) => (i % 2 === 0 ? { ...q, id: `${q.id}-omdoebt`, formerIds: [q.id] } : q)),
    })),
  };
}

/** What the scaffold writes under a question's marker: its follow-up questions' comment, in the document's line breaks. */
function probesBelow(guide: Guide, id: string, eol: string): string {
  const probes = findQuestion(guide, id)?.question.probes ?? [];
  return probes.length === 0 ? '' : probeLines(probes).join(eol);
}

/** Property checks by name, each run over `numRuns` generated cases. */
export const strategyDocumentProperties: Readonly<Record<string, (numRuns: number) => void>> = {
  'keeps every answer byte for byte through scaffold, answers and a sync with a changed guide': (numRuns) => fc.assert(fc.property(scenarios(false), (s) => {
    const before = writeDocument(s.oldGuide, s);
    const after = synced(before, s.newGuide);
    const document = parseStrategyDocument(after, 'strategi.md');
    assert.equal(document.frontMatter?.title, s.title);
    assert.equal(document.frontMatter?.organisation, s.organisation);
    const sections = new Map(document.sections.map((section) => [section.questionId, section]));
    for (const [id, answer] of s.answers) {
      const expected = expectedAnswer(answer, s.placements.get(id)!, s.eol, probesBelow(s.oldGuide, id, s.eol));
      assert.equal(sections.get(id)?.answer, expected, id);
      assert.equal(sections.get(id)?.state, expected.replace(/<!--[\s\S]*?-->/g, '').trim() === '' ? 'empty' : 'answered', id);
    }
    const analysis = analyseStrategyDocument(document, [entryOf(s.newGuide)]);
    // Guide text may hold marker-like text; quoted under a theme it marks nothing, and is said so.
    // The quotes are the old guide's: where the new one changed or dropped them, that is said too.
    const problems = analysis.findings.filter((f) => !['question.unanswered', 'question.removed', 'marker.unknown', 'marker.misplaced', 'quote.changed', 'quote.attribution', 'quote.unknown'].includes(f.code));
    assert.deepEqual(problems, []);
    assert.equal(analysis.total, s.newGuide.themes.reduce((n, t) => n + t.questions.length, 0));
    assert.equal(synced(after, s.newGuide), after, 'a second sync adds nothing');
  }), { numRuns }),

  "recognises every quote a scaffold writes by its marker, word for word with its attribution, whatever the answers and line breaks": (numRuns) => fc.assert(fc.property(scenarios(true), (s) => {
    const document = parseStrategyDocument(writeDocument(s.oldGuide, { ...s, includeQuotes: true }), 'strategi.md');
    const entries = [entryOf(s.oldGuide)];
    assert.deepEqual(quoteFindings(document, entries), []);
    assert.deepEqual(recognisedQuotes(document, entries).map((q) => q.quote.id), s.oldGuide.themes.flatMap((t) => t.quotes.map((q) => q.id)));
  }), { numRuns }),

  'keeps every answer byte for byte when questions are renamed, through a sync that rewrites their markers': (numRuns) => fc.assert(fc.property(scenarios(true), (s) => {
    const renamed = renamedEveryOther(s.newGuide);
    const before = writeDocument(s.oldGuide, s);
    const after = synced(before, renamed);
    const document = parseStrategyDocument(after, 'strategi.md');
    const sections = new Map(document.sections.map((section) => [section.questionId, section]));
    for (const [id, answer] of s.answers) {
      const now = renamed.themes.flatMap((t) => t.questions).find((q) => q.id === id || q.formerIds?.includes(id))!.id;
      assert.equal(sections.get(now)?.answer, expectedAnswer(answer, s.placements.get(id)!, s.eol, probesBelow(s.oldGuide, id, s.eol)), `${id} → ${now}`);
      if (now !== id) assert.ok(!sections.has(id), `no marker of ${id} is left`);
    }
    const analysis = analyseStrategyDocument(document, [entryOf(renamed)]);
    assert.ok(!analysis.findings.some((f) => f.code === 'marker.formerId' || f.code === 'question.missing'), JSON.stringify(analysis.findings.map((f) => f.code)));
    assert.equal(synced(after, renamed), after, 'a second sync changes nothing');
  }), { numRuns }),

  'credits every answer to the question it is typed under, wherever in the section, byte for byte': (numRuns) => fc.assert(fc.property(scenarios(true), (s) => {
    const document = parseStrategyDocument(writeDocument(s.oldGuide, s), 'strategi.md');
    assert.ok(document.unambiguous, JSON.stringify(document.findings));
    const answers = new Map(document.sections.map((section) => [section.questionId, section.answer]));
    for (const question of s.oldGuide.themes.flatMap((t) => t.questions)) {
      const answer = s.answers.get(question.id);
      const below = probesBelow(s.oldGuide, question.id, s.eol);
      assert.equal(answers.get(question.id), answer === undefined ? below : expectedAnswer(answer, s.placements.get(question.id)!, s.eol, below), question.id);
    }
  }), { numRuns }),

  'gives a document the shape of a scaffold of the guide it is synced with': (numRuns) => fc.assert(fc.property(scenarios(true), (s) => {
    // Sync writes sections in the scaffold's shape, ATX headings included.
    const atx = { ...s, setext: false };
    assert.equal(synced(writeDocument(s.oldGuide, atx, false), s.newGuide), writeDocument(s.newGuide, atx, false));
  }), { numRuns }),

  'reads front matter without YAML only where YAML reads it the same, ranges included': (numRuns) => fc.assert(fc.property(frontMatterText, (text) => {
    const simple = readSimpleFrontMatter(text);
    if (!simple) return;
    const full = readFrontMatter(text);
    assert.ok(full.ok, JSON.stringify(full));
    assert.deepEqual(simple.data, full.frontMatter.data ?? {});
    for (const key of Object.keys(simple.data)) assert.deepEqual(simple.rangeOf([key]), full.frontMatter.rangeOf([key]), key);
  }), { numRuns }),

  'parses any text without throwing, with every range inside the text': (numRuns) => fc.assert(fc.property(
    fc.array(fc.oneof(answerLine, fc.constantFrom(...STRUCTURE_LOOKALIKES, '---', 'guide: demo', 'title: "x'), fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 30 }).map((lines) => lines.join('\n')),
    (text) => {
      const document = parseStrategyDocument(text, 'x.md');
      // Lines as editors count them: a lone CR breaks a line too.
      const lines = text.split(/\r\n|\r|\n/);
      const ranges = [...document.findings.map((f) => f.range), ...document.sections.map((s) => s.markerRange)];
      for (const range of ranges) {
        assert.ok(range.start.line >= 0 && range.end.line < lines.length, JSON.stringify(range));
        assert.ok(range.end.character <= lines[range.end.line]!.length, JSON.stringify(range));
      }
      analyseStrategyDocument(document, [entryOf(makeGuide([{ id: 'tema', title: 'Tema', questions: [['x', 'X?']] }]))]);
    },
  ), { numRuns }),
};
