import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ContentFileSystem } from '../../src/core/contentFileSystem';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { indexStrategyDocuments } from '../../src/core/strategyIndex';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { makeGuide } from './helpers/guides';
import { writeTree } from './helpers/repo';

const SCAFFOLD = scaffoldStrategyDocument(makeGuide([{ id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?']] }]), { title: 'T', organisation: 'O' });

describe('indexing the strategy documents of a workspace', () => {
  it('parses the strategy documents below the roots, by path, and skips hidden folders and node_modules', async () => {
    const root = writeTree({
      'strategy/b.md': SCAFFOLD,
      'strategy/a.md': '# Notes\n\n<!-- dialogue-guide: tema/foerste -->\n\nSvar.\n',
      'docs/deep/C.MD': SCAFFOLD,
      'README.md': '# Not a strategy document\n',
      'strategy/notes.txt': SCAFFOLD,
      'node_modules/pkg/d.md': SCAFFOLD,
      '.history/e.md': SCAFFOLD,
    });
    const index = await indexStrategyDocuments(nodeFileSystem, [root, join(root, 'missing')]);
    assert.deepEqual(index.findings, []);
    assert.deepEqual(index.documents.map((d) => d.file), ['docs/deep/C.MD', 'strategy/a.md', 'strategy/b.md'].map((f) => join(root, f)));
    assert.equal(index.documents[1]!.sections[0]!.answer, 'Svar.');
  });

  it('reports a file that cannot be read, and indexes the rest', async () => {
    const files: Record<string, string> = { '/w/a.md': SCAFFOLD, '/w/b.md': SCAFFOLD };
    const fs: ContentFileSystem = {
      readFile: async (path) => (path === '/w/a.md' ? Promise.reject(new Error('EACCES: permission denied')) : files[path]!),
      readDirectory: async () => [{ name: 'a.md', isDirectory: false }, { name: 'b.md', isDirectory: false }],
      join: (...parts) => parts.join('/'),
    };
    const index = await indexStrategyDocuments(fs, ['/w']);
    assert.deepEqual(index.documents.map((d) => d.file), ['/w/b.md']);
    assert.deepEqual(index.findings.map((f) => [f.code, f.file, f.args.reason]), [['file.unreadable', '/w/a.md', 'EACCES: permission denied']]);
  });
});
