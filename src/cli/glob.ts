/** Whether an argument is a pattern rather than a path. */
export function isGlob(argument: string): boolean {
  return /[*?[{]/.test(argument);
}

/** The folder part of a pattern before its first wildcard, where walking has to start ('' for the current folder). */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const firstWild = segments.findIndex(isGlob);
  return segments.slice(0, firstWild < 0 ? segments.length : firstWild).join('/');
}

/**
 * A matcher for `/`-separated relative paths: `**` spans folders, `*` and `?` stay within one,
 * `{a,b}` and `[abc]` as in shells. Quoted patterns reach us unexpanded (and Windows shells never
 * expand them), so the CLI matches them itself rather than depend on Node's experimental glob.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let braces = 0;
  // As in shells, braces that do not pair up are plain characters.
  const bracesPair = pattern.split('{').length === pattern.split('}').length;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        source += '\\[';
      } else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else if (c === '{' && bracesPair) {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) {
      source += '|';
    } else {
      source += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
