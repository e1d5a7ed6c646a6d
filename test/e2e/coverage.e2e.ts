import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './workbench';

describe('Coverage across documents', () => {
  const workbench = useWorkbench();

  it('names every document with its count when Show Coverage is run from the Command Palette', async () => {
    const w = workbench();
    // Three administrations' documents, with 0, 5 and 18 of 18 answered (the multi-root fixture's).
    cpSync(join(w.repo, 'test', 'fixtures', 'multi-root', 'forvaltning-a', 'strategi'), join(w.workspace, 'forvaltning-a'), { recursive: true });
    cpSync(join(w.repo, 'test', 'fixtures', 'multi-root', 'forvaltning-b', 'strategi'), join(w.workspace, 'forvaltning-b'), { recursive: true });
    await w.openViewContainer('Dialogue Guide');
    await w.treeRow('forvaltning-b/alle.md').waitFor({ timeout: 30_000 });
    await w.runCommand('dialogueGuide.showCoverage', 'Dialogue Guide: Show Coverage');
    const page = w.webview();
    const row = (path: string) => page.locator('tr.document', { hasText: path });
    await row('forvaltning-a/ingen.md').waitFor({ timeout: 30_000 });
    const total = async (path: string) => (await row(path).locator('td.total').innerText()).trim();
    assert.equal(await total('forvaltning-a/ingen.md'), '0/18');
    assert.equal(await total('forvaltning-a/fem.md'), '5/18');
    assert.equal(await total('forvaltning-b/alle.md'), '18/18');
    assert.deepEqual(await row('forvaltning-a/fem.md').locator('button.cell').allInnerTexts(), ['5/6', '0/3', '0/5', '0/4']);
    assert.match(await row('forvaltning-b/alle.md').innerText(), /final[\s\S]*Bo, Carla/);
    await w.screenshot('coverage');
  });

  it('filters by status, and opens a document at a theme when its cell is clicked', async () => {
    const w = workbench();
    const page = w.webview();
    // By keyboard, as the select offers it: Space opens the list (All, draft, final, review), Enter picks.
    await page.locator('vscode-single-select[aria-label="Status"]').focus();
    for (const key of ['Space', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter']) await w.page.keyboard.press(key);
    await page.locator('tr.document', { hasText: 'ingen.md' }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await page.locator('tr.document').count(), 1);
    await page.locator('tr.document', { hasText: 'fem.md' }).locator('button.cell').first().click();
    await w.page.locator('.tab.active', { hasText: 'fem.md' }).waitFor({ timeout: 20_000 });
  });
});
