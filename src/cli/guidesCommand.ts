import { inLanguage, languagesOf, type Guide, type GuideEntry } from '../core/guide';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, parseCommandLine, type CliContext } from './context';
import { tabField } from './escape';
import { loadLibrary, warnAboutGuides } from './library';

/** The options `guides` takes; its help lists each of them. */
export const GUIDES_OPTIONS = { ...COMMON_OPTIONS, ...GUIDE_FOLDER_OPTION, json: { type: 'boolean' } } as const;

/** `dialogue-guide guides [--json] [--guide-folder <folder>…]`: what can be scaffolded and checked against. */
export async function runGuides(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { values } = parseCommandLine('guides', { args: [...args], options: GUIDES_OPTIONS }, context.t);
  const library = await loadLibrary(context, values['guide-folder'] ?? []);
  warnAboutGuides(library, context);
  if (values.json) {
    context.out(JSON.stringify(library.entries.map(guideAsJson), null, 2));
  } else if (library.entries.length === 0) {
    context.out(context.t('No guides found.'));
  } else {
    for (const entry of library.entries) {
      // A title (or any field) with a tab or line break in it cannot add a column or a row.
      context.out([entry.id, entry.original.version, languagesOf(entry).join(', '), inLanguage(entry, context.locale).title].map(tabField).join('\t'));
    }
  }
  return ExitCode.ok;
}

/** A guide in every language, without the local paths of its files: what a script needs to know about it. */
function guideAsJson(entry: GuideEntry) {
  return {
    id: entry.id,
    version: entry.original.version,
    original: entry.original.language,
    languages: languagesOf(entry),
    // Through inLanguage, so a translation's numbers are the original's.
    translations: Object.fromEntries(languagesOf(entry).map((language) => [language, languageAsJson(inLanguage(entry, language))])),
  };
}

function languageAsJson(guide: Guide) {
  return {
    title: guide.title,
    description: guide.description,
    attribution: guide.attribution,
    themes: guide.themes.map((theme) => ({
      id: theme.id,
      order: theme.order,
      title: theme.title,
      intro: theme.intro,
      // Optional keys are always listed (empty when the guide has none), so a script need not test for them.
      questions: theme.questions.map(({ id, number, label, text, hint, probes, formerIds }) => ({ id, number, label, text, hint: hint ?? '', probes: probes ?? [], formerIds: formerIds ?? [] })),
      quotes: theme.quotes.map(({ id, text, speaker, time, publication }) => ({ id, text, speaker, time, source: publication ?? '' })),
    })),
  };
}
