import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { markerFor } from '../../src/core/strategyDocument';
import { closeAllEditors, EXTENSION_ID, internals, workspaceTempFolder } from './helpers';
import { captureMessages } from './messages';

const GUIDE = 'sociale-medier-i-lokalpolitikken';

type Window = Record<string, (...args: unknown[]) => Thenable<unknown>>;

/**
 * Answers the window's `name` with `answer` while `action` runs, recording what it was asked. The
 * extension and the tests share one `vscode` API object, so the extension's calls reach the stand-in.
 */
async function answering<T>(name: string, answer: (...args: unknown[]) => unknown, action: () => Thenable<T>): Promise<{ result: T; asked: unknown[][] }> {
  const window = vscode.window as unknown as Window;
  const original = window[name]!;
  const asked: unknown[][] = [];
  window[name] = (...args: unknown[]) => {
    asked.push(args);
    return Promise.resolve(answer(...args));
  };
  try {
    return { result: await action(), asked };
  } finally {
    window[name] = original;
  }
}

/** A new strategy document at `uri`, with `answer` under the question of which platforms are used, saved. */
async function answeredDocument(uri: vscode.Uri, title: string, answer: string): Promise<void> {
  await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, title, organisation: 'Eksempel Kommune', uri: uri.toString() });
  const opened = await vscode.workspace.openTextDocument(uri);
  const line = opened.getText().split('\n').indexOf(markerFor('sociale-medier/platforme'));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(line + 1, 0), `\n${answer}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await opened.save();
}

describe('Export Strategy Document', function () {
  this.timeout(60_000);
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;
  let document: vscode.Uri;

  before(async () => {
    await internals();
    folder = await workspaceTempFolder();
    document = vscode.Uri.joinPath(folder, 'strategi.md');
    await answeredDocument(document, 'Vores strategi', 'Vi bruger **Facebook** og LinkedIn.');
  });

  after(async () => {
    await closeAllEditors();
    await folder.dispose();
  });

  it('writes the Word file the save dialog chose, proposing the document\'s name, and leaves the document as it was', async () => {
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(document));
    const chosen = vscode.Uri.joinPath(folder, 'til-udvalget.docx');
    const picks = await answering(
      'showQuickPick',
      (items) => (items as { format: string; withChanges: boolean }[]).find((i) => i.format === 'docx' && !i.withChanges),
      () => answering('showSaveDialog', () => chosen, () => vscode.commands.executeCommand<vscode.Uri | undefined>('dialogueGuide.exportDocument', document)),
    );
    const { result: written, asked: dialogs } = picks.result;
    assert.equal(written?.toString(), chosen.toString());
    const proposed = (dialogs[0]![0] as vscode.SaveDialogOptions).defaultUri;
    assert.equal(proposed?.path, vscode.Uri.joinPath(folder, 'strategi.docx').path, 'the dialog proposes the document\'s name');
    const bytes = await vscode.workspace.fs.readFile(chosen);
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK', 'a zip, as a .docx is');
    assert.ok(new TextDecoder('latin1').decode(bytes).includes('word/document.xml'));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(document)), before);
    const files = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
    assert.deepEqual(files, ['strategi.md', 'til-udvalget.docx'], 'no temporary file is left');
  });

  it('asks before replacing a file, and leaves it alone when the answer is no', async () => {
    const target = vscode.Uri.joinPath(folder, 'strategi.html');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('mit eget'));
    const refused = await answering('showWarningMessage', () => undefined, () => vscode.commands.executeCommand<vscode.Uri | undefined>('dialogueGuide.exportDocument', document, { format: 'html', target }));
    assert.equal(refused.result, undefined);
    assert.match(String(refused.asked[0]?.[0]), /strategi\.html/);
    assert.deepEqual(refused.asked[0]?.[1], { modal: true });
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'mit eget');

    const replaced = await answering('showWarningMessage', (_message, _options, replace) => replace, () => vscode.commands.executeCommand<vscode.Uri | undefined>('dialogueGuide.exportDocument', document, { format: 'html', target }));
    assert.equal(replaced.result?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="da-DK">/);
    assert.match(html, /<strong>Facebook<\/strong>/);
  });

  it('never writes over the strategy document, however its path is spelt, nor over a folder', async () => {
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(document));
    const spelt = document.with({ path: document.path.replace(/\/strategi\.md$/, '/./sub/../strategi.md') });
    const itself = await captureMessages(() => answering('showWarningMessage', (_message, _options, replace) => replace, () => vscode.commands.executeCommand('dialogueGuide.exportDocument', document, { format: 'html', target: spelt })));
    assert.deepEqual(itself.map((m) => m.message), ['An export cannot be saved over the strategy document itself.']);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(document)), before);

    const precious = vscode.Uri.joinPath(folder, 'precious');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(precious, 'keep.txt'), new TextEncoder().encode('behold'));
    const onFolder = await captureMessages(() => answering('showWarningMessage', (_message, _options, replace) => replace, () => vscode.commands.executeCommand('dialogueGuide.exportDocument', document, { format: 'html', target: precious })));
    assert.match(onFolder.map((m) => m.message).join('\n'), /precious is not a file/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(precious, 'keep.txt'))), 'behold');
    await vscode.workspace.fs.delete(precious, { recursive: true });
  });

  it('takes only well-typed options from a caller: an unknown format or a target that is no URI is asked for instead', async () => {
    const asked = await answering('showQuickPick', () => undefined, () => vscode.commands.executeCommand('dialogueGuide.exportDocument', document, { format: '__proto__', target: 'not a uri' }));
    assert.equal(asked.result, undefined);
    assert.equal(asked.asked.length, 1, 'the format list was shown');
    const labels = (asked.asked[0]![0] as vscode.QuickPickItem[]).map((i) => `${i.label}: ${i.detail ?? ''}`);
    assert.ok(labels.some((l) => l.startsWith('Tagged PDF (.pdf): For the agenda system')), labels.join('\n'));
  });

  it('exports a tagged PDF through the lazily loaded exporter', async () => {
    const target = vscode.Uri.joinPath(folder, 'strategi.pdf');
    const shown = await captureMessages(() => vscode.commands.executeCommand('dialogueGuide.exportDocument', document, { format: 'pdf', target }));
    const text = new TextDecoder('latin1').decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^%PDF-1\.7/);
    assert.match(text, /\/StructTreeRoot/);
    assert.deepEqual(shown.map((m) => m.severity), ['info']);
  });

  it('warns after a PDF of characters its fonts cannot draw, naming the question, and refuses a file name of another format', async () => {
    const emoji = vscode.Uri.joinPath(folder, 'fest.md');
    await answeredDocument(emoji, 'Fest', 'Vi fejrer det 🎉.');
    const target = vscode.Uri.joinPath(folder, 'fest.pdf');
    const shown = await captureMessages(() => vscode.commands.executeCommand('dialogueGuide.exportDocument', emoji, { format: 'pdf', target }));
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0]!.severity, 'warning');
    assert.match(shown[0]!.message, /^Exported .*fest\.md to .*fest\.pdf\. .*fest\.md:\d+: The answer to 1\.1 .+ cannot draw: 🎉 \(U\+1F389\)/);
    assert.match(new TextDecoder('latin1').decode(await vscode.workspace.fs.readFile(target)), /^%PDF-1\.7/);

    const misnamed = vscode.Uri.joinPath(folder, 'fest.docx');
    const refused = await captureMessages(() => vscode.commands.executeCommand('dialogueGuide.exportDocument', emoji, { format: 'pdf', target: misnamed }));
    assert.deepEqual(refused.map((m) => m.severity), ['error']);
    assert.match(refused[0]!.message, /fest\.docx names a \.docx file, but the export is pdf/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(misnamed)), 'nothing was written');
  });

  it('writes the same bytes as dialogue-guide export for the same document, in every format', async () => {
    const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    for (const format of ['docx', 'pdf', 'html'] as const) {
      const target = vscode.Uri.joinPath(folder, `editor.${format}`);
      await captureMessages(() => vscode.commands.executeCommand('dialogueGuide.exportDocument', document, { format, target }));
      // On the desktop the extension host's executable is Electron's, which runs a script as Node only when told.
      execFileSync(process.execPath, [cli, 'export', document.fsPath, '--format', format, '--out', join(folder.fsPath, `cli.${format}`)], { stdio: 'pipe', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      const editor = await vscode.workspace.fs.readFile(target);
      const fromCli = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, `cli.${format}`));
      assert.ok(editor.length > 0 && Buffer.from(editor).equals(Buffer.from(fromCli)), `${format}: the editor's and the CLI's files are byte for byte the same`);
    }
  });
});
