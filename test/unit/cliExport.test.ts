import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { exportStrategyDocument } from '../../src/export/exporter';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { builtInGuide, firstThemeAnswers, requireBuiltCli, runCli, strategyDocument } from './helpers/cli';
import { commitFiles, gitRepository, runGit } from './helpers/gitRepo';
import { contentRoot, repoRoot, writeTree } from './helpers/repo';

const THEMES = { themes: ['sociale-medier'] };

describe('dialogue-guide export', function () {
  this.timeout(60_000);
  before(requireBuiltCli);

  it('writes Word, PDF and HTML from the built CLI, the same bytes as the exporter the editor calls, and leaves the document as it was', async () => {
    const text = await strategyDocument(await firstThemeAnswers(), THEMES);
    const root = writeTree({ 'strategi.md': text });
    const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    const signatures = { docx: 'PK', pdf: '%PDF-1.7', html: '<!DOCTYPE html>' };
    for (const format of ['docx', 'pdf', 'html'] as const) {
      const run = runCli(root, ['export', 'strategi.md', '--format', format, '--out', `ud/strategi.${format}`]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `Wrote ud/strategi.${format}.\n`);
      const bytes = readFileSync(join(root, 'ud', `strategi.${format}`));
      assert.equal(bytes.subarray(0, signatures[format].length).toString('latin1'), signatures[format]);
      const direct = await exportStrategyDocument({
        format,
        document: parseStrategyDocument(text, join(root, 'strategi.md')),
        guides: library.entries,
        includeQuotes: false,
        bundles: { da: JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.da.json'), 'utf8')) as Record<string, unknown> },
        readFont: async (file) => new Uint8Array(readFileSync(join(repoRoot, 'dist', 'fonts', file))),
      });
      assert.ok(direct.ok);
      assert.ok(Buffer.from(direct.bytes).equals(bytes), `${format}: the CLI's bytes are the exporter's`);
    }
    assert.equal(readFileSync(join(root, 'strategi.md'), 'utf8'), text);
    assert.deepEqual(readdirSync(join(root, 'ud')).sort(), ['strategi.docx', 'strategi.html', 'strategi.pdf'], 'no temporary file is left');
  });

  it('never replaces an existing file without --force, and does with it', async () => {
    const root = writeTree({ 'strategi.md': await strategyDocument({}, THEMES), 'strategi.html': 'mit eget' });
    const refused = runCli(root, ['export', 'strategi.md', '--format', 'html', '--out', 'strategi.html']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /strategi\.html already exists; pass --force to replace it\./);
    assert.equal(readFileSync(join(root, 'strategi.html'), 'utf8'), 'mit eget');
    const forced = runCli(root, ['export', 'strategi.md', '--format', 'html', '--out', 'strategi.html', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(join(root, 'strategi.html'), 'utf8'), /^<!DOCTYPE html>/);
  });

  it('with --force replaces only a file, never a pipe (or a device such as /dev/null) of that name', async () => {
    const root = writeTree({ 'strategi.md': await strategyDocument({}, THEMES) });
    execFileSync('mkfifo', [join(root, 'ud.html')]);
    const refused = runCli(root, ['export', 'strategi.md', '--format', 'html', '--out', 'ud.html', '--force']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /ud\.html is not a regular file; an export replaces only a file\./);
    assert.ok(lstatSync(join(root, 'ud.html')).isFIFO(), 'the pipe is still a pipe');
    // Nor a link to a pipe or a folder (as /dev/stdout is a link to a terminal or a pipe); a link to a file or to nothing is replaced.
    symlinkSync(join(root, 'ud.html'), join(root, 'til-pipe.html'));
    mkdirSync(join(root, 'mappe'));
    symlinkSync(join(root, 'mappe'), join(root, 'til-mappe.html'));
    for (const link of ['til-pipe.html', 'til-mappe.html']) {
      const run = runCli(root, ['export', 'strategi.md', '--out', link, '--force']);
      assert.equal(run.status, 2, link);
      assert.match(run.stderr, /is not a regular file; an export replaces only a file\./);
      assert.ok(lstatSync(join(root, link)).isSymbolicLink(), `${link} is still a link`);
    }
    writeFileSync(join(root, 'gammel.html'), 'gammel');
    symlinkSync(join(root, 'gammel.html'), join(root, 'til-fil.html'));
    symlinkSync(join(root, 'findes-ikke.html'), join(root, 'til-intet.html'));
    for (const link of ['til-fil.html', 'til-intet.html']) assert.equal(runCli(root, ['export', 'strategi.md', '--out', link, '--force']).status, 0, link);
    assert.equal(readFileSync(join(root, 'gammel.html'), 'utf8'), 'gammel', 'the link is replaced, not the file it led to');
  });

  it('refuses to write over the strategy document itself, even with --force', async () => {
    const text = await strategyDocument({}, THEMES);
    const root = writeTree({ 'strategi.md': text });
    const run = runCli(root, ['export', 'strategi.md', '--format', 'html', '--out', './strategi.md', '--force']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--out names the strategy document itself/);
    assert.equal(readFileSync(join(root, 'strategi.md'), 'utf8'), text);
  });

  it('names the file and line of a conflict or an unknown guide, in Danish too, and writes nothing', async () => {
    const text = (await strategyDocument({}, THEMES)).replace('### ', '<<<<<<< HEAD\n### ');
    const line = text.split('\n').indexOf('<<<<<<< HEAD') + 1;
    const root = writeTree({ 'strategi.md': text, 'ukendt.md': (await strategyDocument({}, THEMES)).replace(/^guide: .*$/m, 'guide: "ukendt"') });
    const conflict = runCli(root, ['export', 'strategi.md', '--format', 'docx', '--out', 'strategi.docx']);
    assert.equal(conflict.status, 2);
    assert.match(conflict.stderr, new RegExp(`^strategi\\.md:${line}: Git conflict marker`, 'm'));
    assert.match(conflict.stderr, /Nothing was exported: fix the document first\./);
    const unknown = runCli(root, ['export', 'ukendt.md', '--format', 'pdf', '--out', 'ukendt.pdf', '--locale', 'da']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^ukendt\.md:4: Ingen indlæst guide har id'et "ukendt"\./m);
    assert.match(unknown.stderr, /Intet blev eksporteret: ret dokumentet først\./);
    assert.deepEqual(readdirSync(root).sort(), ['strategi.md', 'ukendt.md']);
    assert.equal(conflict.stderr.includes('    at '), false, 'no stack trace');
  });

  it('with --base, marks in Word what changed since that commit, dated as the commit', async () => {
    const before = await strategyDocument({ 'sociale-medier/platforme': 'Facebook.', 'sociale-medier/formaal': 'Uændret.' }, THEMES);
    const root = gitRepository({ 'plan.md': before });
    runGit(root, 'tag', 'udvalg');
    // In UTC without fractions, as Word takes it.
    const date = new Date(runGit(root, 'show', '--no-patch', '--format=%cI', 'udvalg').trim()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    commitFiles(root, { 'plan.md': await strategyDocument({ 'sociale-medier/platforme': 'Facebook og LinkedIn.', 'sociale-medier/formaal': 'Uændret.' }, THEMES) });
    const run = runCli(root, ['export', 'plan.md', '--format', 'docx', '--out', 'plan.docx', '--base', 'udvalg']);
    assert.equal(run.status, 0, run.stderr);
    const document = strFromU8(unzipSync(readFileSync(join(root, 'plan.docx')))['word/document.xml']!);
    const change = (kind: string) => new RegExp(`<w:${kind} w:id="\\d+" w:author="Dialogue Guide" w:date="${date.replace(/[+.]/g, '\\$&')}"`);
    assert.match(document, change('del'), 'the old answer is a deletion');
    assert.match(document, change('ins'), 'the new one an insertion');
    assert.match(document, /<w:delText[^>]*>Facebook\.<\/w:delText>/);
    assert.equal(document.match(/<w:(ins|del) /g)?.length, 2, 'the rewritten paragraph\'s two runs; the unchanged answer has none');
  });

  it('explains an unknown --base and a --format it does not know, and needs --out', async () => {
    const root = gitRepository({ 'plan.md': await strategyDocument({}, THEMES) });
    const unknown = runCli(root, ['export', 'plan.md', '--format', 'docx', '--out', 'plan.docx', '--base', 'findes-ikke']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Git does not know "findes-ikke"/);
    const format = runCli(root, ['export', 'plan.md', '--format', 'odt', '--out', 'plan.odt']);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /Unknown format "odt": use one of docx, pdf, html\./);
    const noOut = runCli(root, ['export', 'plan.md', '--format', 'pdf']);
    assert.equal(noOut.status, 2);
    assert.match(noOut.stderr, /--out is required/);
    assert.equal(existsSync(join(root, 'plan.docx')), false);
  });

  it('takes the format from --out\'s name, and refuses a name that says another format than --format', async () => {
    const root = writeTree({ 'plan.md': await strategyDocument({}, THEMES) });
    const byName = runCli(root, ['export', 'plan.md', '--out', 'ud/Plan.PDF']);
    assert.equal(byName.status, 0, byName.stderr);
    assert.equal(readFileSync(join(root, 'ud', 'Plan.PDF')).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(runCli(root, ['export', 'plan.md', '--out', 'plan.htm']).status, 0);
    assert.match(readFileSync(join(root, 'plan.htm'), 'utf8'), /^<!DOCTYPE html>/);
    const contradicted = runCli(root, ['export', 'plan.md', '--format', 'pdf', '--out', 'plan.docx']);
    assert.equal(contradicted.status, 2);
    assert.match(contradicted.stderr, /--out plan\.docx names a \.docx file, but --format is pdf: give the file a \.pdf name, or choose --format docx\./);
    const danish = runCli(root, ['export', 'plan.md', '--format', 'pdf', '--out', 'plan.docx', '--locale', 'da']);
    assert.match(danish.stderr, /--out plan\.docx er navnet på en \.docx-fil, men --format er pdf/);
    assert.equal(existsSync(join(root, 'plan.docx')), false);
    const unnamed = runCli(root, ['export', 'plan.md', '--out', 'til-udvalget']);
    assert.equal(unnamed.status, 2);
    assert.match(unnamed.stderr, /Name the format with --format docx\|pdf\|html, or give --out a name ending in \.docx, \.pdf or \.html\./);
    assert.equal(runCli(root, ['export', 'plan.md', '--format', 'docx', '--out', 'til-udvalget']).status, 0, 'a name without an ending takes --format');
  });

  it('warns, naming the question and line, of characters the PDF cannot draw, and writes it all the same', async () => {
    const question = (await builtInGuide()).themes[0]!.questions[0]!;
    const first = question.id;
    const root = writeTree({ 'plan.md': await strategyDocument({ [first]: 'Vi fejrer det 🎉.' }, THEMES) });
    const run = runCli(root, ['export', 'plan.md', '--out', 'plan.pdf']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'Wrote plan.pdf.\n');
    assert.ok(existsSync(join(root, 'plan.pdf')));
    const line = readFileSync(join(root, 'plan.md'), 'utf8').split('\n').indexOf(`### ${question.text}`) + 1;
    assert.match(run.stderr, new RegExp(`^plan\\.md:${line}: The answer to 1\\.1 .+ has characters the PDF's fonts cannot draw: 🎉 \\(U\\+1F389\\)\\. The PDF shows an empty box for each`));
    const danish = runCli(root, ['export', 'plan.md', '--out', 'plan.pdf', '--force', '--locale', 'da']);
    assert.match(danish.stderr, /har tegn, som PDF'ens skrifttyper ikke kan tegne: 🎉 \(U\+1F389\)/);
    assert.equal(runCli(root, ['export', 'plan.md', '--out', 'plan.docx']).stderr, '', 'Word draws with the reader\'s fonts: no warning');
  });
});
