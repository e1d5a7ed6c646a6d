import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ContentFileSystem } from '../../src/core/contentFileSystem';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { prefetchGuideFolders } from '../../src/core/prefetchedFileSystem';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { contentRoot, writeTree } from './helpers/repo';

/** Node's file system where every call takes a little while, counting calls and the most at once. */
function slowFileSystem() {
  const stats = { calls: 0, inFlight: 0, mostAtOnce: 0 };
  const slow = <T>(work: () => Promise<T>) => async (): Promise<T> => {
    stats.calls++;
    stats.mostAtOnce = Math.max(stats.mostAtOnce, ++stats.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    try {
      return await work();
    } finally {
      stats.inFlight--;
    }
  };
  const fs: ContentFileSystem = {
    readFile: (path) => slow(() => nodeFileSystem.readFile(path))(),
    readDirectory: (path) => slow(() => nodeFileSystem.readDirectory(path))(),
    join: nodeFileSystem.join,
  };
  return { fs, stats };
}

describe('reading guide folders ahead', () => {
  it('reads every file of the built-in content at once, and the load then asks for none', async () => {
    const { fs, stats } = slowFileSystem();
    const prefetched = await prefetchGuideFolders(fs, [contentRoot]);
    const readAhead = stats.calls;
    assert.ok(stats.mostAtOnce >= 5, `at most ${stats.mostAtOnce} reads at once`);
    const library = await loadGuideLibrary(prefetched, [contentRoot]);
    assert.equal(stats.calls, readAhead, 'no read beyond those made ahead');
    assert.deepEqual(library, await loadGuideLibrary(nodeFileSystem, [contentRoot]));
  });

  it('finds exactly what a load without it finds, for broken and missing folders too', async () => {
    const root = writeTree({
      'team/a/guide.md': '---\nid: a\nversion: 1.0.0\nlanguage: da\ntitle: A\n---\n',
      'team/a/t.md': '---\nid: t\norder: 1\ntitle: T\nquestions: []\n---\n',
      'team/b/en/guide.md': '---\nid: sociale-medier-i-lokalpolitikken\nversion: 1.0.0\nlanguage: de\ntranslationOf: da\ntitle: B\n---\n',
      'team/b/en/t.md': 'no front matter',
    });
    const roots = [contentRoot, join(root, 'team'), join(root, 'missing')];
    const { fs } = slowFileSystem();
    const expected = await loadGuideLibrary(nodeFileSystem, roots);
    assert.ok(expected.findings.length > 0);
    assert.deepEqual(await loadGuideLibrary(await prefetchGuideFolders(fs, roots), roots), expected);
  });
});
