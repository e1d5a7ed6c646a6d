import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dialogue-guide.dialogue-guide';

interface Contribution {
  id: string;
}

/** The parts of package.json's `contributes` that these tests hold the running extension to. */
interface Contributes {
  commands?: { command: string }[];
  viewsContainers?: Record<string, Contribution[]>;
  views?: Record<string, Contribution[]>;
}

describe('Activation', () => {
  let extension: vscode.Extension<unknown>;
  let contributes: Contributes;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded in the extension host`);
    extension = found;
    // Read from disk rather than `packageJSON`, so the test checks the file we ship.
    const manifest = JSON.parse(await readFile(join(extension.extensionPath, 'package.json'), 'utf8'));
    contributes = manifest.contributes ?? {};
    await extension.activate();
  });

  it('activates without throwing', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = (contributes.commands ?? []).map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed but never registered');
  });

  it('declares at least one view', () => {
    assert.ok(allOf(contributes.views).length > 0, 'package.json contributes no view');
  });

  it('opens every view container that package.json declares', async () => {
    for (const container of allOf(contributes.viewsContainers)) {
      await vscode.commands.executeCommand(`workbench.view.extension.${container.id}`);
    }
  });

  it('focuses every view that package.json declares', async () => {
    for (const view of allOf(contributes.views)) {
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
  });
});

/** Every entry of a contribution point keyed by location (activitybar, panel, explorer, …). */
function allOf(byLocation: Record<string, Contribution[]> | undefined): Contribution[] {
  return Object.values(byLocation ?? {}).flat();
}
