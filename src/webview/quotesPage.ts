// The quotes page: renders the view the extension sends, and reports clicks back.
// All content is set with textContent and DOM APIs; nothing from the guide is parsed as HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { HostMessage, PageMessage, PersistedState, QuotesStrings, QuotesViewState } from './messages';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('quotes') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const strings = readJson<QuotesStrings>(document.body.dataset.strings);
let statusTimer: ReturnType<typeof setTimeout> | undefined;

/** The last view this page rendered, for the Copy buttons and persistence. */
let currentView: QuotesViewState | undefined;
/** Whether the panel is pinned to its question; the extension owns it and says so with every update. */
let pinned = false;

function readJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; className?: string; id?: string; lang?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.lang) node.lang = props.lang;
  node.append(...children);
  return node;
}

function format(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

/** The intro is Markdown; show its paragraphs as plain text rather than render (and trust) Markdown. */
function introParagraphs(intro: string): HTMLElement[] {
  return intro
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => element('p', { text: p }));
}

function renderSibling(view: QuotesViewState, sibling: QuotesViewState['siblings'][number]): HTMLElement {
  const button = element(
    'button',
    { className: 'sibling' },
    element('span', { className: 'number', text: sibling.number }),
    document.createTextNode(' '),
    element('span', { className: 'label', text: sibling.label }),
  );
  button.type = 'button';
  button.dataset.focusKey = `question:${sibling.id}`;
  if (sibling.current) button.setAttribute('aria-current', 'true');
  button.addEventListener('click', () => {
    if (!sibling.current) vscode.postMessage({ type: 'selectQuestion', guideId: view.guideId, questionId: sibling.id });
  });
  return element('li', {}, button);
}

function renderQuote(view: QuotesViewState, quote: QuotesViewState['quotes'][number]): HTMLElement {
  const attribution = [quote.speaker, quote.time, quote.source ?? ''].filter((s) => s.trim().length > 0).join(', ');
  const copy = document.createElement('vscode-button');
  copy.setAttribute('secondary', '');
  copy.textContent = strings?.copy ?? 'Copy';
  copy.setAttribute('aria-label', format(strings?.copyLabel ?? 'Copy the quote from {0}', quote.speaker));
  copy.dataset.focusKey = `quote:${quote.id}`;
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copyQuote', guideId: view.guideId, quoteId: quote.id }));
  const insert = document.createElement('vscode-button');
  insert.setAttribute('secondary', '');
  insert.textContent = strings?.insert ?? 'Insert into document';
  insert.setAttribute('aria-label', format(strings?.insertLabel ?? 'Insert the quote from {0} into the document', quote.speaker));
  insert.dataset.focusKey = `insert:${quote.id}`;
  insert.addEventListener('click', () => vscode.postMessage({ type: 'insertQuote', guideId: view.guideId, quoteId: quote.id }));
  return element(
    'figure',
    { className: 'quote' },
    element('blockquote', {}, element('p', { text: quote.text })),
    element('figcaption', {}, document.createTextNode('— '), element('cite', { text: attribution })),
    element('div', { className: 'actions' }, copy, insert),
  );
}

/** The pin toggle: a real button with `aria-pressed`, so screen readers announce its state. */
function renderPin(): HTMLElement {
  const button = element('button', { className: 'pin', text: strings?.pin ?? 'Pin' });
  button.type = 'button';
  button.dataset.focusKey = 'pin';
  button.setAttribute('aria-pressed', String(pinned));
  button.title = pinned ? (strings?.pinOn ?? '') : (strings?.pinOff ?? '');
  button.addEventListener('click', () => vscode.postMessage({ type: 'setPinned', pinned: !pinned }));
  return button;
}

function render(view: QuotesViewState): void {
  // Keep focus on the same control across the in-place update, so keyboard users stay put.
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
  currentView = view;

  const header = element('header', {}, element('div', { className: 'title' }, element('h1', { text: view.theme.title }), renderPin()));
  const intro = introParagraphs(view.theme.intro);
  if (intro.length > 0) header.append(element('div', { className: 'intro' }, ...intro));

  const question = element(
    'section',
    { className: 'question' },
    element('h2', { id: 'question-heading', text: format(strings?.questionHeading ?? 'Question {0}', view.question.number) }),
    element('p', { className: 'question-text', text: view.question.text }),
  );
  question.setAttribute('aria-labelledby', 'question-heading');
  if (view.question.hint !== undefined) {
    question.append(element('h3', { text: strings?.hintHeading ?? 'Hint' }), element('p', { className: 'hint', text: view.question.hint }));
  }
  const probes = view.question.probes ?? [];
  if (probes.length > 0) {
    question.append(element('h3', { text: strings?.probesHeading ?? 'Follow-up questions' }), element('ul', { className: 'probes' }, ...probes.map((probe) => element('li', { text: probe }))));
  }

  const nav = element(
    'nav',
    { className: 'siblings' },
    element('h2', { id: 'siblings-heading', text: strings?.siblingsHeading ?? 'Questions in this theme' }),
    element('ol', {}, ...view.siblings.map((s) => renderSibling(view, s))),
  );
  nav.setAttribute('aria-labelledby', 'siblings-heading');

  const quotes = element(
    'section',
    { className: 'quotes' },
    element('h2', { id: 'quotes-heading', text: strings?.quotesHeading ?? 'Quotes' }),
    ...(view.quotes.length > 0
      ? view.quotes.map((q) => renderQuote(view, q))
      : [element('p', { className: 'empty', text: strings?.noQuotes ?? 'This theme has no quotes.' })]),
  );
  quotes.setAttribute('aria-labelledby', 'quotes-heading');

  root.lang = view.language;
  root.replaceChildren(header, question, nav, quotes);
  document.title = view.theme.title;

  if (focusKey) {
    for (const candidate of root.querySelectorAll<HTMLElement>('[data-focus-key]')) {
      if (candidate.dataset.focusKey === focusKey) candidate.focus();
    }
  }
  vscode.setState({ guideId: view.guideId, questionId: view.questionId, view, pinned });
}

function renderMissing(guideId: string, questionId: string): void {
  currentView = undefined;
  root.removeAttribute('lang');
  root.replaceChildren(element('p', { className: 'empty', text: strings?.missing ?? 'The question is not in the guide.' }));
  vscode.setState({ guideId, questionId, pinned });
}

function announce(text: string): void {
  status.textContent = text;
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (status.textContent = ''), 4000);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'update':
      pinned = message.pinned;
      render(message.state);
      break;
    case 'missing':
      renderMissing(message.guideId, message.questionId);
      break;
    case 'copied':
      if (currentView?.quotes.some((q) => q.id === message.quoteId)) announce(strings?.copied ?? 'Quote copied.');
      break;
    default:
      // Unknown messages are ignored.
      break;
  }
});

// The last view this page showed (after the panel was hidden or the window reloaded) beats the
// view baked into the HTML when the panel was created; the extension's `update` follows anyway.
const saved = vscode.getState() as PersistedState | undefined;
pinned = saved?.pinned === true;
const initial = saved?.view ?? readJson<QuotesViewState | null>(document.body.dataset.state) ?? undefined;
if (initial) render(initial);
vscode.postMessage({ type: 'ready' });
