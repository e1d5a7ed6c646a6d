import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DialogueGuideInternals } from '../../src/extension/extension';
import { closeAllEditors, internals, waitFor, workspaceTempFolder } from './helpers';
import { captureMessages } from './messages';

const GUIDE = 'sociale-medier-i-lokalpolitikken';

describe('What a strategy document says about its questions', () => {
  let api: DialogueGuideInternals;
  let folder: Awaited<ReturnType<typeof workspaceTempFolder>>;

  before(async () => {
    api = await internals();
    folder = await workspaceTempFolder();
    await vscode.workspace.getConfiguration('dialogueGuide').update('language', 'da', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await closeAllEditors();
    await folder.dispose();
  });

  async function scaffold(name: string, themes?: string[]): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.joinPath(folder, name);
    await vscode.commands.executeCommand('dialogueGuide.newStrategyDocument', { guide: GUIDE, themes, title: 'Strategi', organisation: 'Eksempel Kommune', uri: uri.toString() });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the document to be parsed', () => api.documents.get(uri)?.analysis.guide !== undefined);
    return document;
  }

  it("names the question on its heading's hover (\"1.3 Inspiration\") and breaks quotes only between words", async () => {
    const document = await scaffold('hover.md');
    const heading = api.documents.get(document.uri)!.parsed.sections.find((s) => s.questionId === 'sociale-medier/inspiration')!.headingLine!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(heading, 5));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(markdown, /^\*\*1\.3 Inspiration\*\*/m);
    assert.doesNotMatch(markdown, /&nbsp;/, 'spaces stay spaces, where a line may break');
    const text = markdown.replace(/\\(.)/g, '$1');
    assert.match(text, /Vi har fået medietræning\. Strategisk og konkret\./);
    assert.match(text, /Kommunal embedsmand, efteråret 2021/);
  });

  it('names unanswered questions as the tree does, as loud as the status says, unless the setting is set', async () => {
    const document = await scaffold('status.md');
    const configuration = () => vscode.workspace.getConfiguration('dialogueGuide');
    const unanswered = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'question.unanswered');
    const severity = () => unanswered()[0]?.severity;
    const setStatus = async (status: string) => {
      const line = document.getText().split('\n').findIndex((l) => l.startsWith('status:'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, document.lineAt(line).range, `status: ${status}`);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    try {
      await waitFor('hints while the document is a draft', () => severity() === vscode.DiagnosticSeverity.Hint);
      assert.ok(unanswered().some((d) => d.message === 'Question 1.2 Formål is not answered yet.'), unanswered()[1]?.message);
      await setStatus('review');
      await waitFor('information in review', () => severity() === vscode.DiagnosticSeverity.Information);
      await setStatus('final');
      await waitFor('warnings once final', () => severity() === vscode.DiagnosticSeverity.Warning);
      await configuration().update('diagnostics.unanswered', 'information', vscode.ConfigurationTarget.Global);
      await waitFor('the level the user set', () => severity() === vscode.DiagnosticSeverity.Information);
      await configuration().update('diagnostics.unanswered', 'off', vscode.ConfigurationTarget.Global);
      await waitFor('nothing when off', () => unanswered().length === 0);
    } finally {
      await configuration().update('diagnostics.unanswered', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the status again once the setting is reset', () => severity() === vscode.DiagnosticSeverity.Warning);
  });

  it('says in a notification, not the status bar that cut it off, that a question has no section, offering Add Missing Questions', async () => {
    // A question of a theme the document covers, whose section was deleted (one of a left-out theme offers Add Theme… instead).
    const document = await scaffold('ett-tema.md', ['sociale-medier']);
    const section = api.documents.get(document.uri)!.parsed.sections.find((s) => s.questionId === 'sociale-medier/formaal')!;
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, new vscode.Range(section.lines.start, 0, section.lines.end, 0));
    await vscode.workspace.applyEdit(edit);
    await waitFor('the section to be gone', () => !api.documents.get(document.uri)?.parsed.sections.some((s) => s.questionId === 'sociale-medier/formaal'));
    const node = api.model.question(GUIDE, 'sociale-medier/formaal');
    const shown = await captureMessages(() => Promise.resolve(vscode.commands.executeCommand('dialogueGuide.goToSection', node)));
    const message = shown.find((m) => m.message.includes('no section'));
    assert.ok(message, JSON.stringify(shown));
    assert.match(message.message, /ett-tema\.md/);
    assert.deepEqual(message.items, ['Add Missing Questions']);
  });

  it('marks the language the guide is shown in as current in the language picker, so Enter keeps it', async () => {
    await vscode.commands.executeCommand('dialogueGuide.switchLanguage', 'en');
    await waitFor('English', () => api.guides.guides[0]?.language === 'en');
    try {
      const picking = Promise.resolve(vscode.commands.executeCommand('dialogueGuide.switchLanguage'));
      await new Promise((resolve) => setTimeout(resolve, 700));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await picking;
      assert.equal(api.guides.language, 'en');
    } finally {
      await vscode.commands.executeCommand('dialogueGuide.switchLanguage', 'da');
    }
  });
});
