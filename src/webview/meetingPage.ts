// The meeting page: one question at a time, large, with its theme's quotes and a notes field
// bound to the question's section. All content is set with textContent and DOM APIs; nothing
// from the guide or the document is parsed as HTML.
// The notes field and the question list are native controls: their labels reach screen readers
// directly and they take the large type of the page; buttons are @vscode-elements buttons.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { MeetingHostMessage, MeetingPageMessage, MeetingStrings, MeetingView, SummaryView } from './meetingMessages';
import { format, formatDuration } from './meetingState';

interface VsCodeApi {
  postMessage(message: MeetingPageMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('meeting') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const strings = JSON.parse(document.body.dataset.strings ?? '{}') as MeetingStrings;

/** The view on screen, and which note the field holds (question and version), so typing is never replaced by its own echo. */
let view: MeetingView | undefined;
let fieldNote: { questionId: string; version: number } | undefined;
/** Whether the quotes show: open at a theme's first question, then as the user toggles them. */
let quotesOpen = false;
/** When the last view arrived, by the page's clock: the timer runs on from the host's reading. */
let receivedAt = 0;
let ticker: ReturnType<typeof setInterval> | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string; id?: string; lang?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.lang) node.lang = props.lang;
  node.append(...children);
  return node;
}

function button(text: string, message: MeetingPageMessage, props: { secondary?: boolean; label?: string; shortcut?: string } = {}): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = text;
  if (props.secondary) b.setAttribute('secondary', '');
  if (props.label) b.setAttribute('aria-label', props.label);
  if (props.shortcut) b.setAttribute('aria-keyshortcuts', props.shortcut);
  b.dataset.focusKey = message.type;
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function renderQuotes(current: MeetingView): HTMLElement {
  const section = element('section', { className: 'quotes' });
  section.setAttribute('aria-label', strings.quotes);
  const toggle = element('button', { className: 'toggle', text: quotesOpen ? strings.hideQuotes : strings.showQuotes });
  toggle.type = 'button';
  toggle.dataset.focusKey = 'quotes';
  toggle.setAttribute('aria-expanded', String(quotesOpen));
  toggle.addEventListener('click', () => {
    quotesOpen = !quotesOpen;
    render(current);
  });
  section.append(toggle);
  if (!quotesOpen) return section;
  if (current.quotes.length === 0) section.append(element('p', { className: 'empty', text: strings.noQuotes }));
  for (const quote of current.quotes) {
    const attribution = [quote.speaker, quote.time].filter((s) => s.trim().length > 0).join(', ');
    section.append(element('figure', { className: 'quote' }, element('blockquote', {}, element('p', { text: quote.text })), element('figcaption', {}, document.createTextNode('— '), element('cite', { text: attribution }))));
  }
  return section;
}

/**
 * The one notes field, kept across renders so that typing, its cursor, scrolling and input
 * methods are never interrupted by an update.
 */
const field = element('textarea', { id: 'note' });
field.rows = 4;
field.dataset.focusKey = 'note';
field.addEventListener('input', () => {
  if (fieldNote) vscode.postMessage({ type: 'editNote', questionId: fieldNote.questionId, text: field.value, version: fieldNote.version });
});

const noteLabel = element('label');
noteLabel.htmlFor = 'note';
const noteExtras = element('div');
/** The parts of the running meeting that are rebuilt on each view; the notes field stays in between. */
const contentBox = element('div', { className: 'content' });
const notesBox = element('section', { className: 'notes' }, noteLabel, field, noteExtras);
const timer = element('p', { className: 'timer', id: 'timer' });
const navBox = element('nav', { className: 'steps' });

function renderNote(current: MeetingView): void {
  noteLabel.textContent = format(strings.notes, current.question.number);
  field.readOnly = !current.note.writable;
  field.removeAttribute('aria-describedby');
  // The document wins when it says otherwise (another question, an edit in the editor, a refused
  // write); else what the user is typing stays as it is, whatever the echo says.
  if (fieldNote?.questionId !== current.question.id || fieldNote.version !== current.note.version) field.value = current.note.text;
  fieldNote = { questionId: current.question.id, version: current.note.version };
  const extras: Node[] = [];
  if (current.note.notice) {
    extras.push(element('p', { className: 'notice', id: 'note-notice', text: current.note.notice }));
    field.setAttribute('aria-describedby', 'note-notice');
  }
  if (current.note.kept !== undefined) {
    extras.push(element('div', { className: 'kept' }, element('p', { text: strings.kept }), element('pre', { text: current.note.kept }), button(strings.restoreKept, { type: 'restoreKept' }, { secondary: true })));
  }
  noteExtras.replaceChildren(...extras);
}

/** The clock, from the host's reading plus the time since it came; a question over its time says so, quietly. */
function tick(): void {
  if (!view) return;
  const since = performance.now() - receivedAt;
  const { questionMs, totalMs, questionLimitMs, totalLimitMs } = view.times;
  const question = questionMs + since;
  const total = totalMs + since;
  const of = (ms: number, limit: number | undefined) => (limit === undefined ? formatDuration(ms) : `${formatDuration(ms)} / ${formatDuration(limit)}`);
  const over = questionLimitMs !== undefined && question > questionLimitMs;
  const overall = totalLimitMs !== undefined && total > totalLimitMs;
  timer.textContent = `${strings.time} ${of(question, questionLimitMs)} · ${strings.totalTime} ${of(total, totalLimitMs)}${over || overall ? ` · ${strings.overTime}` : ''}`;
  timer.classList.toggle('over', over || overall);
}

