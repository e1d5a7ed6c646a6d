import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markerFor } from '../../src/core/strategyDocument';
import { cliEnvironment, cliPath, GUIDE_ID, requireBuiltCli, runCli, runCliInProcess, strategyDocument } from './helpers/cli';
import { gitRepository } from './helpers/gitRepo';
import { writeTree } from './helpers/repo';

/** A guide of one theme and one question whose title and label are `title` and `label`, in guides/mine. */
function guideTree(title: string, label: string): Record<string, string> {
  return {
    'guides/mine/guide.md': `---\nid: mine\nversion: 1.0.0\nlanguage: en\ntitle: ${JSON.stringify(title)}\n---\n`,
    'guides/mine/theme.md': `---\nid: theme\norder: 1\ntitle: Theme\nquestions:\n  - id: theme/one\n    label: ${JSON.stringify(label)}\n    text: One?\n---\n`,
  };
}

const mineDocument = (answer: string) => `---\nguide: mine\n---\n\n## Theme\n\n${markerFor('theme')}\n\n### One?\n\n${markerFor('theme/one')}\n\n${answer}\n`;

/** Runs the built CLI with its standard output read up to the first chunk and then closed, as `| head -c 1` does. */
function runIntoClosedPipe(cwd: string, args: readonly string[]): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: cliEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', fail);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stderr });
    });
  });
}

