/** What every webview page's HTML shell is built from; every value is treated as untrusted text. */
export interface PageShellOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce (base64 or hex) per page load. */
  readonly nonce: string;
  /** `asWebviewUri` of the page's script in `dist/webview/`. */
  readonly scriptUri: string;
  /** `asWebviewUri` of the page's style sheet in `media/`. */
  readonly styleUri: string;
  /** The user-interface language, for `lang` on `<html>`. */
  readonly uiLanguage: string;
}

/**
 * A page's HTML shell: a strict CSP (scripts only with the nonce, styles and fonts only from the
 * extension), an empty `<main id="{mainId}">`, a live status line when the page announces things
 * (`status`), and `data` as escaped JSON in `data-<key>` attributes of `<body>`, from which the page
 * script builds the DOM with text APIs.
 */
export function buildPageHtml(options: PageShellOptions, mainId: string, data: Readonly<Record<string, unknown>>, status: boolean): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  const a = escapeAttribute;
  const attributes = Object.entries(data).map(([key, value]) => ` data-${key}="${a(JSON.stringify(value))}"`).join('');
  return `<!DOCTYPE html>
<html lang="${a(options.uiLanguage)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(options.styleUri)}">
</head>
<body${attributes}>
<main id="${a(mainId)}"></main>
${status ? '<p id="status" class="status" role="status" aria-live="polite"></p>\n' : ''}<script nonce="${a(options.nonce)}" src="${a(options.scriptUri)}"></script>
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