function render(current: MeetingView): void {
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
  const changed = view?.question.id !== current.question.id;
  if (changed) quotesOpen = current.progress.inTheme === 0;
  view = current;
  receivedAt = performance.now();

  const progress = element('progress');
  progress.max = current.progress.total;
  progress.value = current.progress.index + 1;
  progress.setAttribute('aria-label', format(strings.progress, String(current.progress.index + 1), String(current.progress.total)));
  const header = element(
    'header',
    {},
    element('p', { className: 'theme-progress', text: format(strings.themeProgress, String(current.theme.index + 1), String(current.theme.count)) }),
    element('h1', { text: current.theme.title }),
    element('p', { className: 'progress', id: 'progress', text: `${format(strings.progress, String(current.progress.index + 1), String(current.progress.total))} · ${format(strings.inTheme, String(current.progress.inTheme + 1), String(current.progress.themeTotal))}` }),
    progress,
  );
  const question = element('section', { className: 'question' }, element('h2', { id: 'question-number', text: format(strings.question, current.question.number) }), element('p', { className: 'question-text', text: current.question.text }));
  // The guide's help for whoever leads the talk: its hint, and follow-up questions to ask.
  if (current.question.hint) question.append(element('p', { className: 'hint' }, element('strong', { text: `${strings.hint}: ` }), document.createTextNode(current.question.hint)));
  if (current.question.probes.length > 0) {
    question.append(element('h3', { className: 'probes-heading', text: strings.probes }), element('ul', { className: 'probes' }, ...current.question.probes.map((probe) => element('li', { text: probe }))));
  }
  question.setAttribute('aria-labelledby', 'question-number');

  const select = element('select', { id: 'goto' });
  select.dataset.focusKey = 'goto';
  current.questions.forEach((q, i) => {
    const option = element('option', { text: `${q.number} ${q.label}`.trim() });
    option.value = String(i);
    option.selected = i === current.progress.index;
    select.append(option);
  });
  select.addEventListener('change', () => vscode.postMessage({ type: 'goTo', index: Number(select.value) }));
  const goTo = element('label', { className: 'goto', text: strings.goTo }, select);
  navBox.replaceChildren(
    button(strings.previous, { type: 'previous' }, { secondary: true, shortcut: 'Alt+ArrowLeft PageUp' }),
    button(strings.next, { type: 'next' }, { shortcut: 'Alt+ArrowRight PageDown' }),
    button(strings.nextTheme, { type: 'nextTheme' }, { secondary: true }),
    button(strings.skip, { type: 'skip' }, { secondary: true }),
    goTo,
    button(strings.fullScreen, { type: 'fullScreen' }, { secondary: true }),
    button(strings.end, { type: 'end' }, { secondary: true }),
  );
  navBox.setAttribute('aria-label', strings.navigation);
  contentBox.lang = current.language;
  contentBox.replaceChildren(header, question, renderQuotes(current));
  renderNote(current);
  if (root.firstChild !== contentBox) root.replaceChildren(contentBox, notesBox, timer, navBox);
  document.title = current.theme.title;
  tick();
  ticker ??= setInterval(tick, 1000);
  if (focusKey) root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  if (changed) status.textContent = format(strings.announce, current.question.number, current.question.text);
}

function renderSummary(summary: SummaryView): void {
  view = undefined;
  fieldNote = undefined;
  if (ticker) clearInterval(ticker);
  ticker = undefined;
  const row = (cells: string[], header = false) => element('tr', {}, ...cells.map((c) => element(header ? 'th' : 'td', { text: c })));
  const table = element(
    'table',
    { lang: summary.language },
    element('thead', {}, row([strings.summaryQuestion, strings.themeHeading, strings.summaryOutcome, strings.summaryTime], true)),
    element('tbody', {}, ...summary.entries.map((e) => row([`${e.number} ${e.label}`.trim(), e.theme, strings.outcomes[e.outcome], formatDuration(e.spentMs)]))),
  );
  const counts = format(strings.summaryCounts, String(summary.counts.discussed), String(summary.counts.skipped), String(summary.counts.notReached), formatDuration(summary.totalMs));
  root.replaceChildren(
    element('h1', { text: `${strings.summary}: ${summary.document}` }),
    element('p', { text: counts }),
    element('p', { className: 'empty', text: strings.wroteNothing }),
    table,
    ...(summary.unwritten.length > 0
      ? [element('h2', { text: strings.unwritten }), ...summary.unwritten.map((u) => element('div', { className: 'kept' }, element('p', { text: `${u.number} ${u.label}`.trim() }), element('pre', { text: u.text })))]
      : []),
    element('nav', { className: 'steps' }, button(strings.copyMarkdown, { type: 'copySummary' })),
  );
  document.title = strings.summary;
}

// Alt+Right/Alt+Left anywhere; PageDown/PageUp where they do not move through text or a list.
window.addEventListener('keydown', (event) => {
  if (!view) return;
  const inText = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
  const forward = (event.altKey && event.key === 'ArrowRight') || (!inText && !event.altKey && event.key === 'PageDown');
  const back = (event.altKey && event.key === 'ArrowLeft') || (!inText && !event.altKey && event.key === 'PageUp');
  if (!forward && !back) return;
  event.preventDefault();
  vscode.postMessage({ type: forward ? 'next' : 'previous' });
});

window.addEventListener('message', (event: MessageEvent<MeetingHostMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'show':
      render(message.view);
      break;
    case 'summary':
      renderSummary(message.summary);
      break;
    case 'copied':
      status.textContent = strings.copied;
      break;
    default:
      // Unknown messages are ignored.
      break;
  }
});

vscode.postMessage({ type: 'ready' });
