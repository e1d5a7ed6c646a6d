import * as vscode from 'vscode';
import { isRequiredKey } from '../core/guideLoader';
import { keyContextAt } from '../core/guideKeys';
import { checkGuideFile, guideFolderOf } from '../core/liveGuides';
import type { StarterKey } from '../core/starterGuide';
import { starterTexts } from '../l10n/starterGuideMessages';
import { markdownText } from './documents/questionLenses';
import type { GuideService } from './guideService';
import { workspaceFileSystem } from './workspaceFileSystem';
import { t } from './l10n';

/** How long typing may pause before an open guide file is checked again. */
const CHECK_DELAY_MS = 250;

/** The words that say what each key is for: the starter guide's comments, in the user's language. */
function keyDescriptions(): Readonly<Record<StarterKey, string>> {
  return starterTexts((message, args) => t(message, args)).comments;
}

/**
 * Guide files open in an editor, inside a folder guides load from: their findings in the Problems
 * panel as they are typed (unsaved), and completions and hovers for the keys of the format.
 */
export function registerGuideFiles(guides: GuideService): vscode.Disposable {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const isGuideFile = (document: vscode.TextDocument) => document.languageId === 'markdown' && guideFolderOf(document.uri.toString(), guides.guideRoots) !== undefined;
  const check = async (document: vscode.TextDocument) => {
    const file = document.uri.toString();
    // The folder's other open files count as they stand too: a fix in one may clear a finding in another (a duplicate id).
    const buffers = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty && isGuideFile(d)).map((d) => [d.uri.toString(), d.getText()] as const));
    buffers.set(file, document.getText());
    const findings = await checkGuideFile(workspaceFileSystem, guides.guideRoots, file, buffers);
    // A check overtaken by newer typing is dropped: the newer one publishes.
    if (findings && !document.isClosed && buffers.get(file) === document.getText()) guides.setFileDiagnostics(document.uri, findings);
  };
  const schedule = (document: vscode.TextDocument) => {
    if (!isGuideFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      void check(document);
    }, CHECK_DELAY_MS));
  };
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  const contextAt = (document: vscode.TextDocument, line: number) => (isGuideFile(document) ? keyContextAt(document.getText(), fileName(document.uri), line) : undefined);

  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && schedule(e.document)),
    vscode.workspace.onDidOpenTextDocument(schedule),
    // Closed without saving, the buffer's findings no longer stand: the reload publishes the saved file's.
    vscode.workspace.onDidCloseTextDocument((document) => {
      clearTimeout(pending.get(document.uri.toString()));
      if (isGuideFile(document)) guides.fileChanged(document.uri);
    }),
    // A reload publishes the findings of the files on disk: an open file with unsaved edits gets its own back.
    guides.onDidChange(() => vscode.workspace.textDocuments.filter((d) => d.isDirty).forEach(schedule)),
    { dispose: () => pending.forEach((timer) => clearTimeout(timer)) },
    vscode.languages.registerCompletionItemProvider(selector, {
      provideCompletionItems(document, position) {
        const context = contextAt(document, position.line);
        const before = document.lineAt(position.line).text.slice(0, position.character);
        // Only where a key begins: at the start of a line, or of a list item.
        if (!context || !/^\s*(?:-\s+)?[A-Za-z]*$/.test(before)) return [];
        const descriptions = keyDescriptions();
        const word = /[A-Za-z]*$/.exec(before)![0];
        const range = new vscode.Range(position.line, position.character - word.length, position.line, position.character);
        return context.keys.map((key, i) => {
          const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
          item.insertText = `${key}: `;
          item.range = range;
          item.detail = isRequiredKey(context.object, key) ? t('required') : t('optional');
          item.documentation = descriptions[`${context.object}.${key}` as StarterKey];
          item.sortText = String(i).padStart(2, '0');
          return item;
        });
      },
    }),
    vscode.languages.registerHoverProvider(selector, {
      provideHover(document, position) {
        const key = contextAt(document, position.line);
        const found = key?.key;
        if (!key || !found || position.character < found.range.start.character || position.character > found.range.end.character) return undefined;
        const description = keyDescriptions()[`${key.object}.${found.name}` as StarterKey];
        if (description === undefined) return undefined;
        const text = new vscode.MarkdownString();
        text.isTrusted = false;
        // The key matched [A-Za-z_][A-Za-z0-9_]*, so it is safe in a code span; the words are escaped.
        const required = isRequiredKey(key.object, found.name) ? t('required') : t('optional');
        text.appendMarkdown(`\`${found.name}\` ${markdownText(`(${required}) — ${description}`)}`);
        return new vscode.Hover(text, new vscode.Range(found.range.start.line, found.range.start.character, found.range.end.line, found.range.end.character));
      },
    }),
  );
}

/** The file's name: `guide.md` is the guide's header, any other a theme. */
function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
