import { relative, sep } from 'node:path';
import { lineRange, type Finding, type Severity } from '../core/findings';
import type { StrategyAnalysis, StrategyDocument } from '../core/strategyDocument';
import { findingMessage } from '../l10n/findingMessages';
import type { CliContext } from './context';
import { oneLine } from './escape';

/**
 * The percentage of its questions each document must have answered (`all` is 100), and the value
 * of `--require` as it was given, to name it by; undefined when none is required.
 */
export type Requirement = { readonly percent: number; readonly option: string } | undefined;

/** One document checked: its findings as the CLI rates them, and whether it meets the requirement. */
export interface DocumentCheck {
  readonly document: StrategyDocument;
  readonly analysis: StrategyAnalysis;
  readonly findings: readonly Finding[];
  /** undefined when no requirement was given, or the document has no guide to count against. */
  readonly meetsRequirement: boolean | undefined;
}

/** Everything `check` found. */
export interface CheckReport {
  readonly requirement: Requirement;
  readonly documents: readonly DocumentCheck[];
  /** Findings that belong to no document: broken guides, files that could not be read. */
  readonly findings: readonly Finding[];
}

export type CheckFormat = 'text' | 'json' | 'github';

/** Prints the report in `format` to standard output, in one write so 500 documents cost one syscall. */
export function printCheckReport(report: CheckReport, format: CheckFormat, context: CliContext): void {
  const lines = format === 'json' ? [JSON.stringify(asJson(report, context), null, 2)] : format === 'github' ? githubLines(report, context) : textLines(report, context);
  context.out(lines.join('\n'));
}

/**
 * Findings worth a line: unanswered questions (info) would bury everything else in a fresh
 * document, so they are listed only where the document falls short of the requirement.
 */
function shownFindings(check: DocumentCheck): readonly Finding[] {
  return check.meetsRequirement === false ? check.findings : check.findings.filter((f) => f.severity !== 'info');
}

/**
 * The share answered, to the nearest whole percent (4 of 14 is 29), except that it reads 100 only
 * when every question is answered and 0 only when none is: 199 of 200 is 99, as `--require all` judges it.
 */
export function percentOf(analysis: Pick<StrategyAnalysis, 'answered' | 'total'>): number {
  const { answered, total } = analysis;
  if (total === 0 || answered === 0) return 0;
  if (answered >= total) return 100;
  return Math.min(99, Math.max(1, Math.round((answered * 100) / total)));
}

/** A path relative to `folder` with forward slashes, as terminals link and GitHub expects. */
function shortPath(folder: string, file: string): string {
  return relative(folder, file).split(sep).join('/');
}

function severityWord(severity: Severity, context: CliContext): string {
  switch (severity) {
    case 'error':
      return context.t('error');
    case 'warning':
      return context.t('warning');
    case 'info':
      return context.t('info');
  }
}

function progress(check: DocumentCheck, report: CheckReport, context: CliContext): string {
  const { answered, total } = check.analysis;
  const args = { answered, total, percent: percentOf(check.analysis) };
  const done = context.t('{answered} of {total} questions answered ({percent}%)', args);
  if (check.meetsRequirement !== false) return done;
  const required = report.requirement?.percent ?? 100;
  if (total === 0) return `${done}; ${context.t('no questions are in scope (see themes: in the front matter), so the required {required}% cannot be met', { required })}`;
  return `${done}; ${context.t('{required}% required', { required })}`;
}

/** Said, as an annotation, when a requirement was given and no document was there to meet it. */
function nothingToRequire(report: CheckReport, context: CliContext): string | undefined {
  if (!report.requirement || report.documents.length > 0) return undefined;
  return context.t('--require {required}% cannot be met: no strategy documents were checked.', { required: report.requirement.percent });
}

/** Appends without spreading: a document can have more findings than a call can take arguments. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/**
 * The last line: what was found, and whether the requirement was met. Findings alone can add up to
 * no error while the run fails on `--require`, so the line then names the requirement that failed.
 */
