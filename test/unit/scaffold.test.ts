import * as assert from 'node:assert/strict';
import { lint } from 'markdownlint/sync';
import { inLanguage, type Guide } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { scaffoldStrategyDocument, slugify } from '../../src/core/scaffold';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { applyEdits, planSync } from '../../src/core/sync';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { answerQuestion } from './helpers/answers';
import { makeGuide } from './helpers/guides';
import { contentRoot } from './helpers/repo';

const SMALL = makeGuide([
  { id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['anden', 'Hvorfor?']], quotes: [{ text: 'Vi gør det.', speaker: 'Kommunalpolitiker', time: 'efteråret 2021' }] },
  { id: 'andet', title: 'Andet tema', questions: [['tredje', 'Hvordan?']] },
]);

const OPTIONS = { title: 'Vores strategi', organisation: 'Eksempel Kommune' };

/**
 * markdownlint's defaults, except MD013 (line length: answers are prose) and MD025's front matter
 * title: the document keeps `title` in its front matter for the tools and a `# Title` for readers
 * (VS Code's preview and Git hosts do not show front matter as a heading), which MD025 would count twice.
 */
const LINT_CONFIG = { default: true, MD013: false, MD025: { front_matter_title: '' } };

function lintErrors(text: string): string[] {
  return lint({ strings: { document: text }, config: LINT_CONFIG }).document!.map((e) => `${e.lineNumber}: ${e.ruleNames[0]} ${e.ruleDescription} ${e.errorDetail ?? ''}`);
}

