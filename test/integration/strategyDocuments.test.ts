import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findGuideEntry, inLanguage } from '../../src/core/guide';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor, workspaceTempFolder } from './helpers';

const GUIDE = 'sociale-medier-i-lokalpolitikken';

describe('Strategy documents', () => {
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;

  before(async () => {
    api = await internals();
    folder = await workspaceTempFolder();
  });

  after(async () => {
    await closeAllEditors();
    await folder.dispose();
  });

  /** Scaffolds a document through the command, as a keybinding or task would. */
  async function scaffold(name: string, themes?: string[]): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(folder, name);
    const created = await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.newStrategyDocument', { guide: GUIDE, themes, title: 'Strategi for sociale medier', organisation: 'Eksempel Kommune', uri: uri.toString() });
    assert.equal(created?.toString(), uri.toString());
    return uri;
  }

  /** Inserts `answer` on the blank line after a question's marker, without saving. */
  async function answer(uri: vscode.Uri, questionId: string, text: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').indexOf(markerFor(questionId));
    assert.ok(line >= 0, `${questionId} has a marker`);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(line + 1, 0), `\n${text}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }

  it('scaffolds exactly the core scaffold and opens it with the cursor in the first answer', async () => {
    const uri = await scaffold('fuld.md');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const guide = api.guides.guide(GUIDE)!;
    assert.equal(written, scaffoldStrategyDocument(guide, { title: 'Strategi for sociale medier', organisation: 'Eksempel Kommune' }));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const lines = editor!.document.getText().split('\n');
    const marker = lines.indexOf(markerFor('sociale-medier/platforme'));
    const cursor = editor!.selection.active.line;
    assert.equal(cursor, marker + 2, `cursor on line ${cursor}, marker on ${marker}`);
    // A blank line on either side: what is typed touches neither the marker nor the next heading.
    assert.deepEqual(lines.slice(cursor - 1, cursor + 3), ['', '', '', `### ${guide.themes[0]!.questions[1]!.text}`]);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor!.document.getText(), written, 'the room to type is one undo, and the file stays the scaffold');
  });

  it('refuses a relative uri argument that leads outside the workspace folder', async () => {
    await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, title: 'Ude', uri: '../outside.md' })), /leads outside the workspace folder/);
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    await assert.rejects(() => Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '..', 'outside.md'))));
  });

  it('never overwrites an existing file', async () => {
    const uri = vscode.Uri.joinPath(folder, 'findes.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Mine egne noter\n'));
    await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, title: 'X', uri: uri.toString() })), /already exists/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), 'Mine egne noter\n');
  });

  it('resolves a relative uri argument in the workspace folder, as a task would pass it', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const relative = vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, 'relativ.md'), false);
    const created = await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.newStrategyDocument', { guide: GUIDE, title: 'Relativ', uri: relative });
    assert.equal(created?.toString(), vscode.Uri.joinPath(root, relative).toString());
    await vscode.workspace.fs.stat(created!);
  });

  it('rejects an unknown guide or language with the words the CLI uses', async () => {
    const create = (args: object) => Promise.resolve(vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { title: 'X', uri: vscode.Uri.joinPath(folder, 'nope.md').toString(), ...args }));
    await assert.rejects(() => create({ guide: 'nope' }), /There is no guide "nope"\. Guides: /);
    await assert.rejects(() => create({ guide: GUIDE, language: 'sv' }), new RegExp(`The guide "${GUIDE}" is not in "sv"\\. Languages: da, en`));
  });

  it('scaffolds in the language asked for, numbered as the original', async () => {
    const uri = vscode.Uri.joinPath(folder, 'english.md');
    await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, language: 'en', title: 'Our strategy', uri: uri.toString() });
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const english = inLanguage(findGuideEntry(api.guides.entries, GUIDE)!, 'en');
    assert.equal(written, scaffoldStrategyDocument(english, { title: 'Our strategy', organisation: '' }));
    assert.match(written, /^language: "en"$/m);
  });

  it('tracks answers as they are typed: tree marks, counts and diagnostics', async () => {
    const uri = await scaffold('svar.md');
    await waitFor('the document to be analysed', () => api.documents.get(uri)?.analysis.total === 18);
    assert.equal(api.documents.get(uri)!.analysis.answered, 0);
    const unanswered = () => vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'question.unanswered');
    await waitFor('18 unanswered diagnostics', () => unanswered().length === 18);

    await answer(uri, 'sociale-medier/platforme', 'Facebook, LinkedIn og Instagram.');
    await waitFor('one answer', () => api.documents.get(uri)?.analysis.answered === 1);
    const node = api.model.question(GUIDE, 'sociale-medier/platforme');
    assert.equal(node?.kind, 'question');
    await waitFor('the tree mark', () => node?.kind === 'question' && api.model.marks(node).answer === 'answered');
    assert.equal(api.model.answered(api.model.roots[0]!.children[0]!), 1);
    await waitFor('17 unanswered diagnostics', () => unanswered().length === 17);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.ok(document.isDirty, 'tracked without saving');
  });

  it('stops following a document edited into one that is no strategy document: no marks, no count', async () => {
    const uri = await scaffold('bliver-noter.md');
    await answer(uri, 'sociale-medier/platforme', 'Facebook.');
    await waitFor('the answer to count', () => api.documents.active?.uri.toString() === uri.toString() && api.documents.active.analysis.answered === 1);
    const node = api.model.question(GUIDE, 'sociale-medier/platforme');
    assert.equal(node?.kind, 'question');
    await waitFor('the tree mark', () => node?.kind === 'question' && api.model.marks(node).answer === 'answered');
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), 'Bare noter.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the document to be forgotten', () => api.documents.active === undefined);
    await waitFor('the tree marks to clear', () => node?.kind === 'question' && api.model.marks(node).answer === undefined);
    assert.equal(api.model.answered(api.model.roots[0]!.children[0]!), undefined);
  });

  it('reports a duplicate marker and conflict markers with their exact lines', async () => {
    const uri = await scaffold('problemer.md', ['samspil']);
    const document = await vscode.workspace.openTextDocument(uri);
    const lines = document.getText().split('\n');
    const marker = lines.indexOf(markerFor('samspil/behov'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(lines.length - 1, 0), `\n${markerFor('samspil/behov')}\n\n<<<<<<< HEAD\nvores svar\n=======\nderes svar\n>>>>>>> gren\n`);
    await vscode.workspace.applyEdit(edit);
    const duplicate = await waitFor('the duplicate marker', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'marker.duplicate'));
    assert.equal(duplicate.range.start.line, lines.length);
    assert.match(duplicate.message, new RegExp(`line ${marker + 1}`));
    const conflicts = vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'document.conflict');
    assert.deepEqual(conflicts.map((d) => d.range.start.line), [lines.length + 2, lines.length + 4, lines.length + 6]);
    assert.ok(conflicts.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  it("restores a question's heading turned into bold text with the quick fix, and the warning goes", async () => {
    const uri = await scaffold('fed.md', ['samspil']);
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const marker = original.split('\n').indexOf(markerFor('samspil/behov'));
    const heading = original.split('\n')[marker - 2]!;
    assert.match(heading, /^### /);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(marker - 2, 0, marker - 2, heading.length), `**${heading.slice(4)}**`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const warning = await waitFor('the missing heading warning', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'marker.noHeading'));
    assert.equal(warning.range.start.line, marker);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range);
    const fix = actions.find((a) => a.title === "Restore the question's heading");
    assert.ok(fix?.command, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    assert.equal(document.getText(), original, 'the heading is back as it was');
    await waitFor('the warning to clear', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'marker.noHeading'));
  });

  it('adds missing sections without touching unsaved answers, and refuses on conflict markers', async () => {
    const uri = vscode.Uri.joinPath(folder, 'sync.md');
    const guide = api.guides.guide(GUIDE)!;
    const full = scaffoldStrategyDocument(guide, { title: 'Sync', organisation: '' });
    // The document of an older guide version: one question's section is not there yet.
    const old = full.replace(`### ${guide.themes[1]!.questions[1]!.text}\n\n${markerFor('enkeltsager/fokus')}\n\n`, '');
    assert.notEqual(old, full);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(old));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await answer(uri, 'enkeltsager/erfaringer', 'Ja, om skolelukninger.');
    await waitFor('the missing question to be flagged', () => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'question.missing'));

    assert.equal(await vscode.commands.executeCommand('dialogueGuide.syncDocument', uri), true);
    const text = document.getText();
    assert.ok(text.includes('Ja, om skolelukninger.'), 'the unsaved answer is kept');
    assert.ok(text.includes(markerFor('enkeltsager/fokus')), 'the missing section is added');
    assert.ok(text.indexOf(markerFor('enkeltsager/erfaringer')) < text.indexOf(markerFor('enkeltsager/fokus')));
    assert.ok(text.indexOf(markerFor('enkeltsager/fokus')) < text.indexOf(markerFor('enkeltsager/helhedshensyn')), 'in guide order');
    assert.ok(document.isDirty, 'the edit is applied to the open document, not written behind it');
    await waitFor('the flag to clear', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'question.missing'));

    const conflicted = vscode.Uri.joinPath(folder, 'konflikt.md');
    const withConflict = old.replace(markerFor('enkeltsager/erfaringer'), `${markerFor('enkeltsager/erfaringer')}\n\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> gren`);
    await vscode.workspace.fs.writeFile(conflicted, new TextEncoder().encode(withConflict));
    const conflictDocument = await vscode.workspace.openTextDocument(conflicted);
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.syncDocument', conflicted), false);
    assert.equal(conflictDocument.getText(), withConflict, 'nothing was changed');
  });

  it('goes to the next unanswered question and reveals a question from the tree', async () => {
    const uri = await scaffold('navigation.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const lines = document.getText().split('\n');
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitFor('the active document', () => api.documents.active?.uri.toString() === uri.toString());
    await vscode.commands.executeCommand('dialogueGuide.nextUnanswered');
    const first = lines.indexOf(markerFor('sociale-medier/platforme'));
    // The new document's first answer has room to type, between blank lines, where it opened.
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, first + 2);
    await vscode.commands.executeCommand('dialogueGuide.nextUnanswered');
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, lines.indexOf(markerFor('sociale-medier/formaal')) + 1);

    const node = api.model.question(GUIDE, 'samspil/behov');
    await vscode.commands.executeCommand('dialogueGuide.goToSection', node);
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, lines.indexOf(markerFor('samspil/behov')) + 1);
  });

  it('puts "Show quotes" above every question heading and the theme\'s quotes in a hover', async () => {
    const uri = await scaffold('linser.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor('the document to be parsed', () => api.documents.get(uri)?.analysis.total === 18);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = lenses.filter((l) => l.command?.command === 'dialogueGuide.showQuotes');
    assert.equal(ours.length, 18);
    const heading = document.getText().split('\n').indexOf('### Går der en grænse for, hvad man kan involvere borgerne i via sociale medier? Hvis ja, hvor går grænsen?');
    assert.ok(ours.some((l) => l.range.start.line === heading && (l.command!.arguments![0] as { questionId: string }).questionId === 'digital-deltagelse/graenser'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(heading, 5));
    // appendText keeps spaces as &nbsp;: compare the text as it reads.
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
    assert.match(text, /Folk vil gerne aktiveres\./);
    assert.match(text, /Kommunalpolitiker, efteråret 2021/);
  });

  it('selects the question being edited in the tree as the cursor moves', async () => {
    const uri = await scaffold('markør.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('workbench.view.extension.dialogueGuide');
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the active document', () => api.documents.active?.uri.toString() === uri.toString());
    const line = document.getText().split('\n').indexOf(markerFor('enkeltsager/helhedshensyn')) + 1;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await waitFor('the tree to follow', () => {
      const selected = api.view.selection[0];
      return selected?.kind === 'question' && selected.questionId === 'enkeltsager/helhedshensyn';
    });
  });

  it('adds a theme left out when scaffolding, as one undoable edit, and drops themes: once all are in', async () => {
    const uri = await scaffold('temaer.md', ['sociale-medier', 'samspil']);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await answer(uri, 'samspil/behov', 'Et fælles overblik.');
    const before = document.getText();
    const themes = api.guides.guide(GUIDE)!.themes;
    const chosen = themes[0]!.questions.length + themes[3]!.questions.length;
    await waitFor('the document to be analysed', () => api.documents.get(uri)?.analysis.total === chosen);
    // Add Missing Questions has nothing to add: the themes left out are Add Theme's.
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.syncDocument', uri), true);
    assert.equal(document.getText(), before);

    assert.equal(await vscode.commands.executeCommand('dialogueGuide.addTheme', uri, ['digital-deltagelse']), true);
    const text = document.getText();
    assert.match(text, /^themes: \["sociale-medier", "digital-deltagelse", "samspil"\]$/m);
    assert.ok(text.includes('Et fælles overblik.'), 'the unsaved answer is kept');
    assert.ok(text.indexOf(markerFor('samspil')) > text.indexOf(markerFor('digital-deltagelse/graenser')), 'in guide order');
    await waitFor('the new theme to count', () => api.documents.get(uri)?.analysis.total === chosen + themes[2]!.questions.length);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before, 'one undo takes back the list and the sections');

    await vscode.commands.executeCommand('redo');
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.addTheme', uri, ['enkeltsager']), true);
    assert.doesNotMatch(document.getText(), /^themes:/m);
    await waitFor('every question to count', () => api.documents.get(uri)?.analysis.total === 18);
    assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => d.code === 'question.missing'));
  });

  it('records the newer guide version in the same undoable edit that adds its questions', async () => {
    const uri = vscode.Uri.joinPath(folder, 'version.md');
    const guide = api.guides.guide(GUIDE)!;
    const full = scaffoldStrategyDocument(guide, { title: 'Version', organisation: '' });
    const old = full.replace(`### ${guide.themes[1]!.questions[1]!.text}\n\n${markerFor('enkeltsager/fokus')}\n\n`, '').replace(`guideVersion: "${guide.version}"`, 'guideVersion: "0.9.0"');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(old));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.syncDocument', uri), true);
    assert.equal(document.getText(), full);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), old);
  });

  it('keeps following the last strategy document, and its saved problems, when its editor is closed', async () => {
    await closeAllEditors();
    const uri = vscode.Uri.joinPath(folder, 'lukket.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Lukket', organisation: '' })));
    // Opened as a person opens it: through the workbench, so closing the editor closes the document.
    await vscode.commands.executeCommand('vscode.open', uri);
    await waitFor('the active document', () => api.documents.active?.uri.toString() === uri.toString());
    await waitFor('its problems', () => vscode.languages.getDiagnostics(uri).length === 18);
    await closeAllEditors();
    await waitFor('the document to be closed', () => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 15_000);
    await waitFor('the saved version to be read', () => api.documents.get(uri)?.version === undefined && api.documents.get(uri));
    assert.equal(api.documents.active?.uri.toString(), uri.toString(), 'the tree follows it still');
    assert.equal(api.documents.active?.analysis.total, 18);
    assert.ok(api.view.message?.includes('0/18'), api.view.message);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(vscode.languages.getDiagnostics(uri).length, 18, 'the Problems panel keeps its saved findings');
  }).timeout(30_000);

  it('forgets a deleted document: no longer listed, no problems, even while an editor shows it', async () => {
    const uri = await scaffold('slettet.md');
    await waitFor('its problems', () => vscode.languages.getDiagnostics(uri).length > 0);
    assert.ok(api.documents.documents.some((d) => d.uri.toString() === uri.toString()));
    await vscode.workspace.fs.delete(uri);
    await waitFor('it to be forgotten', () => !api.documents.documents.some((d) => d.uri.toString() === uri.toString()), 15_000);
    await waitFor('its problems to go', () => vscode.languages.getDiagnostics(uri).length === 0);
    assert.notEqual(api.documents.active?.uri.toString(), uri.toString());
    assert.ok(!(await api.documents.findAll()).some((u) => u.toString() === uri.toString()));
  });
});
