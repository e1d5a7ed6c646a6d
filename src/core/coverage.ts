/**
 * Coverage across documents: how far each strategy document is, theme by theme, for the editor's
 * Coverage view and the CLI's `report`. Both build their rows here from the same analysis, so the
 * two cannot count differently.
 */
import type { GuideEntry } from './guide';
import { analyseStrategyDocument, displayName, type AnalyseOptions, type AnswerState, type StrategyAnalysis, type StrategyDocument } from './strategyDocument';

/** One question of a row. */
export interface CoverageQuestion {
  readonly id: string;
  /** "1.2 Formål". */
  readonly name: string;
  readonly state: AnswerState;
}

/** One theme of a row: a cell of the table. */
export interface CoverageTheme {
  readonly id: string;
  readonly title: string;
  readonly answered: number;
  readonly total: number;
  /** The question a click on the theme opens: its first not answered (empty or missing), else its first; undefined without questions. */
  readonly target: string | undefined;
  readonly questions: readonly CoverageQuestion[];
}

/** Why a row has no counts: the document could not be held against a guide. */
export type CoverageProblem = 'frontMatter' | 'noGuide' | 'unknownGuide';

/** One document's row. */
export interface CoverageRow {
  /** The document's path or URI: the row's key. */
  readonly file: string;
  /** The group the row is shown in (a workspace folder's name, or '' when there are no groups). */
  readonly folder: string;
  /** The front matter's title, or undefined without one. */
  readonly title: string | undefined;
  /** The guide's id as the front matter names it. */
  readonly guideId: string | undefined;
  /** The loaded guide's title, in the language the counts were taken in; undefined when it is not loaded. */
  readonly guideTitle: string | undefined;
  readonly status: string | undefined;
  readonly owners: readonly string[];
  readonly answered: number;
  readonly total: number;
  /** The themes in the document's scope (`themes:`, or all of its guide), in guide order. */
  readonly themes: readonly CoverageTheme[];
  readonly problem: CoverageProblem | undefined;
}

/** A column of the table: one theme of one guide. */
export interface CoverageColumn {
  readonly guideId: string;
  readonly themeId: string;
  readonly title: string;
}

/** A guide's columns: every theme of the guide, whether or not a document covers it. */
export interface CoverageGuide {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly CoverageColumn[];
}

/** The row of `document`, analysed against `guides`. */
export function coverageRow(document: StrategyDocument, guides: readonly GuideEntry[], folder = '', options: AnalyseOptions = {}): CoverageRow {
  return coverageRowOf(document, analyseStrategyDocument(document, guides, options), folder);
}

/** The row of a document already analysed (the editor keeps an analysis of every open document). */
export function coverageRowOf(document: StrategyDocument, analysis: StrategyAnalysis, folder = ''): CoverageRow {
  const frontMatter = document.frontMatter;
  const themes = analysis.themes.map((status): CoverageTheme => {
    const questions = status.questions.map(({ question, state }): CoverageQuestion => ({ id: question.id, name: displayName(question), state }));
    return {
      id: status.theme.id,
      title: status.theme.title,
      answered: status.answered,
      total: status.total,
      target: (questions.find((q) => q.state !== 'answered') ?? questions[0])?.id,
      questions,
    };
  });
  return {
    file: document.file,
    folder,
    title: frontMatter?.title,
    guideId: frontMatter?.guide,
    guideTitle: analysis.guide?.title,
    status: frontMatter?.status,
    owners: frontMatter?.owners ?? [],
    answered: analysis.answered,
    total: analysis.total,
    themes,
    problem: analysis.guide ? undefined : !frontMatter ? 'frontMatter' : frontMatter.guide === undefined ? 'noGuide' : 'unknownGuide',
  };
}

/** The columns for `rows`: per guide the rows follow (in order of first use), all of its themes in guide order. */
export function coverageGuides(rows: readonly CoverageRow[], guides: readonly GuideEntry[], language?: string): CoverageGuide[] {
  const used = new Set(rows.map((r) => r.guideId));
  return guides
    .filter((entry) => used.has(entry.id))
    .map((entry) => {
      const guide = language === undefined ? entry.original : (entry.translations.find((t) => t.language === language) ?? entry.original);
      const titles = new Map(guide.themes.map((t) => [t.id, t.title] as const));
      // The original's order, which is every translation's order too.
      return { id: entry.id, title: guide.title, columns: entry.original.themes.map((t) => ({ guideId: entry.id, themeId: t.id, title: titles.get(t.id) ?? t.title })) };
    });
}

/** Rows in the order every front end lists them: by folder, then by file. */
export function compareRows(a: CoverageRow, b: CoverageRow): number {
  return a.folder !== b.folder ? (a.folder < b.folder ? -1 : 1) : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Whether two rows show the same: a refresh that changes nothing is not sent. */
export function sameRow(a: CoverageRow, b: CoverageRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The rows of a workspace, kept up to date one document at a time: `set` and `remove` say whether
 * anything changed, so a view redraws only the row that did.
 */
export class CoverageTable {
  private readonly byFile = new Map<string, CoverageRow>();

  /** Puts `row` in place of the row for its file; false when it shows what was there already. */
  set(row: CoverageRow): boolean {
    const previous = this.byFile.get(row.file);
    if (previous && sameRow(previous, row)) return false;
    this.byFile.set(row.file, row);
    return true;
  }

  /** Removes the row for `file`; false when there was none. */
  remove(file: string): boolean {
    return this.byFile.delete(file);
  }

  get(file: string): CoverageRow | undefined {
    return this.byFile.get(file);
  }

  /** Every row, by folder and file. */
  rows(): CoverageRow[] {
    return [...this.byFile.values()].sort(compareRows);
  }
}
