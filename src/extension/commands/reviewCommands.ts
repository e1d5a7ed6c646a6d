import * as vscode from 'vscode';
import { findQuestion } from '../../core/guide';
import type { TreeNode } from '../../core/guideTree';
import type { Navigator } from '../documents/navigator';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';
import { answerUri } from '../review/answerDiff';
import type { Ref } from '../review/gitApi';
import { reviewProblem } from '../review/reviewMessages';
import { reviewBase, type ReadyReview, type ReviewService } from '../review/reviewService';
import type { GuideTreeModel } from '../tree/guideTreeModel';
import { requireTrust } from '../trust';
import type { Command } from './commandManager';
import { questionArgument } from './guideCommands';

/** The review, refreshed if none was made yet; tells the user why not when it cannot compare. */
async function usableReview(review: ReviewService): Promise<ReadyReview | undefined> {
  if (!requireTrust(vscode.l10n.t('Comparing with a Git base'))) return undefined;
  const state = review.current ?? (await review.refresh());
  if (!state) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a strategy document first, or create one with "New Strategy Document".'));
    return undefined;
  }
  if (state.status === 'unavailable') {
    void vscode.window.showWarningMessage(reviewProblem(state));
    return undefined;
  }
  return state;
}

/** Opens the diff editor on one question's answer: at the review base on the left, now on the right. */
export class CompareWithBaseCommand implements Command {
  readonly id = 'dialogueGuide.compareWithBase';

  constructor(
    private readonly review: ReviewService,
    private readonly guides: GuideService,
    private readonly documents: StrategyDocuments,
    private readonly navigator: Navigator,
    private readonly view: vscode.TreeView<TreeNode>,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    const state = await usableReview(this.review);
    if (!state) return;
    const questionId = this.questionOf(arg);
    if (!questionId) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a question in the Dialogue Guide view first.'));
      return;
    }
    await openAnswerDiff(state, questionId, this.guides);
  }

  private questionOf(arg: unknown): string | undefined {
    const node = questionArgument(arg, this.view);
    if (node) return node.questionId;
    if (typeof arg === 'object' && arg !== null && typeof (arg as { questionId?: unknown }).questionId === 'string') return (arg as { questionId: string }).questionId;
    const editor = vscode.window.activeTextEditor;
    const entry = editor && this.documents.get(editor.document.uri);
    return entry && this.navigator.questionAt(entry, editor.selection.active.line)?.question.id;
  }
}

async function openAnswerDiff(state: ReadyReview, questionId: string, guides: GuideService): Promise<void> {
  const guide = guides.guide(state.guideId);
  const question = guide && findQuestion(guide, questionId)?.question;
  const label = question ? `${question.number} ${question.label}` : questionId;
  const title = vscode.l10n.t('{0} ({1} ↔ now)', label, state.base);
  await vscode.commands.executeCommand('vscode.diff', answerUri(state.uri, questionId, 'base'), answerUri(state.uri, questionId, 'current'), title, { preview: true });
}

/** Steps through the answers that changed since the base, opening each one's diff. */
export class StepChangedAnswerCommand implements Command {
  readonly id: string;
  private last: string | undefined;

  constructor(
    private readonly direction: 1 | -1,
    private readonly review: ReviewService,
    private readonly guides: GuideService,
    private readonly model: GuideTreeModel,
    private readonly view: vscode.TreeView<TreeNode>,
  ) {
    this.id = direction === 1 ? 'dialogueGuide.nextChangedAnswer' : 'dialogueGuide.previousChangedAnswer';
  }

  async execute(): Promise<void> {
    const state = await usableReview(this.review);
    if (!state) return;
    const changed = state.review.questions.filter((q) => q.change !== 'unchanged').map((q) => q.questionId);
    if (changed.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No answer changed since {0}.', state.base));
      return;
    }
    const selected = this.view.selection[0];
    const from = selected?.kind === 'question' ? selected.questionId : this.last;
    const index = from === undefined ? -1 : changed.indexOf(from);
    const start = this.direction === 1 ? 0 : changed.length - 1;
    const next = changed[index === -1 ? start : (index + this.direction + changed.length) % changed.length]!;
    this.last = next;
    const node = this.model.question(state.guideId, next);
    if (node && this.view.visible) await this.view.reveal(node, { select: true, focus: false });
    await openAnswerDiff(state, next, this.guides);
  }
}

/** Chooses the review base among the repository's branches and tags (or any ref typed in). */
export class PickReviewBaseCommand implements Command {
  readonly id = 'dialogueGuide.pickReviewBase';

  constructor(
    private readonly review: ReviewService,
    private readonly documents: StrategyDocuments,
  ) {}

  async execute(base?: unknown): Promise<void> {
    if (!requireTrust(vscode.l10n.t('Comparing with a Git base'))) return;
    let chosen = typeof base === 'string' && base.trim() ? base.trim() : undefined;
    if (!chosen) {
      const uri = this.documents.active?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const repository = uri && (await this.review.reader.repository(uri));
      const refs = repository?.state.refs ?? [];
      const kinds: Record<Ref['type'], string> = { 0: vscode.l10n.t('branch'), 1: vscode.l10n.t('remote branch'), 2: vscode.l10n.t('tag') };
      const current = reviewBase(uri);
      const items = [
        { label: 'HEAD', description: vscode.l10n.t('the last commit'), ref: 'HEAD' },
        ...refs.filter((r) => r.name).map((r) => ({ label: r.name!, description: `${kinds[r.type]} ${r.commit?.slice(0, 7) ?? ''}`.trim(), ref: r.name! })),
      ].map((item) => ({ ...item, picked: item.ref === current }));
      const pick = vscode.window.createQuickPick<(typeof items)[number]>();
      pick.title = vscode.l10n.t('Review base');
      pick.placeholder = vscode.l10n.t('Compare answers with… (type a commit or ref to use it)');
      pick.items = items;
      chosen = await new Promise<string | undefined>((resolve) => {
        pick.onDidAccept(() => resolve(pick.selectedItems[0]?.ref ?? (pick.value.trim() || undefined)));
        pick.onDidHide(() => resolve(undefined));
        pick.show();
      });
      pick.dispose();
    }
    if (!chosen) return;
    await vscode.workspace.getConfiguration('dialogueGuide').update('review.base', chosen, vscode.ConfigurationTarget.Workspace);
    await this.review.refresh();
  }
}

/** Shows only the questions whose answer changed since the base, or all of them again. */
export class FilterChangedCommand implements Command {
  readonly id: string;

  constructor(
    private readonly onlyChanged: boolean,
    private readonly model: GuideTreeModel,
  ) {
    this.id = onlyChanged ? 'dialogueGuide.showOnlyChanged' : 'dialogueGuide.showAllQuestions';
  }

  async execute(): Promise<void> {
    this.model.onlyChanged = this.onlyChanged;
    await vscode.commands.executeCommand('setContext', 'dialogueGuide.onlyChanged', this.onlyChanged);
  }
}
