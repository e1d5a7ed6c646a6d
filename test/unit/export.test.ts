import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { buildExportModel, calendarDate, revisedBlocks, type ExportModel } from '../../src/core/export/exportModel';
import { answerBlocks } from '../../src/core/export/markdownModel';
import type { GuideEntry } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import type { Finding } from '../../src/core/findings';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { exportStrategyDocument, type ExportFormat } from '../../src/export/exporter';
import { bundleTranslate, exportLabels } from '../../src/l10n/exportLabels';
import { findingMessage } from '../../src/l10n/findingMessages';
import { COMMON_SUBSET, COMMON_SUBSET_FOLDER, PDF_FONT_FILES, pdfFontFiles } from '../../src/export/pdfFonts';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { builtInGuide, strategyDocument } from './helpers/cli';
import { catalogOf, readPdf, stringEntry } from './helpers/pdfText';
import { contentRoot, repoRoot } from './helpers/repo';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const ANSWER = ['Vi svarer **inden for to dage** og *altid* venligt.', '', '- Facebook til dialog', '- LinkedIn til [rekruttering](https://example.invalid/job)', '', '<!-- en note til os selv -->', '', '> Citat fra byrådet'].join('\n');
const BASE_DATE = '2026-02-01T10:00:00+01:00';

let guides: readonly GuideEntry[];
/** The font files the exports read, under dist/fonts/. */
const fontsRead: string[] = [];
const readFont = async (file: string) => {
  fontsRead.push(file);
  return new Uint8Array(readFileSync(join(repoRoot, 'dist', 'fonts', file)));
};
const bundles = { da: JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, unknown> };

before(async () => {
  guides = (await loadGuideLibrary(nodeFileSystem, [contentRoot])).entries;
});

async function firstIds(count: number): Promise<string[]> {
  const guide = await builtInGuide();
  return guide.themes.flatMap((t) => t.questions).slice(0, count).map((q) => q.id);
}

function modelOf(text: string, options: { base?: string | null; includeQuotes?: boolean } = {}): ExportModel {
  const result = buildExportModel({
    document: parseStrategyDocument(text, 'strategi.md'),
    guides,
    includeQuotes: options.includeQuotes ?? false,
    ...(options.base !== undefined ? { base: { ref: 'main', date: BASE_DATE, document: options.base === null ? undefined : parseStrategyDocument(options.base, 'strategi.md') } } : {}),
  });
  assert.ok(result.ok, 'the document exports');
  return result.model;
}

async function exported(format: ExportFormat, text: string, base?: string): Promise<Uint8Array> {
  return (await exportedWithWarnings(format, text, base)).bytes;
}

async function exportedWithWarnings(format: ExportFormat, text: string, base?: string): Promise<{ bytes: Uint8Array; warnings: readonly Finding[] }> {
  const outcome = await exportStrategyDocument({
    format,
    document: parseStrategyDocument(text, 'strategi.md'),
    guides,
    includeQuotes: false,
    bundles,
    readFont,
    ...(base !== undefined ? { base: { ref: 'main', date: BASE_DATE, document: parseStrategyDocument(base, 'strategi.md') } } : {}),
  });
  assert.ok(outcome.ok, 'the document exports');
  return outcome;
}

