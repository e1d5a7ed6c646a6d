import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { findGuideEntry, inLanguage, questionForMarker } from '../../src/core/guide';
import { loadGuide, loadGuideLibrary } from '../../src/core/guideLoader';
import { probeLines, scaffoldStrategyDocument } from '../../src/core/scaffold';
import { parseStrategyDocument, analyseStrategyDocument } from '../../src/core/strategyDocument';
import { formatFinding } from '../../src/l10n/findingMessages';
import { buildQuotesViewState } from '../../src/webview/quotesState';
import { answerQuestion } from './helpers/answers';
import { english } from './helpers/l10n';
import { memoryFileSystem } from './helpers/memoryFileSystem';

const GUIDE = ['---', 'id: demo', 'version: 1.1.0', 'language: da', 'title: Demo', '---', ''].join('\n');
const THEME = [
  '---', //                                     line 1
  'id: tema',
  'order: 1',
  'title: Tema',
  'questions:', //                              line 5
  '  - id: tema/foerste',
  '    label: Første',
  '    text: Hvad gør I?',
  '    hint: Spørg til konkrete eksempler.',
  '    probes:', //                             line 10
  '      - Hvem gør det?',
  '      - Hvor ofte?',
  '    formerIds: [tema/gammel]',
  'quotes:',
  '  - id: tema/citat', //                      line 15
  '    text: Vi gør det.',
  '    speaker: Kommunalpolitiker',
  '    time: efteråret 2021',
  '    source: Interview, KL',
  '---', //                                     line 20
  '',
].join('\n');

/** Replaces one line (1-based) of `text`. */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

async function load(theme: string, extra: Record<string, string> = {}) {
  return loadGuide(memoryFileSystem({ '/g/guide.md': GUIDE, '/g/tema.md': theme, ...extra }), '/g');
}

function only(findings: readonly Finding[], code: Finding['code']): Finding {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `one ${code} in ${JSON.stringify(findings.map((f) => f.code))}`);
  return matching[0]!;
}

describe('hints, follow-up questions and quote sources', () => {
  it('loads a hint, probes, former ids and a quote source', async () => {
    const result = await load(THEME);
    assert.deepEqual(result.findings, []);
    const question = result.guide!.themes[0]!.questions[0]!;
    assert.equal(question.hint, 'Spørg til konkrete eksempler.');
    assert.deepEqual(question.probes, ['Hvem gør det?', 'Hvor ofte?']);
    assert.deepEqual(question.formerIds, ['tema/gammel']);
    assert.equal(result.guide!.themes[0]!.quotes[0]!.publication, 'Interview, KL');
  });

  it('leaves the keys out of a question that has none', async () => {
    const result = await load([...THEME.split('\n').slice(0, 8), ...THEME.split('\n').slice(13)].join('\n'));
    assert.deepEqual(result.findings, []);
    const question = result.guide!.themes[0]!.questions[0]!;
    assert.equal(question.hint, undefined);
    assert.equal(question.probes, undefined);
    assert.equal(question.formerIds, undefined);
  });

  it('names file and line when probes is not a list', async () => {
    const result = await load(withLine(withLine(withLine(THEME, 10, '    probes: Hvem gør det?'), 11, ''), 12, ''));
    assert.equal(result.guide, undefined);
    const finding = only(result.findings, 'field.type');
    assert.equal(formatFinding(finding, english), '/g/tema.md:10: "probes" must be a list of texts.');
  });

  it('names the line of a probe that is not text, and of one that is empty', async () => {
    const result = await load(withLine(withLine(THEME, 11, '      - {a: 1}'), 12, '      - ""'));
    assert.equal(result.guide, undefined);
    assert.equal(only(result.findings, 'field.type').range.start.line + 1, 11);
    assert.equal(only(result.findings, 'field.empty').range.start.line + 1, 12);
  });

  it('names file and line for a hint that is not text and a source that is a list', async () => {
    const result = await load(withLine(withLine(THEME, 9, '    hint: [a, b]'), 19, '    source: [KL]'));
    assert.deepEqual(result.findings.map((f) => [f.code, f.args.key, f.range.start.line + 1]), [
      ['field.type', 'hint', 9],
      ['field.type', 'source', 19],
    ]);
  });

  it('names file and line for a former id that is invalid, or in use', async () => {
    const invalid = await load(withLine(THEME, 13, '    formerIds: [Gammel]'));
    assert.equal(only(invalid.findings, 'id.invalid').range.start.line + 1, 13);
    const taken = await load(withLine(THEME, 13, '    formerIds: [tema/citat]'));
    assert.equal(formatFinding(only(taken.findings, 'id.duplicate'), english), '/g/tema.md:13: The id "tema/citat" is already used at /g/tema.md:15.');
  });

  it('allows a former id from another theme: a question may move', async () => {
    const result = await load(withLine(THEME, 13, '    formerIds: [andet/foerste]'));
    assert.deepEqual(result.findings, []);
  });

  it('gives a translation the original\'s former ids, whatever it lists (with a warning there)', async () => {
    const english = GUIDE.replace('language: da', 'language: en\ntranslationOf: da');
    const translated = withLine(THEME, 13, '    formerIds: [tema/andet-navn]');
    const library = await loadGuideLibrary(memoryFileSystem({ '/g/da/guide.md': GUIDE, '/g/da/tema.md': THEME, '/g/en/guide.md': english, '/g/en/tema.md': translated }), ['/g']);
    assert.deepEqual(library.findings.map((f) => [f.code, f.file]), [['translation.formerIds', '/g/en/tema.md']]);
    const guide = inLanguage(findGuideEntry(library.entries, 'demo')!, 'en');
    assert.deepEqual(guide.themes[0]!.questions[0]!.formerIds, ['tema/gammel']);
    assert.equal(questionForMarker(guide, 'tema/gammel')?.question.id, 'tema/foerste');
    assert.equal(questionForMarker(guide, 'tema/andet-navn'), undefined);
  });

  it('shows the hint, probes and source in the quotes panel\'s view', async () => {
    const guide = (await load(THEME)).guide!;
    const view = buildQuotesViewState(guide, 'tema/foerste')!;
    assert.equal(view.question.hint, 'Spørg til konkrete eksempler.');
    assert.deepEqual(view.question.probes, ['Hvem gør det?', 'Hvor ofte?']);
    assert.equal(view.quotes[0]!.source, 'Interview, KL');
  });
});

