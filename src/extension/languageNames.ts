import { t } from './l10n';

/** A guide language's name in the user's language ("Danish"), or its code for a language the extension has no name for. */
export function languageName(code: string): string {
  const names: Record<string, string> = { da: t('Danish'), en: t('English') };
  return names[code] ?? code;
}
