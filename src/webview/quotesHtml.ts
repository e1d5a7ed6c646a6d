import type { QuotesStrings, QuotesViewState } from './messages';
import { buildPageHtml, type PageShellOptions } from './pageHtml';

/** What the quotes page's HTML shell is built from; every value is treated as untrusted text. */
export interface QuotesHtmlOptions extends PageShellOptions {
  readonly strings: QuotesStrings;
  /** The view to show before the page and the extension have shaken hands. */
  readonly state: QuotesViewState | undefined;
}

/**
 * The page's HTML shell. It holds no content: the localised strings and the initial view travel as
 * escaped JSON in `data-` attributes, and the page script builds the DOM from them with text APIs.
 */
export function buildQuotesHtml(options: QuotesHtmlOptions): string {
  return buildPageHtml(options, 'quotes', { strings: options.strings, state: options.state ?? null }, true);
}
