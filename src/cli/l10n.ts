import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Localises a CLI message: the English text is the key, `{name}` placeholders come from `args`. */
export type Localise = (message: string, args?: Readonly<Record<string, string | number>>) => string;

/** The languages the CLI speaks. */
export type Locale = 'da' | 'en';

/**
 * The locale asked for by `--locale`, else by the first of LC_ALL, LC_MESSAGES and LANG that is
 * set (POSIX precedence). Only Danish has a bundle; everything else is English.
 */
export function detectLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale {
  const chosen = flag ?? [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return chosen.toLowerCase().startsWith('da') ? 'da' : 'en';
}

/**
 * Loads the extension's own bundle (`bundle.l10n.<locale>.json` in `bundleFolder`) so the CLI and
 * the editor say the same thing. A missing or broken bundle leaves the messages in English rather than failing a CI run.
 */
export async function loadLocalisation(locale: Locale, bundleFolder: string): Promise<Localise> {
  // English is the bundle-less default; resetting it matters when one process runs the CLI twice (tests).
  l10n.config({ contents: {} });
  if (locale !== 'en') {
    try {
      l10n.config({ contents: await readFile(join(bundleFolder, `bundle.l10n.${locale}.json`), 'utf8') });
    } catch {
      // Missing or broken: English it is.
    }
  }
  return (message, args = {}) => l10n.t(message, args);
}