describe('what the CLI prints', function () {
  this.timeout(60_000);
  before(requireBuiltCli);

  describe('never a stack trace', () => {
    it('reports 150,000 findings of one document without running out of stack', async () => {
      const unknown = Array.from({ length: 150_000 }, (_, i) => markerFor(`andet/ukendt-${i}`)).join('\n\n');
      const folder = writeTree({ 'plan.md': `${await strategyDocument()}\n${unknown}\n` });
      for (const format of ['text', 'github']) {
        const run = await runCliInProcess(folder, ['check', '--format', format]);
        assert.equal(run.stderr, '');
        assert.equal(run.status, 0);
        // Each marker is unknown and has no heading of its own: two findings apiece.
        assert.equal(run.stdout.split('\n').filter((line) => line.includes('andet/ukendt-')).length, 300_000);
      }
    });

    it('summarises an answer of 200,000 lines', async () => {
      const root = gitRepository({ 'plan.md': await strategyDocument({ 'sociale-medier/platforme': 'Kort.' }, { themes: ['sociale-medier'] }) });
      const long = Array.from({ length: 200_000 }, (_, i) => `Linje ${i}.`).join('\n');
      writeFileSync(join(root, 'plan.md'), await strategyDocument({ 'sociale-medier/platforme': long }, { themes: ['sociale-medier'] }));
      const run = await runCliInProcess(root, ['diff', '--base', 'HEAD']);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('> Linje ')).length, 200_000);
    });

    it('explains in one line, with exit code 2, a --out whose folder is a file', () => {
      const folder = writeTree({ 'plan.md': 'Mine.\n' });
      const run = runCli(folder, ['new', '--guide', GUIDE_ID, '--title', 'T', '--out', 'plan.md/ny.md']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^plan\.md\/ny\.md cannot be written: E[A-Z]+: .*\n$/);
    });

    it('stops quietly when its reader closes the pipe early', async () => {
      const unknown = Array.from({ length: 20_000 }, (_, i) => markerFor(`andet/ukendt-${i}`)).join('\n\n');
      const folder = writeTree({ 'plan.md': `${await strategyDocument()}\n${unknown}\n` });
      const run = await runIntoClosedPipe(folder, ['check', '--format', 'json']);
      assert.equal(run.stderr, '');
      assert.deepEqual([run.status, run.signal], [0, null]);
    });

    it('turns an internal error into one line and exit code 3, with the stack only when debugging', async () => {
      const folder = writeTree({});
      const failing = { writeOut: () => { throw new Error('disk on fire\nsecond line'); } };
      const run = await runCliInProcess(folder, ['guides'], {}, failing);
      assert.deepEqual([run.status, run.stderr], [3, 'Internal error: disk on fire (set DIALOGUE_GUIDE_DEBUG=1 to see where it happened).\n']);
      const debug = await runCliInProcess(folder, ['guides'], { DIALOGUE_GUIDE_DEBUG: '1' }, failing);
      assert.equal(debug.status, 3);
      assert.match(debug.stderr, /^Error: disk on fire\nsecond line\n\s+at /);
    });
  });

  describe('control characters and Markdown from documents and guides', () => {
    const forged = 'x\u001b[2J\r\nfake.md:1: error: forged\u009b31m';

    it('escapes them in text, GitHub and JSON output, so no line is forged and no escape reaches the terminal', async () => {
      const text = (await strategyDocument()).replace(`guide: "${GUIDE_ID}"`, `guide: ${JSON.stringify(forged)}`);
      const folder = writeTree({ 'plan.md': text });
      const plain = await runCliInProcess(folder, ['check']);
      assert.equal(plain.stdout.split('\n')[0], 'plan.md:4: error: No loaded guide has the id "x\\u001b[2J\\u000d\\u000afake.md:1: error: forged\\u009b31m".');
      assert.doesNotMatch(plain.stdout, /^fake\.md/m);
      const github = await runCliInProcess(folder, ['check', '--format', 'github']);
      assert.match(github.stdout, /^::error file=plan\.md,.*::No loaded guide has the id "x\\u001b\[2J%0D%0Afake\.md:1: error: forged\\u009b31m"\.$/m);
      const json = await runCliInProcess(folder, ['check', '--format', 'json']);
      // eslint-disable-next-line no-control-regex -- no raw control character may be printed
      assert.doesNotMatch(json.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      assert.equal((JSON.parse(json.stdout) as { documents: { findings: { args: { id: string } }[] }[] }).documents[0]!.findings[0]!.args.id, forged);
    });

    it('escapes invisible and direction marks (LRM, RLM, ALM, zero-width space, soft hyphen), which can reorder or hide what a terminal shows', async () => {
      const text = (await strategyDocument()).replace(`guide: "${GUIDE_ID}"`, `guide: "x\u200e\u200f\u061c\u200b\u00ad"`);
      const run = await runCliInProcess(writeTree({ 'plan.md': text }), ['check']);
      assert.equal(run.stdout.split('\n')[0], 'plan.md:4: error: No loaded guide has the id "x\\u200e\\u200f\\u061c\\u200b\\u00ad".');
    });

    it('keeps a guide title with a tab or line break to its own row of guides', async () => {
      const folder = writeTree(guideTree('Mine\tfake\t9.9.9\nsecond-row\t1.0.0\ten\tForged', 'One'));
      const run = await runCliInProcess(folder, ['guides', '--guide-folder', 'guides']);
      const rows = run.stdout.trimEnd().split('\n');
      assert.equal(rows.length, 2, run.stdout);
      assert.equal(rows[1], 'mine\t1.0.0\ten\tMine\\u0009fake\\u00099.9.9\\u000asecond-row\\u00091.0.0\\u0009en\\u0009Forged');
    });

    it('keeps a label, file name or answer from adding a heading to the diff summary', async () => {
      const root = gitRepository({ ...guideTree('Mine', 'One\n## Forged <!-- hidden'), 'plan.md': mineDocument('Before.') });
      writeFileSync(join(root, 'plan.md'), mineDocument('Now \u001b[31mred\u001b[0m.\n#### Not a heading'));
      const run = await runCliInProcess(root, ['diff', '--base', 'HEAD', '--guide-folder', 'guides']);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.stdout.split('\n').filter((line) => line.startsWith('#')), ['## Answers changed since HEAD', '### plan.md', '#### 1.1 One\\\\u000a\\#\\# Forged \\<\\!-- hidden (changed)']);
      assert.match(run.stdout, /^> Now \\u001b\[31mred\\u001b\[0m\.\n> #### Not a heading$/m);
    });
  });

  describe('--require', () => {
    it('never passes on 0 of 0 answered: a document with no questions in scope, or no documents at all', async () => {
      const text = (await strategyDocument()).replace('---\n\n', 'themes: [ingen-tema]\n---\n\n');
      const folder = writeTree({ 'plan.md': text });
      const run = await runCliInProcess(folder, ['check', '--require', 'all']);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stdout, /^plan\.md: 0 of 0 questions answered \(0%\); no questions are in scope \(see themes: in the front matter\), so the required 100% cannot be met$/m);
      assert.equal((await runCliInProcess(folder, ['check', '--require', '0%'])).status, 1);
      const empty = await runCliInProcess(writeTree({ 'README.md': '# Hi\n' }), ['check', '--require', '80%']);
      assert.equal(empty.status, 1);
      assert.equal(empty.stdout, 'No strategy documents found.\nDocuments checked: 0. Errors: 0. Warnings: 0. Failed: --require 80% cannot be met without strategy documents.\n');
      assert.equal((await runCliInProcess(writeTree({ 'README.md': '# Hi\n' }), ['check'])).status, 0, 'without a requirement, nothing to check is no failure');
    });
  });
});
