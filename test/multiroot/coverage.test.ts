import * as assert from 'node:assert/strict';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { runCli } from '../../src/cli/run';
import { markerFor } from '../../src/core/strategyDocument';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import type { WorkspaceCoverage } from '../../src/extension/coverage/workspaceCoverage';
import type { CoveragePanel } from '../../src/extension/coveragePanel';
import { StrategyDocumentsView } from '../../src/extension/tree/strategyDocumentsView';
import type { CoverageHostMessage, CoverageRowView } from '../../src/webview/coverageMessages';
import { closeAllEditors, EXTENSION_ID, internals, waitFor } from '../integration/helpers';

interface ReportJson {
  documents: { file: string; answered: number; total: number; themes: { id: string; answered: number; total: number }[]; questions: { id: string; state: string }[] }[];
}

/** `dialogue-guide report --format json` over every workspace folder, run in this process as CI runs it. */
async function report(): Promise<ReportJson> {
  const folders = vscode.workspace.workspaceFolders!.map((f) => f.uri.fsPath);
  let stdout = '';
  const status = await runCli(['report', '--format', 'json', ...folders], {
    cwd: dirname(folders[0]!),
    env: {},
    installFolder: vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath,
    writeOut: (text) => (stdout += text),
    writeErr: (text) => assert.fail(text),
  });
  assert.equal(status, 0);
  return JSON.parse(stdout) as ReportJson;
}

/** A row's counts in the report's shape, to hold the two to each other. */
function counts(row: CoverageRowView): Omit<ReportJson['documents'][number], 'file'> {
  return { answered: row.answered, total: row.total, themes: row.themes.map((t) => ({ id: t.id, answered: t.answered, total: t.total })), questions: row.themes.flatMap((t) => t.questions.map((q) => ({ id: q.id, state: q.state }))) };
}

const name = (row: CoverageRowView) => row.path.split('/').pop();

describe('Coverage in a multi-root workspace', () => {
  let api: DialogueGuideInternals;
  const posted: CoverageHostMessage[] = [];
  let listener: vscode.Disposable;
  let coverage: WorkspaceCoverage;
  let panel: CoveragePanel;

  before(async () => {
    api = await internals();
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['forvaltning-a', 'forvaltning-b']);
    coverage = await api.coverage();
    panel = await api.coveragePanel();
    listener = panel.onDidPost((message) => posted.push(message));
  });

  after(async () => {
    listener.dispose();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  it('has a row per document of every folder, grouped by folder, that agrees with report on every count', async () => {
    const view = await coverage.view();
    assert.deepEqual(view.rows.map((r) => [r.folder, r.path, r.answered, r.total, r.status, r.owners]), [
      ['forvaltning-a', 'strategi/fem.md', 5, 18, 'review', []],
      ['forvaltning-a', 'strategi/ingen.md', 0, 18, 'draft', ['Anne']],
      ['forvaltning-b', 'strategi/alle.md', 18, 18, 'final', ['Bo', 'Carla']],
    ]);
    assert.deepEqual(view.guides.map((g) => [g.id, g.columns.length]), [['sociale-medier-i-lokalpolitikken', 4]]);
    const json = await report();
    assert.equal(json.documents.length, 3);
    for (const row of view.rows) {
      const document = json.documents.find((d) => d.file.endsWith(`/${row.path}`) && d.file.startsWith(row.folder));
      assert.ok(document, `report has ${row.folder}/${row.path}`);
      const { answered, total, themes, questions } = document;
      assert.deepEqual(counts(row), { answered, total, themes: themes.map(({ id, answered, total }) => ({ id, answered, total })), questions: questions.map(({ id, state }) => ({ id, state })) });
    }
  });

  it('groups the Strategy Documents view by workspace folder', async () => {
    const view = new StrategyDocumentsView(api.documents);
    try {
      const roots = await view.getChildren();
      assert.deepEqual(roots.map((node) => view.getTreeItem(node).label), ['forvaltning-a', 'forvaltning-b']);
      const labels = await Promise.all(roots.map(async (root) => (await view.getChildren(root)).map((node) => view.getTreeItem(node).label)));
      assert.deepEqual(labels, [['strategi/fem.md', 'strategi/ingen.md'], ['strategi/alle.md']]);
    } finally {
      view.dispose();
    }
  });

  it('opens from the Command Palette command and sends the page the whole table once it is ready', async () => {
    await vscode.commands.executeCommand('dialogueGuide.showCoverage');
    const table = await waitFor('the table posted to the page', () => posted.find((m) => m.type === 'table'));
    assert.equal(table.type === 'table' && table.table.rows.map(name).join(','), 'fem.md,ingen.md,alle.md');
  });

  it('redraws only the row of a document edited without saving', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'strategi', 'ingen.md');
    const document = await vscode.workspace.openTextDocument(uri);
    // Beside the panel, which stays visible: a hidden page is torn down and gets the whole table when shown again.
    await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
    posted.length = 0;
    const line = document.getText().split('\n').indexOf(markerFor('enkeltsager/erfaringer'));
    assert.ok(line > 0, 'ingen.md has the marker of enkeltsager/erfaringer');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(line + 1, 0), '\nVi vejer hensynene op mod hinanden.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const message = await waitFor('a row update', () => posted.find((m) => m.type === 'row'));
    assert.ok(message.type === 'row');
    assert.equal(name(message.row), 'ingen.md');
    assert.deepEqual(message.row.themes.map((t) => [t.id, t.answered]), [['sociale-medier', 0], ['enkeltsager', 1], ['digital-deltagelse', 0], ['samspil', 0]]);
    assert.equal(message.row.answered, 1);
    assert.ok(document.isDirty, 'the edit is not saved');
    assert.deepEqual(posted.filter((m) => m.type !== 'row' || name(m.row) !== 'ingen.md'), [], 'no other row and no whole table was sent');
  });

  it("opens a cell's document at the theme's first unanswered question", async () => {
    const row = (await coverage.view()).rows.find((r) => r.path === 'strategi/fem.md')!;
    await panel.receive({ type: 'openTheme', file: row.file, themeId: 'sociale-medier' });
    const editor = await waitFor('fem.md in an editor', () => vscode.window.activeTextEditor?.document.uri.toString() === row.file && vscode.window.activeTextEditor);
    const sixth = row.themes[0]!.questions[5]!;
    assert.equal(row.themes[0]!.target, sixth.id, 'five of six are answered: the sixth is the first open one');
    const section = api.documents.get(editor.document.uri)?.parsed.sections.find((s) => s.questionId === sixth.id);
    assert.ok(section, `fem.md has a section for ${sixth.id}`);
    const cursor = editor.selection.active.line;
    assert.ok(cursor >= section.answerLines.start && cursor <= section.answerLines.end, `the cursor (line ${cursor}) is in the answer of ${sixth.id} (lines ${section.answerLines.start}–${section.answerLines.end})`);
  });

  it('ignores a page message naming a file that is no row', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    const outside = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '..', 'team.code-workspace').toString();
    await panel.receive({ type: 'openTheme', file: outside, themeId: 'sociale-medier' });
    await panel.receive({ type: 'openQuestion', file: 'file:///etc/passwd', questionId: 'x/y' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });
});
