import type { Range } from './findings';

/** Where a piece of content was defined, for findings and "go to definition". */
export interface Source {
  readonly file: string;
  readonly range: Range;
}

/** A question the management group answers; `id` is stable forever (documents refer to it). */
export interface Question {
  readonly id: string;
  readonly themeId: string;
  /** A short label for narrow places such as the sidebar. */
  readonly label: string;
  /** The question, verbatim. */
  readonly text: string;
  /** "3.2": the theme's position and the question's position in it, both from 1. */
  readonly number: string;
  /** Guidance for whoever leads the conversation or writes the answer; absent when the guide gives none. */
  readonly hint?: string;
  /** Follow-up questions to ask when the conversation stalls, in guide order; absent when there are none. */
  readonly probes?: readonly string[];
  /**
   * Ids the question had before it was renamed: a document whose marker carries one still answers
   * this question. Always the original's, in every language (a translation need not repeat them).
   */
  readonly formerIds?: readonly string[];
  readonly source: Source;
}

/** A quote that opens the conversation on a theme, with who said it and when. */
export interface Quote {
  readonly id: string;
  readonly text: string;
  readonly speaker: string;
  readonly time: string;
  /** Where the quote was published (the guide file's `source` key); absent when the guide does not say. */
  readonly publication?: string;
  readonly source: Source;
}

export interface Theme {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  /** Optional Markdown introduction: the body of the theme file. */
  readonly intro: string;
  readonly questions: readonly Question[];
  readonly quotes: readonly Quote[];
  readonly source: Source;
}

/** One guide in one language. */
export interface Guide {
  readonly id: string;
  readonly version: string;
  readonly language: string;
  /** The language of the original, when this guide is a translation. */
  readonly translationOf?: string;
  readonly title: string;
  readonly description: string;
  readonly attribution: string;
  readonly themes: readonly Theme[];
  /** The folder the guide was loaded from. */
  readonly folder: string;
  readonly source: Source;
}

/** A guide with its translations: the same ids in every language. */
export interface GuideEntry {
  readonly id: string;
  readonly original: Guide;
  readonly translations: readonly Guide[];
}

/** The entry with `id`: the one lookup of a guide by id that every front end uses. */
export function findGuideEntry(entries: readonly GuideEntry[], id: string): GuideEntry | undefined {
  return entries.find((entry) => entry.id === id);
}

/** Every language a guide is in, the original first. */
export function languagesOf(entry: GuideEntry): string[] {
  return [entry.original.language, ...entry.translations.map((t) => t.language)];
}

/** A question's or quote's id read as `<theme id>/<name>`; undefined for a theme's id, which has no `/`. */
export function splitItemId(id: string): { readonly themeId: string; readonly name: string } | undefined {
  const slash = id.indexOf('/');
  return slash < 0 ? undefined : { themeId: id.slice(0, slash), name: id.slice(slash + 1) };
}

/** The theme a question or quote id belongs to; undefined for a theme's own id. */
export function themeIdOf(id: string): string | undefined {
  return splitItemId(id)?.themeId;
}

/** True for a theme's id, false for a question's or quote's (`<theme>/<name>`). */
export function isThemeId(id: string): boolean {
  // The same rule as splitItemId, without building the parts: the parser asks this of every marker.
  return !id.includes('/');
}

const inOriginalOrder = new WeakMap<Guide, Guide>();

/**
 * The guide in `language`, or the original when there is no such translation. A translation comes
 * in the original's order with the original's numbers, so "3.2" is the same question in every
 * language (in the tree, in `diff` and in JSON); the loader reports a translation that orders differently.
 */
export function inLanguage(entry: GuideEntry, language: string): Guide {
  const translation = entry.translations.find((t) => t.language === language);
  if (!translation) return entry.original;
  let ordered = inOriginalOrder.get(translation);
  if (!ordered) {
    ordered = orderedLike(entry.original, translation);
    inOriginalOrder.set(translation, ordered);
  }
  return ordered;
}

/** `translation` with its themes and questions in `original`'s order and numbered as there; anything the original lacks goes last. */
function orderedLike(original: Guide, translation: Guide): Guide {
  const numbers = new Map(allQuestions(original).map((q) => [q.id, q] as const));
  const rank = (ids: readonly string[]) => (id: string) => {
    const i = ids.indexOf(id);
    return i < 0 ? ids.length : i;
  };
  const themeRank = rank(original.themes.map((t) => t.id));
  const themes = [...translation.themes]
    .sort((a, b) => themeRank(a.id) - themeRank(b.id))
    .map((theme) => {
      const questionRank = rank(original.themes.find((t) => t.id === theme.id)?.questions.map((q) => q.id) ?? []);
      const questions = [...theme.questions].sort((a, b) => questionRank(a.id) - questionRank(b.id)).map((q) => withOriginalIds(q, numbers.get(q.id)));
      return { ...theme, questions };
    });
  return { ...translation, themes };
}

/** A translated question with the original's number and former ids: both are identity, not text. */
function withOriginalIds(question: Question, original: Question | undefined): Question {
  return { ...question, number: original?.number ?? question.number, formerIds: original?.formerIds };
}

/**
 * The question a marker id stands for in `guide`: the question with that id, or the one that lists
 * it among its `formerIds` (then `renamed` is true).
 */
export function questionForMarker(guide: Guide, id: string): { readonly question: Question; readonly renamed: boolean } | undefined {
  for (const theme of guide.themes) {
    for (const question of theme.questions) if (question.id === id) return { question, renamed: false };
  }
  for (const theme of guide.themes) {
    for (const question of theme.questions) if (question.formerIds?.includes(id)) return { question, renamed: true };
  }
  return undefined;
}

/** Every question of a guide, in guide order. */
export function allQuestions(guide: Guide): Question[] {
  return guide.themes.flatMap((theme) => theme.questions);
}

/** The question with `id`, with its theme. */
export function findQuestion(guide: Guide, id: string): { theme: Theme; question: Question } | undefined {
  for (const theme of guide.themes) {
    const question = theme.questions.find((q) => q.id === id);
    if (question) return { theme, question };
  }
  return undefined;
}
