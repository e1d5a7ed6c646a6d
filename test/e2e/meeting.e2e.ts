import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builtInEntries from 'virtual:built-in-guide';
import { inLanguage } from '../../src/core/guide';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { useWorkbench, type Workbench } from './workbench';

const FILE = join('strategy', 'moede.md');

describe('Running the meeting', () => {
  const workbench = useWorkbench();

  it('takes a note on question 1.1 in the meeting view, counted in the status bar, and goes on to 1.2', async () => {
    const w = workbench();
    const scaffold = scaffoldStrategyDocument(inLanguage(builtInEntries[0]!, 'da'), { title: 'Strategi 2027', organisation: 'Testkommune' });
    mkdirSync(join(w.workspace, 'strategy'), { recursive: true });
    writeFileSync(join(w.workspace, FILE), scaffold);

    // Open the document as a facilitator would, by name.
    await w.page.keyboard.press('Control+P');
    await w.page.locator('.quick-input-widget input').fill('moede.md');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'moede.md' }).first().click();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 0/18' }).waitFor({ timeout: 30_000 });

    await w.runCommand('dialogueGuide.startMeeting', 'Dialogue Guide: Start Meeting');
    await w.page.locator('.quick-input-list').getByRole('option', { name: /^5 minutes per question/ }).click();
    await w.page.locator('.tab', { hasText: 'Meeting' }).waitFor({ timeout: 20_000 });

    const view = w.webview();
    await view.locator('h2', { hasText: 'Question 1.1' }).waitFor({ timeout: 30_000 });
    await view.locator('.question-text', { hasText: 'Hvilke sociale medier anvender I?' }).waitFor();
    await view.locator('h1', { hasText: 'Om at bruge sociale medier' }).waitFor();
    await view.locator('blockquote', { hasText: 'Vi taler meget om det.' }).waitFor();
    assert.match(await view.locator('figure', { hasText: 'Vi taler meget om det.' }).locator('cite').innerText(), /Kommunal embedsmand, efteråret 2021/);
    assert.match(await view.locator('#progress').innerText(), /Question 1 of 18 · 1 of 6 in this theme/);

    await view.locator('#timer', { hasText: /Question time 0:0\d \/ 5:00 · Meeting 0:0\d \/ 1:30:00/ }).waitFor();

    const notes = view.getByLabel('Notes for 1.1');
    await notes.click();
    await notes.pressSequentially('Facebook, LinkedIn og Instagram.');
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/18' }).waitFor({ timeout: 20_000 });
    await w.screenshot('meeting');

    await view.getByRole('button', { name: 'Next', exact: true }).click();
    await view.locator('h2', { hasText: 'Question 1.2' }).waitFor({ timeout: 20_000 });
    await view.locator('.question-text', { hasText: 'Hvad bruger I de forskellige sociale medier til?' }).waitFor();
    assert.equal(await view.getByLabel('Notes for 1.2').inputValue(), '');

    // The keyboard goes back, and the note of 1.1 is the document's.
    await view.locator('h1').click();
    await w.page.keyboard.press('Alt+ArrowLeft');
    await view.locator('h2', { hasText: 'Question 1.1' }).waitFor({ timeout: 20_000 });
    assert.equal(await view.getByLabel('Notes for 1.1').inputValue(), 'Facebook, LinkedIn og Instagram.');

    // The guide in English: the meeting goes on where it was, the question and quotes in English.
    try {
      await w.switchLanguage('English');
      await view.locator('.question-text', { hasText: 'Which social media do you use?' }).waitFor({ timeout: 20_000 });
      await view.locator('h1', { hasText: 'About using social media' }).waitFor();
      assert.equal(await view.getByLabel('Notes for 1.1').inputValue(), 'Facebook, LinkedIn og Instagram.');
    } finally {
      // The language is a user setting, shared with the scenarios that run after this one.
      await w.switchLanguage('Danish');
      await view.locator('.question-text', { hasText: 'Hvilke sociale medier anvender I?' }).waitFor({ timeout: 20_000 });
    }

    // The note is an edit of the open document, saved as the user's edits are (the web's auto save).
    const file = join(w.workspace, FILE);
    for (let i = 0; i < 100 && !readFileSync(file, 'utf8').includes('Instagram.'); i++) await w.page.waitForTimeout(100);
    const saved = readFileSync(file, 'utf8');
    assert.equal(saved, scaffold.replace('platforme -->\n', 'platforme -->\n\nFacebook, LinkedIn og Instagram.\n'), 'the note, between blank lines, in its section and nowhere else');
    await view.getByRole('button', { name: 'End Meeting' }).click();
    await view.locator('h1', { hasText: 'Meeting summary' }).waitFor({ timeout: 20_000 });
    await view.locator('tr', { hasText: '1.1 Platforme' }).locator('td', { hasText: 'Discussed' }).waitFor();
    await view.locator('tr', { hasText: '1.3 ' }).locator('td', { hasText: 'Not reached' }).waitFor();
    await w.page.waitForTimeout(1500);
    assert.equal(readFileSync(file, 'utf8'), saved, 'End Meeting writes nothing');
  });
});