describe('scaffolding a strategy document', () => {
  let builtIn: { da: Guide; en: Guide };

  before(async () => {
    const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    const entry = library.entries[0]!;
    builtIn = { da: entry.original, en: inLanguage(entry, 'en') };
  });

  it('writes exactly these bytes for a small guide with quotes', () => {
    const expected = [
      '---',
      'title: "Vores strategi"',
      'organisation: "Eksempel Kommune"',
      'guide: "demo"',
      'guideVersion: "1.0.0"',
      'language: "da"',
      'status: draft',
      'owners: []',
      'reviewers: []',
      '---',
      '',
      '# Vores strategi',
      '',
      '## Tema',
      '',
      '<!-- dialogue-guide: tema -->',
      '',
      '> <!-- dialogue-quote: tema/quote-1 -->',
      '> Vi gør det.',
      '',
      '— Kommunalpolitiker, efteråret 2021',
      '',
      '### Hvad gør I?',
      '',
      '<!-- dialogue-guide: tema/foerste -->',
      '',
      '### Hvorfor?',
      '',
      '<!-- dialogue-guide: tema/anden -->',
      '',
      '## Andet tema',
      '',
      '<!-- dialogue-guide: andet -->',
      '',
      '### Hvordan?',
      '',
      '<!-- dialogue-guide: andet/tredje -->',
      '',
    ].join('\n');
    assert.equal(scaffoldStrategyDocument(SMALL, { ...OPTIONS, includeQuotes: true }), expected);
  });

  it('leaves quotes out unless asked, and records a chosen subset of themes', () => {
    const text = scaffoldStrategyDocument(SMALL, { ...OPTIONS, themes: ['andet'] });
    assert.match(text, /\nreviewers: \[\]\nthemes: \["andet"\]\n---\n/);
    assert.doesNotMatch(text, /Tema\n|Vi gør det|tema\/foerste/);
    assert.ok(text.endsWith('\n### Hvordan?\n\n<!-- dialogue-guide: andet/tredje -->\n'));
    assert.doesNotMatch(scaffoldStrategyDocument(SMALL, { ...OPTIONS, themes: ['andet', 'tema'] }), /^themes:/m, 'all themes chosen is no subset');
  });

  it('is deterministic, uses LF only and ends with exactly one newline', () => {
    const options = { title: 'Strategi', organisation: 'Kommune', includeQuotes: true };
    const text = scaffoldStrategyDocument(builtIn.da, options);
    assert.equal(scaffoldStrategyDocument(builtIn.da, options), text);
    assert.ok(!text.includes('\r'));
    assert.ok(text.endsWith('-->\n'));
  });

  it('keeps hostile titles and organisations intact in the front matter and on one heading line', () => {
    const title = 'Ny "strategi": #1\n---\n<!-- dialogue-guide: x -->\u2028\u0085\u007f\\ æøå';
    const organisation = "key: value\n- item\n'quoted'";
    const text = scaffoldStrategyDocument(SMALL, { title, organisation });
    const document = parseStrategyDocument(text, 'x.md');
    assert.deepEqual(document.findings, []);
    assert.equal(document.frontMatter?.title, title);
    assert.equal(document.frontMatter?.organisation, organisation);
    assert.match(text, /\n# Ny "strategi": #1 --- <!-- dialogue-guide: x -->\u2028\u0085\u007f\\ æøå\n/);
    assert.deepEqual(document.sections.map((s) => s.questionId), ['tema/foerste', 'tema/anden', 'andet/tredje']);
  });

  it('puts every question of the built-in guide verbatim in its own heading, with its marker', () => {
    const document = parseStrategyDocument(scaffoldStrategyDocument(builtIn.da, OPTIONS), 'x.md');
    const lines = scaffoldStrategyDocument(builtIn.da, OPTIONS).split('\n');
    const questions = builtIn.da.themes.flatMap((t) => t.questions);
    assert.equal(document.sections.length, 18);
    for (const [i, section] of document.sections.entries()) {
      assert.equal(section.questionId, questions[i]!.id);
      assert.equal(lines[section.headingLine!], `### ${questions[i]!.text}`);
      assert.equal(section.state, 'empty');
    }
    assert.deepEqual(document.themes.map((t) => t.themeId), builtIn.da.themes.map((t) => t.id));
  });

  for (const language of ['da', 'en'] as const) {
    for (const includeQuotes of [false, true]) {
      it(`passes markdownlint for the built-in guide in ${language} ${includeQuotes ? 'with' : 'without'} quotes`, () => {
        assert.deepEqual(lintErrors(scaffoldStrategyDocument(builtIn[language], { ...OPTIONS, includeQuotes })), []);
      });
    }
  }

  it('still passes markdownlint once answered and synced with a guide that gained a theme', () => {
    const [first, ...rest] = builtIn.da.themes;
    let text = scaffoldStrategyDocument({ ...builtIn.da, themes: rest }, OPTIONS);
    text = answerQuestion(text, rest[0]!.questions[0]!.id, 'Vi gør sådan:\n\n- det ene\n- det andet');
    const plan = planSync(text, parseStrategyDocument(text, 'x.md'), { ...builtIn.da, themes: [first!, ...rest] });
    assert.ok(plan.ok && plan.edits.length === 1);
    assert.deepEqual(lintErrors(applyEdits(text, plan.edits)), []);
  });
});

describe('a file name from a title', () => {
  const cases: [string, string][] = [
    ['Strategi for sociale medier', 'strategi-for-sociale-medier'],
    ['Æblegrød på Ø', 'aeblegroed-paa-oe'],
    ['ÆØÅ æøå', 'aeoeaa-aeoeaa'],
    ['Crème brûlée à la Škoda', 'creme-brulee-a-la-skoda'],
    ['Straße, Þór & Łódź', 'strasse-thor-lodz'],
    ['  --Kommune 2025!--  ', 'kommune-2025'],
    ['社交媒体', ''],
  ];
  for (const [title, slug] of cases) {
    it(`makes "${slug}" of "${title}"`, () => assert.equal(slugify(title), slug));
  }

  it('cuts a long title at 60 characters without a trailing hyphen', () => {
    const slug = slugify('a'.repeat(59) + ' b');
    assert.equal(slug, 'a'.repeat(59));
    assert.ok(slugify('ord '.repeat(40)).length <= 60);
  });
});
