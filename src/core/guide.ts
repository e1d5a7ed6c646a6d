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
  readonly source: Source;
}

/** A quote that opens the conversation on a theme, with who said it and when. */
export interface Quote {
  readonly id: string;
  readonly text: string;
  readonly speaker: string;
  readonly time: string;
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

/** The guide in `language`, or the original when there is no such translation. */
export function inLanguage(entry: GuideEntry, language: string): Guide {
  return entry.translations.find((t) => t.language === language) ?? entry.original;
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
