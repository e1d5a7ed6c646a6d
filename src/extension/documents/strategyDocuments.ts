import * as vscode from 'vscode';
import { analyseStrategyDocument, isStrategyDocument, parseStrategyDocument, type StrategyAnalysis, type StrategyDocument } from '../../core/strategyDocument';
import type { GuideService } from '../guideService';
import { readWorkspaceText } from '../workspaceFileSystem';
import { isWithin, WorkspaceIndex, type FileEvent } from './workspaceIndex';

/** A strategy document as last parsed, tied to the editor version it was parsed from. */
export interface ParsedDocument {
  readonly uri: vscode.Uri;
  /** The editor version; undefined for a document that is not open, read as saved. */
  readonly version: number | undefined;
  readonly text: string;
  readonly parsed: StrategyDocument;
  /** The document held against its guide, in the guide language the user chose. */
  readonly analysis: StrategyAnalysis;
}

const PARSE_DELAY_MS = 150;
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/**
 * Whether a document is one the user edits: a known scheme, or any writable file system (a
 * browser's: vscode.dev's, a memfs). Git's copy at HEAD and this extension's answer views come from
 * content providers, which are no file system, and a read-only file system is not the user's to edit.
 */
function isEditable(uri: vscode.Uri): boolean {
  return EDITABLE_SCHEMES.has(uri.scheme) || vscode.workspace.fs.isWritableFileSystem(uri.scheme) === true;
}

/**
 * Keeps the open strategy documents parsed, and those closed as they were saved. A keystroke
 * re-parses only the edited document, after a short pause; the active strategy document (or the
 * last one active, open or not) is tracked for the tree, the status bar and review. A document
 * deleted from disk is forgotten, even while an editor still shows it, until it is saved again.
 */
