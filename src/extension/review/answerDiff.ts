import * as vscode from 'vscode';
import { answersOf } from '../../core/answerReview';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import { reviewProblem, showReviewProblem } from './reviewMessages';
import type { ReviewService, UnavailableReview } from './reviewService';

/** The scheme of the read-only documents that hold one question's answer, at the base or now. */
const ANSWER_SCHEME = 'dialogue-guide-answer';

type Side = 'base' | 'current';

/** The URI of one side of a question's answer diff. */
export function answerUri(document: vscode.Uri, questionId: string, side: Side): vscode.Uri {
  const query = new URLSearchParams({ doc: document.toString(), side }).toString();
  return vscode.Uri.from({ scheme: ANSWER_SCHEME, path: `/${questionId}.md`, query });
}

/**
 * Serves the answer texts the diff editor compares: the base side from the review, the current
 * side live from the open document, so the diff follows typing.
 */
export function registerAnswerDiffProvider(documents: StrategyDocuments, review: ReviewService): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent(uri) {
      const params = new URLSearchParams(uri.query);
      const doc = params.get('doc') ?? '';
      const questionId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      if (params.get('side') === 'current') {
        const entry = documents.get(vscode.Uri.parse(doc));
        return entry ? (answersOf(entry.parsed, entry.analysis.guide).get(questionId) ?? '') : '';
      }
      const state = review.reviewOf(doc);
      // An empty base side would show an unchanged answer as new: say why there is no base instead.
      if (state?.status === 'unavailable') return reviewProblem(state);
      if (state?.status !== 'ready') return '';
      return state.review.questions.find((q) => q.questionId === questionId)?.base ?? '';
    },
  };
  const refreshOpen = () => {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === ANSWER_SCHEME) changed.fire(document.uri);
  };
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(ANSWER_SCHEME, provider),
    review.onDidChange((state) => {
      if (state?.status === 'unavailable') void closeAnswerDiffs(state);
      refreshOpen();
    }),
    documents.onDidChange(refreshOpen),
  );
}

/** The diff tabs showing an answer of `document`. */
export function answerDiffTabs(document: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === ANSWER_SCHEME && new URLSearchParams(tab.input.original.query).get('doc') === document.toString());
}

/** A document's answer diffs have no base any more: closes them and says why, with the command that helps. */
async function closeAnswerDiffs(state: UnavailableReview): Promise<void> {
  const tabs = answerDiffTabs(state.uri);
  if (tabs.length === 0) return;
  await vscode.window.tabGroups.close(tabs);
  await showReviewProblem(state);
}
