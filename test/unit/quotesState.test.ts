import * as assert from 'node:assert/strict';
import type { Guide, Question, Quote, Theme } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { inLanguage } from '../../src/core/guide';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { buildQuotesViewState, findQuote, formatQuoteForCopy } from '../../src/webview/quotesState';
import { contentRoot } from './helpers/repo';

const source = { file: 'memory:/guide', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };

function question(themeId: string, n: number, m: number): Question {
  return { id: `${themeId}/q${m}`, themeId, label: `Label ${n}.${m}`, text: `Question text ${n}.${m}?`, number: `${n}.${m}`, source };
}

function quote(themeId: string, m: number): Quote {
  return { id: `${themeId}/quote${m}`, text: `Quote ${m}`, speaker: 'Kommunalpolitiker', time: 'efteråret 2021', source };
}

function theme(n: number, questions: number, quotes: number): Theme {
  const id = `theme${n}`;
  return {
    id,
    order: n,
    title: `Theme ${n}`,
    intro: `Intro ${n}`,
    questions: Array.from({ length: questions }, (_, i) => question(id, n, i + 1)),
    quotes: Array.from({ length: quotes }, (_, i) => quote(id, i + 1)),
    source,
  };
}

const guide: Guide = {
  id: 'demo',
  version: '1.0.0',
  language: 'da',
  title: 'Demo',
  description: '',
  attribution: '',
  themes: [theme(1, 2, 1), theme(2, 3, 2), theme(3, 1, 0)],
  folder: 'memory:/guide',
  source,
};

describe('quotes view state', () => {
  it('shows the theme, the question in full, its siblings with only it marked current, and the theme quotes', () => {
    assert.deepEqual(buildQuotesViewState(guide, 'theme2/q2'), {
      guideId: 'demo',
      questionId: 'theme2/q2',
      language: 'da',
      theme: { id: 'theme2', title: 'Theme 2', intro: 'Intro 2' },
      question: { id: 'theme2/q2', number: '2.2', label: 'Label 2.2', text: 'Question text 2.2?', probes: [] },
      siblings: [
        { id: 'theme2/q1', number: '2.1', label: 'Label 2.1', current: false },
        { id: 'theme2/q2', number: '2.2', label: 'Label 2.2', current: true },
        { id: 'theme2/q3', number: '2.3', label: 'Label 2.3', current: false },
      ],
      quotes: [
        { id: 'theme2/quote1', text: 'Quote 1', speaker: 'Kommunalpolitiker', time: 'efteråret 2021' },
        { id: 'theme2/quote2', text: 'Quote 2', speaker: 'Kommunalpolitiker', time: 'efteråret 2021' },
      ],
    });
  });

  it('gives a theme without quotes an empty quote list', () => {
    assert.deepEqual(buildQuotesViewState(guide, 'theme3/q1')?.quotes, []);
  });

  it('is undefined for a question the guide does not have', () => {
    assert.equal(buildQuotesViewState(guide, 'theme9/q1'), undefined);
  });

  it('is plain data that survives the trip through postMessage unchanged', () => {
    const state = buildQuotesViewState(guide, 'theme1/q1');
    assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
  });

  it('shows the built-in guide in the language asked for, with the same ids', async () => {
    const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    const entry = library.entries[0]!;
    const da = buildQuotesViewState(inLanguage(entry, 'da'), 'enkeltsager/fokus')!;
    const en = buildQuotesViewState(inLanguage(entry, 'en'), 'enkeltsager/fokus')!;
    assert.equal(da.theme.title, 'Om enkeltsager og helhedshensyn');
    assert.equal(da.language, 'da');
    assert.equal(en.language, 'en');
    assert.notEqual(en.theme.title, da.theme.title);
    assert.deepEqual(da.siblings.map((s) => [s.number, s.current]), [['2.1', false], ['2.2', true], ['2.3', false]]);
    assert.deepEqual(en.siblings.map((s) => s.id), da.siblings.map((s) => s.id));
    assert.equal(da.quotes.length, 2);
  });
});

describe('findQuote', () => {
  it('finds a quote in any theme of the guide', () => {
    assert.equal(findQuote(guide, 'theme2/quote2')?.text, 'Quote 2');
  });

  it('is undefined for an unknown quote', () => {
    assert.equal(findQuote(guide, 'theme2/quote9'), undefined);
  });
});

describe('formatQuoteForCopy', () => {
  it('puts the quote in double quotes followed by speaker and time in parentheses', () => {
    assert.equal(
      formatQuoteForCopy({ text: 'Vi taler meget om det.', speaker: 'Kommunalpolitiker', time: 'efteråret 2021' }),
      '"Vi taler meget om det." (Kommunalpolitiker, efteråret 2021)',
    );
  });

  it('leaves out an empty speaker or time, and the parentheses when both are empty', () => {
    assert.equal(formatQuoteForCopy({ text: 'Tekst', speaker: 'Politiker', time: ' ' }), '"Tekst" (Politiker)');
    assert.equal(formatQuoteForCopy({ text: 'Tekst', speaker: '', time: '' }), '"Tekst"');
  });
});
