import type { QuotesStrings, QuotesViewState } from './messages';

/** What the quotes page's HTML shell is built from; every value is treated as untrusted text. */
export interface QuotesHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex) per page load. */
  readonly nonce: string;
  /** `asWebviewUri` of `dist/webview/quotesPage.js`. */
  readonly scriptUri: string;
  /** `asWebviewUri` of `media/quotes.css`. */
  readonly styleUri: string;
  /** The user-interface language (VS Code's display language). */
  readonly uiLanguage: string;
  readonly strings: QuotesStrings;
  /** The view to show before the page and the extension have shaken hands. */
  readonly state: QuotesViewState | undefined;
}

/**
 * The page's HTML shell. It holds no content: the localised strings and the initial view travel as
 * escaped JSON in `data-` attributes, and the page script builds the DOM from them with text APIs.
 */
export function buildQuotesHtml(options: QuotesHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="${a(options.uiLanguage)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(options.styleUri)}">
</head>
<body data-strings="${a(JSON.stringify(options.strings))}" data-state="${a(JSON.stringify(options.state ?? null))}">
<main id="quotes"></main>
<p id="status" class="status" role="status" aria-live="polite"></p>
<script nonce="${a(options.nonce)}" src="${a(options.scriptUri)}"></script>
</body>
</html>
`;
}

const attributeEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
  '`': '&#96;',
};

/** `value` made safe inside a double-quoted attribute (and harmless anywhere else). */
function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>`]/g, (c) => attributeEscapes[c] ?? c);
}
