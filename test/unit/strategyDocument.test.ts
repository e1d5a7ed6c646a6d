import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { analyseStrategyDocument, isStrategyDocument, parseStrategyDocument, type StrategyAnalysis } from '../../src/core/strategyDocument';
import { formatFinding } from '../../src/l10n/findingMessages';
import { answerQuestion } from './helpers/answers';
import { entryOf, makeGuide } from './helpers/guides';
import { english } from './helpers/l10n';

const GUIDE = makeGuide([
  { id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['anden', 'Hvorfor?']] },
  { id: 'andet', title: 'Andet tema', questions: [['tredje', 'Hvordan?'], ['fjerde', 'Hvornår?']] },
]);
const ENGLISH = { ...makeGuide([
  { id: 'tema', title: 'Theme', questions: [['foerste', 'What do you do?'], ['anden', 'Why?']] },
  { id: 'andet', title: 'Other theme', questions: [['tredje', 'How?'], ['fjerde', 'When?']] },
], { language: 'en' }), translationOf: 'da' };
const LIBRARY = [{ ...entryOf(GUIDE), translations: [ENGLISH] }];

const DOCUMENT = [
  '---', //                                      0
  'title: "T"',
  'guide: "demo"',
  'language: "da"',
  '---',
  '', //                                         5
  '# T',
  '',
  '## Tema',
  '',
  '<!-- dialogue-guide: tema -->', //           10
  '',
  '### Hvad gør I?',
  '',
  '<!-- dialogue-guide: tema/foerste -->',
  '', //                                        15
  'Vi skriver.',
  '',
  'Og mere.',
  '',
  '### Hvorfor?', //                            20
  '',
  '<!-- dialogue-guide: tema/anden -->',
  '',
].join('\n');

/** Findings as one line each: code, severity, exact range and arguments. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${JSON.stringify(f.args)}`);
}

function analyse(text: string): StrategyAnalysis {
  return analyseStrategyDocument(parseStrategyDocument(text, 'strategi.md'), LIBRARY);
}

/** `text` with line `line` (zero-based) replaced by `replacement` (which may hold several lines). */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line] = replacement;
  return lines.join('\n');
}

