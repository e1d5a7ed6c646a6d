import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { DEFAULT_GUIDE_FOLDER, loadGuideLibrary, type GuideLibrary } from '../core/guideLoader';
import { formatFinding } from '../l10n/findingMessages';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { UsageError, type CliContext } from './context';
import { oneLine } from './escape';

/**
 * The built-in guides (`content/` beside `dist/`), the repository's own in `.dialogue-guide/guides/`
 * under the current folder when there is one, and those under `extraFolders`. The loader skips
 * folders it cannot read, which suits a workspace but would let a mistyped `--guide-folder` pass in CI.
 */
export async function loadLibrary(context: CliContext, extraFolders: readonly string[]): Promise<GuideLibrary> {
  const ownFolder = resolve(context.cwd, DEFAULT_GUIDE_FOLDER);
  const named = extraFolders.map((folder) => resolve(context.cwd, folder));
  const roots = [join(context.installFolder, 'content'), ...(existsSync(ownFolder) && !named.includes(ownFolder) ? [ownFolder] : []), ...named];
  for (const root of roots) {
    try {
      await readdir(root);
    } catch (error) {
      throw new UsageError(context.t('The guide folder {folder} cannot be read: {reason}', { folder: root, reason: (error as Error).message }));
    }
  }
  return loadGuideLibrary(nodeFileSystem, roots);
}

/** Prints what is wrong with the guides to standard error: commands that only read guides carry on without the broken ones. */
export function warnAboutGuides(library: GuideLibrary, context: CliContext): void {
  for (const finding of library.findings) context.err(oneLine(formatFinding(finding, context.t)));
}
