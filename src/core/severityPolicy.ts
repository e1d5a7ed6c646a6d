import type { Finding, Severity } from './findings';

/** How loudly an unanswered question is reported. */
export type UnansweredLevel = 'warning' | 'information' | 'hint' | 'off';

/** `dialogueGuide.diagnostics.unanswered`: a level, or `status` to let the document's `status:` decide. */
export type UnansweredSetting = UnansweredLevel | 'status';

/** A finding's severity as reported: `hint` shows only in the editor, never in the Problems panel. */
export type ReportedSeverity = Severity | 'hint';

/** What a front end decides about severities, and nothing else: the rules stay in `severityFor`. */
export interface SeverityPolicy {
  /** `status`: as loud as the document's status asks (`unansweredLevelFor`); a level: always that. */
  readonly unanswered: UnansweredSetting;
  /**
   * A document whose guide is not named or not loaded: a warning in the editor, where the guide
   * may still be on its way; an error in CI, where nothing was checked and passing would be a false green.
   */
  readonly missingGuide: 'warning' | 'error';
}

/** The editor's policy: the setting's level when the user set one, else the document's status decides. */
export function editorSeverityPolicy(unanswered: UnansweredSetting = 'status'): SeverityPolicy {
  return { unanswered, missingGuide: 'warning' };
}

/** `dialogue-guide check`'s policy: unanswered questions as the document's status asks, a missing guide an error. */
export const CI_SEVERITY_POLICY: SeverityPolicy = { unanswered: 'status', missingGuide: 'error' };

/** The statuses the product knows: the scaffold writes `draft`; a team moves a document on to `review` and `final`. */
export type KnownStatus = 'draft' | 'review' | 'final';

/** The known status front matter `status: <status>` names (any case, spaces around), if any. */
export function knownStatus(status: string | undefined): KnownStatus | undefined {
  const normalised = status?.trim().toLowerCase();
  return normalised === 'draft' || normalised === 'review' || normalised === 'final' ? normalised : undefined;
}

/**
 * How loud an unanswered question is in a document with front matter `status: <status>`: while it
 * is drafted (`draft`, or no status) a gap is work in progress, a hint; in `review` it is worth
 * seeing in the Problems panel; once `final` it is a warning. A status of the team's own is read as `review`.
 */
export function unansweredLevelFor(status: string | undefined): UnansweredLevel {
  if (!status?.trim()) return 'hint';
  switch (knownStatus(status)) {
    case 'draft':
      return 'hint';
    case 'final':
      return 'warning';
    default:
      return 'information';
  }
}

const LEVEL_SEVERITY: Readonly<Record<UnansweredLevel, ReportedSeverity | undefined>> = { warning: 'warning', information: 'info', hint: 'hint', off: undefined };

/**
 * The severity a finding is reported with under `policy`, in a document whose front matter has
 * `status` (undefined without one); undefined when it is not reported at all.
 */
export function severityFor(finding: Finding, policy: SeverityPolicy, status: string | undefined): ReportedSeverity | undefined {
  switch (finding.code) {
    case 'question.unanswered':
      return LEVEL_SEVERITY[policy.unanswered === 'status' ? unansweredLevelFor(status) : policy.unanswered];
    case 'document.noGuide':
    case 'document.unknownGuide':
      return policy.missingGuide;
    default:
      return finding.severity;
  }
}
