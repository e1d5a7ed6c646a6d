import * as assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliInProcess, strategyDocument } from './helpers/cli';
import { commitFiles, gitRepository, runGit } from './helpers/gitRepo';
import { repoRoot, tempFolder, writeTree } from './helpers/repo';
import { loadLocalisation } from '../../src/cli/l10n';

interface DiffJson {
  base: string;
  commit: string;
  documents: {
    file: string;
    guide: string | null;
    notInBase: boolean;
    counts: Record<string, number>;
    questions: { id: string; number: string | null; label: string | null; change: string; base: string | null; current: string | null }[];
  }[];
}

const THEMES = { themes: ['sociale-medier'] };

/** A repository whose `main` holds strategi/plan.md with three answers, and a working tree that changes them. */
async function reviewedRepository(): Promise<string> {
  const before = await strategyDocument({ 'sociale-medier/platforme': 'Facebook og LinkedIn.', 'sociale-medier/formaal': 'Information.', 'sociale-medier/inspiration': 'Andre kommuner.' }, THEMES);
  const root = gitRepository({ 'strategi/plan.md': before });
  const after = await strategyDocument({ 'sociale-medier/platforme': 'Facebook og LinkedIn.', 'sociale-medier/formaal': 'Information og dialog.\nOgså om aftenen.', 'sociale-medier/synlighed': 'Meget synlige.' }, THEMES);
  writeFileSync(join(root, 'strategi/plan.md'), after);
  return root;
}

