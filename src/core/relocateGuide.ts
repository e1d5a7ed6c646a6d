import type { GuideEntry, Guide, Source } from './guide';

/**
 * The entry with every file and folder it names passed through `move`: the built-in guide is
 * compiled with paths relative to the extension and shipped inside the bundle, and the extension
 * places it where it is installed, so that sources name the content files as a load from there would.
 */
export function relocateGuideEntry(entry: GuideEntry, move: (path: string) => string): GuideEntry {
  const source = (s: Source): Source => ({ ...s, file: move(s.file) });
  const guide = (g: Guide): Guide => ({
    ...g,
    folder: move(g.folder),
    source: source(g.source),
    themes: g.themes.map((theme) => ({
      ...theme,
      source: source(theme.source),
      questions: theme.questions.map((q) => ({ ...q, source: source(q.source) })),
      quotes: theme.quotes.map((q) => ({ ...q, source: source(q.source) })),
    })),
  });
  return { ...entry, original: guide(entry.original), translations: entry.translations.map(guide) };
}
