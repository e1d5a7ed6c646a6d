import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { builtInGuide, GUIDE_ID, runCliInProcess } from './helpers/cli';
import { repoRoot, tempFolder, writeTree } from './helpers/repo';

function emptyFolder(): string {
  return tempFolder('dialogue-guide-cli-');
}

interface GuideJson {
  id: string;
  version: string;
  original: string;
  languages: string[];
  translations: Record<string, { title: string; themes: { id: string; questions: { id: string; number: string; label: string; text: string }[]; quotes: { id: string; text: string; speaker: string; time: string }[] }[] }>;
}

describe('the dialogue-guide CLI', function () {
  this.timeout(30_000);

  describe('usage', () => {
    it('prints help and exits 0', async () => {
      const run = await runCliInProcess(emptyFolder(), ['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: dialogue-guide <command>/);
      assert.match(run.stdout, /Exit codes: 0 all is well, 1 problems found or requirement not met, 2 bad usage or unreadable input,\n3 an internal error/);
    });

    it("prints a command's own help", async () => {
      const run = await runCliInProcess(emptyFolder(), ['check', '--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /--require all\|<n>%/);
    });

    it('prints the version from package.json', async () => {
      const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(await runCliInProcess(emptyFolder(), ['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('exits 2 on an unknown command, an unknown option and a missing command', async () => {
      const unknown = await runCliInProcess(emptyFolder(), ['lint']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /^Unknown command "lint"\.\nUsage:/);
      const option = await runCliInProcess(emptyFolder(), ['check', '--strict']);
      assert.deepEqual(option, { status: 2, stdout: '', stderr: 'Unknown option --strict.\nUsage: dialogue-guide check [files or globs…] [options]\n' });
      assert.equal((await runCliInProcess(emptyFolder(), [])).status, 2);
    });

    it('exits 2 on an unknown format and a malformed requirement', async () => {
      assert.deepEqual(await runCliInProcess(emptyFolder(), ['check', '--format', 'xml']), { status: 2, stdout: '', stderr: 'Unknown format "xml": use one of text, json, github.\n' });
      const require = await runCliInProcess(emptyFolder(), ['check', '--require', '80']);
      assert.equal(require.status, 2);
      assert.equal(require.stderr, '--require takes "all" or a percentage such as 80%, not "80".\n');
    });
  });

  describe('language', () => {
    it('speaks Danish when LANG is Danish', async () => {
      const run = await runCliInProcess(emptyFolder(), ['lint'], { LANG: 'da_DK.UTF-8' });
      assert.match(run.stderr, /^Ukendt kommando "lint"\.\nBrug: dialogue-guide <kommando>/);
    });

    it('lets LC_ALL override LANG, and --locale override both', async () => {
      assert.match((await runCliInProcess(emptyFolder(), ['lint'], { LC_ALL: 'en_US.UTF-8', LANG: 'da_DK.UTF-8' })).stderr, /^Unknown command/);
      assert.match((await runCliInProcess(emptyFolder(), ['lint'], { LC_MESSAGES: 'da_DK.UTF-8' })).stderr, /^Ukendt kommando/);
      assert.match((await runCliInProcess(emptyFolder(), ['--locale', 'da', 'lint'], { LC_ALL: 'en_US.UTF-8' })).stderr, /^Ukendt kommando/);
      assert.match((await runCliInProcess(emptyFolder(), ['lint', '--locale=en'], { LANG: 'da_DK.UTF-8' })).stderr, /^Unknown command/);
    });
  });

  describe('guides', () => {
    it('lists the built-in guide with its version, languages and title in the user language', async () => {
      assert.deepEqual(await runCliInProcess(emptyFolder(), ['guides']), { status: 0, stdout: `${GUIDE_ID}\t1.0.0\tda, en\tSocial media in local politics\n`, stderr: '' });
      assert.equal((await runCliInProcess(emptyFolder(), ['guides', '--locale', 'da'])).stdout, `${GUIDE_ID}\t1.0.0\tda, en\tSociale medier i lokalpolitikken\n`);
    });

    it('prints every guide in full as JSON, in every language', async () => {
      const run = await runCliInProcess(emptyFolder(), ['guides', '--json']);
      assert.equal(run.status, 0);
      const [guide] = JSON.parse(run.stdout) as GuideJson[];
      const english = await builtInGuide('en');
      assert.deepEqual([guide!.id, guide!.version, guide!.original, guide!.languages], [GUIDE_ID, '1.0.0', 'da', ['da', 'en']]);
      const theme = guide!.translations.en!.themes[0]!;
      const question = english.themes[0]!.questions[0]!;
      // The built-in guide has no hints, follow-up questions, former ids or quote sources: the keys are there, empty.
      assert.deepEqual(theme.questions[0], { id: question.id, number: '1.1', label: question.label, text: question.text, hint: '', probes: [], formerIds: [] });
      const quote = english.themes[0]!.quotes[0]!;
      assert.deepEqual(theme.quotes[0], { id: quote.id, text: quote.text, speaker: quote.speaker, time: quote.time, source: '' });
      assert.equal(guide!.translations.da!.themes.flatMap((t) => t.questions).length, 18);
    });

    it('adds the guides of a --guide-folder, and exits 2 when the folder cannot be read', async () => {
      const folder = writeTree({
        'mine/guide.md': '---\nid: mine\nversion: 2.0.0\nlanguage: en\ntitle: My guide\n---\n',
        'mine/theme.md': '---\nid: theme\norder: 1\ntitle: Theme\nquestions:\n  - id: theme/one\n    label: One\n    text: One?\n---\n',
      });
      assert.match((await runCliInProcess(folder, ['guides', '--guide-folder', '.'])).stdout, /\nmine\t2\.0\.0\ten\tMy guide\n$/);
      const missing = await runCliInProcess(folder, ['guides', '--guide-folder', 'nowhere']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^The guide folder .*nowhere cannot be read: ENOENT/);
    });
  });

  describe('new', () => {
    it('writes exactly the scaffold the editor writes, creating the folders on the way', async () => {
      const folder = emptyFolder();
      const run = await runCliInProcess(folder, ['new', '--guide', GUIDE_ID, '--title', 'Vores strategi', '--organisation', 'Eksempel Kommune', '--out', 'docs/strategi/plan.md']);
      assert.deepEqual(run, { status: 0, stdout: 'Wrote docs/strategi/plan.md.\n', stderr: '' });
      const expected = scaffoldStrategyDocument(await builtInGuide('da'), { title: 'Vores strategi', organisation: 'Eksempel Kommune', includeQuotes: false });
      assert.equal(readFileSync(join(folder, 'docs/strategi/plan.md'), 'utf8'), expected);
    });

    it('passes themes, quotes and language on to the scaffold', async () => {
      const folder = emptyFolder();
      const args = ['new', '--guide', GUIDE_ID, '--title', 'Our "strategy": 2025', '--themes', 'samspil, sociale-medier', '--quotes', '--language', 'en', '--out', 'plan.md'];
      assert.equal((await runCliInProcess(folder, args)).status, 0);
      const expected = scaffoldStrategyDocument(await builtInGuide('en'), { title: 'Our "strategy": 2025', organisation: '', themes: ['samspil', 'sociale-medier'], includeQuotes: true });
      assert.equal(readFileSync(join(folder, 'plan.md'), 'utf8'), expected);
    });

    it('refuses to overwrite a file, and leaves it as it was', async () => {
      const folder = writeTree({ 'plan.md': 'Mine.\n' });
      const run = await runCliInProcess(folder, ['new', '--guide', GUIDE_ID, '--title', 'T', '--out', 'plan.md']);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'plan.md already exists; choose another --out.\n' });
      assert.equal(readFileSync(join(folder, 'plan.md'), 'utf8'), 'Mine.\n');
    });

    it('exits 2 on an unknown guide, theme or language, and on a missing option', async () => {
      const folder = emptyFolder();
      const fail = async (args: string[]) => {
        const run = await runCliInProcess(folder, ['new', ...args]);
        assert.equal(run.status, 2, run.stderr);
        return run.stderr;
      };
      assert.equal(await fail(['--guide', 'nope', '--title', 'T', '--out', 'a.md']), `There is no guide "nope". Guides: ${GUIDE_ID}\n`);
      assert.match(await fail(['--guide', GUIDE_ID, '--title', 'T', '--themes', 'samspil,nope', '--out', 'a.md']), /^The guide has no theme nope\. Themes: sociale-medier, /);
      assert.equal(await fail(['--guide', GUIDE_ID, '--title', 'T', '--language', 'sv', '--out', 'a.md']), `The guide "${GUIDE_ID}" is not in "sv". Languages: da, en\n`);
      assert.equal(await fail(['--guide', GUIDE_ID, '--out', 'a.md']), 'The title cannot be empty.\n');
      assert.equal(await fail(['--guide', GUIDE_ID, '--title', 'T']), '--out is required (see --help).\n');
      assert.match(await fail(['--title', 'T', '--out', 'a.md']), /^Name the guide by its id\. Guides: /);
      assert.match(await fail(['--guide', GUIDE_ID, '--title', 'T', '--themes', ' , ', '--out', 'a.md']), /^Choose at least one theme\. Themes: sociale-medier, /);
    });

    it('reports in Danish under a Danish locale', async () => {
      const folder = writeTree({ 'plan.md': 'Mine.\n' });
      const run = await runCliInProcess(folder, ['new', '--guide', GUIDE_ID, '--title', 'T', '--out', 'plan.md'], { LANG: 'da_DK.UTF-8' });
      assert.equal(run.stderr, 'plan.md findes allerede; vælg en anden --out.\n');
      assert.equal((await runCliInProcess(folder, ['new', '--guide', GUIDE_ID, '--title', 'T', '--out', 'ny.md'], { LANG: 'da_DK.UTF-8' })).stdout, 'Skrev ny.md.\n');
    });
  });
});
