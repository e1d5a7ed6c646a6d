import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';

/** What scripts/run-e2e.mjs hands the scenarios through the `DG_E2E` environment variable. */
interface E2eSession {
  /** Opens the run's workspace copy with the extension under development loaded. */
  workbenchUrl: string;
  /** The Chromium that the runner launched and closes. */
  wsEndpoint: string;
  /** Absolute path of the workspace copy the workbench has open. */
  workspace: string;
  /** Absolute path of the repository (for test-results/). */
  repo: string;
  /** Where `screenshot()` writes (docs/images/ under `npm run screenshots`); absent, it takes none. */
  screenshotDir?: string;
}

function session(): E2eSession {
  const json = process.env.DG_E2E;
  if (!json) throw new Error('DG_E2E is not set: run the scenarios with `npm run test:e2e`.');
  return JSON.parse(json) as E2eSession;
}

/** A VS Code window in Chromium, with the helpers a scenario needs to use it as a person would. */
export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    readonly workspace: string,
    /** The repository, for test-results/ and the fixtures a scenario copies in. */
    readonly repo: string,
    private readonly screenshotDir: string | undefined,
  ) {}

  /** Opens a fresh window (its own browser context and extension host) and waits for the workbench. */
  static async open(): Promise<Workbench> {
    const { workbenchUrl, wsEndpoint, workspace, repo, screenshotDir } = session();
    // A connection of its own: an open one would keep mocha's process from exiting.
    const browser = await chromium.connect(wsEndpoint);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const workbench = new Workbench(browser, page, workspace, repo, screenshotDir);
    try {
      await page.goto(workbenchUrl);
      await page.locator('.monaco-workbench .part.activitybar').waitFor();
    } catch (error) {
      await workbench.saveFailure('workbench-did-not-open').catch(() => undefined);
      await workbench.close();
      throw error;
    }
    return workbench;
  }

  /** Shows a view container by clicking its activity-bar item (unless it is already showing). */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item:has([aria-label^="${title}"])`);
    // Clicking the item of the container already showing would hide the side bar.
    if (!(await item.evaluate((element) => element.classList.contains('checked')))) {
      await item.click();
    }
    await this.page.locator('.part.sidebar').waitFor();
  }

  /**
   * Picks the guide's language with the Questions view's title-bar button, as a person would (the
   * picker names languages in the interface's language: English here).
   */
  async switchLanguage(language: 'English' | 'Danish'): Promise<void> {
    await this.openViewContainer('Dialogue Guide');
    // Title-bar actions show while the pointer is over the view.
    await this.page.locator('.part.sidebar .pane-header', { hasText: 'Questions' }).hover();
    await this.page.locator('.part.sidebar .action-label[aria-label^="Switch Guide Language"]').click();
    const input = this.page.locator('.quick-input-widget input.input');
    await input.fill(language);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: language }).waitFor();
    await input.press('Enter');
  }

  /** The side bar's tree row whose accessible name contains `label`. */
  treeRow(label: string): Locator {
    return this.page.locator('.part.sidebar').getByRole('treeitem', { name: label });
  }

  /**
   * Expands a collapsed tree row by clicking it, as a person would; a row that is already open is
   * left alone (the tree may have opened it itself while following the editor's cursor).
   */
  async expand(label: string): Promise<void> {
    const row = this.treeRow(label);
    const open = this.page.locator('.part.sidebar').getByRole('treeitem', { name: label, expanded: true });
    await row.waitFor();
    // The tree may open the row itself between the look and the click, which then closes it again:
    // so look and click again, a few times, before waiting the whole timeout.
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      if (await open.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return;
    }
    await open.waitFor();
  }

  /** Runs a command from the Command Palette, picking it by id so that no similar command is chosen. */
  async runCommand(id: string, title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').fill(`>${title}`);
    await this.page.locator(`.quick-input-list [data-quick-input-id="${id}"]`).click();
  }

  /** The content frame of the webview that is showing. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /**
   * The messages in the Notification Center. Under the smoke-test driver, toasts are not shown,
   * so this opens the center.
   */
  async notifications(): Promise<string[]> {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible())) await this.page.locator('[id="status.notifications"]').click();
    await center.waitFor();
    return center.locator('.notification-list-item-message').allInnerTexts();
  }

  /**
   * Saves a screenshot of the window as docs/images/<name>.png (for the README) when the run takes
   * screenshots (`npm run screenshots`); in `npm test` it does nothing, so the committed pictures stay.
   */
  async screenshot(name: string): Promise<void> {
    if (this.screenshotDir) await this.saveScreenshot(this.screenshotDir, name);
  }

  /** Keeps a screenshot of a failed scenario in test-results/. */
  async saveFailure(title: string): Promise<void> {
    await this.saveScreenshot(join(this.repo, 'test-results'), `e2e-${title.replace(/[^\w-]+/g, '-')}`);
  }

  /** Closes the window and this connection to the runner's Chromium. */
  async close(): Promise<void> {
    await this.browser.close();
  }

  private async saveScreenshot(dir: string, name: string): Promise<void> {
    mkdirSync(dir, { recursive: true });
    // Off every control, so that no hover is in the picture.
    await this.page.mouse.move(640, 790);
    await this.page.locator('.workbench-hover-container').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await this.page.screenshot({ path: join(dir, `${name}.png`) });
  }
}

/**
 * Opens a workbench for the enclosing `describe` and closes it afterwards, keeping a screenshot
 * of every failed test. Returns a getter, as the window exists only once `before` has run.
 */
export function useWorkbench(): () => Workbench {
  let workbench: Workbench | undefined;
  before(async () => {
    workbench = await Workbench.open();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.saveFailure(this.currentTest.fullTitle());
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('The workbench did not open; see the before-all hook.');
    return workbench;
  };
}
