import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor } from './helpers';

const ID = 'team-guide';

/** Makes `names` below `root` one by one, each once the workspace's watcher has reported the one before. */
async function makeWatchedFolders(root: vscode.Uri, ...names: string[]): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**'));
  try {
    let folder = root;
    for (const name of names) {
      folder = vscode.Uri.joinPath(folder, name);
      const made = folder.toString();
      const seen = new Promise<void>((resolve) => watcher.onDidCreate((uri) => uri.toString() === made && resolve()));
      await vscode.workspace.fs.createDirectory(folder);
      await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error(`The watcher did not report ${name}`)), 5_000))]);
    }
  } finally {
    watcher.dispose();
  }
}

describe('Guides of your own', () => {
  let api: DialogueGuideInternals;
  let root: vscode.Uri;
  let theme: vscode.Uri;

  before(async () => {
    api = await internals();
    root = vscode.workspace.workspaceFolders![0]!.uri;
    // VS Code's file watcher can miss a folder made inside a folder made a moment before (New Guide
    // makes both), and then reports nothing from it. These tests are about this extension, not
    // that: the folders above the guide are made first, one at a time, each once the last is seen.
    await makeWatchedFolders(root, '.dialogue-guide', 'guides');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, '.dialogue-guide'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'team.md'), { useTrash: false }).then(undefined, () => undefined);
  });

  it('writes a starter guide with New Guide… into .dialogue-guide/guides/, where it loads with no finding', async () => {
    theme = (await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.newGuide', { id: ID, title: 'Team guide', language: 'en' }))!;
    assert.equal(vscode.workspace.asRelativePath(theme, false), `.dialogue-guide/guides/${ID}/1-first-theme.md`);
    await waitFor('the guide in the tree', () => api.model.question(ID, 'first-theme/goals'));
    const problems = vscode.languages.getDiagnostics().filter(([uri, diagnostics]) => uri.path.includes('/.dialogue-guide/') && diagnostics.length > 0);
    assert.deepEqual(problems, []);
  });

  it('shows a question added to the guide file on disk in the tree and in the next scaffold, without Reload', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(theme));
    const added = text.replace('    formerIds: []\n', '    formerIds: []\n  - id: "first-theme/budget"\n    label: "Budget"\n    text: "What may it cost?"\n');
    assert.notEqual(added, text);
    await closeAllEditors();
    await vscode.workspace.fs.writeFile(theme, new TextEncoder().encode(added));
    const node = await waitFor('the new question in the tree', () => api.model.question(ID, 'first-theme/budget'));
    assert.equal(node.kind === 'question' && node.number, '1.3');
    const uri = vscode.Uri.joinPath(root, 'team.md');
    await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: ID, title: 'Our strategy', uri: uri.toString() });
    const scaffold = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(scaffold, /### What may it cost\?\n\n<!-- dialogue-guide: first-theme\/budget -->/);
    assert.match(scaffold, /<!-- dialogue-guide: first-theme\/goals -->\n\n<!--\n- Who is it for\?/, 'the follow-up questions under the marker');
  });

  it('shows a question renamed in the editor in the tree once the file is saved', async () => {
    const editor = await vscode.window.showTextDocument(theme);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('    label: "Budget"'));
    assert.ok(line >= 0);
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, '    label: "Costs"'));
    assert.equal(api.model.question(ID, 'first-theme/budget')?.label, 'Budget', 'unsaved, the tree keeps the saved label');
    await editor.document.save();
    await waitFor('the saved label in the tree', () => api.model.question(ID, 'first-theme/budget')?.label === 'Costs');
    await closeAllEditors();
  });

  it('shows a typo typed into an open guide file in Problems on its line, unsaved, and offers the keys', async () => {
    const editor = await vscode.window.showTextDocument(theme);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('    label: "Goals"'));
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 4, line, 9), 'lable'));
    assert.ok(editor.document.isDirty);
    const typo = await waitFor('the unknown key in Problems', () => vscode.languages.getDiagnostics(theme).find((d) => d.code === 'field.unknown'), 5_000);
    assert.equal(typo.range.start.line, line);
    assert.match(typo.message, /Unknown key "lable"/);
    assert.ok(editor.document.isDirty, 'still unsaved');

    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', theme, new vscode.Position(line, 4));
    const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const key of ['label', 'hint', 'probes', 'formerIds']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
    const probes = editor.document.getText().split('\n').findIndex((l) => l.startsWith('    probes:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', theme, new vscode.Position(probes, 6));
    const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hover, /probes/);
    assert.match(hover.replace(/\\(.)/g, '$1'), /Follow-up questions \(optional\)/);

    await editor.edit((edit) => edit.replace(new vscode.Range(line, 4, line, 9), 'label'));
    await waitFor('the typo to leave Problems', () => !vscode.languages.getDiagnostics(theme).some((d) => d.code === 'field.unknown'), 5_000);

    // Typed again and closed without saving: the findings are the saved file's again.
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 4, line, 9), 'lable'));
    await waitFor('the typo in Problems again', () => vscode.languages.getDiagnostics(theme).some((d) => d.code === 'field.unknown'), 5_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the saved file\'s findings', () => !vscode.languages.getDiagnostics(theme).some((d) => d.code === 'field.unknown'));
  });

  it('forgets the guide when .dialogue-guide is deleted outside the editor, as a checkout of another branch does', async () => {
    await closeAllEditors();
    // Not through a workspace edit: only the file watcher hears of this, as of `git checkout` or `rm -r`.
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, '.dialogue-guide'), { recursive: true, useTrash: false });
    await waitFor('the guide to leave the tree', () => api.guides.guide(ID) === undefined && api.model.roots.length === 1, 5_000);
    assert.equal(api.model.roots[0]?.guideId, 'sociale-medier-i-lokalpolitikken');
  });
});
