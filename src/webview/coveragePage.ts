// The Coverage page: renders the table the extension sends, redraws single rows as they change,
// and reports clicks back by key. Everything from documents is set with textContent and DOM APIs.
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { CoverageGuide } from '../core/coverage';
import type { CoverageHostMessage, CoveragePageMessage, CoverageRowView, CoverageStrings, CoverageTableView } from './coverageMessages';

interface VsCodeApi {
  postMessage(message: CoveragePageMessage): void;
  getState(): unknown;
  setState(state: ViewSettings): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** What the reader chose: kept with `setState`, so a reloaded page filters and sorts as before. */
interface ViewSettings {
  readonly guide: string;
  readonly status: string;
  readonly folder: string;
  /** `document`, `total`, `status` or `theme:<id>`. */
  readonly sort: string;
  readonly descending: boolean;
}

const ALL = '';
const NO_STATUS = '\u0000';

const vscode = acquireVsCodeApi();
const root = document.getElementById('coverage') as HTMLElement;
const strings = readJson<CoverageStrings>(document.body.dataset.strings);
/** A string the extension localised, or its English fallback when the page has none (never seen in practice). */
const say = (key: keyof CoverageStrings, fallback: string) => strings?.[key] ?? fallback;

let guides: readonly CoverageGuide[] = [];
const rows = new Map<string, CoverageRowView>();
const expanded = new Set<string>();
let settings: ViewSettings = readSettings(vscode.getState());

function readJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Settings from `getState`, which is untrusted: anything unexpected falls back to the default. */
function readSettings(value: unknown): ViewSettings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : ALL);
  return { guide: text('guide'), status: text('status'), folder: text('folder'), sort: text('sort') || 'document', descending: record.descending === true };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string; title?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  if (props.title) node.title = props.title;
  node.append(...children);
  return node;
}

function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', { text, className });
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

function format(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

/** A filter: every value the rows have, plus "All"; changing it redraws the table. */
function filter(label: string, key: 'guide' | 'status' | 'folder', values: readonly (readonly [value: string, label: string])[]): HTMLElement {
  const select = document.createElement('vscode-single-select');
  select.setAttribute('aria-label', label);
  for (const [value, text] of [[ALL, say('all', 'All')] as const, ...values]) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', value);
    option.textContent = text;
    if (value === settings[key]) option.setAttribute('selected', '');
    select.append(option);
  }
  select.addEventListener('change', () => {
    settings = { ...settings, [key]: (select as unknown as { value: string }).value };
    render();
  });
  return element('label', { className: 'filter' }, element('span', { text: label }), select);
}

function passes(row: CoverageRowView): boolean {
  return (
    (settings.guide === ALL || row.guideId === settings.guide) &&
    (settings.status === ALL || (row.status ?? NO_STATUS) === settings.status) &&
    (settings.folder === ALL || row.folder === settings.folder)
  );
}

function sortValue(row: CoverageRowView): number | string {
  if (settings.sort === 'total') return row.total === 0 ? 0 : row.answered / row.total;
  if (settings.sort === 'status') return row.status ?? '';
  if (settings.sort.startsWith('theme:')) {
    const theme = row.themes.find((th) => th.id === settings.sort.slice('theme:'.length));
    return theme && theme.total > 0 ? theme.answered / theme.total : -1;
  }
  return row.path;
}

function compare(a: CoverageRowView, b: CoverageRowView): number {
  const x = sortValue(a);
  const y = sortValue(b);
  const order = x < y ? -1 : x > y ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  return settings.descending ? -order : order;
}

/** A column heading that sorts by `key`; again reverses the order. */
function sortHeading(text: string, key: string): HTMLTableCellElement {
  const heading = element('th', {}, button(text, 'sort', () => {
    settings = { ...settings, sort: key, descending: settings.sort === key ? !settings.descending : false };
    render();
  }));
  heading.scope = 'col';
  heading.setAttribute('aria-sort', settings.sort !== key ? 'none' : settings.descending ? 'descending' : 'ascending');
  return heading;
}

function share(answered: number, total: number): string {
  return total === 0 ? '0' : (answered / total).toFixed(3);
}

