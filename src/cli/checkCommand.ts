import type { Finding } from '../core/findings';
import { CI_SEVERITY_POLICY, severityFor } from '../core/severityPolicy';
import { analyseStrategyDocument } from '../core/strategyDocument';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, UsageError, formatOption, parseCommandLine, type CliContext } from './context';
import { printCheckReport, type CheckReport, type DocumentCheck, type Requirement } from './checkReport';
import { selectDocuments } from './documents';
import type { Localise } from './l10n';
import { loadLibrary } from './library';

/** The options `check` takes; its help lists each of them. */
export const CHECK_OPTIONS = { ...COMMON_OPTIONS, ...GUIDE_FOLDER_OPTION, require: { type: 'string' }, format: { type: 'string' } } as const;

/** `dialogue-guide check`: validates strategy documents and gates CI through its exit code. */
export async function runCheck(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine('check', { args: [...args], options: CHECK_OPTIONS, allowPositionals: true }, context.t);
  const format = formatOption(values.format, ['text', 'json', 'github'] as const, context.t);
  const requirement = parseRequirement(values.require, context.t);
  const library = await loadLibrary(context, values['guide-folder'] ?? []);
  const selection = await selectDocuments(context.cwd, positionals, context.t);

  const documents = selection.documents.map((document): DocumentCheck => {
    const analysis = analyseStrategyDocument(document, library.entries);
    const findings = analysis.findings.flatMap((f): Finding[] => {
      const severity = severityFor(f, CI_SEVERITY_POLICY, document.frontMatter?.status);
      // The CI policy reports everything and has no hints (an editor-only level); info is its nearest.
      return severity === undefined ? [] : [{ ...f, severity: severity === 'hint' ? 'info' : severity }];
    });
    // A document that could not be held against its guide already fails with an error. One with no
    // questions in scope (its themes: name none of the guide's) cannot meet a requirement: "0 of 0" is no proof.
    const meetsRequirement = requirement && analysis.guide ? analysis.total > 0 && analysis.answered * 100 >= requirement.percent * analysis.total : undefined;
    return { document, analysis, findings, meetsRequirement };
  });
  const report: CheckReport = { requirement, documents, findings: [...library.findings, ...selection.findings] };
  printCheckReport(report, format, context);

  // A file that was found but could not be checked (named and unreadable, too large, not UTF-8) is bad input.
  if (selection.findings.some((f) => f.severity === 'error')) return ExitCode.usage;
  const failed =
    library.findings.some((f) => f.severity === 'error') ||
    documents.some((d) => d.meetsRequirement === false || d.findings.some((f) => f.severity === 'error')) ||
    // A requirement with no document to meet it is no pass either: the files asked for were not there.
    (requirement !== undefined && documents.length === 0);
  return failed ? ExitCode.failed : ExitCode.ok;
}

/** `all` or a percentage such as `80%`. */
function parseRequirement(value: string | undefined, t: Localise): Requirement {
  if (value === undefined) return undefined;
  if (value === 'all') return { percent: 100, option: value };
  const match = /^(\d+(?:\.\d+)?)%$/.exec(value);
  const percent = match ? Number(match[1]) : NaN;
  if (!(percent >= 0 && percent <= 100)) {
    throw new UsageError(t('--require takes "all" or a percentage such as 80%, not "{value}".', { value }));
  }
  return { percent, option: value };
}
