import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './workbench';

/** A document of the first theme, without its quote: the writer brings it in from the Quotes panel. */
const DOCUMENT = `---
title: "Citater"
organisation: ""
guide: "sociale-medier-i-lokalpolitikken"
guideVersion: "1.0.0"
language: "da"
status: draft
owners: []
reviewers: []
themes: ["sociale-medier"]
---

# Citater

## Om at bruge sociale medier

<!-- dialogue-guide: sociale-medier -->

### Hvilke sociale medier anvender I?

<!-- dialogue-guide: sociale-medier/platforme -->

### Hvad bruger I de forskellige sociale medier til?

<!-- dialogue-guide: sociale-medier/formaal -->

Vi bruger dem til dialog.

### Hvem bliver I inspireret af på sociale medier – både hvad angår form og indhold?

<!-- dialogue-guide: sociale-medier/inspiration -->
`;

describe('Inserting a quote from the Quotes panel', () => {
  const workbench = useWorkbench();

  it('writes the quote with its marker and attribution into the section of the question being answered', async () => {
    const w = workbench();
    mkdirSync(join(w.workspace, 'citat'), { recursive: true });
    const file = join(w.workspace, 'citat', 'citater.md');
    writeFileSync(file, DOCUMENT);
    await w.openViewContainer('Dialogue Guide');
    await w.page.keyboard.press('Control+P');
    await w.page.locator('.quick-input-widget input.input').fill('citat/citater.md');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'citater.md' }).first().click();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/6' }).waitFor({ timeout: 30_000 });

    // A click on the question puts the cursor in its answer and shows its theme's quotes beside it.
    await w.expand('Om at bruge sociale medier');
    await w.treeRow('Formål').click();
    const figure = w.webview().locator('figure', { hasText: 'Vi taler meget om det.' });
    await figure.waitFor({ timeout: 30_000 });
    await figure.locator('vscode-button', { hasText: 'Insert into document' }).click();

    // Back in the document (the click left the focus in the panel), saved as a person would.
    await w.page.locator('.tab', { hasText: 'citater.md' }).click();
    await w.page.keyboard.press('Control+S');
    for (let i = 0; i < 100 && !readFileSync(file, 'utf8').includes('dialogue-quote:'); i++) await w.page.waitForTimeout(100);
    const saved = readFileSync(file, 'utf8');
    const formaal = saved.slice(saved.indexOf('sociale-medier/formaal -->'), saved.indexOf('### Hvem bliver'));
    assert.match(formaal, /\n\n> <!-- dialogue-quote: sociale-medier\/temadroeftelser -->\n> Vi taler meget om det\. .* digitale medier\.\n\n— Kommunal embedsmand, efteråret 2021\n\n/);
    assert.ok(formaal.includes('\n\nVi bruger dem til dialog.\n\n'), 'the answer is kept, a paragraph of its own');
    assert.equal(saved.split('dialogue-quote:').length, 2, 'one quote, in that section only');
  });
});
