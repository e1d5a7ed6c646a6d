/** What a webview page's HTML shell is built from; every value is treated as untrusted text. */
export interface PageHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex) per page load. */
  readonly nonce: string;
  /** `asWebviewUri` of the page's script in `dist/webview/`. */
  readonly scriptUri: string;
  /** `asWebviewUri` of the page's style sheet in `media/`. */
  readonly styleUri: string;
  /** The user-interface language (VS Code's display language). */
  readonly uiLanguage: string;
  /** The id of the `<main>` element the script renders into. */
  readonly rootId: string;
  /** JSON-safe values for the script, each as `data-<key>` on `<body>` (keys are lower-case words). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Whether the page has a live status line to announce things in (default true). */
  readonly status?: boolean;
}

/**
 * A page's HTML shell. It holds no content: the localised strings and the initial view travel as
 * escaped JSON in `data-` attributes, and the page script builds the DOM from them with text APIs.
 */
export function buildPageHtml(options: PageHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  const a = escapeAttribute;
  const data = Object.entries(options.data)
    .map(([key, value]) => ` data-${key.replace(/[^a-z]/g, '')}="${a(JSON.stringify(value ?? null))}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${a(options.uiLanguage)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(options.styleUri)}">
</head>
<body${data}>
<main id="${a(options.rootId)}"></main>
${options.status === false ? '' : '<p id="status" class="status" role="status" aria-live="polite"></p>\n'}<script nonce="${a(options.nonce)}" src="${a(options.scriptUri)}"></script>
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
