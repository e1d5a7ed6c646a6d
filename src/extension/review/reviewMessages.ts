import * as vscode from 'vscode';
import type { AnswerReview } from '../../core/answerReview';
import { showMessageWithCommands, type OfferedCommand } from '../commandMessage';
import type { ReviewState, UnavailableReview } from './reviewService';
import { t } from '../l10n';

/** Why review cannot compare `uri` with `base`. */
export type ReviewProblem = Pick<UnavailableReview, 'uri' | 'base' | 'reason'>;

/** Why a review cannot compare, in a sentence. */
export function reviewProblem(state: ReviewProblem): string {
  const reason = state.reason;
  switch (reason.kind) {
    case 'untrusted':
      return t('Comparing with a Git base needs a trusted workspace: in Restricted Mode Dialogue Guide does not run Git.');
    case 'noGit':
      return t('The built-in Git extension is not available or is disabled ("git.enabled"): comparing with a base needs it.');
    case 'gitNotInHost':
      return t('Comparing with a Git base needs VS Code\'s built-in Git extension, which this window does not have (as in a browser: github.dev, vscode.dev). To review, open a clone of the repository in desktop VS Code or in a Codespace; everything else works here.');
    case 'notRepository':
      return t('{0} is not in a Git repository, so there is no base to compare with.', vscode.workspace.asRelativePath(state.uri));
    case 'unknownRef':
      return reason.shallow
        ? t('The review base "{0}" is not in this repository. It is a shallow clone: fetch more history (git fetch --unshallow) or choose another base.', state.base)
        : t('The review base "{0}" is not a branch, tag or commit of this repository: choose another with "Choose Review Base".', state.base);
  }
}

/** The command that gets a review going again, when there is one to offer. */
function remedy(state: ReviewProblem): OfferedCommand | undefined {
  switch (state.reason.kind) {
    case 'unknownRef':
      return { title: t('Choose Review Base'), command: 'dialogueGuide.pickReviewBase' };
    case 'untrusted':
      return { title: t('Manage Workspace Trust'), command: 'workbench.trust.manage' };
    case 'noGit':
      return { title: t('Open Git Settings'), command: 'workbench.action.openSettings', arguments: ['git.enabled'] };
    case 'notRepository':
    case 'gitNotInHost':
      return undefined;
  }
}

/** Tells the user why review cannot compare, with the command that helps as a button. */
export function showReviewProblem(state: ReviewProblem): Promise<void> {
  const offered = remedy(state);
  return showMessageWithCommands('warning', reviewProblem(state), ...(offered ? [offered] : []));
}

/** "1 new, 2 changed, 1 removed": each kind of change counted, in the user's language; undefined when nothing changed. */
export function changeCounts(counts: AnswerReview['counts']): string | undefined {
  const parts = [
    counts.new === 0 ? undefined : counts.new === 1 ? t('1 new') : t('{0} new', counts.new),
    counts.changed === 0 ? undefined : counts.changed === 1 ? t('1 changed') : t('{0} changed', counts.changed),
    counts.removed === 0 ? undefined : counts.removed === 1 ? t('1 removed') : t('{0} removed', counts.removed),
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * A short summary for the tree's title bar: what changed, or why there is no review. Until the
 * user has `asked` for review, a folder without Git (or an untrusted one) is not mentioned: they may only be drafting.
 */
export function reviewSummary(state: ReviewState | undefined, asked: boolean): string | undefined {
  if (!state) return undefined;
  if (state.status === 'ready') {
    if (state.review.notInBase) return t('new since {0}', state.base);
    const counted = changeCounts(state.review.counts);
    return counted ? t('{0} since {1}', counted, state.base) : t('no changes since {0}', state.base);
  }
  switch (state.reason.kind) {
    case 'unknownRef':
      return t('base {0} not found', state.base);
    case 'notRepository':
    case 'noGit':
      return asked ? t('no Git repository') : undefined;
    case 'gitNotInHost':
      return asked ? t('review needs a Git clone') : undefined;
    case 'untrusted':
      return asked ? t('review needs trust') : undefined;
  }
}

/**
 * While the tree shows only changed answers, why its themes are empty: no document, no review,
 * or nothing changed; undefined when changed answers are shown or the filter is off.
 */
export function onlyChangedNote(state: ReviewState | undefined, onlyChanged: boolean): string | undefined {
  if (!onlyChanged) return undefined;
  if (!state) return t('Only changed answers are shown: open a strategy document to compare it with its review base.');
  if (state.status === 'unavailable') return t('Only changed answers are shown, and none can be found: {0}', reviewProblem(state));
  const { counts } = state.review;
  return counts.new + counts.changed + counts.removed === 0 ? t('No answer changed since {0}.', state.base) : undefined;
}
