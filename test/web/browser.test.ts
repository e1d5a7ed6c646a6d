import * as vscode from 'vscode';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { markerFor } from '../../src/core/strategyDocument';
import type { QuestionNode } from '../../src/core/guideTree';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, EXTENSION_ID, internals, waitFor, webviewTabs, workspaceTempFolder } from '../integration/helpers';
import { captureMessages } from '../integration/messages';
import { equal, ok, rejects, sameList } from './assert';
import { MemoryFileSystemProvider } from './memoryFileSystemProvider';

const GUIDE = 'sociale-medier-i-lokalpolitikken';
const MEMORY_SCHEME = 'dg-memfs';

/** Inserts `text` as the answer after a question's marker, without saving. */
async function answer(uri: vscode.Uri, questionId: string, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const line = document.getText().split('\n').indexOf(markerFor(questionId));
  ok(line >= 0, `${questionId} has a marker`);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(line + 1, 0), `\n${text}\n`);
  ok(await vscode.workspace.applyEdit(edit), 'the answer is inserted');
}

function unanswered(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'question.unanswered');
}

describe('In the web-worker extension host', () => {
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;

  before(async () => {
    api = await internals();
    folder = await workspaceTempFolder();
    await vscode.commands.executeCommand('workbench.view.extension.dialogueGuide');
  });

  after(async () => {
    await closeAllEditors();
    await folder.dispose();
  });

  it('runs the browser entry in a web worker: the manifest has no main, and there is no Node', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    ok(extension?.isActive, 'the extension is active');
    equal(extension.packageJSON.main, undefined, 'main');
    equal(extension.packageJSON.browser, './dist/web/extension.js', 'browser');
    const scope = (globalThis as { WorkerGlobalScope?: new () => unknown }).WorkerGlobalScope;
    ok(scope && globalThis instanceof scope, 'the tests run in a web worker');
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'typeof process');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
  });

  it('shows the built-in guide in the tree', () => {
    const guide = api.guides.guide(GUIDE);
    ok(guide, 'the built-in guide is loaded');
    equal(api.model.roots.length, 1, 'guides in the tree');
    sameList(api.model.roots[0]!.children.map((t) => t.label), guide.themes.map((t) => t.title), 'themes');
    equal(api.model.roots[0]!.children.flatMap((t) => t.children).length, 18, 'questions');
  });

  it('opens the quotes panel for a question', async () => {
    const question = api.model.question(GUIDE, 'digital-deltagelse/muligheder') as QuestionNode;
    await vscode.commands.executeCommand('dialogueGuide.showQuotes', question);
    await waitFor('the quotes panel', () => webviewTabs('dialogueGuide.quotes').length === 1);
    equal(api.quotes.current?.questionId, question.questionId, 'the panel shows');
    await closeAllEditors();
  });

  it('scaffolds a strategy document through workspace.fs and counts its answers and diagnostics as it is edited', async () => {
    const uri = vscode.Uri.joinPath(folder, 'strategi.md');
    const created = await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.newStrategyDocument', { guide: GUIDE, title: 'Strategi', organisation: 'Eksempel Kommune', uri: uri.toString() });
    equal(created?.toString(), uri.toString(), 'the new document');
    ok(uri.scheme !== 'file', `the workspace is on ${uri.scheme}:, as in a browser, not on file:`);
    await waitFor('the document parsed', () => api.documents.get(uri)?.analysis.answered === 0);
    await waitFor('18 unanswered diagnostics', () => unanswered(uri).length === 18);
    await answer(uri, 'sociale-medier/platforme', 'Vi bruger Facebook og Instagram.');
    await waitFor('one answer', () => api.documents.get(uri)?.analysis.answered === 1);
    await waitFor('17 unanswered diagnostics', () => unanswered(uri).length === 17);
    equal(api.model.answered(api.model.roots[0]!.children[0]!), 1, 'answered in the first theme of the tree');
    await closeAllEditors();
  });

  it('never overwrites: New Strategy Document refuses a file that exists', async () => {
    const uri = vscode.Uri.joinPath(folder, 'findes.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Mine noter\n'));
    await rejects(() => vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, title: 'Strategi', organisation: '', uri: uri.toString() }), /already exists/);
    equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), 'Mine noter\n', 'the file');
  });

  it('reads front matter that needs the YAML parser (loaded before activation)', async () => {
    const uri = vscode.Uri.joinPath(folder, 'kommentar.md');
    const scaffold = scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Strategi', organisation: '' });
    // A comment is outside the scaffold's simple shape, so only the YAML parser reads it.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(scaffold.replace(/^---\n/, '---\n# Udkast til byrådet\n')));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const entry = await waitFor('the document parsed', () => api.documents.get(uri));
    equal(entry.analysis.guide?.id, GUIDE, 'the guide named in the front matter');
    sameList(vscode.languages.getDiagnostics(uri).filter((d) => String(d.code).startsWith('frontMatter')).map((d) => d.message), [], 'front matter findings');
    await closeAllEditors();
  });

  it('loads a team guide from dialogueGuide.guideFolders through workspace.fs, beside the built-in one', async () => {
    const guide = vscode.Uri.joinPath(folder, 'team-guides', 'team');
    const encode = (text: string) => new TextEncoder().encode(text);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(guide, 'guide.md'), encode('---\nid: team-guide\nversion: 1.0.0\nlanguage: da\ntitle: Teamets guide\n---\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(guide, 'tema.md'), encode('---\nid: tema\norder: 1\ntitle: Tema\nquestions:\n  - id: tema/foerste\n    label: Første\n    text: Hvad gør I?\n---\n'));
    const settings = vscode.workspace.getConfiguration('dialogueGuide');
    await settings.update('guideFolders', [vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, 'team-guides'), false)], vscode.ConfigurationTarget.Workspace);
    try {
      await api.guides.reload();
      equal(api.guides.guide('team-guide')?.title, 'Teamets guide', 'the team guide');
      await waitFor('two guides in the tree', () => api.model.roots.length === 2);
    } finally {
      await settings.update('guideFolders', undefined, vscode.ConfigurationTarget.Workspace);
      await api.guides.reload();
    }
    equal(api.guides.guide('team-guide'), undefined, 'the team guide, once the setting is gone');
  });

  it('runs a meeting, from the features that load on first use: the note lands in the question\'s section', async () => {
    const uri = vscode.Uri.joinPath(folder, 'strategi.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    equal(await vscode.commands.executeCommand('dialogueGuide.startMeeting', uri, { minutesPerQuestion: 0 }), true, 'the meeting started');
    await waitFor('the meeting view', () => webviewTabs('dialogueGuide.meeting').length === 1);
    const meeting = await api.meeting();
    const message = meeting.lastMessage;
    ok(message?.type === 'show', `the view shows a question (${message?.type})`);
    equal(message.view.question.number, '1.1', 'the first question');
    await meeting.receive({ type: 'editNote', questionId: message.view.question.id, text: 'Facebook, LinkedIn og Instagram.', version: message.view.note.version });
    await meeting.flush();
    ok(document.getText().includes('Facebook, LinkedIn og Instagram.'), 'the note is in the document');
    await waitFor('the note counted', () => api.documents.get(uri)?.analysis.answered === 1);
    await vscode.commands.executeCommand('dialogueGuide.endMeeting');
    equal(meeting.isRunning, false, 'running after End Meeting');
    await document.save();
    await closeAllEditors();
  });

  it('shows the Coverage view, with a row for the strategy document and its answers', async () => {
    await vscode.commands.executeCommand('dialogueGuide.showCoverage');
    await waitFor('the Coverage panel', () => webviewTabs('dialogueGuide.coverage').length === 1);
    const coverage = await api.coverage();
    const row = await waitFor('the document\'s row', async () => (await coverage.view()).rows.find((r) => r.path.endsWith('strategi.md')));
    equal(row.answered, 1, 'answered');
    equal(row.total, 18, 'questions');
    await closeAllEditors();
  });

  it('exports to Word, a tagged PDF and HTML through the web exporter, with the fonts read from the extension', async () => {
    const uri = vscode.Uri.joinPath(folder, 'strategi.md');
    const read = async (file: vscode.Uri) => new Uint8Array(await vscode.workspace.fs.readFile(file));
    const html = vscode.Uri.joinPath(folder, 'strategi.html');
    equal((await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.exportDocument', uri, { format: 'html', target: html }))?.toString(), html.toString(), 'the HTML export');
    const page = new TextDecoder().decode(await read(html));
    ok(page.startsWith('<!DOCTYPE html>') && page.includes('Facebook, LinkedIn og Instagram.'), 'the page has the answer');
    const docx = vscode.Uri.joinPath(folder, 'strategi.docx');
    equal((await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.exportDocument', uri, { format: 'docx', target: docx }))?.toString(), docx.toString(), 'the Word export');
    const bytes = await read(docx);
    equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK', 'a Word file is a zip');
    const pdf = vscode.Uri.joinPath(folder, 'strategi.pdf');
    const shown = await captureMessages(async () => {
      equal((await vscode.commands.executeCommand<vscode.Uri>('dialogueGuide.exportDocument', uri, { format: 'pdf', target: pdf }))?.toString(), pdf.toString(), 'the PDF export');
    });
    sameList(shown.map((m) => `${m.severity}: ${m.message}`), [`info: Exported ${vscode.workspace.asRelativePath(uri)} to ${vscode.workspace.asRelativePath(pdf)}.`], 'messages shown');
    // The fonts came from the extension's dist/fonts through workspace.fs; the structure and language are pdfkit's, uncompressed.
    const text = new TextDecoder('latin1').decode(await read(pdf));
    ok(text.startsWith('%PDF-1.7'), 'a PDF');
    ok(text.includes('/Lang (da-DK)') && text.includes('/StructTreeRoot') && /\/FontName \/[A-Z]{6}\+DejaVuSans\b/.test(text), 'tagged, in Danish, with DejaVu embedded');
  });

  it('says, when review is asked for, that this window has no Git and what to do instead; never an error', async () => {
    const uri = vscode.Uri.joinPath(folder, 'strategi.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the active document', () => api.documents.active?.uri.toString() === uri.toString());
    const shown = await captureMessages(async () => {
      await vscode.commands.executeCommand('dialogueGuide.pickReviewBase');
      await vscode.commands.executeCommand('dialogueGuide.nextChangedAnswer');
    });
    equal(shown.length, 2, 'messages shown');
    for (const message of shown) {
      equal(message.severity, 'warning', 'severity');
      ok(/built-in Git extension, which this window does not have/.test(message.message) && /desktop VS Code or in a Codespace/.test(message.message), message.message);
    }
    await waitFor('the tree title', () => api.view.description === 'review needs a Git clone');
    await closeAllEditors();
  });
});

describe('Document features on a file system of another scheme', () => {
  let api: DialogueGuideInternals;
  let registration: vscode.Disposable | undefined;
  const uri = vscode.Uri.from({ scheme: MEMORY_SCHEME, path: '/strategi.md' });

  before(async () => {
    api = await internals();
    registration = vscode.workspace.registerFileSystemProvider(MEMORY_SCHEME, new MemoryFileSystemProvider(), { isCaseSensitive: true });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(scaffoldStrategyDocument(api.guides.guide(GUIDE)!, { title: 'Strategi', organisation: '' })));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  after(async () => {
    await closeAllEditors();
    registration?.dispose();
  });

  it('parses the document, reports its unanswered questions and saves an answer through the file system', async () => {
    await waitFor('the document parsed', () => api.documents.get(uri)?.analysis.answered === 0);
    await waitFor('18 unanswered diagnostics', () => unanswered(uri).length === 18);
    await answer(uri, 'sociale-medier/platforme', 'Facebook.');
    await waitFor('one answer', () => api.documents.get(uri)?.analysis.answered === 1);
    ok(await (await vscode.workspace.openTextDocument(uri)).save(), 'saved');
    ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).includes('\nFacebook.\n'), 'the answer is in the file');
  });

  it('offers a CodeLens and a hover on a question', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    ok(lenses.some((lens) => lens.command?.command === 'dialogueGuide.showQuotes'), `a Show quotes lens among ${JSON.stringify(lenses.map((l) => l.command?.command))}`);
    const line = document.getText().split('\n').indexOf(markerFor('sociale-medier/platforme'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    ok(/\d\.\d/.test(text), `the hover names the question: ${text}`);
  });

  it('goes to the next unanswered question', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('dialogueGuide.nextUnanswered');
    const at = editor.selection.active.line;
    ok(at > 0, `the cursor moved from the first line, to ${at}`);
  });
});