describe('the export model', function () {
  // Loading the guide and the fonts and rendering on a shared two-core machine.
  this.timeout(30_000);
  it('holds the guide\'s themes and questions in guide order, with number, full text and answer blocks', async () => {
    const guide = await builtInGuide();
    const [first] = await firstIds(1);
    const model = modelOf(await strategyDocument({ [first!]: ANSWER }));
    assert.equal(model.title, 'Vores strategi');
    assert.equal(model.organisation, 'Eksempel Kommune');
    assert.equal(model.language, 'da-DK');
    assert.deepEqual(model.themes.map((t) => t.title), guide.themes.map((t) => t.title));
    const question = model.themes[0]!.questions[0]!;
    assert.equal(question.number, guide.themes[0]!.questions[0]!.number);
    assert.equal(question.text, guide.themes[0]!.questions[0]!.text);
    assert.equal(question.unanswered, false);
    assert.deepEqual(question.blocks.map((b) => b.block.kind), ['paragraph', 'list', 'quote']);
    assert.ok(model.themes.flatMap((t) => t.questions).slice(1).every((q) => q.unanswered && q.blocks.length === 0), 'the others are unanswered');
  });

  it('keeps every word of an answer nested deeper than markdown-it reads: a list of twelve levels, and one of a thousand as plain text', () => {
    const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n') + '\n\nEFTER LISTEN';
    const words = (blocks: readonly unknown[]) => JSON.stringify(blocks);
    const twelve = answerBlocks(list(12));
    assert.equal(twelve[0]?.kind, 'list', 'still a list');
    for (const word of ['niveau 1', 'niveau 12', 'EFTER LISTEN']) assert.ok(words(twelve).includes(word), word);
    const thousand = answerBlocks(list(1000));
    assert.ok(thousand.every((b) => b.kind === 'paragraph'), 'as plain text');
    for (const word of ['niveau 1"', 'niveau 500"', 'niveau 1000"', 'EFTER LISTEN']) assert.ok(words(thousand).includes(word), word);
  });

  it('reads bold, italic, links and lists from the Markdown, drops comments and keeps other HTML as text', () => {
    const blocks = answerBlocks('**fed** og *kursiv* med [et link](https://example.invalid) og [farligt](javascript:alert(1)) <b>x</b>\n\n1. en\n2. to\n\n<!-- skjult -->');
    assert.deepEqual(blocks[0], {
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'fed', bold: true, italic: false, code: false, href: undefined },
        { kind: 'text', text: ' og ', bold: false, italic: false, code: false, href: undefined },
        { kind: 'text', text: 'kursiv', bold: false, italic: true, code: false, href: undefined },
        { kind: 'text', text: ' med ', bold: false, italic: false, code: false, href: undefined },
        { kind: 'text', text: 'et link', bold: false, italic: false, code: false, href: 'https://example.invalid' },
        { kind: 'text', text: ' og [farligt](javascript:alert(1)) <b>x</b>', bold: false, italic: false, code: false, href: undefined },
      ],
    });
    assert.equal(blocks[1]!.kind, 'list');
    assert.equal(blocks.length, 2, 'the comment is left out');
  });

  it('includes the guide\'s quotes only when asked', async () => {
    const text = await strategyDocument();
    assert.ok(modelOf(text).themes.every((t) => t.quotes.length === 0));
    const quoted = modelOf(text, { includeQuotes: true }).themes[0]!;
    const guide = await builtInGuide();
    assert.deepEqual(quoted.quotes.map((q) => q.speaker), guide.themes[0]!.quotes.map((q) => q.speaker));
  });

  it('refuses a document with a Git conflict, naming the line, and one whose guide is not loaded', async () => {
    const text = (await strategyDocument()).replace('## ', '<<<<<<< HEAD\n## ');
    const conflicted = buildExportModel({ document: parseStrategyDocument(text, 'strategi.md'), guides, includeQuotes: false });
    assert.ok(!conflicted.ok);
    const conflict = conflicted.findings.find((f) => f.code === 'document.conflict');
    assert.equal(conflict?.range.start.line, text.split('\n').indexOf('<<<<<<< HEAD'));
    const unknown = buildExportModel({ document: parseStrategyDocument((await strategyDocument()).replace(/^guide: .*$/m, 'guide: "ukendt"'), 'strategi.md'), guides, includeQuotes: false });
    assert.ok(!unknown.ok);
    assert.deepEqual(unknown.findings.map((f) => [f.code, f.range.start.line]), [['document.unknownGuide', 3]]);
  });

  it('marks a changed answer\'s blocks as deleted and inserted, a new one as inserted, a removed one as deleted, an unchanged one not at all', async () => {
    const [changed, added, removed, same] = await firstIds(4);
    const base = await strategyDocument({ [changed!]: 'Første afsnit.\n\nGammel tekst.', [removed!]: 'Væk nu.', [same!]: 'Uændret.' });
    const now = await strategyDocument({ [changed!]: 'Første afsnit.\n\nNy tekst.', [added!]: 'Helt ny.', [same!]: 'Uændret.' });
    const questions = new Map(modelOf(now, { base }).themes.flatMap((t) => t.questions).map((q) => [q.id, q]));
    const revisions = (id: string) => questions.get(id)!.blocks.map((b) => b.revision);
    // One paragraph rewritten: the paragraph stays, its changed words are marked.
    assert.deepEqual(revisions(changed!), [undefined, undefined]);
    const rewritten = questions.get(changed!)!.blocks[1]!.block;
    assert.equal(rewritten.kind, 'paragraph');
    assert.deepEqual(rewritten.kind === 'paragraph' && rewritten.inlines.map((run) => (run.kind === 'text' ? [run.text, run.revision] : ['break'])), [['Gammel', 'deleted'], ['Ny', 'inserted'], [' tekst.', undefined]]);
    assert.equal(questions.get(changed!)!.change, 'changed');
    assert.deepEqual(revisions(added!), ['inserted']);
    assert.deepEqual(revisions(removed!), ['deleted']);
    assert.equal(questions.get(removed!)!.unanswered, true);
    assert.deepEqual(revisions(same!), [undefined]);
    assert.deepEqual(revisedBlocks(undefined, undefined), []);
    // A paragraph that became a list, and two paragraphs rewritten at once, are marked block by block.
    assert.deepEqual(revisedBlocks('Et afsnit.', '- et punkt').map((b) => [b.block.kind, b.revision]), [['paragraph', 'deleted'], ['list', 'inserted']]);
    assert.deepEqual(revisedBlocks('Et.\n\nTo.', 'Tre.\n\nFire.').map((b) => b.revision), ['deleted', 'deleted', 'inserted', 'inserted']);
  });

  it('compares long answers in bounded time and memory: what they share at both ends stays plain, a vast changed middle is replaced whole', () => {
    const paragraphs = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i}.`);
    const start = Date.now();
    const replaced = revisedBlocks(paragraphs('gammel', 25_000).join('\n\n'), paragraphs('ny', 25_000).join('\n\n'));
    assert.equal(replaced.length, 50_000);
    assert.deepEqual([replaced[0]!.revision, replaced[24_999]!.revision, replaced[25_000]!.revision, replaced[49_999]!.revision], ['deleted', 'deleted', 'inserted', 'inserted']);
    const shared = paragraphs('fælles', 20_000);
    const edited = revisedBlocks([...shared, 'Gammel midte.', ...shared].join('\n\n'), [...shared, 'Ny midte.', ...shared].join('\n\n'));
    assert.equal(edited.length, 40_001, 'one paragraph rewritten in place between 40,000 unchanged');
    assert.deepEqual(edited.filter((b) => b.revision !== undefined || b.block.kind !== 'paragraph' || b.block.inlines.some((r) => r.kind === 'text' && r.revision !== undefined)).length, 1);
    assert.ok(Date.now() - start < 20_000, `${Date.now() - start} ms`);
  });
});

describe('the HTML export', function () {
  // Loading the guide and the fonts and rendering on a shared two-core machine.
  this.timeout(30_000);
  it('is one page with the document\'s language, real headings, no script and nothing loaded from outside', async () => {
    const [first] = await firstIds(1);
    const hostile = `${ANSWER}\n\nBel\u0001l <script>alert(1)</script> <img src="https://example.invalid/x.png"> ![billede](https://example.invalid/y.png)`;
    const text = (await strategyDocument({ [first!]: hostile })).replace('title: "Vores strategi"', 'title: "Vores <strategi> & plan"');
    const html = new TextDecoder().decode(await exported('html', text));
    const document = parse(html);
    const all = elements(document);
    const root = all.find((e) => e.tagName === 'html')!;
    assert.equal(attribute(root, 'lang'), 'da-DK');
    assert.deepEqual(all.filter((e) => ['script', 'img', 'link', 'iframe', 'object', 'embed', 'video', 'audio', 'source'].includes(e.tagName)).map((e) => e.tagName), []);
    assert.ok(all.every((e) => e.attrs.every((a) => !a.name.startsWith('on') && a.name !== 'src' && a.name !== 'srcset')), 'no event handler or source attribute');
    const style = all.filter((e) => e.tagName === 'style').map(textContent).join('');
    assert.doesNotMatch(style, /url\(|@import/);
    assert.match(style, /@page\s*\{\s*size:\s*A4/);
    assert.match(style, /section\.theme\s*\{\s*break-before:\s*page/);
    assert.deepEqual(all.filter((e) => e.tagName === 'a').map((e) => attribute(e, 'href')), ['https://example.invalid/job'], 'the only link is the answer\'s own');
    const guide = await builtInGuide();
    assert.deepEqual(all.filter((e) => e.tagName === 'h1').map(textContent), ['Vores <strategi> & plan']);
    assert.deepEqual(all.filter((e) => e.tagName === 'h2').map(textContent), guide.themes.map((t) => t.title));
    assert.deepEqual(all.filter((e) => e.tagName === 'h3').map(textContent), guide.themes.flatMap((t) => t.questions).map((q) => `${q.number} ${q.text}`));
    assert.ok(all.some((e) => e.tagName === 'strong' && textContent(e) === 'inden for to dage'));
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.ok(!html.includes('\u0001'), 'no control character that XML cannot hold');
    assert.ok(all.some((e) => e.tagName === 'p' && attribute(e, 'class') === 'unanswered' && textContent(e) === 'Ikke besvaret endnu.'), 'an unanswered question says so, in Danish');
  });

  it('shows changes since the base as ins and del', async () => {
    const [first] = await firstIds(1);
    const html = new TextDecoder().decode(await exported('html', await strategyDocument({ [first!]: 'Ny tekst.' }), await strategyDocument({ [first!]: 'Gammel tekst.' })));
    const all = elements(parse(html));
    assert.deepEqual(all.filter((e) => e.tagName === 'del').map(textContent), ['Gammel']);
    assert.deepEqual(all.filter((e) => e.tagName === 'ins').map(textContent), ['Ny']);
    assert.ok(all.some((e) => e.tagName === 'p' && textContent(e) === 'GammelNy tekst.'), 'one paragraph, its changed word marked');
  });
});

describe('the title block', () => {
  it('gives a known status in the document\'s language and a team\'s own as written, in every format', async () => {
    const [first] = await firstIds(1);
    const withStatus = async (status: string) => (await strategyDocument({ [first!]: 'Svar.' })).replace('status: draft', `status: ${status}`);
    const html = new TextDecoder().decode(await exported('html', await withStatus('draft')));
    assert.match(html, /Status:?\s*(<[^>]+>\s*)*Udkast/);
    assert.doesNotMatch(html, /\bdraft\b/);
    assert.ok(strFromU8(unzipSync(await exported('docx', await withStatus(' Final ')))['word/document.xml']!).includes('Endelig'));
    const pdfText = readPdf(await exported('pdf', await withStatus('review'))).pages.join(' ').replace(/\s+/g, ' ');
    assert.ok(pdfText.includes('Status: Til gennemsyn'), pdfText.slice(0, 200));
    assert.ok(new TextDecoder().decode(await exported('html', await withStatus('Til politisk behandling'))).includes('Til politisk behandling'));
    const english = exportLabels(bundleTranslate(undefined));
    assert.deepEqual(['draft', 'REVIEW', 'final', 'approved'].map(english.statusValue), ['Draft', 'In review', 'Final', 'approved']);
  });
});

describe('the Word export', function () {
  // Loading the guide and the fonts and rendering on a shared two-core machine.
  this.timeout(30_000);
  it('uses Word\'s heading styles, the document\'s language, its properties and page numbers, and renders the Markdown', async () => {
    const [first] = await firstIds(1);
    const text = (await strategyDocument({ [first!]: ANSWER })).replace('status: draft', 'status: draft\ndate: 2026-03-01');
    const files = unzipSync(await exported('docx', text));
    const document = strFromU8(files['word/document.xml']!);
    const guide = await builtInGuide();
    assert.equal(count(document, '<w:pStyle w:val="Title"/>'), 1);
    assert.equal(count(document, '<w:pStyle w:val="Heading1"/>'), guide.themes.length);
    assert.equal(count(document, '<w:pStyle w:val="Heading2"/>'), guide.themes.flatMap((t) => t.questions).length);
    assert.ok(document.includes(`${guide.themes[0]!.questions[0]!.number} ${escapeXml(guide.themes[0]!.questions[0]!.text)}`), 'the question\'s number and full text');
    assert.match(document, /<w:lang w:val="da-DK"\/>/);
    assert.match(document, /<w:b\/>[\s\S]*?inden for to dage/);
    assert.match(document, /<w:i\/>[\s\S]*?altid/);
    assert.match(document, /<w:numPr>/);
    assert.match(document, /<w:hyperlink [^>]*r:id="rIdLink1"/);
    assert.doesNotMatch(document, /\*\*/);
    assert.ok(document.includes('Ikke besvaret endnu.'));
    assert.equal(count(document, '<w:ins '), 0, 'no tracked changes without a base');
    const styles = strFromU8(files['word/styles.xml']!);
    assert.match(styles, /<w:docDefaults>[\s\S]*<w:lang w:val="da-DK"\/>[\s\S]*<\/w:docDefaults>/);
    assert.match(styles, /w:styleId="Heading1"/);
    const core = strFromU8(files['docProps/core.xml']!);
    assert.match(core, /<dc:title>Vores strategi<\/dc:title>/);
    assert.match(core, /<dc:creator>Eksempel Kommune<\/dc:creator>/);
    assert.match(core, /<dc:subject>Sociale medier i lokalpolitikken<\/dc:subject>/);
    assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T00:00:00Z<\/dcterms:created>/);
    const footer = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => strFromU8(files[f]!)).join('');
    assert.match(footer, /PAGE/);
    assert.match(strFromU8(files['word/_rels/document.xml.rels']!), /Id="rIdLink1"[^>]*Target="https:\/\/example.invalid\/job"/);
  });

  it('marks what changed since the base as tracked changes by Dialogue Guide on the base\'s date, and nothing for an unchanged answer', async () => {
    const [changed, same] = await firstIds(2);
    const base = await strategyDocument({ [changed!]: 'Gammel tekst.', [same!]: 'Uændret svar.' });
    const now = await strategyDocument({ [changed!]: 'Ny tekst.', [same!]: 'Uændret svar.' });
    const document = strFromU8(unzipSync(await exported('docx', now, base))['word/document.xml']!);
    assert.match(document, /<w:del w:id="\d+" w:author="Dialogue Guide" w:date="2026-02-01T09:00:00Z">[\s\S]*?<w:delText[^>]*>Gammel<\/w:delText>/);
    assert.match(document, /<w:ins w:id="\d+" w:author="Dialogue Guide" w:date="2026-02-01T09:00:00Z">[\s\S]*?<w:t[^>]*>Ny<\/w:t>/);
    const unchanged = document.slice(document.indexOf('Uændret svar.') - 400, document.indexOf('Uændret svar.'));
    assert.doesNotMatch(unchanged.slice(unchanged.lastIndexOf('<w:p>')), /<w:(ins|del) /);
  });

  it('gives the same bytes for the same input', async () => {
    const [first] = await firstIds(1);
    const text = await strategyDocument({ [first!]: ANSWER });
    for (const format of ['docx', 'pdf', 'html'] as const) assert.deepEqual(await exported(format, text), await exported(format, text), format);
  });
});

