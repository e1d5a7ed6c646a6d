import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbench } from './workbench';

describe('Drafting a strategy document', () => {
  const workbench = useWorkbench();

  it('creates a document from the Command Palette through the quick inputs', async () => {
    const w = workbench();
    // A file where the proposed name would go: the wizard proposes a free one instead.
    mkdirSync(join(w.workspace, 'strategy'), { recursive: true });
    writeFileSync(join(w.workspace, 'strategy', 'strategi-2027.md'), 'Mine egne noter\n');
    await w.openViewContainer('Dialogue Guide');
    await w.runCommand('dialogueGuide.newStrategyDocument', 'Dialogue Guide: New Strategy Document');
    const widget = w.page.locator('.quick-input-widget');
    const input = widget.locator('input.input');
    const step = (n: number) => widget.locator('.quick-input-title', { hasText: `${n}/5` }).waitFor();
    // One guide: no step asks for it, so the count starts at the language (1 of 5).
    await widget.locator('input[placeholder^="Which language is the strategy written in?"]').waitFor();
    await step(1);
    await input.press('Enter');
    // Themes: all are chosen. Untick one, go Back and forth again: the choice is kept.
    await widget.locator('input[placeholder^="Which themes?"]').waitFor();
    await step(2);
    const theme = widget.locator('.monaco-list-row[role="checkbox"]', { hasText: 'Om enkeltsager og helhedshensyn' });
    const checked = async (value: string) => {
      for (let i = 0; i < 100 && (await theme.getAttribute('aria-checked')) !== value; i++) await w.page.waitForTimeout(100);
      assert.equal(await theme.getAttribute('aria-checked'), value);
    };
    await theme.click();
    await checked('false');
    await widget.locator('.quick-input-left-action-bar .action-label').first().click();
    await widget.locator('input[placeholder^="Which language is the strategy written in?"]').waitFor();
    await input.press('Enter');
    await widget.locator('input[placeholder^="Which themes?"]').waitFor();
    await checked('false');
    await theme.click();
    await checked('true');
    await input.press('Enter');
    await w.page.locator('.quick-input-widget', { hasText: 'Title of the strategy' }).waitFor();
    // The title is proposed in the guide's language, Danish, whatever the interface speaks.
    assert.equal(await input.inputValue(), 'Strategi for sociale medier');
    await input.fill('Strategi 2027');
    await input.press('Enter');
    await w.page.locator('.quick-input-widget', { hasText: 'Organisation' }).waitFor();
    await input.fill('Testkommune');
    await input.press('Enter');
    await w.page.locator('.quick-input-widget', { hasText: 'Where to save it' }).waitFor();
    assert.equal(await input.inputValue(), 'strategy/strategi-2027-2.md');
    // Checked as typed, before Enter: outside the folder, and a name that is taken.
    await input.fill('../outside.md');
    await w.page.locator('.quick-input-widget', { hasText: 'The document must be inside' }).waitFor();
    await input.press('Enter');
    await input.fill('strategy/strategi-2027.md');
    await w.page.locator('.quick-input-widget', { hasText: 'strategy/strategi-2027.md already exists: choose another name, such as strategy/strategi-2027-2.md.' }).waitFor();
    await input.fill('strategy/strategi-2027-2.md');
    await input.press('Enter');
    await w.page.locator('.tab', { hasText: 'strategi-2027-2.md' }).waitFor({ timeout: 20_000 });
    assert.throws(() => readFileSync(join(w.workspace, '..', 'outside.md')));
    assert.equal(readFileSync(join(w.workspace, 'strategy', 'strategi-2027.md'), 'utf8'), 'Mine egne noter\n');
    const written = readFileSync(join(w.workspace, 'strategy', 'strategi-2027-2.md'), 'utf8');
    assert.match(written, /^---\ntitle: "Strategi 2027"\norganisation: "Testkommune"\nguide: "sociale-medier-i-lokalpolitikken"/);
    assert.match(written, /### Hvilke sociale medier anvender I\?\n\n<!-- dialogue-guide: sociale-medier\/platforme -->/);
    assert.doesNotMatch(written, /^themes:/m, 'every theme, as ticked again');
  });

  it('counts an answer typed under the first question in the status bar and the tree', async () => {
    const w = workbench();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 0/18' }).waitFor({ timeout: 20_000 });
    // The new document opened with the cursor in the first answer.
    await w.page.keyboard.type('Facebook, LinkedIn og Instagram.');
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/18' }).waitFor({ timeout: 20_000 });
    await w.page.keyboard.press('Control+S');
    const file = join(w.workspace, 'strategy', 'strategi-2027-2.md');
    for (let i = 0; i < 100 && !readFileSync(file, 'utf8').includes('Instagram.'); i++) await w.page.waitForTimeout(100);
    // A blank line on either side of the answer: it touches neither the marker nor the next heading.
    assert.match(readFileSync(file, 'utf8'), /platforme -->\n\nFacebook, LinkedIn og Instagram\.\n\n### /);
    await w.expand('Om at bruge sociale medier');
    await w.page.locator('.part.sidebar').getByRole('treeitem', { name: /1\.1, Platforme, answered/ }).waitFor({ timeout: 20_000 });
    await w.screenshot('strategy');
  });

  it('lands on the section of a question clicked in the tree', async () => {
    const w = workbench();
    await w.expand('Om digital deltagelse');
    await w.treeRow('Grænser for inddragelse').click();
    const lines = readFileSync(join(w.workspace, 'strategy', 'strategi-2027-2.md'), 'utf8').split('\n');
    const marker = lines.indexOf('<!-- dialogue-guide: digital-deltagelse/graenser -->');
    assert.ok(marker > 0);
    // Status bar "Ln N, Col 1": the line after the marker, counted from 1.
    await w.page.locator('[id="status.editor.selection"]', { hasText: `Ln ${marker + 2},` }).waitFor({ timeout: 20_000 });
  });
});

/** A document scaffolded with only the first theme, as `themes:` records it. */
const ONE_THEME = `---
title: "Et tema"
organisation: ""
guide: "sociale-medier-i-lokalpolitikken"
guideVersion: "1.0.0"
language: "da"
status: draft
owners: []
reviewers: []
themes: ["sociale-medier"]
---

# Et tema

## Om at bruge sociale medier

<!-- dialogue-guide: sociale-medier -->

### Hvilke sociale medier anvender I?

<!-- dialogue-guide: sociale-medier/platforme -->

### Hvad bruger I de forskellige sociale medier til?

<!-- dialogue-guide: sociale-medier/formaal -->

### Hvem bliver I inspireret af på sociale medier – både hvad angår form og indhold?

<!-- dialogue-guide: sociale-medier/inspiration -->

### Hvilke overvejelser har I om at være tilstede på sociale medier? Hvor synlige/usynlige ønsker I at være?

<!-- dialogue-guide: sociale-medier/synlighed -->

### Hvordan følger I med i udviklingen på sociale medier?

<!-- dialogue-guide: sociale-medier/udvikling -->

### Hvordan sikrer I en fælles forståelse og anvendelse af sociale medier i organisationen?

<!-- dialogue-guide: sociale-medier/forstaaelse -->
`;

describe('Adding a theme to a document scaffolded without it', () => {
  const workbench = useWorkbench();

  it('offers Add Theme when a question of a left-out theme is clicked, and asks which themes from the Command Palette', async () => {
    const w = workbench();
    mkdirSync(join(w.workspace, 'tema'), { recursive: true });
    writeFileSync(join(w.workspace, 'tema', 'et-tema.md'), ONE_THEME);
    await w.openViewContainer('Dialogue Guide');
    await w.page.keyboard.press('Control+P');
    await w.page.locator('.quick-input-widget input.input').fill('tema/et-tema.md');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'et-tema.md' }).first().click();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 0/6' }).waitFor({ timeout: 30_000 });

    await w.expand('Om digital deltagelse');
    await w.treeRow('Grænser for inddragelse').click();
    const offered = async () => (await w.notifications()).some((m) => m.includes('tema/et-tema.md leaves out the theme "Om digital deltagelse"'));
    for (let i = 0; i < 50 && !(await offered()); i++) await w.page.waitForTimeout(100);
    assert.ok(await offered(), (await w.notifications()).join('\n'));
    // The row's tooltip may still cover the Notification Center: move the pointer off the tree first.
    await w.page.mouse.move(700, 400);
    await w.page.locator('.workbench-hover-container').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await w.page.locator('.notifications-center .monaco-button', { hasText: 'Add Theme…' }).first().click();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 0/11' }).waitFor({ timeout: 20_000 });

    await w.runCommand('dialogueGuide.addTheme', 'Dialogue Guide: Add Theme…');
    const widget = w.page.locator('.quick-input-widget');
    await widget.locator('input[placeholder^="Which themes should"]').waitFor();
    assert.equal(await widget.locator('.monaco-list-row[role="checkbox"]').count(), 2, 'only the themes left out');
    await widget.locator('.monaco-list-row[role="checkbox"]', { hasText: 'Om enkeltsager og helhedshensyn' }).click();
    await widget.locator('input.input').press('Enter');
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 0/14' }).waitFor({ timeout: 20_000 });
    await w.page.locator('.editor-instance .view-line').first().click();
    await w.page.keyboard.press('Control+S');
    const file = join(w.workspace, 'tema', 'et-tema.md');
    for (let i = 0; i < 100 && !readFileSync(file, 'utf8').includes('dialogue-guide: enkeltsager -->'); i++) await w.page.waitForTimeout(100);
    const saved = readFileSync(file, 'utf8');
    assert.match(saved, /^themes: \["sociale-medier", "enkeltsager", "digital-deltagelse"\]$/m);
    assert.ok(saved.indexOf('dialogue-guide: enkeltsager -->') < saved.indexOf('dialogue-guide: digital-deltagelse -->'), 'in guide order');
  });
});
