// The built-in guide, compiled at build time: scripts/build.mjs loads content/ with the core's
// loader and puts the result into the extension bundle as the module `virtual:built-in-guide`,
// so that activation reads no file. Any finding fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ContentFileSystem } from '../src/core/contentFileSystem';
import type { GuideEntry } from '../src/core/guide';
import { loadGuideLibrary } from '../src/core/guideLoader';
import { findingMessage } from '../src/l10n/findingMessages';

/** The built-in content, relative to the extension's root. */
export const CONTENT_FOLDER = 'content';

/** A finding, in esbuild's terms: where (line from 1, column from 0) and what, in English. */
export interface Problem {
  readonly text: string;
  readonly location: { readonly file: string; readonly line: number; readonly column: number; readonly lineText: string };
}

/** What the build needs: the entries to bundle, or why not, and the files to watch. */
export interface CompiledGuide {
  /** Sources name files relative to the extension's root, with `/` (see relocateGuideEntry). */
  readonly entries: readonly GuideEntry[];
  /** Every finding; esbuild prints each as `file:line:column:` with the line. */
  readonly problems: readonly Problem[];
  /** Absolute paths of the files and folders read. */
  readonly watched: readonly string[];
}

/** Loads `content/` under `root` (the repository) with the core's loader. */
export async function compileBuiltInGuide(root: string): Promise<CompiledGuide> {
  const watched: string[] = [];
  const absolute = (path: string) => {
    const file = join(root, path);
    watched.push(file);
    return file;
  };
  const fs: ContentFileSystem = {
    readFile: async (path) => readFileSync(absolute(path), 'utf8'),
    readDirectory: async (path) => readdirSync(absolute(path), { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() })),
    join: posix.join,
  };
  const { entries, findings } = await loadGuideLibrary(fs, [CONTENT_FOLDER]);
  const english = (message: string, args: Record<string, string>) => message.replace(/\{(\w+)\}/g, (match, key: string) => args[key] ?? match);
  const problems = findings.map((finding): Problem => {
    const { line, character } = finding.range.start;
    let lineText = '';
    try {
      lineText = readFileSync(join(root, finding.file), 'utf8').split(/\r?\n/)[line] ?? '';
    } catch {
      // A folder, or a file that could not be read: the message says so.
    }
    return { text: findingMessage(finding, english), location: { file: finding.file, line: line + 1, column: character, lineText } };
  });
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ text: 'No guide found', location: { file: CONTENT_FOLDER, line: 1, column: 0, lineText: '' } });
  }
  return { entries, problems, watched };
}