describe('the PDF export', function () {
  // Loading the guide and the fonts and rendering on a shared two-core machine.
  this.timeout(30_000);
  it('is tagged, in the document\'s language, titled, bookmarked per theme, with every question and Danish letter in its text', async () => {
    const [first] = await firstIds(1);
    const text = await strategyDocument({ [first!]: 'Æblerne på øen får én ål: ÆØÅ æøå.' });
    const pdf = readPdf(await exported('pdf', text));
    const catalog = catalogOf(pdf);
    assert.match(catalog, /\/Lang \(da-DK\)/);
    assert.match(catalog, /\/StructTreeRoot \d+ 0 R/);
    assert.match(catalog, /\/MarkInfo/);
    assert.match(catalog, /\/Outlines \d+ 0 R/);
    const info = [...pdf.objects.values()].find((o) => /\/Producer/.test(o.dictionary))!.dictionary;
    assert.equal(stringEntry(pdf, info, 'Title'), 'Vores strategi');
    const guide = await builtInGuide();
    const outlineTitles = [...pdf.objects.values()].filter((o) => /\/Parent \d+ 0 R/.test(o.dictionary) && /\/Title/.test(o.dictionary) && /\/Dest/.test(o.dictionary)).map((o) => stringEntry(pdf, o.dictionary, 'Title'));
    assert.deepEqual(outlineTitles, guide.themes.map((t) => t.title));
    const structureTypes = [...pdf.objects.values()].flatMap((o) => [.../\/S \/(\w+)/.exec(o.dictionary) ?? []].slice(1));
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P']) assert.ok(structureTypes.includes(type), `the structure tree has ${type}`);
    const words = pdf.pages.join(' ').replace(/\s+/g, ' ');
    assert.ok(words.includes('Æblerne på øen får én ål: ÆØÅ æøå.'), 'the answer with æ, ø and å');
    // Lines wrap at spaces and after a slash ("og/ eller"), so the questions are compared without white space.
    const letters = words.replace(/\s+/g, '');
    for (const question of guide.themes.flatMap((t) => t.questions)) assert.ok(letters.includes(`${question.number}${question.text}`.replace(/\s+/g, '')), `question ${question.number}`);
    assert.match(Buffer.from(await exported('pdf', text)).toString('latin1'), /\/FontFile2 \d+ 0 R/, 'the font is embedded');
  });
});

