import { coverageGuides, coverageRow } from '../core/coverage';
import { formatFinding } from '../l10n/findingMessages';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, formatOption, parseCommandLine, type CliContext } from './context';
import { formatCoverageReport } from './coverageReport';
import { selectDocuments } from './documents';
import { oneLine } from './escape';
import { loadLibrary, warnAboutGuides } from './library';

/** The options `report` takes; its help lists each of them. */
export const REPORT_OPTIONS = { ...COMMON_OPTIONS, ...GUIDE_FOLDER_OPTION, format: { type: 'string' } } as const;

/**
 * `dialogue-guide report [files…]`: the editor's Coverage view as a table for CI and pull requests.
 * It judges nothing (that is `check`), so it fails only on bad usage or a named file it cannot read.
 */
export async function runReport(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine('report', { args: [...args], options: REPORT_OPTIONS, allowPositionals: true }, context.t);
  const format = formatOption(values.format, ['markdown', 'json', 'csv'] as const, context.t);
  const library = await loadLibrary(context, values['guide-folder'] ?? []);
  warnAboutGuides(library, context);
  const selection = await selectDocuments(context.cwd, positionals, context.t);
  // On standard error, so the report on standard output stays a table a job summary can take whole.
  for (const finding of selection.findings) context.err(oneLine(formatFinding(finding, context.t)));
  const rows = selection.documents.map((document) => coverageRow(document, library.entries));
  const guides = coverageGuides(rows, library.entries, context.locale);
  context.out(formatCoverageReport({ rows, guides, cwd: context.cwd }, format, context.t));
  return selection.findings.some((f) => f.severity === 'error') ? ExitCode.usage : ExitCode.ok;
}
