import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWorkbench } from './workbench';

const DOCUMENT = `---
title: "Review"
organisation: ""
guide: "sociale-medier-i-lokalpolitikken"
guideVersion: "1.0.0"
language: "da"
status: draft
owners: []
reviewers: []
themes: ["sociale-medier"]
---

# Review

## Om at bruge sociale medier

<!-- dialogue-guide: sociale-medier -->

### Hvilke sociale medier anvender I?

<!-- dialogue-guide: sociale-medier/platforme -->

Facebook.

### Hvad bruger I de forskellige sociale medier til?

<!-- dialogue-guide: sociale-medier/formaal -->

`;

describe('Reviewing answers against a Git base', () => {
  before(function () {
    // The run's workspace copy becomes a repository with one committed answer, before the window opens.
    const workspace = JSON.parse(process.env.DG_E2E ?? '{}').workspace as string;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8' });
    if (!existsSync(join(workspace, '.git'))) {
      git('init', '-q', '-b', 'main');
      git('config', 'user.email', 'e2e@example.invalid');
      git('config', 'user.name', 'E2E');
    }
    mkdirSync(join(workspace, 'review'), { recursive: true });
    writeFileSync(join(workspace, 'review', 'review.md'), DOCUMENT);
    git('add', '-A');
    git('commit', '-q', '-m', 'Answers to review');
    // A colleague's branch, a tag, and a remote: the bases a reviewer chooses among.
    git('branch', '-f', 'kollega/svar');
    git('tag', '-f', 'v1.0');
    const origin = mkdtempSync(join(tmpdir(), 'dg-e2e-origin-'));
    execFileSync('git', ['clone', '-q', workspace, origin]);
    execFileSync('git', ['branch', 'udkast'], { cwd: origin });
    if (!git('remote').split('\n').includes('origin')) git('remote', 'add', 'origin', origin);
    else git('remote', 'set-url', 'origin', origin);
    git('fetch', '-q', 'origin');
  });

  const workbench = useWorkbench();

  it('marks a changed answer in the tree and opens its diff', async () => {
    const w = workbench();
    await w.openViewContainer('Dialogue Guide');
    await w.page.keyboard.press('Control+P');
    await w.page.locator('.quick-input-widget input.input').fill('review/review.md');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'review.md' }).first().click();
    await w.page.locator('.statusbar-item', { hasText: 'Strategy 1/6' }).waitFor({ timeout: 30_000 });
    await w.page.locator('.view-line', { hasText: 'Facebook.' }).click();
    await w.page.keyboard.press('End');
    await w.page.keyboard.type(' Og LinkedIn.');

    await w.expand('Om at bruge sociale medier');
    const row = w.page.locator('.part.sidebar').getByRole('treeitem', { name: /1\.1, Platforme, answered, changed/ });
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    // The click opens the question's quotes beside the editor; once they show, the panel no longer takes focus from the palette.
    await w.webview().getByText('Question 1.1').waitFor({ timeout: 20_000 });
    await w.runCommand('dialogueGuide.compareWithBase', 'Dialogue Guide: Show Answer Changes');
    const diff = w.page.locator('.monaco-diff-editor');
    await diff.waitFor({ timeout: 20_000 });
    await diff.locator('.editor.original .view-line', { hasText: 'Facebook.' }).waitFor();
    await diff.locator('.editor.modified .view-line', { hasText: 'Facebook. Og LinkedIn.' }).waitFor();
    assert.equal(await w.page.locator('.tab.active', { hasText: 'Platforme' }).count(), 1);
    await w.screenshot('review');
  });

  it('chooses a colleague\'s branch as the base without touching the settings file', async () => {
    const w = workbench();
    const settings = join(w.workspace, '.vscode', 'settings.json');
    const before = existsSync(settings) ? readFileSync(settings, 'utf8') : undefined;
    await w.openViewContainer('Dialogue Guide');
    await w.page.keyboard.press('Control+P');
    await w.page.locator('.quick-input-widget input.input').fill('review/review.md');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'review.md' }).first().click();
    await w.page.locator('.part.sidebar .pane-header', { hasText: /since HEAD/ }).waitFor({ timeout: 30_000 });
    await w.runCommand('dialogueGuide.pickReviewBase', 'Dialogue Guide: Choose Review Base');
    const rows = w.page.locator('.quick-input-list .monaco-list-row');
    for (const name of ['HEAD', 'main', 'kollega/svar', 'v1.0', 'origin/main', 'origin/udkast']) {
      await rows.filter({ has: w.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`) }) }).first().waitFor({ timeout: 20_000 });
    }
    await w.page.locator('.quick-input-widget input').fill('kollega/svar');
    await rows.filter({ hasText: 'kollega/svar' }).first().click();
    await w.page.locator('.part.sidebar .pane-header', { hasText: /since kollega\/svar/ }).waitFor({ timeout: 20_000 });
    assert.equal(existsSync(settings) ? readFileSync(settings, 'utf8') : undefined, before);
  });
});