export class StrategyDocuments implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document was (re)parsed or closed. */
  readonly onDidChange = this.changed.event;
  private readonly activeChanged = new vscode.EventEmitter<ParsedDocument | undefined>();
  /** Fires when the active strategy document changes, or is re-parsed. */
  readonly onDidChangeActive = this.activeChanged.event;

  private readonly parsed = new Map<string, ParsedDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents deleted from disk that an editor may still show. */
  private readonly deleted = new Set<string>();
  private activeUri: vscode.Uri | undefined;
  /** The saved strategy documents of the workspace, open or not. */
  readonly saved = new WorkspaceIndex();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.activeChanged, this.saved];

  constructor(private readonly guides: GuideService) {
    this.disposables.push(
      guides.onDidChange(() => this.reanalyse()),
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => this.restored(d.uri)),
      this.saved.onDidChangeFile((e) => this.fileChanged(e)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
    );
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
    this.follow(vscode.window.activeTextEditor);
  }

  /** The strategy document in the active editor, or the last one that was active. */
  get active(): ParsedDocument | undefined {
    return this.activeUri && this.get(this.activeUri);
  }

  /** Makes `uri` the active strategy document (the tree's picker does this). */
  async activate(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    this.refresh(document);
    this.setActive(uri);
  }

  /** The parsed document, parsing it now if an edit is still waiting for the pause. */
  get(uri: vscode.Uri): ParsedDocument | undefined {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const current = this.parsed.get(key);
    if (document && (!current || current.version !== document.version)) return this.refresh(document);
    return current;
  }

  /** Strategy documents saved in the workspace (Markdown files that hold markers or a guide id), by path. */
  async findAll(): Promise<vscode.Uri[]> {
    return (await this.saved.documents()).map((found) => found.uri);
  }

  /** The first strategy document saved in the workspace that follows `guideId`, found without opening any. */
  async findFor(guideId: string): Promise<vscode.Uri | undefined> {
    return (await this.saved.documents()).find((found) => found.parsed.frontMatter?.guide === guideId)?.uri;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.refresh(document), PARSE_DELAY_MS));
  }

  private refresh(document: vscode.TextDocument): ParsedDocument | undefined {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.deleted.has(key)) return undefined;
    // Only the user's own files: not Git's copy at HEAD beside a diff, nor this extension's answer views.
    const text = document.languageId === 'markdown' && isEditable(document.uri) ? document.getText() : undefined;
    if (text === undefined || !isStrategyDocument(text)) {
      // Edited into something else: forgotten, and no longer followed by the tree and status bar.
      this.remove(key);
      return undefined;
    }
    return this.store(document.uri, document.version, text);
  }

  private store(uri: vscode.Uri, version: number | undefined, text: string): ParsedDocument {
    const key = uri.toString();
    const parsed = parseStrategyDocument(text, key);
    const entry: ParsedDocument = { uri, version, text, parsed, analysis: this.analyse(parsed) };
    const previous = this.parsed.get(key);
    this.parsed.set(key, entry);
    if (!previous || previous.version !== entry.version || previous.text !== text) {
      this.changed.fire(uri);
      if (this.activeUri?.toString() === key) this.activeChanged.fire(entry);
    }
    return entry;
  }

  private analyse(parsed: StrategyDocument): StrategyAnalysis {
    return analyseStrategyDocument(parsed, this.guides.entries, { language: this.guides.language });
  }

  /** The guides changed (reload or language switch): every parsed document is held against them again. */
  private reanalyse(): void {
    for (const [key, entry] of this.parsed) {
      this.parsed.set(key, { ...entry, analysis: this.analyse(entry.parsed) });
      this.changed.fire(entry.uri);
    }
    this.activeChanged.fire(this.active);
  }

  /** Every parsed strategy document. */
  get documents(): readonly ParsedDocument[] {
    return [...this.parsed.values()];
  }

  /**
   * A closed document stays, as saved: the tree keeps following it until another is chosen, and
   * its saved findings stay in the Problems panel. Unsaved edits were discarded with the editor.
   */
  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const entry = this.parsed.get(key);
    if (!entry) return;
    // Not open any more: commands that edit it open it again first.
    this.parsed.set(key, { ...entry, version: undefined });
    void this.readSaved(uri);
  }

  /** Re-reads a document that is not open from disk; forgets it when it is no strategy document any more, or unreadable. */
  private async readSaved(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    let text: string | undefined;
    try {
      text = await readWorkspaceText(uri);
    } catch {
      text = undefined;
    }
    // Opened again meanwhile: the editor's text wins.
    if (this.isOpen(key) || !this.parsed.has(key)) return;
    if (text !== undefined && isStrategyDocument(text)) this.store(uri, undefined, text);
    else this.remove(key);
  }

  private fileChanged({ uri, kind }: FileEvent): void {
    const container = uri.toString();
    if (kind === 'deleted') {
      for (const key of [...this.parsed.keys()].filter((k) => isWithin(k, container))) {
        this.deleted.add(key);
        this.remove(key);
      }
      return;
    }
    if (kind === 'created') this.restored(uri);
    const entry = this.parsed.get(container);
    if (entry && entry.version === undefined) void this.readSaved(uri);
  }

  /** A file saved or created again where one was deleted: it counts again. */
  private restored(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.deleted.delete(key)) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) this.refresh(document);
  }

  private remove(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const entry = this.parsed.get(key);
    if (!entry) return;
    this.parsed.delete(key);
    this.changed.fire(entry.uri);
    if (this.activeUri?.toString() === key) this.setActive(undefined);
  }

  private isOpen(key: string): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
  }

  /** Follows the active editor, but keeps the last strategy document when another file is focused. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor && this.get(editor.document.uri)) this.setActive(editor.document.uri);
  }

  private setActive(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.activeUri?.toString()) return;
    this.activeUri = uri;
    void vscode.commands.executeCommand('setContext', 'dialogueGuide.hasActiveStrategyDocument', uri !== undefined);
    this.activeChanged.fire(this.active);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
