import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { analyseStrategyDocument, parseStrategyDocument } from '../../src/core/strategyDocument';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { contentRoot, repoRoot } from './helpers/repo';

describe('the demo workspace that npm start opens', () => {
  it('holds a strategy document that follows the built-in guide without problems', async () => {
    const file = join(repoRoot, 'test', 'fixtures', 'demo-workspace', 'strategy', 'strategi-for-sociale-medier-2027.md');
    const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    const analysis = analyseStrategyDocument(parseStrategyDocument(readFileSync(file, 'utf8'), file), library.entries);
    assert.equal(analysis.guide?.id, 'sociale-medier-i-lokalpolitikken');
    assert.deepEqual(analysis.findings.filter((f) => f.severity !== 'info'), []);
    assert.deepEqual([analysis.answered, analysis.total], [4, 18]);
  });
});
