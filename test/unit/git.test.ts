import * as assert from 'node:assert/strict';
import { realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRepository, readFilesAt, resolveCommit, type Repository } from '../../src/node/git';
import { commitFiles, gitRepository, runGit } from './helpers/gitRepo';
import { tempFolder } from './helpers/repo';

async function repositoryAt(folder: string): Promise<Repository> {
  const opened = await openRepository(folder);
  assert.ok(opened.ok, JSON.stringify(opened));
  return opened.value;
}

describe('reading files from Git', () => {
  it('finds the work tree root from a folder inside it', async () => {
    const root = gitRepository({ 'docs/a.md': 'A\n' });
    const repository = await repositoryAt(join(root, 'docs'));
    assert.equal(realpathSync(repository.root), realpathSync(root));
    assert.equal(repository.shallow, false);
  });

  it('says so when the folder is not in a repository', async () => {
    const folder = tempFolder();
    assert.deepEqual(await openRepository(folder), { ok: false, problem: { kind: 'notARepository', folder } });
  });

  it('reads files at a commit exactly as committed, and tells which were not there', async () => {
    const root = gitRepository({ 'docs/a.md': 'Line one\r\nLine two\n', 'docs/b c.md': 'Space in name\n' });
    const repository = await repositoryAt(root);
    const base = await resolveCommit(repository, 'main');
    assert.ok(base.ok);
    commitFiles(root, { 'docs/a.md': 'Rewritten\n', 'docs/new.md': 'New\n' });

    const files = ['docs/a.md', 'docs/b c.md', 'docs/new.md', 'docs'].map((f) => join(root, f));
    const read = await readFilesAt(repository, base.value, files);
    assert.ok(read.ok);
    assert.deepEqual([...read.value.values()], [
      { kind: 'found', text: 'Line one\r\nLine two\n' },
      { kind: 'found', text: 'Space in name\n' },
      { kind: 'notInBase' },
      { kind: 'notInBase' },
    ]);
  });

  it('keeps going past a file outside the work tree', async () => {
    const root = gitRepository({ 'a.md': 'A\n' });
    const outside = join(tempFolder(), 'x.md');
    writeFileSync(outside, 'X\n');
    const repository = await repositoryAt(root);
    const read = await readFilesAt(repository, 'HEAD', [outside, join(root, 'a.md')]);
    assert.ok(read.ok);
    assert.deepEqual([...read.value.values()], [{ kind: 'outsideRepository' }, { kind: 'found', text: 'A\n' }]);
  });

  it('does not follow a link that leads out of the work tree, and reads one inside it as its target', async function () {
    if (process.platform === 'win32') this.skip();
    const root = gitRepository({ 'a.md': 'A\n' });
    const outside = join(tempFolder(), 'secret.md');
    writeFileSync(outside, 'Secret\n');
    symlinkSync(outside, join(root, 'out.md'));
    symlinkSync(join(root, 'a.md'), join(root, 'in.md'));
    // Committed, the link's blob is its target's path: still not what the work tree shows.
    runGit(root, 'add', 'out.md', 'in.md');
    runGit(root, 'commit', '-q', '-m', 'Links');
    const read = await readFilesAt(await repositoryAt(root), 'HEAD', [join(root, 'out.md'), join(root, 'in.md')]);
    assert.ok(read.ok);
    assert.deepEqual([...read.value.values()], [{ kind: 'outsideRepository' }, { kind: 'found', text: 'A\n' }]);
  });

  it('tells where a file at the base stops being UTF-8', async () => {
    const root = gitRepository({});
    writeFileSync(join(root, 'a.md'), Buffer.from('Ok\nGr\xf8d\n', 'latin1'));
    runGit(root, 'add', 'a.md');
    runGit(root, 'commit', '-q', '-m', 'Latin-1');
    const read = await readFilesAt(await repositoryAt(root), 'HEAD', [join(root, 'a.md')]);
    assert.ok(read.ok);
    assert.deepEqual([...read.value.values()], [{ kind: 'invalidUtf8', line: 2, column: 3 }]);
  });

  it('reports an unknown ref, and does not take an option for a ref', async () => {
    const repository = await repositoryAt(gitRepository({ 'a.md': 'A\n' }));
    assert.deepEqual(await resolveCommit(repository, 'HEAD~1'), { ok: false, problem: { kind: 'unknownRef', ref: 'HEAD~1' } });
    assert.deepEqual(await resolveCommit(repository, '--all'), { ok: false, problem: { kind: 'unknownRef', ref: '--all' } });
  });

  it('blames missing history on a shallow clone', async () => {
    const origin = gitRepository({ 'a.md': 'A\n' });
    commitFiles(origin, { 'a.md': 'B\n' });
    const clone = tempFolder();
    runGit(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, 'repo');
    const repository = await repositoryAt(join(clone, 'repo'));
    assert.equal(repository.shallow, true);
    assert.deepEqual(await resolveCommit(repository, 'HEAD~1'), { ok: false, problem: { kind: 'shallowClone', ref: 'HEAD~1' } });
    assert.ok((await resolveCommit(repository, 'HEAD')).ok);
  });
});
