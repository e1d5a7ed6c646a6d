import type { Finding, Severity } from './findings';

/** `dialogueGuide.diagnostics.unanswered`: how loudly an unanswered question is reported. */
export type UnansweredLevel = 'information' | 'hint' | 'off';

/** A finding's severity as reported: `hint` shows only in the editor, never in the Problems panel. */
export type ReportedSeverity = Severity | 'hint';

/** What a front end decides about severities, and nothing else: the rules stay in `severityFor`. */
export interface SeverityPolicy {
  readonly unanswered: UnansweredLevel;
  /**
   * A document whose guide is not named or not loaded: a warning in the editor, where the guide
   * may still be on its way; an error in CI, where nothing was checked and passing would be a false green.
   */
  readonly missingGuide: 'warning' | 'error';
}

/** The editor's policy, from its setting. */
export function editorSeverityPolicy(unanswered: UnansweredLevel): SeverityPolicy {
  return { unanswered, missingGuide: 'warning' };
}

/** `dialogue-guide check`'s policy: unanswered questions are information, a missing guide an error. */
export const CI_SEVERITY_POLICY: SeverityPolicy = { unanswered: 'information', missingGuide: 'error' };

/** The severity a finding is reported with under `policy`; undefined when it is not reported at all. */
export function severityFor(finding: Finding, policy: SeverityPolicy): ReportedSeverity | undefined {
  switch (finding.code) {
    case 'question.unanswered':
      return policy.unanswered === 'off' ? undefined : policy.unanswered === 'hint' ? 'hint' : 'info';
    case 'document.noGuide':
    case 'document.unknownGuide':
      return policy.missingGuide;
    default:
      return finding.severity;
  }
}
