import { t } from './l10n';

/** "1 question" or "6 questions", in the user's language. */
export function questionCount(count: number): string {
  return count === 1 ? t('1 question') : t('{0} questions', count);
}
