import * as vscode from 'vscode';
import type { QuestionStatus } from '../../core/strategyDocument';
import { showMessageWithCommands } from '../commandMessage';
import type { ParsedDocument, StrategyDocuments } from './strategyDocuments';
import { t } from '../l10n';

/** What `revealQuestion` did: the editor it showed the section in, or why it showed none. */
export type RevealResult = { readonly status: 'shown'; readonly editor: vscode.TextEditor } | { readonly status: 'noDocument' } | { readonly status: 'noSection' };

/** Where a revealed section is shown: in the group that shows the document already, else in `viewColumn`. */
export interface RevealOptions {
  readonly preserveFocus?: boolean;
  readonly viewColumn?: vscode.ViewColumn;
}

/** Moves the editor between questions of strategy documents. */
export class Navigator {
  constructor(private readonly documents: StrategyDocuments) {}

  /**
   * Reveals a question's section in the active strategy document for its guide, opening one if
   * needed: in the group that shows it already, else in `viewColumn` (the active group when not
   * given). A document without the section says so, offering "Add Missing Questions".
   */
  async revealQuestion(guideId: string, questionId: string, options: RevealOptions = {}): Promise<RevealResult> {
    const entry = await this.documentFor(guideId);
    if (!entry) return { status: 'noDocument' };
    return this.revealIn(entry, questionId, options);
  }

  /**
   * Reveals a question's section in the strategy document at `uri` (the Coverage view names the
   * document), making it the active strategy document; says so, as `revealQuestion` does, when it has no section.
   */
  async revealQuestionIn(uri: vscode.Uri, questionId: string, options: RevealOptions = {}): Promise<RevealResult> {
    await this.documents.activate(uri);
    const entry = this.documents.get(uri);
    if (!entry) return { status: 'noDocument' };
    return this.revealIn(entry, questionId, options);
  }

  private async revealIn(entry: ParsedDocument, questionId: string, options: RevealOptions): Promise<RevealResult> {
    const status = statuses(entry).find((q) => q.question.id === questionId);
    if (!status?.section) {
      const file = vscode.workspace.asRelativePath(entry.uri);
      // A question of a theme the document leaves out is added with its theme, not by a sync.
      const theme = entry.analysis.guide?.themes.find((t) => t.questions.some((q) => q.id === questionId));
      if (!status && theme) {
        void showMessageWithCommands('info', t('{0} leaves out the theme "{1}": run "Add Theme…" to answer it too.', file, theme.title), {
          title: t('Add Theme…'),
          command: 'dialogueGuide.addTheme',
          arguments: [entry.uri, [theme.id]],
        });
      } else {
        // A notification, not the status bar, which cuts a message this long short.
        void showMessageWithCommands('info', t('This question has no section in {0} yet: "Add Missing Questions" adds it.', file), {
          title: t('Add Missing Questions'),
          command: 'dialogueGuide.syncDocument',
          arguments: [entry.uri],
        });
      }
      return { status: 'noSection' };
    }
    const shownIn = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === entry.uri.toString())?.viewColumn;
    const editor = await this.select(entry, status, options.preserveFocus ?? false, shownIn ?? options.viewColumn);
    return { status: 'shown', editor };
  }

  /** Goes to the next (or previous) question that is not answered yet, wrapping around. */
  async step(direction: 1 | -1): Promise<void> {
    const entry = this.documents.active;
    if (!entry) {
      void showMessageWithCommands('info', t('Open a strategy document first, or create one with "New Strategy Document".'), {
        title: t('New Strategy Document'),
        command: 'dialogueGuide.newStrategyDocument',
      });
      return;
    }
    const open = statuses(entry).filter((q) => q.state !== 'answered' && q.section);
    if (open.length === 0) {
      const missing = statuses(entry).filter((q) => q.state === 'missing').length;
      void vscode.window.showInformationMessage(
        missing > 0 ? t('Every section is answered. Questions of the guide without a section yet: {0}.', missing) : t('Every question is answered.'),
      );
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const line = editor?.document.uri.toString() === entry.uri.toString() ? editor.selection.active.line : -1;
    // Measured from the section the cursor is in, so "previous" skips the question being edited.
    const here = this.questionAt(entry, line)?.section;
    const start = (q: QuestionStatus) => q.section!.lines.start;
    const next =
      direction === 1
        ? (open.find((q) => start(q) > (here?.lines.start ?? line)) ?? open[0]!)
        : ([...open].reverse().find((q) => start(q) < (here ? here.lines.start : line)) ?? open.at(-1)!);
    await this.select(entry, next, false);
  }

  /** The question (of its guide) whose section holds `line` of the strategy document at `uri`. */
  questionUnder(uri: vscode.Uri, line: number): { guideId: string; questionId: string } | undefined {
    const entry = this.documents.get(uri);
    const guideId = entry?.analysis.guide?.id;
    if (!entry || !guideId) return undefined;
    const status = this.questionAt(entry, line);
    return status && { guideId, questionId: status.question.id };
  }

  /** The question whose section holds `line` of a parsed document. */
  questionAt(entry: ParsedDocument, line: number): QuestionStatus | undefined {
    return statuses(entry).find((q) => q.section && line >= q.section.lines.start && line < q.section.lines.end);
  }

  private async select(entry: ParsedDocument, status: QuestionStatus, preserveFocus: boolean, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
    const section = status.section!;
    // The first line of the answer: the line after the marker's blank line, where typing starts.
    const line = Math.min(section.answerLines.start + (section.answerLines.end - section.answerLines.start > 1 ? 1 : 0), section.answerLines.end);
    const document = await vscode.workspace.openTextDocument(entry.uri);
    const target = Math.min(line, document.lineCount - 1);
    const editor = await vscode.window.showTextDocument(document, { preserveFocus, viewColumn, selection: new vscode.Range(target, 0, target, 0) });
    editor.revealRange(new vscode.Range(section.lines.start, 0, target, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private async documentFor(guideId: string): Promise<ParsedDocument | undefined> {
    const forGuide = (entry: ParsedDocument | undefined) => (entry?.analysis.guide?.id === guideId ? entry : undefined);
    const known = forGuide(this.documents.active) ?? this.documents.documents.find((d) => forGuide(d));
    if (known) return known;
    // No open document answers this guide: open the workspace's first one that does.
    const uri = await this.documents.findFor(guideId);
    if (!uri) return undefined;
    await this.documents.activate(uri);
    return this.documents.get(uri);
  }
}

function statuses(entry: ParsedDocument): QuestionStatus[] {
  return entry.analysis.themes.flatMap((t) => [...t.questions]);
}