describe('follow-up questions in the scaffold', () => {
  it('writes the probes in a comment under the marker, which leaves the question unanswered', async () => {
    const guide = (await load(THEME)).guide!;
    const text = scaffoldStrategyDocument(guide, { title: 'T', organisation: 'O' });
    assert.ok(text.includes('<!-- dialogue-guide: tema/foerste -->\n\n<!--\n- Hvem gør det?\n- Hvor ofte?\n-->\n'), text);
    const document = parseStrategyDocument(text, 'a.md');
    assert.deepEqual(document.findings, []);
    assert.equal(document.sections[0]!.state, 'empty');
    const analysis = analyseStrategyDocument(document, [{ id: 'demo', original: guide, translations: [] }]);
    assert.equal(analysis.answered, 0);
    assert.deepEqual(analysis.findings.map((f) => f.code), ['question.unanswered']);
  });

  it('counts an answer written under the probes, and keeps the probes in the section', async () => {
    const guide = (await load(THEME)).guide!;
    const text = answerQuestion(scaffoldStrategyDocument(guide, { title: 'T', organisation: 'O' }), 'tema/foerste', 'Vi gør det hver uge.');
    const section = parseStrategyDocument(text, 'a.md').sections[0]!;
    assert.equal(section.state, 'answered');
    assert.ok(section.answer.endsWith('Vi gør det hver uge.'));
  });

  it('keeps a probe from closing the comment or opening a marker', () => {
    const lines = probeLines(['Slut --> her?', 'Og <!-- dialogue-guide: tema/x --> her?', 'Eller --!> her?']);
    const body = lines.slice(1, -1).join('\n');
    assert.ok(!/-->|--!>|<!--/.test(body), body);
    const text = ['---', 'guide: demo', '---', '', '### Q', '', '<!-- dialogue-guide: tema/q -->', '', ...lines, ''].join('\n');
    const document = parseStrategyDocument(text, 'a.md');
    assert.deepEqual(document.findings, []);
    assert.deepEqual(document.sections.map((s) => [s.questionId, s.state]), [['tema/q', 'empty']]);
  });
});
