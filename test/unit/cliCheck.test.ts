import * as assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { markerFor } from '../../src/core/strategyDocument';
import { firstThemeAnswers, runCliInProcess, strategyDocument } from './helpers/cli';
import { answerQuestion } from './helpers/answers';
import { writeTree } from './helpers/repo';

interface CheckJson {
  requirement: { percent: number } | null;
  documents: {
    file: string;
    guide: string | null;
    answered: number;
    total: number;
    percent: number;
    meetsRequirement: boolean | null;
    questions: { id: string; number: string; state: string }[];
    findings: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
  }[];
  findings: unknown[];
}

const BROKEN = '---\ntitle: "Åben\nguide: sociale-medier-i-lokalpolitikken\n---\n\n# Plan\n';

/** A document with a conflict (lines 27 to 31) and an unknown and a duplicate marker after it. */
async function troubledDocument(): Promise<string> {
  const text = await strategyDocument({}, { themes: ['sociale-medier'] });
  const marker = markerFor('sociale-medier/formaal');
  const trouble = ['', '<<<<<<< HEAD', 'Facebook.', '=======', 'Instagram.', '>>>>>>> their-branch', '', markerFor('andet/ukendt'), '', markerFor('sociale-medier/platforme')];
  return text.replace(marker, [marker, ...trouble].join('\n'));
}

