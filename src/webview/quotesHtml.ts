import type { QuotesStrings, QuotesViewState } from './messages';
import { buildPageHtml, type PageHtmlOptions } from './pageHtml';

/** What the quotes page's HTML shell is built from; every value is treated as untrusted text. */
export interface QuotesHtmlOptions extends Omit<PageHtmlOptions, 'rootId' | 'data'> {
  readonly strings: QuotesStrings;
  /** The view to show before the page and the extension have shaken hands. */
  readonly state: QuotesViewState | undefined;
}

/** The quotes page's HTML shell (see `buildPageHtml`). */
export function buildQuotesHtml(options: QuotesHtmlOptions): string {
  const { strings, state, ...page } = options;
  return buildPageHtml({ ...page, rootId: 'quotes', data: { strings, state } });
}
