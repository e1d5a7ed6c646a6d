import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useWorkbench } from './workbench';

// Compiled to out/test/e2e/, three levels below the repository.
const cli = join(resolve(__dirname, '..', '..', '..'), 'dist', 'cli.js');

describe('Exporting for the committee', () => {
  const workbench = useWorkbench();

  it('exports a document to Word from the Strategy Documents view\'s menu, through the format list and the save dialog', async () => {
    const w = workbench();
    execFileSync(process.execPath, [cli, 'new', '--guide', 'sociale-medier-i-lokalpolitikken', '--title', 'Udvalgets strategi', '--organisation', 'Testkommune', '--out', 'strategy/udvalg.md'], { cwd: w.workspace });
    await w.openViewContainer('Dialogue Guide');
    const row = w.page.locator('.part.sidebar').getByRole('treeitem', { name: /strategy\/udvalg\.md/ });
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    // A context menu ignores a click that comes too soon after it opened: point at the item, then click.
    const item = w.page.locator('.monaco-menu .action-label', { hasText: 'Export Strategy Document…' });
    await item.hover();
    await w.page.waitForTimeout(500);
    await item.click();
    const widget = w.page.locator('.quick-input-widget');
    await widget.locator('input[placeholder="Export as"]').waitFor();
    await widget.locator('.monaco-list-row', { hasText: 'Word document (.docx)' }).first().click();
    // The save dialog proposes the document's own name with the format's extension.
    const input = widget.locator('input.input');
    for (let i = 0; i < 100 && !(await input.inputValue()).endsWith('udvalg.docx'); i++) await w.page.waitForTimeout(100);
    assert.match(await input.inputValue(), /strategy\/udvalg\.docx$/);
    await input.press('Enter');
    const file = join(w.workspace, 'strategy', 'udvalg.docx');
    for (let i = 0; i < 200 && !existsSync(file); i++) await w.page.waitForTimeout(100);
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'a Word file (a zip) was written');
    assert.ok((await w.notifications()).some((m) => m.includes('Exported strategy/udvalg.md to strategy/udvalg.docx.')));
  });
});
