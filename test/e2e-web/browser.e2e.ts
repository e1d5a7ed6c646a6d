import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findGuideEntry } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { useWorkbench } from '../e2e/workbench';

// Run by `node scripts/run-e2e.mjs --web`: the window's extension is the browser entry alone, so
// everything below happens in the web-worker extension host, as in vscode.dev.
describe('In the browser: the web-worker extension host', () => {
  const workbench = useWorkbench();

  it('shows a question\'s quote when it is clicked in the view', async () => {
    const w = workbench();
    await w.openViewContainer('Dialogue Guide');
    await w.expand('Om digital deltagelse');
    await w.treeRow('Gode situationer for dialog').click();
    const quote = w.webview().locator('blockquote', { hasText: 'Folk vil gerne aktiveres.' });
    await quote.waitFor({ timeout: 30_000 });
    assert.match(await quote.innerText(), /Man må ikke skuffe dem, der engagerer sig\./);
  });

  it('counts the answers of a strategy document in the status bar, also as one is typed', async () => {
    const w = workbench();
    const library = await loadGuideLibrary(nodeFileSystem, [join(__dirname, '..', '..', '..', 'content')]);
    const guide = findGuideEntry(library.entries, 'sociale-medier-i-lokalpolitikken')!.original;
    const file = join(w.workspace, 'strategy', 'web.md');
    const marker = markerFor('sociale-medier/platforme');
    const text = scaffoldStrategyDocument(guide, { title: 'Strategi', organisation: 'Webkommune' }).replace(`${marker}\n`, `${marker}\n\nFacebook.\n`);
    writeFileSync(file, text);
    const secondMarker = text.split('\n').indexOf(markerFor('sociale-medier/formaal'));
    await w.page.keyboard.press('Control+P');
    await w.page.locator('.quick-input-widget input.input').fill('strategy/web.md');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'web.md' }).first().click();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/18' }).waitFor({ timeout: 30_000 });
    // The next unanswered question is the second: type its answer there, as a person would.
    await w.page.locator('.monaco-editor .view-lines').first().click();
    await w.page.keyboard.press('Alt+]');
    // The blank line under the second question's marker (status bar lines count from 1).
    await w.page.locator('[id="status.editor.selection"]', { hasText: `Ln ${secondMarker + 2},` }).waitFor({ timeout: 20_000 });
    await w.page.keyboard.type('Vi svarer inden for en arbejdsdag.');
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 2/18' }).waitFor({ timeout: 20_000 });
    await w.page.keyboard.press('Control+S');
    for (let i = 0; i < 100 && !readFileSync(file, 'utf8').includes('arbejdsdag.'); i++) await w.page.waitForTimeout(100);
    assert.match(readFileSync(file, 'utf8'), /Vi svarer inden for en arbejdsdag\./);
  });
});
