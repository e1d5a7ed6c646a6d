import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './workbench';

describe('Drafting a strategy document', () => {
  const workbench = useWorkbench();

  it('creates a document from the Command Palette through the quick inputs', async () => {
    const w = workbench();
    await w.openViewContainer('Dialogue Guide');
    await w.runCommand('dialogueGuide.newStrategyDocument', 'Dialogue Guide: New Strategy Document');
    const input = w.page.locator('.quick-input-widget input.input');
    // Language: the guide has an English translation; the language it is shown in (Danish) comes first.
    await w.page.locator('.quick-input-widget input[placeholder^="Which language is the strategy written in?"]').waitFor();
    await input.press('Enter');
    // Themes: all are chosen; accept them.
    await w.page.locator('.quick-input-widget input[placeholder^="Which themes?"]').waitFor();
    await input.press('Enter');
    await w.page.locator('.quick-input-widget', { hasText: 'Title of the strategy' }).waitFor();
    await input.fill('Strategi 2027');
    await input.press('Enter');
    await w.page.locator('.quick-input-widget', { hasText: 'Organisation' }).waitFor();
    await input.fill('Testkommune');
    await input.press('Enter');
    await w.page.locator('.quick-input-widget', { hasText: 'Where to save it' }).waitFor();
    assert.equal(await input.inputValue(), 'strategy/strategi-2027.md');
    await input.press('Enter');
    await w.page.locator('.tab', { hasText: 'strategi-2027.md' }).waitFor({ timeout: 20_000 });
    const written = readFileSync(join(w.workspace, 'strategy', 'strategi-2027.md'), 'utf8');
    assert.match(written, /^---\ntitle: "Strategi 2027"\norganisation: "Testkommune"\nguide: "sociale-medier-i-lokalpolitikken"/);
    assert.match(written, /### Hvilke sociale medier anvender I\?\n\n<!-- dialogue-guide: sociale-medier\/platforme -->/);
  });

  it('counts an answer typed under the first question in the status bar and the tree', async () => {
    const w = workbench();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 0/18' }).waitFor({ timeout: 20_000 });
    // The new document opened with the cursor in the first answer.
    await w.page.keyboard.type('Facebook, LinkedIn og Instagram.');
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/18' }).waitFor({ timeout: 20_000 });
    await w.expand('Om at bruge sociale medier');
    await w.page.locator('.part.sidebar').getByRole('treeitem', { name: /1\.1, Platforme, answered/ }).waitFor({ timeout: 20_000 });
    await w.screenshot('strategy');
  });

  it('lands on the section of a question clicked in the tree', async () => {
    const w = workbench();
    await w.expand('Om digital deltagelse');
    await w.treeRow('Grænser for inddragelse').click();
    const lines = readFileSync(join(w.workspace, 'strategy', 'strategi-2027.md'), 'utf8').split('\n');
    const marker = lines.indexOf('<!-- dialogue-guide: digital-deltagelse/graenser -->');
    assert.ok(marker > 0);
    // Status bar "Ln N, Col 1": the line after the marker, counted from 1.
    await w.page.locator('[id="status.editor.selection"]', { hasText: `Ln ${marker + 2},` }).waitFor({ timeout: 20_000 });
  });
});
