import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

interface CodeServer {
  readonly origin: string;
  stop(): Promise<void>;
}
interface CodeServerModule {
  startCodeServer(options: { paths: unknown; workspace: string; install: string[] }): Promise<CodeServer>;
}

const session = JSON.parse(process.env.DG_E2E ?? '{}') as { wsEndpoint: string; workspace: string; repo: string; screenshotDir?: string };

/**
 * Packages the extension as `npm run package` does, from a staging copy of the files the package
 * takes, so the build the other scenarios use is left alone (vsce would run vscode:prepublish).
 */
function packageVsix(repo: string, folder: string): string {
  const stage = join(folder, 'stage');
  mkdirSync(stage);
  for (const entry of ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'content', 'media', 'l10n', 'docs/images', 'package.nls.json', 'package.nls.da.json']) {
    cpSync(join(repo, entry), join(stage, entry), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const vsix = join(folder, 'dialogue-guide.vsix');
  // The options of `npm run package`, which this checks.
  const packageScript = /vsce package (.*)$/.exec(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts.package as string)![1]!.split(' ');
  execFileSync(process.execPath, [join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', ...packageScript, '--out', vsix], { cwd: stage, stdio: 'pipe' });
  return vsix;
}

describe("The extension's page in the Extensions view", () => {
  let folder: string;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    folder = mkdtempSync(join(tmpdir(), 'dialogue-guide-vsix-'));
    const vsix = packageVsix(session.repo, folder);
    const { provision } = (await import(pathToFileURL(join(session.repo, 'scripts', 'provision.mjs')).href)) as { provision(): Promise<unknown> };
    const { startCodeServer } = (await import(pathToFileURL(join(session.repo, 'scripts', 'code-server.mjs')).href)) as CodeServerModule;
    // A server of its own: the extension installed from the package, not loaded from the repository.
    server = await startCodeServer({ paths: await provision(), workspace: session.workspace, install: [vsix] });
    browser = await chromium.connect(session.wsEndpoint);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(session.workspace)}`);
    await page.locator('.monaco-workbench .part.activitybar').waitFor();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      mkdirSync(join(session.repo, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(session.repo, 'test-results', 'e2e-extension-page.png') }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the README with its pictures from the installed package, offline', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Extensions: Show Installed Extensions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /^Extensions: Show Installed Extensions/ }).first().click();
    await page.locator('.part.sidebar .extension-list-item', { hasText: 'Dialogue Guide' }).first().click();
    const details = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await details.getByRole('heading', { name: 'Dialogue Guide' }).first().waitFor();
    // The page leads with what the extension does, not with how to build it.
    const text = await details.locator('body').innerText();
    assert.ok(text.indexOf('Using it') < text.indexOf('Development'), 'Using it comes before Development');
    const images = details.locator('img');
    assert.ok((await images.count()) >= 3, 'the README has its pictures');
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      const loaded = await image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : new Promise<number>((resolve) => {
        img.addEventListener('load', () => resolve(img.naturalWidth));
        img.addEventListener('error', () => resolve(0));
      })));
      assert.ok(loaded > 0, `${await image.evaluate((img: HTMLImageElement) => img.outerHTML)} loaded`);
    }
    if (session.screenshotDir) {
      await images.first().scrollIntoViewIfNeeded();
      await page.mouse.move(640, 790);
      await page.screenshot({ path: join(session.screenshotDir, 'extension-page.png') });
    }
  });
});
