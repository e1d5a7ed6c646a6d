import { relative, sep } from 'node:path';
import type { CoverageGuide, CoverageProblem, CoverageRow, CoverageTheme } from '../core/coverage';
import { percentOf } from './checkReport';
import { markdownInline } from './escape';
import type { Localise } from './l10n';

export type ReportFormat = 'markdown' | 'json' | 'csv';

/** The rows of a `report` and the columns they fall in, with what the formats need to name files. */
export interface CoverageReport {
  readonly rows: readonly CoverageRow[];
  readonly guides: readonly CoverageGuide[];
  /** Paths are written relative to this folder, with forward slashes. */
  readonly cwd: string;
}

/** The whole report in `format`, as one string. */
export function formatCoverageReport(report: CoverageReport, format: ReportFormat, t: Localise): string {
  switch (format) {
    case 'markdown':
      return markdownReport(report, t);
    case 'json':
      return JSON.stringify(jsonReport(report), null, 2);
    case 'csv':
      return csvReport(report);
  }
}

function pathOf(report: CoverageReport, file: string): string {
  return relative(report.cwd, file).split(sep).join('/');
}

/** The row's cell for a theme: undefined when the theme is not in the document's scope. */
function themeOf(row: CoverageRow, themeId: string): CoverageTheme | undefined {
  return row.themes.find((t) => t.id === themeId);
}

function problemText(problem: CoverageProblem, row: CoverageRow, t: Localise): string {
  switch (problem) {
    case 'frontMatter':
      return t('the front matter cannot be read');
    case 'noGuide':
      return t('the front matter names no guide');
    case 'unknownGuide':
      return t('the guide "{id}" is not loaded', { id: row.guideId ?? '' });
  }
}

/**
 * One table per guide, a row per document and a column per theme, ready for a pull-request comment
 * or `$GITHUB_STEP_SUMMARY`. Every value from a document passes `markdownInline`, so a title with
 * `|`, a line break or HTML in it stays inside its cell.
 */
function markdownReport(report: CoverageReport, t: Localise): string {
  const lines = [`## ${t('Dialogue Guide: coverage')}`, ''];
  if (report.rows.length === 0) lines.push(t('No strategy documents found.'));
  for (const guide of report.guides) {
    const rows = report.rows.filter((r) => r.guideId === guide.id && r.problem === undefined);
    if (rows.length === 0) continue;
    const header = [t('Document'), t('Title'), ...guide.columns.map((c) => markdownInline(c.title)), t('Total'), t('Status'), t('Owners')];
    lines.push(`### ${markdownInline(guide.title)}`, '', tableRow(header), tableRow(header.map((_, i) => (i >= 2 && i < header.length - 2 ? '---:' : '---'))));
    for (const row of rows) {
      const cells = guide.columns.map((c) => {
        const theme = themeOf(row, c.themeId);
        return theme ? `${theme.answered}/${theme.total}` : '–';
      });
      const total = `${row.answered}/${row.total} (${percentOf(row)}%)`;
      lines.push(tableRow([markdownInline(pathOf(report, row.file)), markdownInline(row.title ?? ''), ...cells, total, markdownInline(row.status ?? ''), markdownInline(row.owners.join(', '))]));
    }
    lines.push('');
  }
  const unmatched = report.rows.filter((r) => r.problem !== undefined);
  if (unmatched.length > 0) {
    lines.push(`### ${t('Not counted')}`, '');
    for (const row of unmatched) lines.push(`- ${markdownInline(pathOf(report, row.file))}: ${markdownInline(problemText(row.problem!, row, t))}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function tableRow(cells: readonly string[]): string {
  // An empty cell still needs its space, or some renderers merge it with the next.
  return `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
}

function jsonReport(report: CoverageReport) {
  return {
    documents: report.rows.map((row) => ({
      file: pathOf(report, row.file),
      title: row.title ?? null,
      guide: row.guideId ?? null,
      status: row.status ?? null,
      owners: row.owners,
      answered: row.answered,
      total: row.total,
      percent: percentOf(row),
      problem: row.problem ?? null,
      themes: row.themes.map((theme) => ({ id: theme.id, title: theme.title, answered: theme.answered, total: theme.total })),
      questions: row.themes.flatMap((theme) => theme.questions.map((q) => ({ id: q.id, theme: theme.id, state: q.state }))),
    })),
  };
}

/**
 * A header row and a row per document: file, title, guide, status, owners (`; ` between), answered,
 * total, then `answered/total` under `<guide>:<theme>` for every theme of every guide (empty where
 * a document does not cover it). Quoted as RFC 4180 says.
 */
function csvReport(report: CoverageReport): string {
  const columns = report.guides.flatMap((g) => g.columns);
  const header = ['file', 'title', 'guide', 'status', 'owners', 'answered', 'total', ...columns.map((c) => `${c.guideId}:${c.themeId}`)];
  const rows = report.rows.map((row) => [
    pathOf(report, row.file),
    row.title ?? '',
    row.guideId ?? '',
    row.status ?? '',
    row.owners.join('; '),
    String(row.answered),
    String(row.total),
    ...columns.map((c) => {
      const theme = c.guideId === row.guideId ? themeOf(row, c.themeId) : undefined;
      return theme ? `${theme.answered}/${theme.total}` : '';
    }),
  ]);
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\n');
}

/**
 * A CSV field: quoted when it holds a comma, a quote or a line break, its quotes doubled (RFC 4180).
 * A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading
 * `'`, as OWASP advises, so opening the report cannot run what a document's title holds.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
