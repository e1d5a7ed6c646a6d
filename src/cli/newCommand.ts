import { oneLine } from './escape';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { scaffoldStrategyDocument } from '../core/scaffold';
import { validateScaffoldRequest } from '../core/scaffoldRequest';
import { scaffoldProblemMessage } from '../l10n/scaffoldMessages';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, UsageError, parseCommandLine, type CliContext } from './context';
import { loadLibrary, warnAboutGuides } from './library';

/** The options `new` takes; its help lists each of them. */
export const NEW_OPTIONS = {
  ...COMMON_OPTIONS,
  ...GUIDE_FOLDER_OPTION,
  guide: { type: 'string' },
  title: { type: 'string' },
  organisation: { type: 'string' },
  themes: { type: 'string' },
  language: { type: 'string' },
  quotes: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/** `dialogue-guide new`: writes the same scaffold as the editor's command, and never over an existing file. */
export async function runNew(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { t } = context;
  const { values } = parseCommandLine('new', { args: [...args], options: NEW_OPTIONS }, t);
  const out = values.out;
  if (out === undefined || out.trim() === '') throw new UsageError(t('--{option} is required (see --help).', { option: 'out' }));

  const library = await loadLibrary(context, values['guide-folder'] ?? []);
  warnAboutGuides(library, context);
  const request = validateScaffoldRequest(library.entries, {
    guide: values.guide,
    language: values.language,
    themes: values.themes?.split(',').map((theme) => theme.trim()).filter((theme) => theme !== ''),
    title: values.title,
    organisation: values.organisation,
    includeQuotes: values.quotes ?? false,
  });
  if (!request.ok) throw new UsageError(scaffoldProblemMessage(request.problem, t));

  const text = scaffoldStrategyDocument(request.guide, request.options);
  const path = resolve(context.cwd, out);
  const cannotWrite = (error: unknown) => new UsageError(t('{file} cannot be written: {reason}', { file: out, reason: (error as Error).message }));
  // A file where a folder should be fails here (EEXIST or ENOTDIR), as a usage error like any unwritable --out.
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw cannotWrite(error);
  });
  try {
    // 'wx' refuses atomically, where checking first and writing after could race another writer.
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? new UsageError(t('{file} already exists; choose another --out.', { file: out })) : cannotWrite(error);
  }
  context.out(oneLine(t('Wrote {file}.', { file: out })));
  return ExitCode.ok;
}