describe('Running the meeting in Danish', () => {
  const workbench = useWorkbench();

  it('reads the question and its quote, takes a note counted in the status bar and goes on with Næste, all in Danish', async () => {
    const w = workbench();
    const scaffold = scaffoldStrategyDocument(inLanguage(builtInEntries[0]!, 'da'), { title: 'Strategi 2027', organisation: 'Testkommune' });
    mkdirSync(join(w.workspace, 'strategy'), { recursive: true });
    writeFileSync(join(w.workspace, 'strategy', 'moede-da.md'), scaffold);
    // VS Code has no Danish display language: the extension's own setting gives its interface in Danish.
    // The workspace is shared with the scenarios that run after this one: its settings come back below.
    const settings = join(w.workspace, '.vscode', 'settings.json');
    const before = existsSync(settings) ? readFileSync(settings, 'utf8') : undefined;
    mkdirSync(join(w.workspace, '.vscode'), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'dialogueGuide.uiLanguage': 'da' }));
    try {
      await meetInDanish(w);
    } finally {
      if (before === undefined) rmSync(settings, { force: true });
      else writeFileSync(settings, before);
    }
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/18' }).waitFor({ timeout: 20_000 });
  });
});

/** The Danish scenario, once the document is written and the interface language set. */
async function meetInDanish(w: Workbench): Promise<void> {
  await w.page.keyboard.press('Control+P');
  await w.page.locator('.quick-input-widget input').fill('moede-da.md');
  await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'moede-da.md' }).first().click();
  await w.page.locator('.statusbar-item', { hasText: 'Strategi 0/18' }).waitFor({ timeout: 30_000 });

  await w.runCommand('dialogueGuide.startMeeting', 'Dialogue Guide: Start Meeting');
  await w.page.locator('.quick-input-list').getByRole('option', { name: /^5 minutter pr\. spørgsmål/ }).click();
  await w.page.locator('.tab', { hasText: 'Møde' }).waitFor({ timeout: 20_000 });

  const view = w.webview();
  await view.locator('h2', { hasText: 'Spørgsmål 1.1' }).waitFor({ timeout: 30_000 });
  await view.locator('.question-text', { hasText: 'Hvilke sociale medier anvender I?' }).waitFor();
  await view.locator('blockquote', { hasText: 'Vi taler meget om det.' }).waitFor();
  assert.match(await view.locator('#progress').innerText(), /Spørgsmål 1 af 18/);

  const notes = view.getByLabel('Noter til 1.1');
  await notes.click();
  await notes.pressSequentially('Facebook og LinkedIn.');
  await w.page.locator('.statusbar-item', { hasText: 'Strategi 1/18' }).waitFor({ timeout: 20_000 });

  await view.getByRole('button', { name: 'Næste', exact: true }).click();
  await view.locator('h2', { hasText: 'Spørgsmål 1.2' }).waitFor({ timeout: 20_000 });
  await view.getByRole('button', { name: 'Forrige', exact: true }).waitFor();
}
