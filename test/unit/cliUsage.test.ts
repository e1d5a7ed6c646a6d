import * as assert from 'node:assert/strict';
import { percentOf } from '../../src/cli/checkReport';
import { CHECK_OPTIONS } from '../../src/cli/checkCommand';
import { nearestOption } from '../../src/cli/context';
import { DIFF_OPTIONS } from '../../src/cli/diffCommand';
import { EXPORT_OPTIONS } from '../../src/cli/exportCommand';
import { GUIDES_OPTIONS } from '../../src/cli/guidesCommand';
import { loadLocalisation } from '../../src/cli/l10n';
import { NEW_OPTIONS } from '../../src/cli/newCommand';
import { REPORT_OPTIONS } from '../../src/cli/reportCommand';
import { NEW_GUIDE_OPTIONS } from '../../src/cli/newGuideCommand';
import { SYNC_OPTIONS } from '../../src/cli/syncCommand';
import { usage, type CommandName } from '../../src/cli/usage';
import { join } from 'node:path';
import { runCliInProcess } from './helpers/cli';
import { repoRoot, writeTree } from './helpers/repo';

const OPTIONS: Record<CommandName, Record<string, unknown>> = { check: CHECK_OPTIONS, diff: DIFF_OPTIONS, report: REPORT_OPTIONS, sync: SYNC_OPTIONS, new: NEW_OPTIONS, export: EXPORT_OPTIONS, guides: GUIDES_OPTIONS, 'new-guide': NEW_GUIDE_OPTIONS };
const COMMANDS = Object.keys(OPTIONS) as CommandName[];

/**
 * The columns at which the descriptions of a help text's `Commands:` or `Options:` rows begin: a
 * row is indented by two, its name ends at two spaces or more, and a row that is only indentation
 * continues the description of the one above.
 */
function descriptionColumns(help: string): number[] {
  const columns: number[] = [];
  let inTable = false;
  for (const line of help.split('\n')) {
    if (/^\S.*:$/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable || !line.startsWith('  ')) {
      inTable = inTable && line !== '' ? inTable : false;
      continue;
    }
    const continued = /^( {3,})\S/.exec(line);
    const row = /^ {2}\S.*?\S? {2,}(?=\S)/.exec(line);
    if (continued) columns.push(continued[1]!.length);
    else if (row) columns.push(row[0].length);
  }
  return columns;
}

describe('the CLI on its command line', () => {
  // The localisation is one per process: leave it English for the suites that run after these.
  afterEach(async () => {
    await loadLocalisation('en', join(repoRoot, 'l10n'));
  });

  describe('help', () => {
    for (const locale of ['en', 'da'] as const) {
      it(`lines up the descriptions of every help text in one column (${locale})`, async () => {
        const t = await loadLocalisation(locale, join(repoRoot, 'l10n'));
        for (const command of [undefined, ...COMMANDS]) {
          const columns = descriptionColumns(usage(t, command));
          assert.ok(columns.length >= 2, `${command ?? 'main'} has a table`);
          assert.equal(new Set(columns).size, 1, `${command ?? 'main'} (${locale}): descriptions start at columns ${columns.join(', ')}\n${usage(t, command)}`);
        }
      });
    }

    it("lists every option a command takes in that command's help, in both languages", async () => {
      for (const locale of ['en', 'da'] as const) {
        const t = await loadLocalisation(locale, join(repoRoot, 'l10n'));
        for (const command of COMMANDS) {
          const missing = Object.keys(OPTIONS[command]).filter((name) => !new RegExp(`^ {2}(-\\w, )?--${name}\\b`, 'm').test(usage(t, command)));
          assert.deepEqual(missing, [], `${command} --help (${locale})`);
        }
      }
    });

    it('prints the required options of new among its options', async () => {
      const run = await runCliInProcess(writeTree({}), ['new', '--help']);
      for (const option of ['--guide <id>', '--title <title>', '--out <file.md>', '--locale da|en']) assert.match(run.stdout, new RegExp(`^  ${option.replace(/[|.]/g, '\\$&')} `, 'm'));
    });
  });

  describe('a mistyped command line', () => {
    it('names the nearest option and prints the usage line, not the parser text', async () => {
      const run = await runCliInProcess(writeTree({}), ['check', '--formt', 'json']);
      assert.deepEqual(run, { status: 2, stdout: '', stderr: 'Unknown option --formt: did you mean --format?\nUsage: dialogue-guide check [files or globs…] [options]\n' });
    });

    it('suggests --guide-folder for the old --guide <folder> of check, diff and guides, and takes --guide in new', async () => {
      for (const command of ['check', 'diff', 'guides']) {
        const run = await runCliInProcess(writeTree({}), [command, '--guide', 'guides']);
        assert.equal(run.status, 2);
        assert.equal(run.stderr.split('\n')[0], 'Unknown option --guide: did you mean --guide-folder?', command);
        assert.match(run.stderr.split('\n')[1]!, new RegExp(`^Usage: dialogue-guide ${command} `));
      }
      assert.doesNotMatch((await runCliInProcess(writeTree({}), ['new', '--guide', 'nope', '--title', 'T', '--out', 'x.md'])).stderr, /Unknown option/);
    });

    it('says so in its own words for a missing value, a value on a flag and a stray argument', async () => {
      const folder = writeTree({});
      assert.equal((await runCliInProcess(folder, ['diff', '--base'])).stderr, '--base needs a value.\nUsage: dialogue-guide diff --base <ref> [files…] [options]\n');
      assert.equal((await runCliInProcess(folder, ['diff', '--base', '--format', 'json'])).stderr.split('\n')[0], '--base needs a value.');
      assert.equal((await runCliInProcess(folder, ['new', '--quotes=yes'])).stderr.split('\n')[0], '--quotes takes no value.');
      assert.equal((await runCliInProcess(folder, ['guides', 'extra'])).stderr, 'Unexpected argument "extra".\nUsage: dialogue-guide guides [options]\n');
      assert.equal((await runCliInProcess(folder, ['check', '--zzz'])).stderr.split('\n')[0], 'Unknown option --zzz.');
    });

    it('says it in Danish under a Danish locale', async () => {
      const run = await runCliInProcess(writeTree({}), ['check', '--formt'], { LANG: 'da_DK.UTF-8' });
      assert.equal(run.stderr, 'Ukendt tilvalg --formt: mente du --format?\nBrug: dialogue-guide check [filer eller glob-mønstre…] [tilvalg]\n');
    });

    it('finds the nearest option by prefix, then by at most two edits', () => {
      const known = ['locale', 'help', 'guide-folder', 'require', 'format'];
      assert.equal(nearestOption('formt', known), 'format');
      assert.equal(nearestOption('fromat', known), 'format');
      assert.equal(nearestOption('guide', known), 'guide-folder');
      assert.equal(nearestOption('requier', known), 'require');
      assert.equal(nearestOption('strict', known), undefined);
      assert.equal(nearestOption('x', known), undefined);
    });
  });

  describe('percentages', () => {
    it('rounds to the nearest whole percent, reading 100 only when all is answered and 0 only when nothing is', () => {
      assert.equal(percentOf({ answered: 4, total: 14 }), 29);
      assert.equal(percentOf({ answered: 1, total: 6 }), 17);
      assert.equal(percentOf({ answered: 1, total: 3 }), 33);
      assert.equal(percentOf({ answered: 199, total: 200 }), 99);
      assert.equal(percentOf({ answered: 1, total: 300 }), 1);
      assert.equal(percentOf({ answered: 0, total: 0 }), 0);
      assert.equal(percentOf({ answered: 18, total: 18 }), 100);
    });
  });
});
