import { lineRange } from '../../../src/core/findings';
import type { Guide, GuideEntry, Question, Theme } from '../../../src/core/guide';

/** A theme described in short: question slugs with their text, and quotes. */
export interface ThemeSpec {
  readonly id: string;
  readonly title: string;
  /** Slug, text and, optionally, follow-up questions. */
  readonly questions: readonly (readonly [slug: string, text: string, probes?: readonly string[]])[];
  readonly quotes?: readonly { readonly text: string; readonly speaker: string; readonly time: string }[];
}

const source = { file: 'memory', range: lineRange(0) };

/** A guide as the loader would return it, built in memory. */
export function makeGuide(themes: readonly ThemeSpec[], header: Partial<Pick<Guide, 'id' | 'version' | 'language'>> = {}): Guide {
  return {
    id: header.id ?? 'demo',
    version: header.version ?? '1.0.0',
    language: header.language ?? 'da',
    title: 'Demo',
    description: '',
    attribution: '',
    folder: 'memory',
    source,
    themes: themes.map((spec, t): Theme => ({
      id: spec.id,
      order: t + 1,
      title: spec.title,
      intro: '',
      source,
      questions: spec.questions.map(([slug, text, probes], i): Question => ({
        id: `${spec.id}/${slug}`,
        themeId: spec.id,
        label: text.slice(0, 20),
        text,
        number: `${t + 1}.${i + 1}`,
        ...(probes && probes.length > 0 ? { probes } : {}),
        source,
      })),
      quotes: (spec.quotes ?? []).map((quote, i) => ({ id: `${spec.id}/quote-${i + 1}`, ...quote, source })),
    })),
  };
}

/** A library entry for `guide`, with no translations. */
export function entryOf(guide: Guide): GuideEntry {
  return { id: guide.id, original: guide, translations: [] };
}
