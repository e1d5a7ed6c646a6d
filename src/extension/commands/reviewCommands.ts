import * as vscode from 'vscode';
import { showMessageWithCommands } from '../commandMessage';
import { findQuestion } from '../../core/guide';
import type { TreeNode } from '../../core/guideTree';
import type { Navigator } from '../documents/navigator';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { GuideService } from '../guideService';
import { answerUri } from '../review/answerDiff';
import type { Ref } from '../review/gitApi';
import { showReviewProblem } from '../review/reviewMessages';
import type { ReadyReview, ReviewService } from '../review/reviewService';
import type { GuideTreeModel } from '../tree/guideTreeModel';
import { requireTrust } from '../trust';
import type { Command } from './commandManager';
import { questionArgument } from './guideCommands';
import { t } from '../l10n';

/** Tells the user to open a strategy document, with New Strategy Document as a button. */
function askForDocument(): void {
  void showMessageWithCommands('info', t('Open a strategy document first, or create one with "New Strategy Document".'), {
    title: t('New Strategy Document'),
    command: 'dialogueGuide.newStrategyDocument',
  });
}

/** The review, refreshed if none was made yet; tells the user why not when it cannot compare. */
async function usableReview(review: ReviewService): Promise<ReadyReview | undefined> {
  if (!requireTrust(t('Comparing with a Git base'))) return undefined;
  review.ask();
  const state = review.current ?? (await review.refresh());
  if (!state) {
    askForDocument();
    return undefined;
  }
  if (state.status === 'unavailable') {
    void showReviewProblem(state);
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
    private readonly model: GuideTreeModel,
    private readonly view: vscode.TreeView<TreeNode>,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    const state = await usableReview(this.review);
    if (!state) return;
    const questionId = this.questionOf(arg);
    if (!questionId) {
      void vscode.window.showInformationMessage(t('Select a question in the Dialogue Guide view first.'));
      return;
    }
    // The row's inline button does not select the row; selecting it makes Next Changed Answer go on from here.
    const node = this.model.question(state.guideId, questionId);
    if (node && this.view.visible && this.view.selection[0] !== node) await this.view.reveal(node, { select: true, focus: false });
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
  const title = t('{0} ({1} ↔ now)', label, state.base);
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
      void vscode.window.showInformationMessage(t('No answer changed since {0}.', state.base));
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

/** Chooses the review base among the repository's branches, remote branches and tags (or any ref typed in), for this user only. */
export class PickReviewBaseCommand implements Command {
  readonly id = 'dialogueGuide.pickReviewBase';

  constructor(
    private readonly review: ReviewService,
    private readonly documents: StrategyDocuments,
  ) {}

  async execute(base?: unknown): Promise<void> {
    if (!requireTrust(t('Comparing with a Git base'))) return;
    const uri = this.documents.active?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (typeof base === 'string' && base.trim()) {
      await this.review.chooseBase(uri, base.trim());
      return;
    }
    if (!uri) {
      askForDocument();
      return;
    }
    const problem = await this.repositoryProblem(uri);
    if (problem) {
      this.review.ask();
      void showReviewProblem({ uri, base: this.review.base(uri), reason: { kind: problem } });
      return;
    }
    const chosen = await this.pick(uri);
    if (chosen) await this.review.chooseBase(uri, chosen.ref);
  }

  /** Why there are no refs to offer for `uri`, found at once. */
  private async repositoryProblem(uri: vscode.Uri): Promise<'noGit' | 'gitNotInHost' | 'notRepository' | undefined> {
    const unavailable = await this.review.reader.gitUnavailable();
    if (unavailable) return unavailable;
    return (await this.review.reader.repository(uri)) ? undefined : 'notRepository';
  }

  /** The base picked (`ref` undefined: follow the setting again), or undefined when the pick was dismissed. */
  private async pick(uri: vscode.Uri): Promise<{ ref: string | undefined } | undefined> {
    type Item = vscode.QuickPickItem & { ref: string | undefined };
    const current = this.review.base(uri);
    const setting = this.review.settingBase(uri);
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = t('Review base');
    pick.placeholder = t('Compare answers with… (type a commit or ref to use it)');
    const fixed: Item[] = [
      ...(this.review.chosenBase(uri) !== undefined
        ? [{ label: t('$(discard) Follow the setting: {0}', setting), description: 'dialogueGuide.review.base', ref: undefined }]
        : []),
      { label: 'HEAD', description: t('the last commit'), ref: 'HEAD' },
    ];
    pick.items = fixed;
    pick.busy = true;
    const chosen = new Promise<{ ref: string | undefined } | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        const typed = pick.value.trim();
        resolve(item ? { ref: item.ref } : typed ? { ref: typed } : undefined);
      });
      pick.onDidHide(() => resolve(undefined));
    });
    pick.show();
    const kinds: Record<Ref['type'], string> = { 0: t('branch'), 1: t('remote branch'), 2: t('tag') };
    const refs = await reviewBaseRefs(this.review, uri);
    const items = [...fixed, ...refs.map((r) => ({ label: r.name, description: `${kinds[r.type]} ${r.commit?.slice(0, 7) ?? ''}`.trim(), ref: r.name }))];
    pick.items = items;
    pick.activeItems = items.filter((item) => item.ref === current);
    pick.busy = false;
    const result = await chosen;
    pick.dispose();
    return result;
  }
}

/** The branches, remote branches and tags of `uri`'s repository, read from Git now: `state.refs` is empty in current Git extensions. */
export async function reviewBaseRefs(review: ReviewService, uri: vscode.Uri): Promise<(Ref & { name: string })[]> {
  const repository = await review.reader.repository(uri);
  const refs = await repository?.getRefs({ sort: 'alphabetically' }).catch(() => []);
  // HEAD is offered first on its own; a remote's HEAD only repeats its default branch.
  return (refs ?? []).filter((r): r is Ref & { name: string } => !!r.name && r.name !== 'HEAD' && !r.name.endsWith('/HEAD'));
}

/** Shows only the questions whose answer changed since the base, or all of them again. */
export class FilterChangedCommand implements Command {
  readonly id: string;

  constructor(
    private readonly onlyChanged: boolean,
    private readonly model: GuideTreeModel,
    private readonly review: ReviewService,
  ) {
    this.id = onlyChanged ? 'dialogueGuide.showOnlyChanged' : 'dialogueGuide.showAllQuestions';
  }

  async execute(): Promise<void> {
    if (this.onlyChanged) this.review.ask();
    this.model.onlyChanged = this.onlyChanged;
    await vscode.commands.executeCommand('setContext', 'dialogueGuide.onlyChanged', this.onlyChanged);
  }
}
