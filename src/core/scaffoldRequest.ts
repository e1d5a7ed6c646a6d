import { findGuideEntry, inLanguage, languagesOf, type Guide, type GuideEntry } from './guide';
import type { ScaffoldOptions } from './scaffold';

/**
 * What a front end asks to scaffold, as given: flags from the command line, or the editor's
 * argument object and wizard. Values are `unknown` because an argument object can hold anything.
 */
export interface ScaffoldRequest {
  /** The guide's id. */
  readonly guide?: unknown;
  /** A language the guide must be in; when absent, `defaultLanguage` or else the original. */
  readonly language?: unknown;
  /** Theme ids, at least one; all themes when absent. */
  readonly themes?: unknown;
  readonly title?: unknown;
  readonly organisation?: unknown;
  readonly includeQuotes?: boolean;
}

/** Why a request cannot be scaffolded, with a stable code and the values its message names. */
export type ScaffoldProblem =
  | { readonly code: 'guide.missing'; readonly known: readonly string[] }
  | { readonly code: 'guide.unknown'; readonly id: string; readonly known: readonly string[] }
  | { readonly code: 'language.unknown'; readonly id: string; readonly language: string; readonly languages: readonly string[] }
  | { readonly code: 'title.empty' }
  | { readonly code: 'organisation.notText' }
  | { readonly code: 'themes.none'; readonly known: readonly string[] }
  | { readonly code: 'themes.unknown'; readonly themes: readonly string[]; readonly known: readonly string[] };

/** Either the guide (in the chosen language) and the options to scaffold it with, or the first problem. */
export type ScaffoldRequestResult = { readonly ok: true; readonly guide: Guide; readonly options: ScaffoldOptions } | { readonly ok: false; readonly problem: ScaffoldProblem };

/** The title's problem, if any: the wizard checks it as it is typed, as the request does at the end. */
export function titleProblem(title: unknown): ScaffoldProblem | undefined {
  return typeof title !== 'string' || title.trim() === '' ? { code: 'title.empty' } : undefined;
}

/**
 * Checks a request against the loaded guides and turns it into scaffold options: the one place
 * the CLI's `new` and the editor's New Strategy Document decide what may be scaffolded.
 * `defaultLanguage` (the editor's `dialogueGuide.language`) is used when the guide has it.
 */
export function validateScaffoldRequest(entries: readonly GuideEntry[], request: ScaffoldRequest, defaultLanguage?: string): ScaffoldRequestResult {
  const fail = (problem: ScaffoldProblem): ScaffoldRequestResult => ({ ok: false, problem });
  const known = entries.map((e) => e.id);
  if (request.guide === undefined || request.guide === '') return fail({ code: 'guide.missing', known });
  const entry = typeof request.guide === 'string' ? findGuideEntry(entries, request.guide) : undefined;
  if (!entry) return fail({ code: 'guide.unknown', id: String(request.guide), known });

  const languages = languagesOf(entry);
  let guide: Guide;
  if (request.language === undefined) {
    guide = inLanguage(entry, defaultLanguage ?? entry.original.language);
  } else {
    const language = String(request.language);
    if (!languages.includes(language)) return fail({ code: 'language.unknown', id: entry.id, language, languages });
    guide = inLanguage(entry, language);
  }

  const title = titleProblem(request.title);
  if (title) return fail(title);
  if (request.organisation !== undefined && typeof request.organisation !== 'string') return fail({ code: 'organisation.notText' });

  const themeIds = guide.themes.map((t) => t.id);
  const themes = request.themes;
  if (themes !== undefined) {
    if (!Array.isArray(themes) || themes.length === 0 || themes.some((t) => typeof t !== 'string')) return fail({ code: 'themes.none', known: themeIds });
    const unknown = (themes as string[]).filter((id) => !themeIds.includes(id));
    if (unknown.length > 0) return fail({ code: 'themes.unknown', themes: unknown, known: themeIds });
  }
  return {
    ok: true,
    guide,
    options: {
      title: (request.title as string).trim(),
      organisation: (request.organisation as string | undefined) ?? '',
      ...(themes !== undefined ? { themes: themes as string[] } : {}),
      includeQuotes: request.includeQuotes ?? false,
    },
  };
}
