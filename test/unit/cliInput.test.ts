import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { selectDocuments } from '../../src/cli/documents';
import { MAX_TEXT_FILE_BYTES } from '../../src/core/textFile';
import { requireBuiltCli, runCli, runCliInProcess, strategyDocument } from './helpers/cli';
import { writeTree } from './helpers/repo';

const english = (message: string) => message;
const relativeFindings = (folder: string, findings: readonly { file: string; code: string; severity: string }[]) => findings.map((f) => [f.file.slice(folder.length + 1), f.code, f.severity]);

describe('what the CLI reads', function () {
  this.timeout(30_000);
  before(requireBuiltCli);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('skips a link to a device, a FIFO, a socket and a broken link with a note, never reading them', async () => {
    const folder = writeTree({ 'strategi/plan.md': await strategyDocument() });
    symlinkSync('/dev/zero', join(folder, 'strategi/zero.md'));
    execFileSync('mkfifo', [join(folder, 'strategi/pipe.md')]);
    symlinkSync(join(folder, 'nowhere.md'), join(folder, 'strategi/broken.md'));
    const server: Server = createServer();
    await new Promise<void>((listening) => server.listen(join(folder, 'strategi/socket.md'), listening));
    try {
      // In a child with a deadline: reading /dev/zero never ends and opening the FIFO would wait for a writer.
      const run = runCli(folder, ['check'], {}, { timeoutMs: 15_000 });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        [
          'strategi/broken.md:1: info: Not a regular file (a device, pipe, socket or broken link): it is skipped, not read.',
          'strategi/pipe.md:1: info: Not a regular file (a device, pipe, socket or broken link): it is skipped, not read.',
          'strategi/socket.md:1: info: Not a regular file (a device, pipe, socket or broken link): it is skipped, not read.',
          'strategi/zero.md:1: info: Not a regular file (a device, pipe, socket or broken link): it is skipped, not read.',
          'strategi/plan.md: 0 of 18 questions answered (0%)',
          'Documents checked: 1. Errors: 0. Warnings: 0.',
          '',
        ].join('\n'),
      );
      const named = runCli(folder, ['check', 'strategi/pipe.md'], {}, { timeoutMs: 15_000 });
      assert.equal(named.status, 2, 'a named file that is not a regular file is bad input');
      assert.match(named.stdout, /^strategi\/pipe\.md:1: error: Not a regular file/);
    } finally {
      server.close();
    }
  });

  it('reports a file above the size limit by name, without reading it, as bad input', async () => {
    const folder = writeTree({ 'plan.md': await strategyDocument(), 'dump.md': '' });
    truncateSync(join(folder, 'dump.md'), MAX_TEXT_FILE_BYTES + 1);
    const selection = await selectDocuments(folder, [], english);
    assert.deepEqual(relativeFindings(folder, selection.findings), [['dump.md', 'file.tooLarge', 'error']]);
    const run = await runCliInProcess(folder, ['check']);
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^dump\.md:1: error: The file is 129 MB, above the limit of 128 MB: it is not read\.$/m);
  });

  it('matches a glob before reading anything, so files outside it cannot get in the way', async () => {
    const folder = writeTree({ 'docs/plan.md': await strategyDocument(), 'docs/big.md': '' });
    truncateSync(join(folder, 'docs/big.md'), MAX_TEXT_FILE_BYTES + 1);
    symlinkSync(join(folder, 'nowhere.md'), join(folder, 'docs/broken.md'));
    const selection = await selectDocuments(folder, ['docs/plan*.md'], english);
    assert.deepEqual(selection.findings, []);
    assert.deepEqual(selection.documents.map((d) => d.file), [join(folder, 'docs/plan.md')]);
  });

  it('does not fail the run over a broken link or a file it cannot read that is not named', async () => {
    const folder = writeTree({ 'plan.md': await strategyDocument() });
    symlinkSync(join(folder, 'nowhere.md'), join(folder, 'broken.md'));
    // A link to a folder's entry that is itself a link loop: open fails with ELOOP.
    symlinkSync(join(folder, 'loop.md'), join(folder, 'loop.md'));
    const run = await runCliInProcess(folder, ['check']);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /^broken\.md:1: info: Not a regular file/m);
    assert.match(run.stdout, /^loop\.md:1: info: Not a regular file/m);
  });

  it('reports a file that is not UTF-8 with the line of the first bad byte, rather than checking replacement characters', async () => {
    const text = await strategyDocument();
    const folder = writeTree({});
    const bytes = Buffer.from(text.replace('Eksempel Kommune', 'Eksempel K\u00f8mune'), 'utf8');
    const at = bytes.indexOf(Buffer.from('\u00f8', 'utf8'));
    // ø as Latin-1 (one byte, 0xF8), which is never valid UTF-8.
    writeFileSync(join(folder, 'plan.md'), Buffer.concat([bytes.subarray(0, at), Buffer.from([0xf8]), bytes.subarray(at + 2)]));
    const line = text.slice(0, text.indexOf('Eksempel Kommune')).split('\n').length;
    const named = await runCliInProcess(folder, ['check', 'plan.md']);
    assert.equal(named.status, 2);
    assert.equal(named.stdout.split('\n')[0], `plan.md:${line}: error: The file is not valid UTF-8 (the first bad byte is on line ${line}, column 26): save it as UTF-8.`);
    assert.equal((await runCliInProcess(folder, ['check'])).status, 2, 'found in a folder, it is bad input too');
    assert.equal((await runCliInProcess(folder, ['check'], { LANG: 'da_DK.UTF-8' })).stdout.split('\n')[0], `plan.md:${line}: fejl: Filen er ikke gyldig UTF-8 (den første ugyldige byte er på linje ${line}, kolonne 26): gem den som UTF-8.`);
  });
});
