import { useWorkbench } from './workbench';

describe('The first-use walkthrough', () => {
  const workbench = useWorkbench();

  it('opens from Welcome: Open Walkthrough…, and its first step\'s button shows a theme\'s quotes', async () => {
    const w = workbench();
    await w.runCommand('welcome.showAllWalkthroughs', 'Welcome: Open Walkthrough');
    const input = w.page.locator('.quick-input-widget input');
    await input.fill('Get started with Dialogue Guide');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Dialogue Guide' }).waitFor();
    // Enter, not a click: the row's hover would take the click.
    await input.press('Enter');
    const walkthrough = w.page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-step', { hasText: 'Open the guide and read a theme\'s quotes' }).waitFor({ timeout: 30_000 });
    for (const step of ['Create a strategy document', 'Answer and follow your progress', 'Review changes before a pull request', 'See the whole team\'s progress']) {
      await walkthrough.locator('.getting-started-step', { hasText: step }).waitFor();
    }
    await w.screenshot('walkthrough');
    await walkthrough.locator('.getting-started-step.expanded').getByRole('button', { name: 'Show Quotes' }).click();
    // No question is selected yet, so Show Quotes asks which.
    await w.page.locator('.quick-input-widget input[placeholder="Choose a question"]').waitFor({ timeout: 20_000 });
    await w.page.locator('.quick-input-widget input').fill('Gode situationer for dialog');
    await w.page.keyboard.press('Enter');
    await w.page.locator('.tab', { hasText: 'Quotes' }).waitFor({ timeout: 30_000 });
    // The walkthrough's picture is a webview too: the quote is looked for in the Quotes panel's frame.
    const quotes = w.page.locator('iframe.webview.ready').last().contentFrame().locator('#active-frame').contentFrame();
    await quotes.locator('blockquote', { hasText: 'Folk vil gerne aktiveres.' }).waitFor({ timeout: 30_000 });
  });
});