describe('parsing a strategy document', () => {
  it('finds theme and question sections with their lines, ranges and exact answers', () => {
    const document = parseStrategyDocument(DOCUMENT, 'strategi.md');
    assert.deepEqual(document.findings, []);
    assert.deepEqual(document.frontMatter, { title: 'T', guide: 'demo', language: 'da' });
    assert.deepEqual(document.guideRange, { start: { line: 2, character: 7 }, end: { line: 2, character: 13 } });
    assert.deepEqual(document.themes, [
      { themeId: 'tema', headingLine: 8, markerLine: 10, markerRange: { start: { line: 10, character: 0 }, end: { line: 10, character: 29 } }, lines: { start: 8, end: 24 } },
    ]);
    assert.deepEqual(document.sections, [
      {
        questionId: 'tema/foerste',
        themeId: 'tema',
        headingLine: 12,
        headingRange: { start: { line: 12, character: 0 }, end: { line: 12, character: 15 } },
        markerLine: 14,
        markerRange: { start: { line: 14, character: 0 }, end: { line: 14, character: 37 } },
        lines: { start: 12, end: 20 },
        answerLines: { start: 15, end: 20 },
        answer: 'Vi skriver.\n\nOg mere.',
        state: 'answered',
        rivalHeading: undefined,
      },
      {
        questionId: 'tema/anden',
        themeId: 'tema',
        headingLine: 20,
        headingRange: { start: { line: 20, character: 0 }, end: { line: 20, character: 12 } },
        markerLine: 22,
        markerRange: { start: { line: 22, character: 0 }, end: { line: 22, character: 35 } },
        lines: { start: 20, end: 24 },
        answerLines: { start: 23, end: 24 },
        answer: '',
        state: 'empty',
        rivalHeading: undefined,
      },
    ]);
    assert.deepEqual(document.conflictLines, []);
  });

  it('reads CRLF, a byte order mark and a missing final newline with the same lines and exact answers', () => {
    const lf = parseStrategyDocument(DOCUMENT, 'a.md');
    const crlf = parseStrategyDocument('\ufeff' + DOCUMENT.replace(/\n/g, '\r\n').replace(/\r\n$/, ''), 'a.md');
    assert.deepEqual(crlf.findings, []);
    assert.deepEqual(crlf.frontMatter, lf.frontMatter);
    assert.deepEqual(crlf.themes, lf.themes.map((t) => ({ ...t, lines: { ...t.lines, end: 23 } })));
    assert.equal(crlf.sections[0]!.answer, 'Vi skriver.\r\n\r\nOg mere.');
    assert.deepEqual(crlf.sections[0]!.markerRange, lf.sections[0]!.markerRange);
    assert.deepEqual(crlf.sections[1]!.answerLines, { start: 23, end: 23 });
    const unterminated = parseStrategyDocument(`${DOCUMENT}\nSidste svar`, 'a.md');
    assert.equal(unterminated.sections[1]!.answer, 'Sidste svar');
  });

  it('takes nothing inside ``` or ~~~ fences for structure, and keeps the fences in the answer', () => {
    const fenced = [
      '````md',
      '```',
      '### Hvorfor?',
      '<!-- dialogue-guide: tema/anden -->',
      '<<<<<<< HEAD',
      '```',
      '````',
      '',
      '~~~',
      '<!-- dialogue-guide: andet -->',
      '=======',
      '~~~~',
      '   ``` not a fence: `info` has a backtick',
    ].join('\n');
    const document = parseStrategyDocument(withLine(DOCUMENT, 16, fenced), 'a.md');
    assert.deepEqual(document.sections.map((s) => s.questionId), ['tema/foerste', 'tema/anden']);
    assert.equal(document.sections[0]!.answer, `${fenced}\n\nOg mere.`);
    assert.deepEqual(document.conflictLines, []);
    assert.deepEqual(document.findings, []);
  });

  it('counts text between a heading and its marker, a fenced block included, as that question\'s answer', () => {
    const document = parseStrategyDocument(withLine(DOCUMENT, 21, '\n```\n### ikke en overskrift\n```\n'), 'a.md');
    assert.deepEqual(document.findings, []);
    assert.equal(document.sections[1]!.headingLine, 20);
    assert.equal(document.sections[1]!.answer, '```\n### ikke en overskrift\n```');
    assert.equal(document.sections[0]!.answer, 'Vi skriver.\n\nOg mere.', 'the previous answer ends at the next heading');
  });

  it('ignores indented marker and conflict lines, which Markdown shows as text', () => {
    const document = parseStrategyDocument(withLine(DOCUMENT, 16, '    <!-- dialogue-guide: andet/tredje -->\n <<<<<<< HEAD'), 'a.md');
    assert.deepEqual(document.sections.map((s) => s.questionId), ['tema/foerste', 'tema/anden']);
    assert.deepEqual(document.conflictLines, []);
  });

  it('reports Git conflict markers with their exact lines', () => {
    const conflicted = ['<<<<<<< HEAD', 'Vi skriver.', '||||||| base', '=======', 'Vi skriver ikke.', '>>>>>>> feature'].join('\n');
    const document = parseStrategyDocument(withLine(DOCUMENT, 16, conflicted), 'a.md');
    assert.deepEqual(document.conflictLines, [16, 18, 19, 21]);
    assert.deepEqual(summary(document.findings), [
      'document.conflict error 16:0-16:12 {}',
      'document.conflict error 18:0-18:12 {}',
      'document.conflict error 19:0-19:7 {}',
      'document.conflict error 21:0-21:15 {}',
    ]);
  });

  it('does not take a setext underline or a nested quote for a conflict', () => {
    const document = parseStrategyDocument(withLine(DOCUMENT, 16, 'Overskrift\n=======\n\n>>>>>>> dybt citat'), 'a.md');
    assert.deepEqual(document.conflictLines, []);
  });

  it('reports a duplicate marker where it repeats, naming the first', () => {
    const document = parseStrategyDocument(withLine(DOCUMENT, 18, '<!-- dialogue-guide: tema/foerste -->'), 'a.md');
    assert.deepEqual(summary(document.findings), [
      'marker.noHeading warning 18:0-18:37 {"id":"tema/foerste"}',
      'marker.duplicate warning 18:0-18:37 {"id":"tema/foerste","line":"15"}',
    ]);
    assert.deepEqual(document.sections.map((s) => [s.questionId, s.answer]), [['tema/foerste', 'Vi skriver.'], ['tema/foerste', ''], ['tema/anden', '']]);
  });

  it('counts only whitespace and HTML comments as empty', () => {
    const states = ['<!-- kladde -->\n<!--\nflere linjer\n-->', ' \t', 'Svar <!-- med note -->'].map(
      (answer) => parseStrategyDocument(DOCUMENT.replace('Vi skriver.\n\nOg mere.', answer), 'a.md').sections[0]!.state,
    );
    assert.deepEqual(states, ['empty', 'empty', 'answered']);
  });

  it('says where a comment that is never closed hides the markers after it, as a preview would', () => {
    const document = parseStrategyDocument(DOCUMENT.replace('Vi skriver.\n\nOg mere.', '<!-- ikke lukket'), 'a.md');
    assert.deepEqual(summary(document.findings), ['document.unclosedBlock warning 16:0-16:16 {}']);
    assert.equal(document.unambiguous, false);
    assert.deepEqual(document.sections.map((s) => s.questionId), ['tema/foerste']);
  });

  it('reports missing, unclosed and broken front matter as findings, and still reads the sections', () => {
    const cases: [string, string][] = [
      [DOCUMENT.slice(DOCUMENT.indexOf('# T')), 'frontMatter.missing error 0:0-0:0 {"detail":""}'],
      [withLine(DOCUMENT, 4, ''), 'frontMatter.unclosed error 0:0-0:3 {"detail":""}'],
      [withLine(DOCUMENT, 1, 'title: "T'), 'frontMatter.yaml error 1:0-1:0'],
    ];
    for (const [text, finding] of cases) {
      const document = parseStrategyDocument(text, 'a.md');
      assert.equal(document.frontMatter, undefined);
      assert.equal(summary(document.findings).length, 1);
      assert.ok(summary(document.findings)[0]!.startsWith(finding), summary(document.findings)[0]);
      assert.deepEqual(document.sections.map((s) => s.questionId), ['tema/foerste', 'tema/anden']);
    }
  });

  it('leaves out front matter values of the wrong type, with a finding at the value', () => {
    const document = parseStrategyDocument(withLine(DOCUMENT, 2, 'guide: 3\nowners: "Anna"\nreviewers: [Bo]'), 'a.md');
    assert.deepEqual(document.frontMatter, { title: 'T', language: 'da', reviewers: ['Bo'] });
    assert.deepEqual(summary(document.findings), [
      'field.type error 2:7-2:8 {"key":"guide","expected":"string"}',
      'field.type error 3:8-3:14 {"key":"owners","expected":"list"}',
    ]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '\ufeff', '---', '---\n---', '\n\n\n', '<!-- dialogue-guide: -->', '```', '---\n: : :\n---\n', '\r\n\r', '<<<<<<<']) {
      assert.doesNotThrow(() => analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), LIBRARY), JSON.stringify(text));
    }
  });
});

