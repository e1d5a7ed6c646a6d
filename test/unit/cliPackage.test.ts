import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnvironment, requireBuiltCli } from './helpers/cli';
import { repoRoot, tempFolder } from './helpers/repo';

/** npm as the user runs it; `npm.cmd` on Windows. */
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the dialogue-guide package as a dev dependency', function () {
  this.timeout(120_000);
  before(requireBuiltCli);

  it('installs from its npm pack tarball, offline, and runs as npx dialogue-guide', () => {
    const packed = tempFolder('dialogue-guide-pack-');
    // The CLI was built before the tests ran; --ignore-scripts keeps prepack from building it again.
    const report = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], { cwd: repoRoot, encoding: 'utf8', env: cliEnvironment() })) as { filename: string; files: { path: string }[] }[];
    const files = report[0]!.files.map((f) => f.path);
    for (const needed of ['dist/cli.js', 'l10n/bundle.l10n.da.json', 'content/sociale-medier-i-lokalpolitikken/da/guide.md', 'package.json']) assert.ok(files.includes(needed), `the tarball has ${needed}`);
    assert.deepEqual(files.filter((f) => /^(src|test|scripts|out|node_modules)\//.test(f) || f === 'dist/extension.js'), [], 'the tarball carries only what the CLI needs');

    const project = tempFolder('dialogue-guide-project-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-strategy-repository', version: '1.0.0', private: true }));
    const tarball = join(packed, readdirSync(packed).find((f) => f.endsWith('.tgz'))!);
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], { cwd: project, encoding: 'utf8', env: cliEnvironment() });
    assert.ok(existsSync(join(project, 'node_modules', 'dialogue-guide', 'dist', 'cli.js')));

    const help = execFileSync(npx, ['--no-install', 'dialogue-guide', '--help'], { cwd: project, encoding: 'utf8', env: cliEnvironment() });
    assert.match(help, /^Usage: dialogue-guide <command>/);
    // It finds its content/ and l10n/ beside dist/ in node_modules: the built-in guide, in Danish.
    const guides = execFileSync(npx, ['--no-install', 'dialogue-guide', 'guides', '--locale', 'da'], { cwd: project, encoding: 'utf8', env: cliEnvironment() });
    assert.equal(guides, 'sociale-medier-i-lokalpolitikken\t1.0.0\tda, en\tSociale medier i lokalpolitikken\n');
    // The bundles it loads on first use (YAML, the exporter and its renderers, the fonts) are in the tarball too.
    const run = (...args: string[]) => execFileSync(npx, ['--no-install', 'dialogue-guide', ...args], { cwd: project, encoding: 'utf8', env: cliEnvironment() });
    run('new', '--guide', 'sociale-medier-i-lokalpolitikken', '--title', 'Strategi', '--out', 'strategi.md');
    writeFileSync(join(project, 'strategi.md'), readFileSync(join(project, 'strategi.md'), 'utf8').replace(/^title: .*$/m, 'title: >-\n  Strategi'));
    assert.match(run('check', 'strategi.md'), /strategi\.md/);
    for (const format of ['docx', 'pdf', 'html']) assert.equal(run('export', 'strategi.md', '--format', format, '--out', `strategi.${format}`), `Wrote strategi.${format}.\n`);
  });
});
