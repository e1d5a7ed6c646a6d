import type { ExportModel } from '../core/export/exportModel';
import type { ExportLabels } from '../l10n/exportLabels';

/** One line of the title block under the title: organisation, status, date, guide. */
export interface TitleBlockRow {
  readonly label: string;
  readonly value: string;
}

/** The title block's lines, those the front matter has, in the same order in every format. */
export function titleBlockRows(model: ExportModel, labels: ExportLabels): TitleBlockRow[] {
  const rows: TitleBlockRow[] = [];
  if (model.organisation) rows.push({ label: labels.organisation, value: model.organisation });
  if (model.status) rows.push({ label: labels.status, value: labels.statusValue(model.status) });
  if (model.date) rows.push({ label: labels.date, value: model.date });
  rows.push({ label: labels.guide, value: labels.guideVersion(model.guideTitle, model.guideVersion) });
  return rows;
}
