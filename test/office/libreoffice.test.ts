// A real consumer of the Word export: LibreOffice (Debian's libreoffice-writer-nogui, installed by
// `npm test`'s office stage, scripts/provision.mjs) opens the .docx and converts it to PDF, whose
// text and bookmarks (LibreOffice makes one per heading) are checked, and whose first pages become
// PNGs under test-results/export/ for a person, and the README, to look at.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allQuestions } from '../../src/core/guide';
import { markerFor } from '../../src/core/strategyDocument';
import { builtInGuide, requireBuiltCli, runCli, strategyDocument } from '../unit/helpers/cli';
import { commitFiles, gitRepository } from '../unit/helpers/gitRepo';
import { readPdf, stringEntry } from '../unit/helpers/pdfText';
import { repoRoot, tempFolder } from '../unit/helpers/repo';

const TOOLS = ['/usr/bin/soffice', '/usr/bin/pdftotext', '/usr/bin/pdftoppm'];
const ANSWER = 'Vi bruger **Facebook** til dialog og *LinkedIn* til rekruttering. Æblerne på øen får én ål: ÆØÅ æøå.\n\n- Svar inden for to dage\n- God tone';

describe('the Word export in LibreOffice', function () {
  this.timeout(240_000);
  before(function () {
    requireBuiltCli();
    const missing = TOOLS.filter((tool) => !existsSync(tool));
    assert.deepEqual(missing, [], 'LibreOffice and Poppler are missing: run "npm test" (its office stage installs libreoffice-writer-nogui and poppler-utils) or apt-get install them');
  });

  /** The .docx in `folder` converted by LibreOffice, as text. */
  function convertedText(folder: string, name: string): string {
    // A profile of its own, so that no LibreOffice the user has open, or its settings, is involved.
    const profile = pathToFileURL(join(folder, 'profile')).href;
    execFileSync('/usr/bin/soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', folder, join(folder, `${name}.docx`)], { stdio: 'pipe', timeout: 180_000 });
    assert.ok(existsSync(join(folder, `${name}.pdf`)), 'LibreOffice converted the Word file');
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(folder, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  it('opens a .docx with tracked changes since a base, showing the old and the new words', async () => {
    const folder = gitRepository({ 'plan.md': await strategyDocument({ 'sociale-medier/platforme': 'Vi svarer inden for to dage.' }, { themes: ['sociale-medier'] }) });
    commitFiles(folder, { 'plan.md': await strategyDocument({ 'sociale-medier/platforme': 'Vi svarer inden for tre dage.' }, { themes: ['sociale-medier'] }) });
    const exported = runCli(folder, ['export', 'plan.md', '--format', 'docx', '--out', 'plan.docx', '--base', 'HEAD~1']);
    assert.equal(exported.status, 0, exported.stderr);
    // LibreOffice shows recorded changes by default: the deleted word struck through beside the inserted one.
    assert.match(convertedText(folder, 'plan'), /Vi svarer inden for (to ?tre|tre ?to) dage\./);
  });

  it('opens the .docx and shows every theme and question as headings, with the answers and the Danish letters', async () => {
    const guide = await builtInGuide();
    const folder = tempFolder('dialogue-guide-office-');
    let text = await strategyDocument();
    for (const question of allQuestions(guide)) text = text.replace(markerFor(question.id), `${markerFor(question.id)}\n\n${ANSWER}`);
    writeFileSync(join(folder, 'strategi.md'), text.replace('status: draft', 'status: draft\ndate: 2026-03-01'));
    const exported = runCli(folder, ['export', 'strategi.md', '--format', 'docx', '--out', 'strategi.docx']);
    assert.equal(exported.status, 0, exported.stderr);

    const words = convertedText(folder, 'strategi');
    const pdfFile = join(folder, 'strategi.pdf');
    assert.ok(words.includes('Vores strategi'), 'the title');
    assert.ok(words.includes('Organisation: Eksempel Kommune'), 'the title block');
    assert.ok(words.includes('Æblerne på øen får én ål: ÆØÅ æøå.'), 'the answer, with æ, ø and å');
    assert.doesNotMatch(words, /\*\*/, 'bold is bold, not asterisks');
    assert.match(words, /Side 2\b/, 'page numbers in the footer');

    // LibreOffice makes a bookmark of each heading, nested by level: themes, and their questions under them.
    const pdf = readPdf(readFileSync(pdfFile));
    const outline = [...pdf.objects.values()].filter((o) => /\/Title/.test(o.dictionary) && /\/Parent \d+ 0 R/.test(o.dictionary)).map((o) => stringEntry(pdf, o.dictionary, 'Title'));
    const expected = guide.themes.flatMap((theme) => [theme.title, ...theme.questions.map((q) => `${q.number} ${q.text}`)]);
    assert.deepEqual(outline, expected);

    const screenshots = join(repoRoot, 'test-results', 'export');
    mkdirSync(screenshots, { recursive: true });
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfFile, join(screenshots, 'word-in-libreoffice')]);
    assert.ok(existsSync(join(screenshots, 'word-in-libreoffice-1.png')) || existsSync(join(screenshots, 'word-in-libreoffice-01.png')), 'the first page as PNG');
  });
});
