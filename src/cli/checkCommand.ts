import type { Finding, Severity } from '../core/findings';
import { analyseStrategyDocument } from '../core/strategyDocument';
import { COMMON_OPTIONS, ExitCode, UsageError, formatOption, parseCommandLine, type CliContext } from './context';
import { printCheckReport, type CheckReport, type DocumentCheck, type Requirement } from './checkReport';
import { selectDocuments } from './documents';
import type { Localise } from './l10n';
import { loadLibrary } from './library';

/**
 * In the editor a document without a known guide is a warning, since the guide may still be on its
 * way. In CI nothing was checked against a guide, so passing it would be a false green.
 */
const ERRORS_IN_CI: ReadonlySet<Finding['code']> = new Set(['document.noGuide', 'document.unknownGuide']);

/** `dialogue-guide check`: validates strategy documents and gates CI through its exit code. */
export async function runCheck(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine(
    {
      args: [...args],
      options: { ...COMMON_OPTIONS, require: { type: 'string' }, guide: { type: 'string', multiple: true }, format: { type: 'string' } },
      allowPositionals: true,
    },
    context.t,
  );
  const format = formatOption(values.format, ['text', 'json', 'github'] as const, context.t);
  const requirement = parseRequirement(values.require, context.t);
  const library = await loadLibrary(context, values.guide ?? []);
  const selection = await selectDocuments(context.cwd, positionals, context.t);

  const documents = selection.documents.map((document): DocumentCheck => {
    const analysis = analyseStrategyDocument(document, library.entries);
    const findings = analysis.findings.map((f) => (ERRORS_IN_CI.has(f.code) ? { ...f, severity: 'error' as Severity } : f));
    // A document that could not be held against its guide already fails with an error; "0 of 0 answered" would add nothing.
    const meetsRequirement = requirement && analysis.guide ? analysis.answered * 100 >= requirement.percent * analysis.total : undefined;
    return { document, analysis, findings, meetsRequirement };
  });
  const report: CheckReport = { requirement, documents, findings: [...library.findings, ...selection.findings] };
  printCheckReport(report, format, context);

  const all = [...report.findings, ...documents.flatMap((d) => d.findings)];
  if (selection.findings.length > 0) return ExitCode.usage;
  const failed = all.some((f) => f.severity === 'error') || documents.some((d) => d.meetsRequirement === false);
  return failed ? ExitCode.failed : ExitCode.ok;
}

/** `all` or a percentage such as `80%`. */
function parseRequirement(value: string | undefined, t: Localise): Requirement {
  if (value === undefined) return undefined;
  if (value === 'all') return { percent: 100 };
  const match = /^(\d+(?:\.\d+)?)%$/.exec(value);
  const percent = match ? Number(match[1]) : NaN;
  if (!(percent >= 0 && percent <= 100)) {
    throw new UsageError(t('--require takes "all" or a percentage such as 80%, not "{value}".', { value }));
  }
  return { percent };
}