describe('a PDF of words longer than a line', function () {
  this.timeout(60_000);
  it('breaks them across lines in linear time and loses no letter, in prose, code and headings alike', async () => {
    const [first] = await firstIds(1);
    const start = Date.now();
    const pdf = readPdf(await exported('pdf', (await strategyDocument({ [first!]: `${'x'.repeat(30_000)}\n\n\`\`\`\n${'y'.repeat(30_000)}\n\`\`\`` })).replace('title: "Vores strategi"', `title: "${'z'.repeat(3_000)}"`)));
    const elapsed = Date.now() - start;
    const text = pdf.pages.join('');
    for (const [letter, count] of [['x', 30_000], ['y', 30_000], ['z', 3_000]] as const) assert.ok(text.split(letter).length - 1 >= count, `every ${letter}`);
    // Before, pdfkit measured the rest of such a word for every line: 20 s for 20,000 letters.
    assert.ok(elapsed < 15_000, `${elapsed} ms`);
  });

  it('keeps every line of such a word within the margins, in the widest letters', async () => {
    const [first] = await firstIds(1);
    const pdf = readPdf(await exported('pdf', await strategyDocument({ [first!]: `Start ${'W'.repeat(5_000)} slut\n\n\`\`\`\n${'M'.repeat(5_000)}\n\`\`\`` })));
    const lines = pdf.pages.join('\n').split('\n');
    // The text is 467 pt wide: 42 of DejaVu Sans's W at 11 pt (0.989 em each), 70 of Sans Mono's M (0.602 em).
    const longest = (letter: string) => Math.max(...lines.map((line) => (line.match(new RegExp(`${letter}+`, 'g')) ?? ['']).reduce((n, run) => Math.max(n, run.length), 0)));
    assert.ok(longest('W') <= 42 && longest('W') >= 30, `W: ${longest('W')} a line`);
    assert.ok(longest('M') <= 70 && longest('M') >= 50, `M: ${longest('M')} a line`);
    assert.equal(lines.join('').split('W').length - 1, 5_000);
    assert.ok(lines.join('').split('M').length - 1 >= 5_000, 'every M');
  });
});

