import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import type { GuideEntry, Quote } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { normalisedWords, quoteFindings, quoteMarkerFor, recognisedQuotes, RECOGNITION_THRESHOLD, similarity } from '../../src/core/quoteCheck';
import { planQuoteInsertion, planQuoteRepair } from '../../src/core/quoteRepairs';
import { applyTextEdits } from '../../src/core/repairs';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { analyseStrategyDocument, parseStrategyDocument, type StrategyDocument } from '../../src/core/strategyDocument';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { answerQuestion } from './helpers/answers';
import { findingMessage } from '../../src/l10n/findingMessages';
import { entryOf, makeGuide } from './helpers/guides';
import { english } from './helpers/l10n';
import { contentRoot } from './helpers/repo';

const OPTIONS = { title: 'Strategi', organisation: 'Kommune', includeQuotes: true };
/** Some words of a quote, to fill pages with. */
const ESKALERET_WORDS = 'Borgergrupper, der lægger et voldsomt pres. Enkeltsager, der fylder enormt meget.';

describe('quotes of the guide in a strategy document', () => {
  let entries: GuideEntry[];
  let entry: GuideEntry;
  let scaffold: string;
  /** The built-in guide's quotes by id, in Danish and in English. */
  let da: Map<string, Quote>;
  let en: Map<string, Quote>;

  before(async () => {
    const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    entries = [...library.entries];
    entry = entries[0]!;
    scaffold = scaffoldStrategyDocument(entry.original, OPTIONS);
    const byId = (guide: GuideEntry['original']) => new Map(guide.themes.flatMap((t) => t.quotes.map((q) => [q.id, q] as const)));
    da = byId(entry.original);
    en = byId(entry.translations.find((t) => t.language === 'en')!);
  });

  const parse = (text: string) => parseStrategyDocument(text, 'strategi.md');
  const findingsOf = (text: string) => quoteFindings(parse(text), entries);
  const lineOf = (text: string, needle: string) => text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  /** `text` with the answer to a question: a block quote pasted by hand, with an attribution line below when given. */
  const pasted = (text: string, quote: string, attribution?: string) =>
    answerQuestion(text, 'sociale-medier/platforme', ['Vi citerer:', '', `> ${quote}`, ...(attribution === undefined ? [] : ['', attribution])].join('\n'));
  /** The repair of `finding` applied to `text`. */
  const repaired = (text: string, finding: Finding) => {
    const edits = planQuoteRepair(text, parse(text), entries, finding);
    assert.ok(edits, `a repair for ${finding.code}`);
    assert.equal(edits.length, 1, 'one edit');
    return applyTextEdits(text, edits);
  };

  describe('with a marker', () => {
    it('finds nothing in a document scaffolded with quotes, and recognises each quote by its marker', () => {
      assert.deepEqual(findingsOf(scaffold), []);
      const quotes = recognisedQuotes(parse(scaffold), entries);
      assert.deepEqual(quotes.map((q) => q.quote.id), [...da.keys()]);
      assert.ok(quotes.every((q) => q.marked && q.attributed && q.wording === undefined && !q.translation));
      assert.ok(scaffold.includes(`> ${quoteMarkerFor('enkeltsager/eskaleret')}\n> Jeg har været`));
    });

    it('reports one changed word on the quote line, naming the quote and both words', () => {
      const text = scaffold.replace('det er eskaleret', 'det er steget');
      const findings = findingsOf(text);
      assert.deepEqual(findings.map((f) => [f.code, f.range.start.line, f.args.id, f.args.expected, f.args.found]), [['quote.changed', lineOf(text, 'det er steget'), 'enkeltsager/eskaleret', 'eskaleret.', 'steget.']]);
      assert.equal(findings[0]!.args.speaker, 'Kommunalpolitiker');
      assert.equal(findings[0]!.severity, 'warning');
    });

    it('names words left out and words added', () => {
      const left = findingsOf(scaffold.replace('Vi har fået medietræning. ', ''));
      assert.deepEqual(left.map((f) => [f.args.expected, f.args.found]), [['Vi har fået medietræning.', '']]);
      const added = findingsOf(scaffold.replace('Vi har fået medietræning.', 'Vi har fået meget medietræning.'));
      assert.deepEqual(added.map((f) => [f.args.expected, f.args.found]), [['', 'meget']]);
    });

    it('checks a marked quote however different its words, and only the words: line breaks and spaces aside', () => {
      const rewrapped = scaffold.replace('Vi taler meget om det. Vi har haft', 'Vi  taler meget om det.\n> Vi har haft');
      assert.deepEqual(findingsOf(rewrapped), []);
      const rewritten = scaffold.replace(/^> Vi taler meget.*$/m, '> Noget helt andet.');
      assert.deepEqual(findingsOf(rewritten).map((f) => f.code), ['quote.changed']);
    });

    it('reports a marker naming a quote the guide no longer has', () => {
      const text = scaffold.replace(quoteMarkerFor('enkeltsager/eskaleret'), quoteMarkerFor('enkeltsager/fjernet'));
      const findings = findingsOf(text);
      assert.deepEqual(findings.map((f) => [f.code, f.args.id, f.args.guide, f.args.otherGuide]), [['quote.unknown', 'enkeltsager/fjernet', entry.id, undefined]]);
      assert.equal(findings[0]!.range.start.line, lineOf(text, 'enkeltsager/fjernet'));
    });

    it('does not read the quote marker as a question marker, nor count it as an answer', () => {
      const text = answerQuestion(scaffold, 'sociale-medier/platforme', quoteMarkerFor('enkeltsager/eskaleret'));
      const document = parse(text);
      assert.deepEqual(document.findings, []);
      assert.equal(document.sections.find((s) => s.questionId === 'sociale-medier/platforme')?.state, 'empty');
      assert.deepEqual(document.sections.map((s) => s.questionId), parse(scaffold).sections.map((s) => s.questionId));
    });
  });

  describe('without a marker', () => {
    it('recognises an exact copy pasted into an answer and finds nothing', () => {
      const quote = da.get('digital-deltagelse/aktiveres')!;
      const text = pasted(scaffold, quote.text, '— Kommunalpolitiker, efteråret 2021');
      assert.deepEqual(findingsOf(text), []);
      const found = recognisedQuotes(parse(text), entries).filter((q) => !q.marked);
      assert.deepEqual(found.map((q) => [q.quote.id, q.range.start.line, q.range.end.line]), [['digital-deltagelse/aktiveres', lineOf(text, '> Folk vil'), lineOf(text, '> Folk vil') + 2]]);
    });

    it('reports a copy with one word changed', () => {
      const quote = da.get('digital-deltagelse/aktiveres')!;
      const text = pasted(scaffold, quote.text.replace('skuffe', 'skuffe os og'), '— Kommunalpolitiker, efteråret 2021');
      assert.deepEqual(findingsOf(text).map((f) => [f.code, f.range.start.line, f.args.expected, f.args.found]), [['quote.changed', lineOf(text, '> Folk vil'), '', 'os og']]);
    });

    it('leaves a paraphrase below the threshold alone', () => {
      const text = pasted(scaffold, 'Folk vil gerne aktiveres, og engagementet ligger på sagen: skole, klima og lokalsamfund. Det skal altid være klart, om det er høring eller beslutning.');
      assert.deepEqual(findingsOf(text), []);
      assert.deepEqual(recognisedQuotes(parse(text), entries).filter((q) => !q.marked), []);
    });

    it('measures similarity as the common words in order over the longer text, with the documented threshold', () => {
      assert.equal(RECOGNITION_THRESHOLD, 0.8);
      assert.deepEqual(normalisedWords('Skole, klima – LOKALSAMFUND.'), ['skole', 'klima', 'lokalsamfund']);
      assert.equal(similarity(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'x', 'd', 'e']), 0.8);
      assert.equal(similarity(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd', 'e', 'f']), 4 / 6, 'a copy much longer than the quote is no copy');
      assert.equal(similarity(['a', 'b'], ['b', 'a']), 0.5, 'in order');
    });

    it('recognises two quotes in one block quote, each against its own words, each needing its own attribution', () => {
      const first = da.get('enkeltsager/enkeltsagsbehandlere')!;
      const second = da.get('enkeltsager/eskaleret')!;
      const text = answerQuestion(scaffold, 'sociale-medier/platforme', [`> ${first.text}`, '>', `> ${second.text.replace('8 år', '9 år')}`, '', '— Kommunalpolitiker, efteråret 2021'].join('\n'));
      const findings = findingsOf(text);
      assert.deepEqual(findings.map((f) => [f.code, f.args.id, f.range.start.line]), [
        ['quote.attribution', 'enkeltsager/enkeltsagsbehandlere', lineOf(text, '> Bagsiden')],
        ['quote.changed', 'enkeltsager/eskaleret', lineOf(text, '9 år')],
      ]);
    });

    it('recognises a quote in the translation and says so', () => {
      const quote = en.get('enkeltsager/eskaleret')!;
      const exact = pasted(scaffold, quote.text, '— Local politician, autumn 2021');
      assert.deepEqual(findingsOf(exact), []);
      const found = recognisedQuotes(parse(exact), entries).find((q) => !q.marked)!;
      assert.deepEqual([found.quote.id, found.language, found.translation], ['enkeltsager/eskaleret', 'en', true]);
      const changed = findingsOf(pasted(scaffold, quote.text.replace('escalated', 'grown'), '— Local politician, autumn 2021'));
      assert.deepEqual(changed.map((f) => [f.code, f.args.translation, f.args.expected, f.args.found]), [['quote.changed', 'en', 'escalated.', 'grown.']]);
    });

    it("reports a quote of a guide the document does not name", () => {
      const other = makeGuide([{ id: 'andet', title: 'Andet', questions: [['q', 'Hvad?']], quotes: [{ text: 'Vi mødes hver tirsdag i rådhusets kantine og taler om det, der fylder i byen.', speaker: 'Borgmester', time: '2020' }] }], { id: 'anden-guide' });
      const text = pasted(scaffold, 'Vi mødes hver tirsdag i rådhusets kantine og taler om det, der fylder i byen.', '— Borgmester, 2020');
      const findings = quoteFindings(parse(text), [...entries, entryOf(other)]);
      assert.deepEqual(findings.map((f) => [f.code, f.args.id, f.args.otherGuide, f.args.guide, f.range.start.line]), [['quote.unknown', 'andet/quote-1', 'anden-guide', entry.id, lineOf(text, '> Vi mødes')]]);
    });
  });

  describe('attribution', () => {
    it('reports a swapped speaker on the attribution line', () => {
      const text = scaffold.replace('— Kommunal embedsmand, efteråret 2021', '— Kommunalpolitiker, efteråret 2021');
      const findings = findingsOf(text);
      assert.deepEqual(findings.map((f) => [f.code, f.args.id, f.range.start.line, f.args.found, f.args.expected]), [
        ['quote.attribution', 'sociale-medier/temadroeftelser', lineOf(text, '— Kommunalpolitiker, efteråret 2021'), '— Kommunalpolitiker, efteråret 2021', '— Kommunal embedsmand, efteråret 2021'],
      ]);
    });

    it('reports a missing attribution on the quote, and a wrong time', () => {
      const missing = scaffold.replace('\n\n— Kommunal embedsmand, efteråret 2021', '');
      assert.deepEqual(findingsOf(missing).map((f) => [f.code, f.range.start.line, f.args.found]), [['quote.attribution', lineOf(missing, '> Vi taler meget'), '']]);
      const time = scaffold.replace('— Kommunal embedsmand, efteråret 2021', '— Kommunal embedsmand, foråret 2022');
      assert.deepEqual(findingsOf(time).map((f) => f.code), ['quote.attribution']);
    });

    it('accepts the attribution inside the block quote, as a paragraph of its own, and any dash', () => {
      const inside = scaffold.replace('\n\n— Kommunal embedsmand, efteråret 2021', '\n>\n> – Kommunal embedsmand,  efteråret 2021');
      assert.deepEqual(findingsOf(inside), []);
    });
  });

  describe('quick fixes', () => {
    it("restore the guide's wording as one edit touching only the quote", () => {
      const text = scaffold.replace('det er eskaleret', 'det er steget');
      const [finding] = findingsOf(text);
      const edits = planQuoteRepair(text, parse(text), entries, finding!)!;
      assert.equal(edits[0]!.range.start.line, lineOf(text, 'det er steget'));
      assert.equal(edits[0]!.range.end.line, lineOf(text, 'det er steget'));
      assert.equal(repaired(text, finding!), scaffold);
    });

    it("offer no wording fix that would drop a note of the writer's inside the block quote", () => {
      const line = scaffold.split('\n').find((l) => l.includes('det er eskaleret'))!;
      const middle = line.indexOf(' ', line.length / 2);
      const split = `${line.slice(0, middle)}\n>\n> Vores note: se side 4.\n>\n>${line.slice(middle)}`;
      const text = scaffold.replace(line, split).replace('det er eskaleret', 'det er steget');
      const finding = findingsOf(text).find((f) => f.code === 'quote.changed');
      assert.ok(finding, 'the changed word is reported');
      assert.equal(planQuoteRepair(text, parse(text), entries, finding), undefined);
    });

    it('restore the attribution, and write a missing one below the quote', () => {
      const swapped = scaffold.replace('— Kommunal embedsmand, efteråret 2021', '— Kommunalpolitiker, efteråret 2021');
      assert.equal(repaired(swapped, findingsOf(swapped)[0]!), scaffold);
      const missing = scaffold.replace('\n\n— Kommunal embedsmand, efteråret 2021', '');
      assert.equal(repaired(missing, findingsOf(missing)[0]!), scaffold);
    });

    it('write a missing attribution inside the block quote when another quote follows there', () => {
      const first = da.get('enkeltsager/enkeltsagsbehandlere')!;
      const second = da.get('enkeltsager/eskaleret')!;
      const text = answerQuestion(scaffold, 'sociale-medier/platforme', [`> ${first.text}`, '>', `> ${second.text}`, '', '— Kommunalpolitiker, efteråret 2021'].join('\n'));
      const fixed = repaired(text, findingsOf(text)[0]!);
      assert.deepEqual(findingsOf(fixed), []);
      assert.ok(fixed.includes(`> ${first.text}\n>\n> — Kommunalpolitiker, efteråret 2021\n>\n> ${second.text}`));
    });

    it('keep CRLF line breaks, and find the same', () => {
      const crlf = scaffold.replace(/\n/g, '\r\n');
      assert.deepEqual(findingsOf(crlf), []);
      const text = crlf.replace('det er eskaleret', 'det er steget');
      const findings = findingsOf(text);
      assert.deepEqual(findings.map((f) => [f.code, f.range.start.line]), [['quote.changed', lineOf(text, 'det er steget')]]);
      assert.equal(repaired(text, findings[0]!), crlf);
      const missing = crlf.replace('\r\n\r\n— Kommunal embedsmand, efteråret 2021', '');
      assert.equal(repaired(missing, findingsOf(missing)[0]!), crlf);
    });

    it('read a quote wrapped across lines, report the line of the change, and restore it on the block quote', () => {
      const quote = da.get('enkeltsager/eskaleret')!;
      const words = quote.text.split(' ');
      const wrapped = [words.slice(0, 12), words.slice(12, 24), words.slice(24)].map((w) => w.join(' '));
      const block = (lines: string[]) => answerQuestion(scaffold, 'sociale-medier/platforme', [...lines.map((l) => `> ${l}`), '', '— Kommunalpolitiker, efteråret 2021'].join('\n'));
      assert.deepEqual(findingsOf(block(wrapped)), []);
      const changedLine = wrapped[2]!.replace('sværm', 'mængde');
      const text = block([wrapped[0]!, wrapped[1]!, changedLine]);
      const findings = findingsOf(text);
      assert.deepEqual(findings.map((f) => [f.code, f.range.start.line]), [['quote.changed', lineOf(text, 'mængde')]]);
      const fixed = repaired(text, findings[0]!);
      assert.deepEqual(findingsOf(fixed), []);
      assert.ok(fixed.includes(`> ${quote.text}\n\n— Kommunalpolitiker`));
      assert.deepEqual(answersBut(parse(fixed), 'sociale-medier/platforme'), answersBut(parse(text), 'sociale-medier/platforme'));
    });

    it('are offered only for quote findings', () => {
      const document = parse(scaffold);
      const finding: Finding = { code: 'question.unanswered', severity: 'info', file: 'strategi.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, args: { id: 'x' } };
      assert.equal(planQuoteRepair(scaffold, document, entries, finding), undefined);
    });
  });

  describe('messages', () => {
    it('name the quote, the differing words, a translation, and the other guide or the missing quote', () => {
      const message = (text: string, entriesUsed = entries) => quoteFindings(parse(text), entriesUsed).map((f) => findingMessage(f, english));
      assert.deepEqual(message(scaffold.replace('Vi har fået medietræning. ', '')), ['This is not the guide\'s wording of the quote of Kommunal embedsmand ("sociale-medier/temadroeftelser"): it leaves out "Vi har fået medietræning.".']);
      assert.deepEqual(message(scaffold.replace('Vi har fået medietræning.', 'Vi har fået meget medietræning.')), ['This is not the guide\'s wording of the quote of Kommunal embedsmand ("sociale-medier/temadroeftelser"): it adds "meget".']);
      const translated = en.get('enkeltsager/eskaleret')!;
      assert.deepEqual(message(pasted(scaffold, translated.text.replace('escalated', 'grown'))), [
        'This is not the guide\'s wording of the quote of Local politician ("enkeltsager/eskaleret") in the guide\'s translation (en): it reads "grown." where the guide has "escalated.".',
        'There is no attribution below the quote of Local politician ("enkeltsager/eskaleret") in the guide\'s translation (en): write "— Local politician, autumn 2021".',
      ]);
      assert.deepEqual(message(scaffold.replace('— Kommunal embedsmand, efteråret 2021', '— Kommunalpolitiker, efteråret 2021')), ['The attribution "— Kommunalpolitiker, efteråret 2021" is not the guide\'s for the quote of Kommunal embedsmand ("sociale-medier/temadroeftelser"): it is "— Kommunal embedsmand, efteråret 2021".']);
      assert.deepEqual(message(scaffold.replace(quoteMarkerFor('enkeltsager/eskaleret'), quoteMarkerFor('enkeltsager/fjernet'))), [`The guide "${entry.id}" has no quote "enkeltsager/fjernet" (any longer), so this quote cannot be checked.`]);
      const other = makeGuide([{ id: 'andet', title: 'Andet', questions: [['q', 'Hvad?']], quotes: [{ text: 'Vi mødes hver tirsdag i rådhusets kantine og taler om byen.', speaker: 'Borgmester', time: '2020' }] }], { id: 'anden-guide' });
      assert.deepEqual(message(pasted(scaffold, 'Vi mødes hver tirsdag i rådhusets kantine og taler om byen.'), [...entries, entryOf(other)]), [`This quote is from the guide "anden-guide", which the document does not follow (it follows "${entry.id}"), so it is not checked.`]);
    });
  });

  describe('cost', () => {
    it("stays fast on a pull request's worst: thousands of quoted paragraphs, and marked quotes with pages of text", function () {
      this.timeout(20_000);
      // The quotes' own words backwards: the cheap count lets them through to the costly comparison, which rejects them.
      const words = [...da.values()].flatMap((q) => q.text.split(' ')).reverse();
      const paragraphs = Array.from({ length: 4000 }, (_, i) => `> ${words.slice(i % 40, (i % 40) + 1 + (i % 60)).join(' ')}`).join('\n>\n');
      const pages = Array.from({ length: 50 }, () => `> ${quoteMarkerFor('enkeltsager/eskaleret')}\n> ${Array.from({ length: 60 }, () => ESKALERET_WORDS).join(' ')}`).join('\n\n');
      const text = answerQuestion(answerQuestion(scaffold, 'sociale-medier/platforme', paragraphs), 'sociale-medier/formaal', pages);
      const started = performance.now();
      const findings = findingsOf(text);
      const elapsed = performance.now() - started;
      assert.equal(findings.filter((f) => f.code === 'quote.changed').length, 50, 'each marked quote is still reported');
      // A comparison of every run with every quote took seconds here; the counts that rule most out first take a fraction of one.
      assert.ok(elapsed < 5000, `${Math.round(elapsed)} ms`);
    });
  });

  describe('insertion', () => {
    it('writes the quote with its marker and attribution after the paragraph the cursor is in, in that section only', () => {
      const text = answerQuestion(scaffold, 'sociale-medier/formaal', 'Vi bruger dem til dialog.\nOg til nyheder.\n\nMere tekst.');
      const quote = da.get('enkeltsager/eskaleret')!;
      const edit = planQuoteInsertion(text, parse(text), entries, quote, lineOf(text, 'Vi bruger dem'))!;
      assert.ok(edit);
      const inserted = applyTextEdits(text, [edit]);
      const document = parse(inserted);
      assert.equal(document.sections.find((s) => s.questionId === 'sociale-medier/formaal')!.answer, ['Vi bruger dem til dialog.', 'Og til nyheder.', '', `> ${quoteMarkerFor(quote.id)}`, `> ${quote.text}`, '', '— Kommunalpolitiker, efteråret 2021', '', 'Mere tekst.'].join('\n'));
      assert.deepEqual(answersBut(document, 'sociale-medier/formaal'), answersBut(parse(text), 'sociale-medier/formaal'));
      assert.deepEqual(quoteFindings(document, entries), []);
      assert.deepEqual(analyseStrategyDocument(document, entries).findings.filter((f) => f.code !== 'question.unanswered'), []);
    });

    it('puts the quote below the marker when the cursor is on the heading, and refuses a line outside any section', () => {
      const quote = da.get('enkeltsager/eskaleret')!;
      const heading = lineOf(scaffold, '### Hvad bruger I');
      const inserted = applyTextEdits(scaffold, [planQuoteInsertion(scaffold, parse(scaffold), entries, quote, heading)!]);
      assert.ok(inserted.includes(`<!-- dialogue-guide: sociale-medier/formaal -->\n\n> ${quoteMarkerFor(quote.id)}\n`));
      assert.equal(parse(inserted).sections.find((s) => s.questionId === 'sociale-medier/formaal')!.state, 'answered');
      assert.equal(planQuoteInsertion(scaffold, parse(scaffold), entries, quote, lineOf(scaffold, '# Strategi')), undefined);
      assert.equal(planQuoteInsertion(scaffold, parse(scaffold), entries, quote, lineOf(scaffold, '> Vi taler meget')), undefined, 'a theme\'s quotes are in no section');
    });
  });

  function answersBut(document: StrategyDocument, id: string): [string, string][] {
    return document.sections.filter((s) => s.questionId !== id).map((s) => [s.questionId, s.answer]);
  }
});
