import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextOrReport } from '../../src/core/contentFileSystem';
import type { Finding } from '../../src/core/findings';
import { decodeUtf8, MAX_TEXT_FILE_BYTES, TextFileError } from '../../src/core/textFile';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { tempFolder } from './helpers/repo';

function invalidAt(bytes: number[]): unknown {
  try {
    decodeUtf8(Uint8Array.from(bytes));
  } catch (error) {
    assert.ok(error instanceof TextFileError);
    return error.problem;
  }
  return assert.fail('decoded');
}

const ascii = (text: string) => [...Buffer.from(text, 'utf8')];

describe('reading text files', () => {
  it('decodes UTF-8 and drops a byte order mark, as editors do', () => {
    assert.equal(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('Æble\n')])), 'Æble\n');
  });

  it('names the line and column of the first byte that is not UTF-8, instead of replacing it', () => {
    assert.deepEqual(invalidAt([...ascii('---\ntitle: Å'), 0xe6, ...ascii('ble\n')]), { kind: 'invalidUtf8', line: 2, column: 9 });
    assert.deepEqual(invalidAt([0xc0, 0xaf]), { kind: 'invalidUtf8', line: 1, column: 1 }, 'an overlong slash');
    assert.deepEqual(invalidAt([...ascii('a\nb\n'), 0xed, 0xa0, 0x80]), { kind: 'invalidUtf8', line: 3, column: 1 }, 'a surrogate');
    assert.deepEqual(invalidAt([...ascii('ab'), 0xe2, 0x82]), { kind: 'invalidUtf8', line: 1, column: 3 }, 'a sequence cut short');
  });

  it('reads a regular file, and refuses a device, a FIFO, a broken link, a file above the limit and text that is not UTF-8', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = tempFolder();
    writeFileSync(join(folder, 'plain.md'), 'Tekst\n');
    symlinkSync('/dev/zero', join(folder, 'zero.md'));
    symlinkSync(join(folder, 'nowhere.md'), join(folder, 'broken.md'));
    mkdirSync(join(folder, 'folder.md'));
    // A FIFO no one writes to: reading it would wait forever.
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(folder, 'pipe.md')]);
    writeFileSync(join(folder, 'big.md'), '');
    truncateSync(join(folder, 'big.md'), MAX_TEXT_FILE_BYTES + 1);
    writeFileSync(join(folder, 'latin1.md'), Buffer.from('Gr\xf8d\n', 'latin1'));

    const findings: Finding[] = [];
    const read = async (name: string) => readTextOrReport(nodeFileSystem, join(folder, name), findings);
    assert.equal(await read('plain.md'), 'Tekst\n');
    for (const name of ['zero.md', 'pipe.md', 'broken.md', 'folder.md', 'big.md', 'latin1.md']) assert.equal(await read(name), undefined, name);
    assert.deepEqual(
      findings.map((f) => [f.file.slice(folder.length + 1), f.code, f.severity, f.range.start.line, f.args]),
      [
        ['zero.md', 'file.notRegular', 'info', 0, {}],
        ['pipe.md', 'file.notRegular', 'info', 0, {}],
        ['broken.md', 'file.notRegular', 'info', 0, {}],
        ['folder.md', 'file.notRegular', 'info', 0, {}],
        ['big.md', 'file.tooLarge', 'error', 0, { size: '129', limit: '128' }],
        ['latin1.md', 'file.invalidUtf8', 'error', 0, { line: '1', column: '3' }],
      ],
    );
  });
});
