import * as vscode from 'vscode';
import type { ReviewState, UnavailableReview } from './reviewService';

/** Why a review cannot compare, in a sentence. */
export function reviewProblem(state: UnavailableReview): string {
  const reason = state.reason;
  switch (reason.kind) {
    case 'untrusted':
      return vscode.l10n.t('Comparing with a Git base needs a trusted workspace: in Restricted Mode Dialogue Guide does not run Git.');
    case 'noGit':
      return vscode.l10n.t('The built-in Git extension is not available or is disabled ("git.enabled"): comparing with a base needs it.');
    case 'notRepository':
      return vscode.l10n.t('{0} is not in a Git repository, so there is no base to compare with.', vscode.workspace.asRelativePath(state.uri));
    case 'unknownRef':
      return reason.shallow
        ? vscode.l10n.t('The review base "{0}" is not in this repository. It is a shallow clone: fetch more history (git fetch --unshallow) or choose another base.', state.base)
        : vscode.l10n.t('The review base "{0}" is not a branch, tag or commit of this repository: choose another with "Choose Review Base".', state.base);
  }
}

/** A short summary for the tree's title bar: how many answers changed, or why there is no review. */
export function reviewSummary(state: ReviewState | undefined): string | undefined {
  if (!state) return undefined;
  if (state.status === 'ready') {
    const { counts, notInBase } = state.review;
    if (notInBase) return vscode.l10n.t('new since {0}', state.base);
    const changed = counts.new + counts.changed + counts.removed;
    return changed === 0 ? vscode.l10n.t('no changes since {0}', state.base) : vscode.l10n.t('{0} changed since {1}', changed, state.base);
  }
  switch (state.reason.kind) {
    case 'unknownRef':
      return vscode.l10n.t('base {0} not found', state.base);
    case 'notRepository':
    case 'noGit':
      return vscode.l10n.t('no Git repository');
    case 'untrusted':
      return vscode.l10n.t('review needs trust');
  }
}