function counts(report: CheckReport, context: CliContext): string {
  const all = [...report.findings, ...report.documents.flatMap((d) => d.findings)];
  const count = (severity: Severity) => all.filter((f) => f.severity === severity).length;
  const summary = context.t('Documents checked: {documents}. Errors: {errors}. Warnings: {warnings}.', {
    documents: report.documents.length,
    errors: count('error'),
    warnings: count('warning'),
  });
  if (!report.requirement) return summary;
  const requirement = `--require ${report.requirement.option}`;
  const below = report.documents.filter((d) => d.meetsRequirement === false).length;
  const verdict =
    report.documents.length === 0
      ? context.t('Failed: {requirement} cannot be met without strategy documents.', { requirement })
      : below > 0
        ? context.t('Failed: {below} of {documents} documents below {requirement}.', { below, documents: report.documents.length, requirement })
        : context.t('Every document meets {requirement}.', { requirement });
  return `${summary} ${verdict}`;
}

/** One line per finding and document: a file name or message cannot break its line, so no line is forged. */
function textLines(report: CheckReport, context: CliContext): string[] {
  const path = (file: string) => oneLine(shortPath(context.cwd, file));
  const line = (f: Finding) => `${path(f.file)}:${f.range.start.line + 1}: ${severityWord(f.severity, context)}: ${oneLine(findingMessage(f, context.t))}`;
  const lines = report.findings.map(line);
  for (const check of report.documents) {
    append(lines, shownFindings(check).map(line));
    if (check.analysis.guide) lines.push(`${path(check.document.file)}: ${progress(check, report, context)}`);
  }
  if (report.documents.length === 0) lines.push(context.t('No strategy documents found.'));
  // A requirement with no document to meet it is said by the summary.
  lines.push(counts(report, context));
  return lines;
}

/** GitHub Actions workflow commands; paths are relative to the workspace, which GitHub resolves them against. */
function githubLines(report: CheckReport, context: CliContext): string[] {
  const root = context.env.GITHUB_WORKSPACE ?? context.cwd;
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  const annotation = (severity: Severity, file: string, finding: Pick<Finding, 'range'>, title: string, message: string) => {
    const { start, end } = finding.range;
    const properties = [`file=${shortPath(root, file)}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${title}`];
    return `::${level[severity]} ${properties.map(escapeProperty).join(',')}::${escapeData(message)}`;
  };
  const forFinding = (f: Finding) => annotation(f.severity, f.file, f, `Dialogue Guide (${f.code})`, findingMessage(f, context.t));
  const lines = report.findings.map(forFinding);
  for (const check of report.documents) {
    append(lines, shownFindings(check).map(forFinding));
    if (check.meetsRequirement === false) {
      lines.push(annotation('error', check.document.file, { range: check.document.guideRange ?? lineRange(0) }, 'Dialogue Guide', progress(check, report, context)));
    }
  }
  const unmet = nothingToRequire(report, context);
  if (unmet) lines.push(`::error title=Dialogue Guide::${escapeData(unmet)}`);
  lines.push(counts(report, context));
  return lines;
}

/**
 * Workflow command data: `%`, CR and LF would end or corrupt the command, so they are
 * percent-encoded as GitHub specifies; any other control is shown escaped (`oneLine`).
 */
function escapeData(text: string): string {
  return oneLine(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Property values additionally escape the separators `:` and `,` (only the part after `key=`). */
function escapeProperty(property: string): string {
  const eq = property.indexOf('=');
  return property.slice(0, eq + 1) + escapeData(property.slice(eq + 1)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function findingAsJson(f: Finding, context: CliContext) {
  return {
    file: shortPath(context.cwd, f.file),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: findingMessage(f, context.t),
    args: f.args,
  };
}

function asJson(report: CheckReport, context: CliContext) {
  return {
    requirement: report.requirement ? { percent: report.requirement.percent } : null,
    documents: report.documents.map((check) => ({
      file: shortPath(context.cwd, check.document.file),
      guide: check.analysis.guide?.id ?? null,
      language: check.analysis.guide?.language ?? null,
      answered: check.analysis.answered,
      total: check.analysis.total,
      percent: percentOf(check.analysis),
      meetsRequirement: check.meetsRequirement ?? null,
      questions: check.analysis.themes.flatMap((theme) => theme.questions.map(({ question, state }) => ({ id: question.id, number: question.number, state }))),
      findings: check.findings.map((f) => findingAsJson(f, context)),
    })),
    findings: report.findings.map((f) => findingAsJson(f, context)),
  };
}