function renderRow(guide: CoverageGuide, row: CoverageRowView): HTMLTableRowElement[] {
  const open = expanded.has(row.file);
  const toggle = button(open ? '▾' : '▸', 'expand', () => {
    if (expanded.has(row.file)) expanded.delete(row.file);
    else expanded.add(row.file);
    replaceRow(row.file);
  });
  toggle.setAttribute('aria-expanded', String(open));
  toggle.setAttribute('aria-label', say('showQuestions', 'Show the questions'));
  const name = element('th', {}, toggle, element('span', { className: 'path', text: row.path }), ...(row.title ? [element('span', { className: 'doc-title', text: row.title })] : []));
  name.scope = 'row';
  const cells = guide.columns.map((column) => {
    const theme = row.themes.find((th) => th.id === column.themeId);
    if (!theme) return element('td', { className: 'out', text: '–', title: say('notInScope', 'Not in this document') });
    const label = format(say('cellLabel', '{0} of {1} answered'), String(theme.answered), String(theme.total));
    const cell = button(`${theme.answered}/${theme.total}`, 'cell', () => vscode.postMessage({ type: 'openTheme', file: row.file, themeId: theme.id }));
    cell.title = `${theme.title}: ${label}`;
    cell.setAttribute('aria-label', `${theme.title}: ${label}`);
    cell.dataset.theme = theme.id;
    // CSSOM, not a style attribute: the page's CSP allows no inline styles.
    cell.style.setProperty('--share', share(theme.answered, theme.total));
    if (theme.answered === theme.total) cell.classList.add('done');
    return element('td', {}, cell);
  });
  const total = element('td', { className: 'total', text: `${row.answered}/${row.total}` });
  total.style.setProperty('--share', share(row.answered, row.total));
  const tr = element('tr', { className: 'document' }, name, ...cells, total, element('td', { text: row.status ?? '' }), element('td', { text: row.owners.join(', ') }));
  tr.dataset.file = row.file;
  if (!open) return [tr];
  const detail = element('tr', { className: 'detail' }, element('td', {}, ...row.themes.map((theme) => renderThemeQuestions(row, theme))));
  (detail.firstChild as HTMLTableCellElement).colSpan = guide.columns.length + 4;
  detail.dataset.file = row.file;
  return [tr, detail];
}

function renderThemeQuestions(row: CoverageRowView, theme: CoverageRowView['themes'][number]): HTMLElement {
  const state = { answered: say('answered', 'answered'), empty: say('unanswered', 'unanswered'), missing: say('missing', 'no section') };
  const items = theme.questions.map((q) => {
    const open = button(q.name, `question ${q.state}`, () => vscode.postMessage({ type: 'openQuestion', file: row.file, questionId: q.id }));
    return element('li', {}, open, element('span', { className: 'state', text: ` ${state[q.state]}` }));
  });
  return element('section', { className: 'theme-questions' }, element('h4', { text: `${theme.title} (${theme.answered}/${theme.total})` }), element('ul', {}, ...items));
}

/** One guide's table, its rows grouped by workspace folder when there is more than one. */
function renderGuide(guide: CoverageGuide, shown: readonly CoverageRowView[], grouped: boolean): HTMLElement {
  const head = element('thead', {}, element('tr', {}, sortHeading(say('document', 'Document'), 'document'), ...guide.columns.map((c) => sortHeading(c.title, `theme:${c.themeId}`)), sortHeading(say('total', 'Total'), 'total'), sortHeading(say('status', 'Status'), 'status'), element('th', { text: say('owners', 'Owners') })));
  const folders = [...new Set(shown.map((r) => r.folder))];
  const bodies = folders.map((folder) => {
    const body = element('tbody');
    if (grouped) {
      const heading = element('th', { text: folder || '–' });
      heading.scope = 'rowgroup';
      heading.colSpan = guide.columns.length + 4;
      body.append(element('tr', { className: 'folder' }, heading));
    }
    for (const row of shown.filter((r) => r.folder === folder).sort(compare)) body.append(...renderRow(guide, row));
    return body;
  });
  const table = element('table', {}, head, ...bodies);
  table.dataset.guide = guide.id;
  return element('section', { className: 'guide' }, element('h2', { text: guide.title }), table);
}

