import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { csvField } from '../../src/cli/coverageReport';
import { builtInGuide, runCliInProcess, strategyDocument } from './helpers/cli';
import { writeTree } from './helpers/repo';

interface ReportJson {
  documents: {
    file: string;
    title: string | null;
    guide: string | null;
    status: string | null;
    owners: string[];
    answered: number;
    total: number;
    problem: string | null;
    themes: { id: string; title: string; answered: number; total: number }[];
    questions: { id: string; theme: string; state: string }[];
  }[];
}

/** The first `count` questions of the built-in guide, in guide order, answered. */
async function firstAnswers(count: number): Promise<Record<string, string>> {
  const guide = await builtInGuide();
  return Object.fromEntries(guide.themes.flatMap((t) => t.questions).slice(0, count).map((q) => [q.id, `Svar på ${q.id}.`]));
}

/** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows.at(-1)!.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      rows.push([]);
    } else {
      field += c;
    }
  }
  rows.at(-1)!.push(field);
  return rows;
}

describe('dialogue-guide report', function () {
  this.timeout(30_000);

  it('counts three documents with 0, 5 and 18 answers alike in every format', async () => {
    const folder = writeTree({
      'a/ingen.md': await strategyDocument(),
      'b/fem.md': await strategyDocument(await firstAnswers(5)),
      'c/alle.md': await strategyDocument(await firstAnswers(18)),
    });
    const json = JSON.parse((await runCliInProcess(folder, ['report', '--format', 'json'])).stdout) as ReportJson;
    assert.deepEqual(json.documents.map((d) => [d.file, d.answered, d.total]), [['a/ingen.md', 0, 18], ['b/fem.md', 5, 18], ['c/alle.md', 18, 18]]);
    assert.deepEqual(json.documents[1]!.themes.map((t) => [t.id, t.answered, t.total]), [['sociale-medier', 5, 6], ['enkeltsager', 0, 3], ['digital-deltagelse', 0, 5], ['samspil', 0, 4]]);
    assert.deepEqual(json.documents[1]!.questions.filter((q) => q.state === 'answered').length, 5);
    assert.equal(json.documents[1]!.questions.length, 18);

    const markdown = await runCliInProcess(folder, ['report']);
    assert.equal(markdown.status, 0, markdown.stderr);
    const rows = markdown.stdout.split('\n').filter((l) => l.startsWith('| ') && l.includes('.md'));
    assert.deepEqual(rows.map((r) => r.split(' | ').slice(2, 7)), [
      ['0/6', '0/3', '0/5', '0/4', '0/18 (0%)'],
      ['5/6', '0/3', '0/5', '0/4', '5/18 (28%)'],
      ['6/6', '3/3', '5/5', '4/4', '18/18 (100%)'],
    ]);

    const csv = parseCsv((await runCliInProcess(folder, ['report', '--format', 'csv'])).stdout.trimEnd());
    assert.deepEqual(csv[0]!.slice(0, 8), ['file', 'title', 'guide', 'status', 'owners', 'answered', 'total', 'sociale-medier-i-lokalpolitikken:sociale-medier']);
    assert.deepEqual(csv.slice(1).map((r) => [r[0], r[5], r[6], r[7]]), [['a/ingen.md', '0', '18', '0/6'], ['b/fem.md', '5', '18', '5/6'], ['c/alle.md', '18', '18', '6/6']]);
  });

  it('keeps a title with a pipe, a line break or HTML inside its Markdown cell, as literal text', async () => {
    const text = (await strategyDocument()).replace('title: "Vores strategi"', 'title: "A | B\\n## C <img src=x onerror=alert(1)>"');
    const run = await runCliInProcess(writeTree({ 'plan.md': text }), ['report']);
    const row = run.stdout.split('\n').find((l) => l.startsWith('| plan.md'));
    assert.ok(row, run.stdout);
    assert.ok(row.includes('A \\| B\\\\u000a\\#\\# C \\<img src=x onerror=alert(1)\\>'), row);
    // A header, its delimiter row and the one document row: nothing the title holds added a row.
    assert.equal(run.stdout.split('\n').filter((l) => l.startsWith('|')).length, 3);
    // Every row has as many cells as the header: no pipe in the title split one.
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const header = run.stdout.split('\n').find((l) => l.startsWith('| Document'))!;
    assert.equal(cells(row), cells(header));
  });

  it('quotes CSV fields as RFC 4180 says, and defuses a field a spreadsheet would run as a formula', async () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    const text = (await strategyDocument()).replace('title: "Vores strategi"', 'title: "Plan, \\"2027\\"\\nny linje"').replace('owners: []', 'owners: [Anne, "Bo, B"]');
    const csv = parseCsv((await runCliInProcess(writeTree({ 'plan.md': text }), ['report', '--format', 'csv'])).stdout.trimEnd());
    assert.equal(csv.length, 2);
    assert.deepEqual(csv[1]!.slice(0, 5), ['plan.md', 'Plan, "2027"\nny linje', 'sociale-medier-i-lokalpolitikken', 'draft', 'Anne; Bo, B']);
    assert.equal(csv[1]!.length, csv[0]!.length);
  });

  it('counts only the themes a document chose, and leaves the others empty', async () => {
    const folder = writeTree({ 'plan.md': await strategyDocument(await firstAnswers(2), { themes: ['sociale-medier', 'samspil'] }) });
    const json = JSON.parse((await runCliInProcess(folder, ['report', '--format', 'json'])).stdout) as ReportJson;
    assert.deepEqual(json.documents[0]!.themes.map((t) => [t.id, t.answered, t.total]), [['sociale-medier', 2, 6], ['samspil', 0, 4]]);
    assert.deepEqual([json.documents[0]!.answered, json.documents[0]!.total], [2, 10]);
    const csv = parseCsv((await runCliInProcess(folder, ['report', '--format', 'csv'])).stdout.trimEnd());
    assert.deepEqual(csv[1]!.slice(7), ['2/6', '', '', '0/4']);
    const markdown = (await runCliInProcess(folder, ['report'])).stdout;
    assert.match(markdown, /\| plan\.md \| Vores strategi \| 2\/6 \| – \| – \| 0\/4 \| 2\/10 \(20%\) \|/);
  });

  it('lists a document whose guide is not loaded as not counted, saying why, in Danish too', async () => {
    const text = (await strategyDocument()).replace('guide: "sociale-medier-i-lokalpolitikken"', 'guide: "ukendt"');
    const folder = writeTree({ 'plan.md': text, 'ok.md': await strategyDocument() });
    const run = await runCliInProcess(folder, ['report', '--locale', 'da']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^## Dialogguide: dækning$/m);
    assert.match(run.stdout, /^\| Dokument \| Titel \| Om at bruge sociale medier \|/m);
    assert.match(run.stdout, /### Ikke talt med\n\n- plan\.md: guiden "ukendt" er ikke indlæst/);
    const json = JSON.parse((await runCliInProcess(folder, ['report', '--format', 'json'])).stdout) as ReportJson;
    assert.deepEqual(json.documents.map((d) => [d.file, d.problem, d.guide]), [['ok.md', null, 'sociale-medier-i-lokalpolitikken'], ['plan.md', 'unknownGuide', 'ukendt']]);
  });

  it('takes the files and folders named, and refuses an unknown format', async () => {
    const folder = writeTree({ 'a/plan.md': await strategyDocument(), 'b/plan.md': await strategyDocument() });
    const json = JSON.parse((await runCliInProcess(folder, ['report', '--format', 'json', join('b', 'plan.md')])).stdout) as ReportJson;
    assert.deepEqual(json.documents.map((d) => d.file), ['b/plan.md']);
    assert.deepEqual(await runCliInProcess(folder, ['report', '--format', 'xml']), { status: 2, stdout: '', stderr: 'Unknown format "xml": use one of markdown, json, csv.\n' });
  });

  it('says so when there is nothing to report', async () => {
    const run = await runCliInProcess(writeTree({ 'README.md': '# Hej\n' }), ['report']);
    assert.deepEqual(run, { status: 0, stdout: '## Dialogue Guide: coverage\n\nNo strategy documents found.\n', stderr: '' });
  });
});