describe('dialogue-guide diff', function () {
  this.timeout(30_000);
  // An in-process run in Danish leaves the process's localisation Danish: make it English again for the suites after this one.
  after(async () => {
    await loadLocalisation('en', join(repoRoot, 'l10n'));
  });

  it('says on stderr, with the line, where a heading turned into bold text leaves an answer\'s question in doubt', async () => {
    const root = await reviewedRepository();
    const file = join(root, 'strategi/plan.md');
    const text = readFileSync(file, 'utf8');
    const heading = /^### (Hvilke overvejelser.*)$/m.exec(text)!;
    writeFileSync(file, text.replace(heading[0], `**${heading[1]}**`));
    const run = await runCliInProcess(root, ['diff', '--base', 'main']);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /^strategi\/plan\.md:\d+: The marker "sociale-medier\/synlighed" has no heading of its own above it/m);
  });

  it('summarises, question by question, what changed since the base, as Markdown for a pull request', async () => {
    const run = await runCliInProcess(await reviewedRepository(), ['diff', '--base', 'main']);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal(
      run.stdout,
      [
        '## Answers changed since main',
        '',
        '### strategi/plan.md',
        '',
        'New: 1. Changed: 1. Removed: 1. Unchanged: 3.',
        '',
        '#### 1.2 Formål (changed)',
        '',
        'Before:',
        '',
        '> Information.',
        '',
        'Now:',
        '',
        '> Information og dialog.',
        '> Også om aftenen.',
        '',
        '#### 1.3 Inspiration (removed)',
        '',
        '> Andre kommuner.',
        '',
        '#### 1.4 Synlighed (new)',
        '',
        '> Meget synlige.',
        '',
        'Documents compared: 1. With changes: 1.',
        '',
      ].join('\n'),
    );
  });

  it('prints every question with both texts as JSON', async () => {
    const root = await reviewedRepository();
    const run = await runCliInProcess(root, ['diff', '--base', 'main', '--format', 'json']);
    assert.equal(run.status, 0);
    const report = JSON.parse(run.stdout) as DiffJson;
    assert.equal(report.base, 'main');
    assert.equal(report.commit, runGit(root, 'rev-parse', 'main').trim());
    const [document] = report.documents;
    assert.deepEqual([document!.file, document!.guide, document!.notInBase], ['strategi/plan.md', 'sociale-medier-i-lokalpolitikken', false]);
    assert.deepEqual(document!.counts, { new: 1, changed: 1, unchanged: 3, removed: 1 });
    assert.deepEqual(document!.questions.slice(0, 2), [
      { id: 'sociale-medier/platforme', number: '1.1', label: 'Platforme', change: 'unchanged', base: 'Facebook og LinkedIn.', current: 'Facebook og LinkedIn.' },
      { id: 'sociale-medier/formaal', number: '1.2', label: 'Formål', change: 'changed', base: 'Information.', current: 'Information og dialog.\nOgså om aftenen.' },
    ]);
    assert.deepEqual(document!.questions.at(-1), { id: 'sociale-medier/forstaaelse', number: '1.6', label: 'Forståelse og anvendelse', change: 'unchanged', base: null, current: null });
  });

  it('counts every answer of a document that is not in the base as new', async () => {
    const root = gitRepository({ 'README.md': '# Repo\n' });
    writeFileSync(join(root, 'plan.md'), await strategyDocument({ 'sociale-medier/platforme': 'Facebook.' }, THEMES));
    const run = await runCliInProcess(root, ['diff', '--base', 'HEAD']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^### plan\.md\n\nNew document: every answer is new\.\n\nNew: 1\. Changed: 0\. Removed: 0\. Unchanged: 5\.\n/m);
    assert.equal((JSON.parse((await runCliInProcess(root, ['diff', '--base', 'HEAD', '--format', 'json'])).stdout) as DiffJson).documents[0]!.notInBase, true);
  });

  it('sees no change where only line endings and trailing spaces differ', async () => {
    const text = await strategyDocument({ 'sociale-medier/platforme': 'Facebook.\nLinkedIn.' }, THEMES);
    const root = gitRepository({ 'plan.md': text });
    writeFileSync(join(root, 'plan.md'), text.replace('Facebook.', 'Facebook.   ').replace(/\n/g, '\r\n'));
    assert.equal((await runCliInProcess(root, ['diff', '--base', 'HEAD'])).stdout, '## Answers changed since HEAD\n\nNo answers changed.\n\nDocuments compared: 1. With changes: 0.\n');
  });

  it('compares only the files asked for, from a subfolder', async () => {
    const root = await reviewedRepository();
    writeFileSync(join(root, 'strategi/other.md'), await strategyDocument({ 'sociale-medier/platforme': 'X.' }, THEMES));
    const run = await runCliInProcess(join(root, 'strategi'), ['diff', '--base', 'main', '--format', 'json', 'plan.md']);
    assert.deepEqual((JSON.parse(run.stdout) as DiffJson).documents.map((d) => [d.file, d.notInBase]), [['plan.md', false]]);
  });

  it('does not follow a document link that leads out of the repository', async function () {
    if (process.platform === 'win32') this.skip();
    const root = await reviewedRepository();
    const elsewhere = writeTree({ 'secret.md': await strategyDocument({ 'sociale-medier/platforme': 'Hemmeligt.' }, THEMES) });
    symlinkSync(join(elsewhere, 'secret.md'), join(root, 'strategi/secret.md'));
    const run = await runCliInProcess(root, ['diff', '--base', 'main', '--format', 'json']);
    assert.equal(run.status, 0);
    assert.deepEqual((JSON.parse(run.stdout) as DiffJson).documents.map((d) => d.file), ['strategi/plan.md']);
    assert.match(run.stderr, /^strategi\/secret\.md leads outside the Git repository at .+; it is not followed\.\n$/);
    const named = await runCliInProcess(root, ['diff', '--base', 'main', 'strategi/secret.md']);
    assert.equal(named.status, 2);
    assert.doesNotMatch(named.stdout, /Hemmeligt/);
  });

  describe('when Git cannot answer', () => {
    it('exits 2 outside a repository', async () => {
      const folder = writeTree({ 'plan.md': await strategyDocument() });
      const run = await runCliInProcess(folder, ['diff', '--base', 'main']);
      assert.deepEqual([run.status, run.stdout], [2, '']);
      assert.match(run.stderr, /^.+ is not in a Git repository: diff compares with a Git ref\.\n$/);
    });

    it('exits 2 on an unknown ref', async () => {
      const root = gitRepository({ 'plan.md': await strategyDocument() });
      assert.deepEqual(await runCliInProcess(root, ['diff', '--base', 'origin/main']), { status: 2, stdout: '', stderr: 'Git does not know "origin/main": check the spelling, or fetch it first (git fetch origin).\n' });
    });

    it('explains a shallow clone, and how to fetch more history', async () => {
      const origin = gitRepository({ 'plan.md': await strategyDocument() });
      commitFiles(origin, { 'plan.md': await strategyDocument({ 'sociale-medier/platforme': 'Ja.' }) });
      const clones = tempFolder();
      runGit(clones, 'clone', '-q', '--depth', '1', `file://${origin}`, 'shallow');
      const run = await runCliInProcess(join(clones, 'shallow'), ['diff', '--base', 'HEAD~1']);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: '"HEAD~1" is not in this shallow clone: fetch more history first (git fetch --unshallow, or fetch-depth: 0 in actions/checkout).\n' });
      assert.equal((await runCliInProcess(join(clones, 'shallow'), ['diff', '--base', 'HEAD'])).status, 0);
    });

    it('exits 2 without --base', async () => {
      assert.deepEqual(await runCliInProcess(writeTree({}), ['diff']), { status: 2, stdout: '', stderr: '--base is required (see --help).\n' });
    });
  });

  it('reports in Danish under a Danish locale', async () => {
    const root = await reviewedRepository();
    const run = await runCliInProcess(root, ['diff', '--base', 'main'], { LC_ALL: 'da_DK.UTF-8' });
    assert.match(run.stdout, /^## Svar ændret siden main\n/);
    assert.match(run.stdout, /^Nye: 1\. Ændrede: 1\. Fjernede: 1\. Uændrede: 3\.$/m);
    assert.match(run.stdout, /^#### 1\.2 Formål \(ændret\)\n\nFør:\n/m);
    assert.match(run.stdout, /^#### 1\.4 Synlighed \(nyt\)$/m);
    assert.match((await runCliInProcess(root, ['diff', '--base', 'nope'], { LC_ALL: 'da_DK.UTF-8' })).stderr, /^Git kender ikke "nope"/);
    const unchanged = gitRepository({ 'plan.md': await strategyDocument({}, THEMES) });
    assert.match((await runCliInProcess(unchanged, ['diff', '--base', 'HEAD'], { LC_ALL: 'da_DK.UTF-8' })).stdout, /\n\nIngen svar er ændret\.\n\nSammenlignede dokumenter: 1\. Med ændringer: 0\.\n$/);
  });
});
