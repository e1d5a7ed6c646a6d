import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { quoteMarkerFor } from '../../src/core/quoteCheck';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor, webviewTabs, workspaceTempFolder } from './helpers';

const GUIDE = 'sociale-medier-i-lokalpolitikken';

describe('Quotes of the guide in a strategy document', () => {
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

  /** A document scaffolded with quotes, as `dialogueGuide.scaffold.includeQuotes` writes it, open in an editor. */
  async function openScaffold(name: string): Promise<{ editor: vscode.TextEditor; original: string }> {
    const uri = vscode.Uri.joinPath(folder, name);
    const original = scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Strategi', organisation: 'Eksempel Kommune', includeQuotes: true });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.One });
    await waitFor('the document to be parsed', () => api.documents.get(uri)?.analysis.guide !== undefined);
    return { editor, original };
  }

  /** Types `replacement` over the first `text` in the editor, as a person would. */
  async function typeOver(editor: vscode.TextEditor, text: string, replacement: string): Promise<number> {
    const offset = editor.document.getText().indexOf(text);
    assert.ok(offset >= 0, `"${text}" is in the document`);
    const range = new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + text.length));
    assert.ok(await editor.edit((edit) => edit.replace(range, replacement)));
    return range.start.line;
  }

  const warnings = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);

  /** Runs the quick fix titled `title` on `diagnostic`, as the light bulb does. */
  async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix?.command, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
  }

  it('warns as you type about one changed word and one changed speaker, on their lines, and the quick fixes restore both', async () => {
    const { editor, original } = await openScaffold('citater.md');
    const uri = editor.document.uri;
    assert.deepEqual(warnings(uri), []);

    const wordLine = await typeOver(editor, 'det er eskaleret', 'det er steget');
    const speakerLine = await typeOver(editor, '— Kommunal embedsmand, efteråret 2021', '— Kommunalpolitiker, efteråret 2021');
    const found = await waitFor('two quote warnings', () => (warnings(uri).length === 2 ? warnings(uri) : undefined));
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line]).sort(), [['quote.attribution', speakerLine], ['quote.changed', wordLine]].sort());
    const changed = found.find((d) => d.code === 'quote.changed')!;
    assert.match(changed.message, /"steget\." where the guide has "eskaleret\."/);

    await quickFix(uri, changed, "Restore the guide's wording of the quote");
    await waitFor('the wording warning to go', () => !warnings(uri).some((d) => d.code === 'quote.changed'));
    await quickFix(uri, warnings(uri).find((d) => d.code === 'quote.attribution')!, "Restore the guide's attribution of the quote");
    assert.equal(editor.document.getText(), original, 'both quotes are the guide\'s again, and nothing else changed');
    await waitFor('every warning to go', () => warnings(uri).length === 0);

    // Each fix is one undoable edit of the quote alone.
    await vscode.commands.executeCommand('undo');
    assert.ok(editor.document.getText().includes('— Kommunalpolitiker, efteråret 2021'));
    assert.ok(!editor.document.getText().includes('det er steget'));
  });

  it('inserts a quote from the Quotes panel into the section of the cursor, with its marker and attribution, and never outside a section', async () => {
    const { editor } = await openScaffold('indsat.md');
    const uri = editor.document.uri;
    const marker = editor.document.getText().split('\n').indexOf(markerFor('sociale-medier/formaal'));
    editor.selection = new vscode.Selection(marker + 1, 0, marker + 1, 0);
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', { guideId: GUIDE, questionId: 'sociale-medier/formaal', preserveFocus: true });
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);

    // What the panel's "Insert into document" runs, with the ids the page sends.
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.insertQuote', { guideId: GUIDE, quoteId: 'enkeltsager/eskaleret' }), true);
    const parsed = await waitFor('the quote in the section', () => {
      const entry = api.documents.get(uri);
      const section = entry?.parsed.sections.find((s) => s.questionId === 'sociale-medier/formaal');
      return section?.answer.includes(quoteMarkerFor('enkeltsager/eskaleret')) ? entry : undefined;
    });
    assert.match(parsed.parsed.sections.find((s) => s.questionId === 'sociale-medier/formaal')!.answer, /^> <!-- dialogue-quote: enkeltsager\/eskaleret -->\n> Jeg har været udvalgsformand.*\n\n— Kommunalpolitiker, efteråret 2021$/);
    assert.ok(parsed.parsed.sections.filter((s) => s.questionId !== 'sociale-medier/formaal').every((s) => s.answer === ''), 'no other section has text');
    assert.deepEqual(warnings(uri), []);

    // Above the first theme there is no section: nothing is written.
    const before = editor.document.getText();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    assert.equal(await vscode.commands.executeCommand('dialogueGuide.insertQuote', { guideId: GUIDE, quoteId: 'enkeltsager/eskaleret' }), false);
    assert.equal(editor.document.getText(), before);
  });

  it("offers the theme's quotes first in Insert Quote…, and writes the one picked into the section of the cursor", async () => {
    const { editor } = await openScaffold('valgt.md');
    const uri = editor.document.uri;
    const marker = editor.document.getText().split('\n').indexOf(markerFor('enkeltsager/fokus'));
    editor.selection = new vscode.Selection(marker + 1, 0, marker + 1, 0);
    const inserting = Promise.resolve(vscode.commands.executeCommand('dialogueGuide.insertQuote'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Enter takes the first quote offered: the first of the theme "Om enkeltsager og helhedshensyn".
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await inserting, true);
    const section = await waitFor('the quote in the section', () => {
      const found = api.documents.get(uri)?.parsed.sections.find((s) => s.questionId === 'enkeltsager/fokus');
      return found?.answer.includes(quoteMarkerFor('enkeltsager/enkeltsagsbehandlere')) ? found : undefined;
    });
    assert.match(section.answer, /^> <!-- dialogue-quote: enkeltsager\/enkeltsagsbehandlere -->\n> Bagsiden af de sociale medier.*\n\n— Kommunalpolitiker, efteråret 2021$/);
    assert.deepEqual(warnings(uri), []);
  });
});
