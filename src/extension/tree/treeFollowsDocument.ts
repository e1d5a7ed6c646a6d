import * as vscode from 'vscode';
import type { AnswerMark, ReviewMark, TreeNode } from '../../core/guideTree';
import type { Navigator } from '../documents/navigator';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideTreeModel } from './guideTreeModel';
import { t } from '../l10n';

/** Answer marks for the tree from an analysed document. */
function answerMarks(entry: ParsedDocument | undefined): Map<string, AnswerMark> | undefined {
  if (!entry?.analysis.guide) return undefined;
  return new Map(entry.analysis.themes.flatMap((t) => t.questions.map((q) => [q.question.id, q.state] as const)));
}

/**
 * Keeps the tree in step with the active strategy document: its answer marks (and, from review,
 * its change marks) on the rows, and the row of the question being edited selected.
 */
export class TreeFollowsDocument implements vscode.Disposable {
  private review: ReadonlyMap<string, ReviewMark> | undefined;
  private reviewNote: string | undefined;
  private readonly disposables: vscode.Disposable[];
  private followTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly documents: StrategyDocuments,
    private readonly model: GuideTreeModel,
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly navigator: Navigator,
  ) {
    this.disposables = [
      documents.onDidChangeActive(() => this.annotate()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleFollow(e.textEditor)),
    ];
    this.annotate();
  }

  /** Sets the review marks (undefined: no review) for the active document, and a note from review for the tree's message (why it shows nothing). */
  setReview(review: ReadonlyMap<string, ReviewMark> | undefined, note?: string): void {
    this.review = review;
    this.reviewNote = note;
    this.annotate();
  }

  private annotate(): void {
    const entry = this.documents.active;
    this.model.annotate({ guideId: entry?.analysis.guide?.id, answers: answerMarks(entry), review: this.review });
    const guide = entry?.analysis.guide;
    const answered = entry && guide ? t('{0}: {1}/{2} answered', vscode.workspace.asRelativePath(entry.uri), entry.analysis.answered, entry.analysis.total) : undefined;
    this.view.message = [answered, this.reviewNote].filter(Boolean).join(' — ') || undefined;
  }

  private scheduleFollow(editor: vscode.TextEditor): void {
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => this.follow(editor), 100);
  }

  /** Selects the row of the question under the cursor, without taking focus from the editor. */
  private follow(editor: vscode.TextEditor): void {
    if (!this.view.visible) return;
    const entry = this.documents.get(editor.document.uri);
    const guideId = entry?.analysis.guide?.id;
    const status = entry && this.navigator.questionAt(entry, editor.selection.active.line);
    const node = guideId && status && this.model.question(guideId, status.question.id);
    if (node && this.view.selection[0] !== node) void this.view.reveal(node, { select: true, focus: false });
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
  }
}