describe('recognising a strategy document', () => {
  it('recognises front matter with a guide key, or a marker at the start of a line', () => {
    assert.equal(isStrategyDocument('---\ntitle: x\nguide: demo\n---\n'), true);
    assert.equal(isStrategyDocument('\ufeff---\r\nguide : demo\r\n---\r\n'), true);
    assert.equal(isStrategyDocument('# Notes\n\n<!-- dialogue-guide: tema/foerste -->\n'), true);
  });

  it('does not recognise other Markdown', () => {
    assert.equal(isStrategyDocument('---\ntitle: x\n---\nguide: demo\n'), false);
    assert.equal(isStrategyDocument('# Notes\n\nSee `<!-- dialogue-guide: x -->` in the docs.\n'), false);
    assert.equal(isStrategyDocument(''), false);
  });
});

describe('analysing a strategy document against its guide', () => {
  it('gives every question its state and counts answers overall and per theme', () => {
    let text = scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O' });
    text = answerQuestion(text, 'andet/fjerde', 'Snart.');
    text = answerQuestion(text, 'tema/foerste', 'Vi skriver.');
    text = text.replace(/\n### Hvordan\?\n\n<!-- dialogue-guide: andet\/tredje -->\n/, '');
    const analysis = analyse(text);
    assert.deepEqual(analysis.themes.map((t) => [t.theme.id, t.answered, t.total, t.questions.map((q) => q.state)]), [
      ['tema', 1, 2, ['answered', 'empty']],
      ['andet', 1, 2, ['missing', 'answered']],
    ]);
    assert.equal(analysis.answered, 2);
    assert.equal(analysis.total, 4);
    assert.equal(analysis.themes[1]!.questions[1]!.section?.answer, 'Snart.');
    assert.equal(analysis.themes[1]!.questions[0]!.section, undefined);
  });

  it('reports an unanswered question (as info) at its heading and a missing one at its theme marker', () => {
    const text = scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O' }).replace(/\n### Hvordan\?\n\n<!-- dialogue-guide: andet\/tredje -->\n/, '');
    assert.deepEqual(summary(analyse(text).findings), [
      'question.unanswered info 17:0-17:15 {"id":"tema/foerste","question":"1.1 Hvad gør I?"}',
      'question.unanswered info 21:0-21:12 {"id":"tema/anden","question":"1.2 Hvorfor?"}',
      'question.missing warning 27:0-27:30 {"id":"andet/tredje","question":"2.1 Hvordan?","theme":"andet"}',
      'question.unanswered info 29:0-29:12 {"id":"andet/fjerde","question":"2.2 Hvornår?"}',
    ]);
  });

  it('reports unknown markers, removed questions and questions outside their theme at their markers', () => {
    const marked = DOCUMENT.replace('Og mere.', '<!-- dialogue-guide: ukendt -->\n\n<!-- dialogue-guide: ukendt/x -->\n\n<!-- dialogue-guide: tema/gammel -->')
      .replace('## Tema', '## Andet tema\n\n<!-- dialogue-guide: andet -->\n\n### Hvordan?\n\n<!-- dialogue-guide: tema/anden -->\n\n## Tema')
      .replace(/### Hvorfor\?\n\n<!-- dialogue-guide: tema\/anden -->\n/, '');
    const findings = summary(analyse(marked).findings).filter((f) => !f.startsWith('question.'));
    assert.deepEqual(findings, [
      'marker.outsideTheme warning 14:0-14:35 {"id":"tema/anden","question":"1.2 Hvorfor?","theme":"tema","themeTitle":"Tema"}',
      'marker.noHeading warning 26:0-26:31 {"id":"ukendt"}',
      'marker.unknown warning 26:0-26:31 {"id":"ukendt"}',
      'marker.noHeading warning 28:0-28:33 {"id":"ukendt/x"}',
      'marker.unknown warning 28:0-28:33 {"id":"ukendt/x"}',
      'marker.noHeading warning 30:0-30:36 {"id":"tema/gammel"}',
    ]);
    assert.deepEqual(summary(analyse(marked).findings).filter((f) => f.startsWith('question.removed')), ['question.removed warning 30:0-30:36 {"id":"tema/gammel"}']);
  });

  it('reports a guide no loaded guide has, at the value that names it', () => {
    const analysis = analyse(withLine(DOCUMENT, 2, 'guide: "ukendt-guide"'));
    assert.equal(analysis.guide, undefined);
    assert.deepEqual(summary(analysis.findings), ['document.unknownGuide warning 2:7-2:21 {"id":"ukendt-guide"}']);
  });

  it('reports front matter that names no guide at its opening line', () => {
    assert.deepEqual(summary(analyse(withLine(DOCUMENT, 2, 'status: draft')).findings), ['document.noGuide warning 0:0-0:3 {}']);
  });

  it('adds nothing guide-related to broken front matter, which parsing already reported', () => {
    assert.deepEqual(summary(analyse(withLine(DOCUMENT, 1, 'title: "T')).findings), ['frontMatter.yaml error 1:0-1:0 {"detail":"Missing closing \\"quote"}']);
  });

  it('takes question texts from the language asked for, and the document language by default', () => {
    const text = withLine(DOCUMENT, 3, 'language: "en"');
    assert.equal(analyse(text).themes[0]!.questions[0]!.question.text, 'What do you do?');
    const danish = analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), LIBRARY, { language: 'da' });
    assert.equal(danish.themes[0]!.questions[0]!.question.text, 'Hvad gør I?');
  });

  it('covers only the themes chosen when scaffolding', () => {
    const analysis = analyse(scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O', themes: ['andet'] }));
    assert.deepEqual(analysis.themes.map((t) => t.theme.id), ['andet']);
    assert.equal(analysis.total, 2);
    assert.ok(!analysis.findings.some((f) => f.code === 'question.missing'));
  });

  it('says a finding in plain English, with the file and the line counted from 1', () => {
    const findings = analyse(withLine(DOCUMENT, 16, '<<<<<<< HEAD\n=======\n>>>>>>> b')).findings;
    const message = (code: Finding['code']) => formatFinding(findings.find((f) => f.code === code)!, english);
    assert.equal(message('document.conflict'), 'strategi.md:17: Git conflict marker: resolve the conflict before going on.');
    assert.equal(message('question.missing'), 'strategi.md:3: Question 2.1 Hvordan? of the guide is missing from the document.');
  });

  it('names a question in its messages as the tree does, by number and label in the language asked for, and keeps the id for machines', () => {
    const text = scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O' }).replace('<!-- dialogue-guide: tema/anden -->', '<!-- dialogue-guide: tema/anden -->\n\nSvar.\nTekst\n---\n\nMere.');
    const named = (language?: string) => analyseStrategyDocument(parseStrategyDocument(text, 'a.md'), LIBRARY, { language }).findings;
    const unanswered = named().find((f) => f.code === 'question.unanswered')!;
    assert.equal(unanswered.args.id, 'tema/foerste');
    assert.equal(formatFinding(unanswered, english), 'a.md:18: Question 1.1 Hvad gør I? is not answered yet.');
    assert.equal(formatFinding(named('en').find((f) => f.code === 'question.unanswered')!, english), 'a.md:18: Question 1.1 What do you do? is not answered yet.');
    // A parse finding about a question of the guide gets its name once the guide is known.
    const ends = named().find((f) => f.code === 'heading.endsAnswer')!;
    assert.deepEqual(ends.args, { id: 'tema/anden', question: '1.2 Hvorfor?' });
    assert.match(formatFinding(ends, english), /ends the answer to 1\.2 Hvorfor\? above it/);
    assert.match(formatFinding(parseStrategyDocument(text, 'a.md').findings.find((f) => f.code === 'heading.endsAnswer')!, english), /ends the answer to "tema\/anden" above it/);
  });
});
