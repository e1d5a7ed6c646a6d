// Speed of the Coverage view's data: the first paint of 500 documents (from the parsed documents
// the workspace index holds to the table message posted to the page) and the refresh of one row.
import { join, resolve } from 'node:path';
import { coverageGuides, coverageRow, CoverageTable } from '../src/core/coverage';
import { findGuideEntry, inLanguage } from '../src/core/guide';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { scaffoldStrategyDocument } from '../src/core/scaffold';
import { parseStrategyDocument } from '../src/core/strategyDocument';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import { medianMs, type BenchRow } from './benchTiming';

const DOCUMENTS = 500;

export async function benchCoverage(): Promise<BenchRow[]> {
  const library = await loadGuideLibrary(nodeFileSystem, [join(resolve(__dirname, '..', '..'), 'content')]);
  const guide = inLanguage(findGuideEntry(library.entries, 'sociale-medier-i-lokalpolitikken')!, 'da');
  const scaffold = scaffoldStrategyDocument(guide, { title: 'Strategi', organisation: 'Eksempel Kommune' });
  // Every document answered to a different depth, in one of five folders, as a municipality's would be.
  const markers = [...scaffold.matchAll(/^<!-- dialogue-guide: \S+\/\S+ -->$/gm)].map((m) => m[0]);
  const documents = Array.from({ length: DOCUMENTS }, (_, i) => {
    let text = scaffold;
    for (const marker of markers.slice(0, i % (markers.length + 1))) text = text.replace(marker, `${marker}\n\nSvar på spørgsmålet i dokument ${i}.`);
    return parseStrategyDocument(text, `file:///forvaltning-${i % 5}/strategi-${i}.md`);
  });
  const firstPaint = medianMs(11, () => {
    const table = new CoverageTable();
    for (const [i, document] of documents.entries()) table.set(coverageRow(document, library.entries, `forvaltning-${i % 5}`, { language: 'da' }));
    const rows = table.rows();
    return JSON.stringify({ type: 'table', table: { guides: coverageGuides(rows, library.entries, 'da'), rows } });
  });
  const table = new CoverageTable();
  for (const [i, document] of documents.entries()) table.set(coverageRow(document, library.entries, `forvaltning-${i % 5}`, { language: 'da' }));
  let edit = 0;
  const refresh = medianMs(21, () => {
    // An edit flips the answer count of one document; the row and the columns check are what an update costs.
    const document = documents[(edit++ * 7) % DOCUMENTS]!;
    const row = coverageRow(document, library.entries, 'forvaltning-0', { language: 'da' });
    table.set({ ...row, answered: row.answered + (edit % 2) });
    return JSON.stringify(coverageGuides(table.rows(), library.entries, 'da'));
  });
  return [
    { name: `Coverage view: first paint data of ${DOCUMENTS} documents (rows, columns and the table message; median of 11)`, value: firstPaint, unit: 'ms', limit: 300 },
    { name: `Coverage view: refresh of one row among ${DOCUMENTS} (median of 21)`, value: refresh, unit: 'ms', limit: 50 },
  ];
}
