import type { Range } from './findings';
import { GUIDE_FILE, GUIDE_KEYS, type GuideObject } from './guideLoader';

/** Where the cursor is in a guide file's front matter: the object whose keys belong there, and the key on the line. */
export interface KeyContext {
  readonly object: GuideObject;
  /** The keys that object may have. */
  readonly keys: readonly string[];
  /** The key written on the line, when there is one, and its range. */
  readonly key?: { readonly name: string; readonly range: Range };
}

const KEY_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*:/;
const LIST_KEY = /^(questions|quotes)\s*:/;

/**
 * The key context at `line` of a guide file named `fileName` (`guide.md`, or a theme): undefined
 * outside the front matter. In a theme, a line indented under `questions:` or `quotes:` belongs to
 * a question or a quote; everything else at the top level to the theme itself.
 */
export function keyContextAt(text: string, fileName: string, line: number): KeyContext | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^---\s*$/.test(lines[0] ?? '') || line < 1) return undefined;
  const closing = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  if (closing >= 0 && line >= closing) return undefined;
  const source = lines[line] ?? '';
  const match = KEY_LINE.exec(source);
  const key = match ? { name: match[2]!, range: { start: { line, character: match[1]!.length }, end: { line, character: match[1]!.length + match[2]!.length } } } : undefined;
  const object = objectAt(lines, fileName, line);
  return { object, keys: GUIDE_KEYS[object], ...(key ? { key } : {}) };
}

function objectAt(lines: readonly string[], fileName: string, line: number): GuideObject {
  if (fileName === GUIDE_FILE) return 'guide';
  if (!/^\s/.test(lines[line] ?? '')) return 'theme';
  // An indented line belongs to the list whose top-level key comes last above it.
  for (let l = line - 1; l > 0; l--) {
    const above = lines[l]!;
    if (/^\s/.test(above) || above.trim() === '' || above.trimStart().startsWith('#')) continue;
    const list = LIST_KEY.exec(above);
    return list ? (list[1] === 'questions' ? 'question' : 'quote') : 'theme';
  }
  return 'theme';
}