function renderProblems(problems: readonly CoverageRowView[]): HTMLElement {
  const reason = (row: CoverageRowView) => (row.problem === 'unknownGuide' ? say('unknownGuide', 'the guide "{id}" is not loaded').replace('{id}', row.guideId ?? '') : say(row.problem!, row.problem!));
  return element('section', { className: 'problems' }, element('h2', { text: say('notCounted', 'Not counted') }), element('ul', {}, ...problems.map((row) => element('li', {}, element('span', { className: 'path', text: row.path }), `: ${reason(row)}`))));
}

function render(): void {
  vscode.setState(settings);
  const all = [...rows.values()];
  if (all.length === 0) {
    root.replaceChildren(element('h1', { text: say('title', 'Coverage') }), element('p', { className: 'empty', text: say('empty', 'No strategy documents in this workspace yet.') }));
    return;
  }
  const folders = [...new Set(all.map((r) => r.folder))].sort();
  const statuses = [...new Set(all.map((r) => r.status ?? NO_STATUS))].sort();
  const toolbar = element(
    'div',
    { className: 'toolbar' },
    filter(say('guide', 'Guide'), 'guide', guides.map((g) => [g.id, g.title] as const)),
    filter(say('status', 'Status'), 'status', statuses.map((s) => [s, s === NO_STATUS ? say('noStatus', '(no status)') : s] as const)),
    ...(folders.length > 1 ? [filter(say('folder', 'Folder'), 'folder', folders.map((f) => [f, f] as const))] : []),
  );
  const shown = all.filter(passes);
  const tables = guides.map((guide) => renderGuide(guide, shown.filter((r) => r.guideId === guide.id && r.problem === undefined), folders.length > 1)).filter((section) => section.querySelector('tr.document'));
  const problems = shown.filter((r) => r.problem !== undefined);
  root.replaceChildren(element('h1', { text: say('title', 'Coverage') }), toolbar, ...tables, ...(problems.length > 0 ? [renderProblems(problems)] : []));
}

/** The table rows (the row and its questions) drawn for `file`. */
function drawnRows(file: string): HTMLTableRowElement[] {
  return [...root.querySelectorAll<HTMLTableRowElement>('tr[data-file]')].filter((tr) => tr.dataset.file === file);
}

/** Redraws the one row of `file` in place; anything that moves it to another table or group redraws all. */
function replaceRow(file: string): void {
  const row = rows.get(file);
  const drawn = drawnRows(file);
  const guide = guides.find((g) => g.id === row?.guideId);
  const table = drawn[0]?.closest('table');
  if (!row || !guide || drawn.length === 0 || row.problem !== undefined || table?.dataset.guide !== guide.id) {
    render();
    return;
  }
  const focused = document.activeElement instanceof HTMLElement && drawn.some((tr) => tr.contains(document.activeElement)) ? focusKey(document.activeElement) : undefined;
  const replacement = renderRow(guide, row);
  drawn[0]!.before(...replacement);
  for (const tr of drawn) tr.remove();
  if (focused) for (const candidate of replacement.flatMap((tr) => [...tr.querySelectorAll<HTMLElement>('button')])) if (focusKey(candidate) === focused) candidate.focus();
}

function focusKey(node: HTMLElement): string {
  return `${node.className}|${node.dataset.theme ?? node.textContent ?? ''}`;
}

window.addEventListener('message', (event: MessageEvent<CoverageHostMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'table':
      showTable(message.table);
      break;
    case 'row': {
      const previous = rows.get(message.row.file);
      rows.set(message.row.file, message.row);
      // A new row, another folder or a status the filter does not list yet: the toolbar and groups change.
      if (!previous || previous.folder !== message.row.folder || previous.status !== message.row.status || !passes(message.row)) render();
      else replaceRow(message.row.file);
      break;
    }
    case 'remove':
      rows.delete(message.file);
      expanded.delete(message.file);
      render();
      break;
    default:
      // Unknown messages are ignored.
      break;
  }
});

function showTable(table: CoverageTableView): void {
  guides = table.guides;
  rows.clear();
  for (const row of table.rows) rows.set(row.file, row);
  render();
}

vscode.postMessage({ type: 'ready' });
