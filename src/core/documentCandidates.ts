/**
 * Which files may be strategy documents: the one answer the CLI's folder walk and the editor's
 * workspace scan both follow. A candidate is a `.md` file (any case) outside the excluded folders;
 * it is a strategy document when its text passes `isStrategyDocument` as well.
 *
 * `.markdown` is not read: the scaffold writes `.md`, and a second extension would be a second
 * way for a document to be found by one front end and missed by another.
 */

/** Folder names never searched, besides every dot-folder (`.git`, `.github`, `.vscode`, `.history`, …). */
export const EXCLUDED_FOLDER_NAMES: readonly string[] = ['node_modules'];

/** The extension of a strategy document, matched without regard to case. */
export const STRATEGY_DOCUMENT_EXTENSION = 'md';

/** Whether a folder called `name` is searched for strategy documents. */
export function isSearchedFolder(name: string): boolean {
  return !name.startsWith('.') && !EXCLUDED_FOLDER_NAMES.includes(name);
}

/** Whether a file called `name` may be a strategy document, by its extension alone. */
export function hasStrategyDocumentExtension(name: string): boolean {
  return name.toLowerCase().endsWith(`.${STRATEGY_DOCUMENT_EXTENSION}`);
}

/**
 * Whether the file at `relativePath` (`/`-separated, below a searched root) may be a strategy
 * document: a `.md` file none of whose folders is excluded.
 */
export function isCandidatePath(relativePath: string): boolean {
  const segments = relativePath.split('/').filter((s) => s !== '');
  const name = segments.pop();
  return name !== undefined && hasStrategyDocumentExtension(name) && segments.every(isSearchedFolder);
}

/**
 * The candidates as glob patterns, for a host that searches by glob (VS Code's `findFiles` and
 * file watchers): `include` matches the extension in any case, `exclude` the excluded folders.
 * Glob matching is coarser than `isCandidatePath`, so a host still filters what it finds through it.
 */
export const CANDIDATE_GLOBS: { readonly include: string; readonly exclude: string } = {
  include: `**/*.${[...STRATEGY_DOCUMENT_EXTENSION].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join('')}`,
  exclude: `{${[...EXCLUDED_FOLDER_NAMES, '.*'].map((name) => `**/${name}/**`).join(',')}}`,
};