describe('dialogue-guide check', function () {
  this.timeout(30_000);

  it('passes a fully answered document and reports its progress', async () => {
    const folder = writeTree({ 'strategi/plan.md': await strategyDocument(await firstThemeAnswers(), { themes: ['sociale-medier'] }) });
    assert.deepEqual(await runCliInProcess(folder, ['check', '--require', 'all']), {
      status: 0,
      stdout: 'strategi/plan.md: 6 of 6 questions answered (100%)\nDocuments checked: 1. Errors: 0. Warnings: 0. Every document meets --require all.\n',
      stderr: '',
    });
  });

  it('finds every strategy document under the folder, and nothing in node_modules, hidden folders or plain Markdown', async () => {
    const document = await strategyDocument();
    const folder = writeTree({ 'a/plan.md': document, 'b/c/plan.md': document, 'd/PLAN.MD': document, 'e/plan.markdown': document, 'README.md': '# Read me\n', 'node_modules/x/plan.md': document, '.git/plan.md': document, '.github/plan.md': document, '.hidden/plan.md': document });
    const run = await runCliInProcess(folder, ['check', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as CheckJson).documents.map((d) => d.file), ['a/plan.md', 'b/c/plan.md', 'd/PLAN.MD']);
  });

  it('credits an answer typed straight under every heading of a fresh document to its own question: 18 of 18', async () => {
    let text = await strategyDocument();
    const ids = [...text.matchAll(/<!-- dialogue-guide: (\S+\/\S+) -->/g)].map((m) => m[1]!);
    for (const id of ids) text = answerQuestion(text, id, `Svar på ${id}.`, 'aboveMarker');
    const run = await runCliInProcess(writeTree({ 'plan.md': text }), ['check', '--format', 'json', '--require', 'all']);
    assert.equal(run.status, 0, run.stdout);
    const [document] = (JSON.parse(run.stdout) as CheckJson).documents;
    assert.equal(document!.answered, 18);
    assert.equal(document!.total, 18);
    assert.deepEqual(document!.questions.map((q) => [q.id, q.state]), ids.map((id) => [id, 'answered']));
    assert.deepEqual(document!.findings, []);
  });

  it('says so when there are no strategy documents at all', async () => {
    assert.deepEqual(await runCliInProcess(writeTree({ 'README.md': '# Hi\n' }), ['check']), { status: 0, stdout: 'No strategy documents found.\nDocuments checked: 0. Errors: 0. Warnings: 0.\n', stderr: '' });
  });

  it('fails on broken front matter and conflict markers, and warns about unknown and duplicate markers', async () => {
    const folder = writeTree({ 'broken.md': BROKEN, 'troubled.md': await troubledDocument() });
    const run = await runCliInProcess(folder, ['check']);
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        'broken.md:2: error: The front matter is not valid YAML: Missing closing "quote',
        'troubled.md:27: error: Git conflict marker: resolve the conflict before going on.',
        'troubled.md:29: error: Git conflict marker: resolve the conflict before going on.',
        'troubled.md:31: error: Git conflict marker: resolve the conflict before going on.',
        'troubled.md:33: warning: The marker "andet/ukendt" has no heading of its own above it, so a reader sees its text under another heading: restore the heading.',
        'troubled.md:33: warning: Neither a theme nor a question of this guide has the id "andet/ukendt"; the section is not counted.',
        'troubled.md:35: warning: The marker "sociale-medier/platforme" has no heading of its own above it, so a reader sees its text under another heading: restore the heading.',
        'troubled.md:35: warning: The marker "sociale-medier/platforme" is already on line 21; only the first one counts.',
        'troubled.md: 1 of 6 questions answered (17%)',
        'Documents checked: 2. Errors: 4. Warnings: 4.',
        '',
      ].join('\n'),
    );
  });

  it('passes with warnings alone', async () => {
    const text = (await strategyDocument({}, { themes: ['sociale-medier'] })) + `\n${markerFor('andet/ukendt')}\n`;
    const run = await runCliInProcess(writeTree({ 'plan.md': text }), ['check']);
    assert.equal(run.status, 0);
    // The marker has no heading of its own, which is a warning too.
    assert.match(run.stdout, /Errors: 0\. Warnings: 2\.\n$/);
  });

  it('fails a document whose guide is not loaded: nothing in it could be checked', async () => {
    const text = (await strategyDocument()).replace('guide: "sociale-medier-i-lokalpolitikken"', 'guide: "en-anden-guide"');
    const run = await runCliInProcess(writeTree({ 'plan.md': text }), ['check']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^plan\.md:4: error: No loaded guide has the id "en-anden-guide"\.\n/);
  });

  it('checks a document against a guide from a --guide-folder', async () => {
    const folder = writeTree({
      'guides/mine/guide.md': '---\nid: mine\nversion: 1.0.0\nlanguage: en\ntitle: Mine\n---\n',
      'guides/mine/theme.md': '---\nid: theme\norder: 1\ntitle: Theme\nquestions:\n  - id: theme/one\n    label: One\n    text: One?\n---\n',
      'plan.md': `---\nguide: mine\n---\n\n## Theme\n\n${markerFor('theme')}\n\n### One?\n\n${markerFor('theme/one')}\n\nYes.\n`,
    });
    assert.equal((await runCliInProcess(folder, ['check', '--guide-folder', 'guides', '--require', 'all'])).stdout, 'plan.md: 1 of 1 questions answered (100%)\nDocuments checked: 1. Errors: 0. Warnings: 0. Every document meets --require all.\n');
    assert.equal((await runCliInProcess(folder, ['check'])).status, 1);
  });

  describe('--require', () => {
    it('fails when a document has fewer answers than required, listing what is unanswered', async () => {
      const answers = Object.entries(await firstThemeAnswers()).slice(0, 3);
      const folder = writeTree({ 'plan.md': await strategyDocument(Object.fromEntries(answers), { themes: ['sociale-medier'] }) });
      const all = await runCliInProcess(folder, ['check', '--require', 'all']);
      assert.equal(all.status, 1);
      assert.equal(all.stdout.split('\n').filter((line) => line.includes(': info: ')).length, 3);
      assert.match(all.stdout, /plan\.md: 3 of 6 questions answered \(50%\); 100% required\nDocuments checked: 1\. Errors: 0\. Warnings: 0\. Failed: 1 of 1 documents below --require all\.\n$/);
      assert.equal((await runCliInProcess(folder, ['check', '--require', '50%'])).status, 0);
      assert.equal((await runCliInProcess(folder, ['check', '--require', '50.1%'])).status, 1);
      assert.equal((await runCliInProcess(folder, ['check', '--require', '0%'])).status, 0);
    });

    it('keeps unanswered questions out of the text when there is no requirement', async () => {
      const run = await runCliInProcess(writeTree({ 'plan.md': await strategyDocument() }), ['check']);
      assert.equal(run.stdout, 'plan.md: 0 of 18 questions answered (0%)\nDocuments checked: 1. Errors: 0. Warnings: 0.\n');
    });
  });

  describe('formats', () => {
    it('prints JSON with every document, question state and finding', async () => {
      const folder = writeTree({ 'troubled.md': await troubledDocument() });
      const run = await runCliInProcess(folder, ['check', '--format', 'json', '--require', '50%']);
      assert.equal(run.status, 1);
      const report = JSON.parse(run.stdout) as CheckJson;
      assert.deepEqual(report.requirement, { percent: 50 });
      const [document] = report.documents;
      assert.deepEqual([document!.file, document!.guide, document!.answered, document!.total, document!.percent, document!.meetsRequirement], ['troubled.md', 'sociale-medier-i-lokalpolitikken', 1, 6, 17, false]);
      assert.deepEqual(document!.questions[1], { id: 'sociale-medier/formaal', number: '1.2', state: 'answered' });
      assert.deepEqual(document!.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`), [
        '19:1 info question.unanswered',
        '27:1 error document.conflict',
        '29:1 error document.conflict',
        '31:1 error document.conflict',
        '33:1 warning marker.noHeading',
        '33:1 warning marker.unknown',
        '35:1 warning marker.noHeading',
        '35:1 warning marker.duplicate',
        '37:1 info question.unanswered',
        '41:1 info question.unanswered',
        '45:1 info question.unanswered',
        '49:1 info question.unanswered',
      ]);
      assert.equal(document!.findings[1]!.message, 'Git conflict marker: resolve the conflict before going on.');
    });

    it('prints GitHub annotations, escaped, with paths relative to the workspace', async () => {
      const folder = writeTree({ 'docs/troubled.md': await troubledDocument(), 'docs/broken.md': BROKEN });
      const run = await runCliInProcess(join(folder, 'docs'), ['check', '--format', 'github', '--require', 'all'], { GITHUB_WORKSPACE: folder });
      assert.equal(run.status, 1);
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines[0], '::error file=docs/broken.md,line=2,col=1,endLine=2,endColumn=1,title=Dialogue Guide (frontMatter.yaml)::The front matter is not valid YAML: Missing closing "quote');
      assert.ok(lines.includes('::error file=docs/troubled.md,line=27,col=1,endLine=27,endColumn=13,title=Dialogue Guide (document.conflict)::Git conflict marker: resolve the conflict before going on.'));
      assert.ok(lines.includes('::warning file=docs/troubled.md,line=33,col=1,endLine=33,endColumn=38,title=Dialogue Guide (marker.unknown)::Neither a theme nor a question of this guide has the id "andet/ukendt"; the section is not counted.'));
      assert.equal(lines.filter((line) => line.startsWith('::notice file=docs/troubled.md,') && line.includes('(question.unanswered)')).length, 5);
      assert.ok(lines.includes('::error file=docs/troubled.md,line=4,col=8,endLine=4,endColumn=42,title=Dialogue Guide::1 of 6 questions answered (17%25); 100%25 required'));
      assert.equal(lines.at(-1), 'Documents checked: 2. Errors: 4. Warnings: 4. Failed: 1 of 2 documents below --require all.');
    });
  });

  describe('selecting files', () => {
    it('checks a named file whatever it holds, and only strategy documents among those a glob or folder selects', async () => {
      const folder = writeTree({ 'docs/plan.md': await strategyDocument(), 'docs/README.md': '# Hi\n', 'docs/sub/other.md': await strategyDocument(), 'notes.md': 'Notes\n' });
      const files = async (args: string[]) => (JSON.parse((await runCliInProcess(folder, ['check', '--format', 'json', ...args])).stdout) as CheckJson).documents.map((d) => d.file);
      assert.deepEqual(await files(['docs/*.md']), ['docs/plan.md']);
      assert.deepEqual(await files(['docs/**/*.md']), ['docs/plan.md', 'docs/sub/other.md']);
      assert.deepEqual(await files(['docs']), ['docs/plan.md', 'docs/sub/other.md']);
      assert.deepEqual(await files(['docs/plan.md', 'docs/**/*.md']), ['docs/plan.md', 'docs/sub/other.md']);
      const named = await runCliInProcess(folder, ['check', 'notes.md']);
      assert.equal(named.status, 1);
      assert.match(named.stdout, /^notes\.md:1: error: The file has no front matter/);
    });

    it('exits 2 for a file that does not exist, a glob that matches nothing and a file that cannot be read', async () => {
      const folder = writeTree({ 'plan.md': await strategyDocument() });
      assert.deepEqual(await runCliInProcess(folder, ['check', 'plan.md', 'missing.md']), { status: 2, stdout: '', stderr: 'missing.md does not exist.\n' });
      assert.deepEqual(await runCliInProcess(folder, ['check', 'docs/**/*.md']), { status: 2, stdout: '', stderr: 'No strategy documents match docs/**/*.md.\n' });
      if (process.getuid?.() !== 0) {
        // root reads every file, so the unreadable case only exists for other users.
        chmodSync(join(folder, 'plan.md'), 0o000);
        assert.equal((await runCliInProcess(folder, ['check', 'plan.md'])).status, 2);
      }
    });

    it('exits 2 when a --guide-folder cannot be read', async () => {
      const run = await runCliInProcess(writeTree({}), ['check', '--guide-folder', 'no/such/folder']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^The guide folder .*no\/such\/folder cannot be read: ENOENT/);
    });
  });

  it('reports in Danish under a Danish locale', async () => {
    const folder = writeTree({ 'plan.md': await troubledDocument() });
    const run = await runCliInProcess(folder, ['check', '--require', 'all'], { LANG: 'da_DK.UTF-8' });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^plan\.md:27: fejl: /m);
    assert.match(run.stdout, /^plan\.md:33: advarsel: /m);
    assert.match(run.stdout, /^plan\.md: 1 af 6 spørgsmål besvaret \(17%\); 100% kræves$/m);
    assert.match(run.stdout, /^Kontrollerede dokumenter: 1\. Fejl: 3\. Advarsler: 4\. Ikke bestået: 1 af 1 dokumenter under --require all\.$/m);
  });
});
