import * as vscode from 'vscode';
import { answersOf } from '../../core/answerReview';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { ReviewService } from './reviewService';

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
        return entry ? (answersOf(entry.parsed).get(questionId) ?? '') : '';
      }
      const state = review.reviewOf(doc);
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
    review.onDidChange(refreshOpen),
    documents.onDidChange(refreshOpen),
  );
}