describe('a PDF of deeply nested lists and quotes', function () {
  this.timeout(30_000);
  it('keeps every level on the page: the indent stops growing after ten', async () => {
    const [first] = await firstIds(1);
    const nested = `${'> '.repeat(30)}dybt citat\n\n${Array.from({ length: 40 }, (_, k) => `${'  '.repeat(k)}- niveau ${k}`).join('\n')}`;
    const text = readPdf(await exported('pdf', await strategyDocument({ [first!]: nested }))).pages.join('\n');
    assert.ok(text.includes('dybt citat'), 'the quote 30 levels deep');
    for (let k = 0; k < 40; k++) assert.ok(text.includes(`niveau ${k}`), `level ${k}`);
  });
});

describe('a date that is no calendar day', function () {
  this.timeout(30_000);
  it('is shown as written in the title block and kept out of the files\' properties, in every format', async () => {
    assert.deepEqual(['2026-03-01', ' 2024-02-29 ', '2026-13-01', '2026-02-30', 'marts 2026', '99999-01-01', undefined].map(calendarDate), ['2026-03-01', '2024-02-29', undefined, undefined, undefined, undefined, undefined]);
    for (const date of ['2026-13-01', '2026-02-30']) {
      const text = (await strategyDocument({})).replace('status: draft', `status: draft\ndate: ${date}`);
      const pdf = readPdf(await exported('pdf', text));
      const info = [...pdf.objects.values()].find((o) => /\/Producer/.test(o.dictionary))!.dictionary;
      assert.match(stringEntry(pdf, info, 'CreationDate') ?? '', /^D:20000101/, 'the fixed date, not a day rolled over into the next month');
      assert.ok(pdf.pages.join(' ').replace(/\s+/g, ' ').includes(`Dato: ${date}`));
      const core = strFromU8(unzipSync(await exported('docx', text))['docProps/core.xml']!);
      assert.doesNotMatch(core, /2026-0[23]-0[12]|2026-13/);
      assert.ok(new TextDecoder().decode(await exported('html', text)).includes(date));
    }
  });
});

