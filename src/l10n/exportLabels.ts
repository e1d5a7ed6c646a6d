import { knownStatus } from '../core/severityPolicy';
import type { Translate } from './findingMessages';

/** The product's own words in an export, in the document's language. */
export interface ExportLabels {
  readonly organisation: string;
  readonly status: string;
  /** A status's words: a known one (`draft`, `review`, `final`) in the document's language, a team's own as written. */
  readonly statusValue: (status: string) => string;
  readonly date: string;
  readonly guide: string;
  /** "{title}, version {version}" filled in. */
  readonly guideVersion: (title: string, version: string) => string;
  readonly notAnswered: string;
  readonly quotes: string;
  /** The line saying what the marks show: changes since the base. */
  readonly changesSince: (ref: string, date: string) => string;
  readonly page: string;
  /** The author of tracked changes in Word. */
  readonly revisionAuthor: string;
}

/** The labels through `t`: the same words for the editor's export and the CLI's. */
export function exportLabels(t: Translate): ExportLabels {
  return {
    organisation: t('Organisation', {}),
    status: t('Status', {}),
    statusValue: (status) => {
      switch (knownStatus(status)) {
        case 'draft':
          return t('Draft', {});
        case 'review':
          return t('In review', {});
        case 'final':
          return t('Final', {});
        case undefined:
          return status;
      }
    },
    date: t('Date', {}),
    guide: t('Guide', {}),
    guideVersion: (title, version) => t('{title}, version {version}', { title, version }),
    notAnswered: t('Not answered yet.', {}),
    quotes: t('Quotes to open the conversation', {}),
    changesSince: (ref, date) => t('Changes since {ref} ({date}) are marked: inserted text underlined, deleted text struck through.', { ref, date }),
    page: t('Page', {}),
    // A product name, the same in every language.
    revisionAuthor: 'Dialogue Guide',
  };
}

/**
 * A `Translate` over one language's bundle (`l10n/bundle.l10n.<language>.json` as parsed JSON;
 * undefined for English, which has none). An export's words follow the document's language, not
 * the user interface's, so both front ends read the bundle of that language themselves.
 */
export function bundleTranslate(bundle: Readonly<Record<string, unknown>> | undefined): Translate {
  return (message, args) => {
    const found = bundle?.[message];
    const text = typeof found === 'string' ? found : message;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? args[name]! : whole));
  };
}
