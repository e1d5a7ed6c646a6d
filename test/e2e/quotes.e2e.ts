import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench';

describe('Quotes beside the question', () => {
  const workbench = useWorkbench();

  it('shows the Kommunalpolitiker quote when a question of "Om digital deltagelse" is clicked', async () => {
    const w = workbench();
    await w.openViewContainer('Dialogue Guide');
    await w.expand('Om digital deltagelse');
    await w.treeRow('Gode situationer for dialog').click();
    const quote = w.webview().locator('blockquote', { hasText: 'Folk vil gerne aktiveres.' });
    await quote.waitFor({ timeout: 30_000 });
    assert.match(await quote.innerText(), /Man må ikke skuffe dem, der engagerer sig\./);
    const cite = w.webview().locator('figure', { hasText: 'Folk vil gerne aktiveres.' }).locator('cite');
    assert.match(await cite.innerText(), /Kommunalpolitiker.*efteråret 2021/s);
    await w.webview().locator('h1, h2', { hasText: 'Om digital deltagelse' }).first().waitFor();
    await w.screenshot('quotes');
  });

  it('follows the tree: another question of another theme shows that theme\'s quotes in the same panel', async () => {
    const w = workbench();
    await w.expand('Om samspillet mellem kommunalbestyrelse og forvaltning');
    await w.treeRow('Forvaltningens rolle').click();
    await w.webview().locator('blockquote', { hasText: '[Vores kommunaldirektør]' }).waitFor({ timeout: 20_000 });
    assert.equal(await w.page.locator('.tab', { hasText: /Quotes|Citater/ }).count(), 1, 'one panel, reused');
  });

  it('restores the panel at the same question after the window reloads', async () => {
    const w = workbench();
    await w.runCommand('workbench.action.reloadWindow', 'Developer: Reload Window');
    await w.page.locator('.tab', { hasText: /Quotes|Citater/ }).waitFor({ timeout: 60_000 });
    await w.webview().locator('blockquote', { hasText: '[Vores kommunaldirektør]' }).waitFor({ timeout: 60_000 });
    await w.webview().locator('[aria-current]', { hasText: 'Forvaltningens rolle' }).waitFor();
  });

  it('shows the guide in English after switching the language from the title bar', async () => {
    const w = workbench();
    try {
      await w.switchLanguage('English');
      await w.treeRow('About digital participation').waitFor({ timeout: 20_000 });
      await w.webview().locator('blockquote', { hasText: 'If you talk properly with each other in real life' }).waitFor({ timeout: 20_000 });
      await w.screenshot('quotes-english');
    } finally {
      // The language is a user setting, shared with the scenarios that run after this one.
      await w.switchLanguage('Danish');
      await w.treeRow('Om digital deltagelse').waitFor({ timeout: 20_000 });
    }
  });
});