describe('the PDF export\'s fonts', function () {
  this.timeout(30_000);
  const whole = Object.values(PDF_FONT_FILES).sort();
  const common = whole.map((file) => `${COMMON_SUBSET_FOLDER}/${file}`);

  it('are the common subset for Danish and the usual symbols, and DejaVu whole for a letter outside it, which is then in the text', async () => {
    const [first] = await firstIds(1);
    fontsRead.length = 0;
    await exported('pdf', await strategyDocument({ [first!]: 'Æblerne på øen – “5 €” → ✓, ≥ 2 ½ fi\tCafé Zoë, Łódź, Ærø.' }));
    assert.deepEqual([...fontsRead].sort(), common);
    fontsRead.length = 0;
    const pdf = readPdf(await exported('pdf', await strategyDocument({ [first!]: 'Vi hilser også på ukrainsk: Привіт, og på græsk: Γειά σου.' })));
    assert.deepEqual([...fontsRead].sort(), whole);
    const words = pdf.pages.join(' ').replace(/\s+/g, ' ');
    assert.ok(words.includes('Привіт, og på græsk: Γειά σου.'), words);
  });

  it('warn, per question on its heading, of characters they cannot draw, and set tabs and control characters as they can', async () => {
    const [first, second] = await firstIds(2);
    const text = await strategyDocument({ [first!]: 'Fest 🎉 og 👍.\n\n```\nx\u2066y\n```', [second!]: 'Budget:\t5 kr.\u0007 Ærø → ✓ Ωμέγα 🎉' });
    const { bytes, warnings } = await exportedWithWarnings('pdf', text);
    const lines = text.split('\n');
    const heading = (id: string) => lines.lastIndexOf(lines.slice(0, lines.indexOf(`<!-- dialogue-guide: ${id} -->`)).reverse().find((l) => l.startsWith('#'))!);
    assert.deepEqual(
      warnings.map((w) => [w.code, w.severity, w.file, w.range.start.line, w.args.id, w.args.characters]),
      [['export.undrawable', 'warning', 'strategi.md', heading(first!), first, '🎉 (U+1F389), 👍 (U+1F44D), U+2066']],
      'the emoji once, where it first stands; the isolate mark, which no font here has, by its number only; no tab, bell, Greek or Danish letter',
    );
    assert.match(findingMessage(warnings[0]!, (m, a) => m.replace(/\{(\w+)\}/g, (_, k: string) => a[k] ?? '')), /^The answer to 1\.\d .+ has characters the PDF's fonts cannot draw: 🎉/);
    const words = readPdf(bytes).pages.join(' ');
    assert.ok(words.includes('Budget: 5 kr. Ærø → ✓ Ωμέγα'), words);
    const many = await exportedWithWarnings('pdf', await strategyDocument({ [first!]: [...'🤣🥰🥳🤩🤔🤗🤯🥺🧐🤓🤠🤡'].join(' ') }));
    assert.equal(many.warnings.length, 1);
    assert.match(many.warnings[0]!.args.characters!, /^🤣 \(U\+1F923\), .*🤓 \(U\+1F913\), …$/, 'ten listed, then an ellipsis');
    for (const format of ['docx', 'html'] as const) assert.deepEqual((await exportedWithWarnings(format, text)).warnings, [], `${format}: the reader's fonts draw them`);
    assert.deepEqual((await exportedWithWarnings('pdf', await strategyDocument({ [first!]: 'Æblerne på øen.' }))).warnings, []);
    // Code with letters the code font lacks and the text font has is set in the text font, not in boxes.
    const code = await exportedWithWarnings('pdf', await strategyDocument({ [first!]: '`[ẞ] [ả] [ℓ]` prosa' }));
    assert.deepEqual(code.warnings, []);
    assert.ok(readPdf(code.bytes).pages.join(' ').replace(/\s+/g, ' ').includes('[ẞ] [ả] [ℓ] prosa'));
  });

  it('are chosen from every string of the document: a title or a quote outside the subset is enough for DejaVu whole', () => {
    assert.deepEqual(Object.values(pdfFontFiles(['Strategi', 'tab\tand line\nand a control \u0007 or \u0085'])).sort(), common);
    for (const text of ['Жюри', 'Smil 😀', '\u4e2d']) assert.deepEqual(Object.values(pdfFontFiles(['Strategi', text])).sort(), whole, text);
    assert.deepEqual(Object.values(pdfFontFiles([])).sort(), common);
  });

  it('in the common subset have every character of its ranges that DejaVu has, and DejaVu whole has more', () => {
    const inSubset = (code: number) => COMMON_SUBSET.some(([start, end]) => code >= start && code <= end);
    for (const file of Object.values(PDF_FONT_FILES)) {
      const all = fontOf(join(repoRoot, 'dist', 'fonts', file)).characterSet;
      const cut = new Set(fontOf(join(repoRoot, 'dist', 'fonts', COMMON_SUBSET_FOLDER, file)).characterSet);
      const missing = all.filter((code) => inSubset(code) && !cut.has(code));
      assert.deepEqual(missing.map((code) => code.toString(16)), [], `${file}: the subset has every character DejaVu has in its ranges`);
      assert.ok(cut.has(0xe6) && cut.has(0xf8) && cut.has(0xe5) && cut.has(0x2192), `${file}: æ, ø, å and →`);
      assert.ok(all.length > 2 * cut.size, `${file}: ${all.length} characters whole, ${cut.size} in the subset`);
    }
  });
});

/** A TrueType file read with fontkit, which pdfkit reads the fonts with. */
function fontOf(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(file));
  assert.ok('characterSet' in font, `${file} is one font, not a collection`);
  return font;
}

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n) found.push(n);
    if ('childNodes' in n) n.childNodes.forEach(visit);
    if ('content' in n && n.content) visit(n.content as unknown as Node);
  };
  visit(node);
  return found;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textContent).join('') : '';
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
