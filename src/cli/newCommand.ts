import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { scaffoldStrategyDocument } from '../core/scaffold';
import { COMMON_OPTIONS, ExitCode, UsageError, parseCommandLine, type CliContext } from './context';
import { guideById, languagesOf, loadLibrary, warnAboutGuides } from './library';

/** `dialogue-guide new`: writes the same scaffold as the editor's command, and never over an existing file. */
export async function runNew(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { t } = context;
  const { values } = parseCommandLine(
    {
      args: [...args],
      options: {
        ...COMMON_OPTIONS,
        guide: { type: 'string' },
        // `--guide` names the guide here, so the folders other commands take as `--guide` come this way.
        'guide-folder': { type: 'string', multiple: true },
        title: { type: 'string' },
        organisation: { type: 'string' },
        themes: { type: 'string' },
        language: { type: 'string' },
        quotes: { type: 'boolean' },
        out: { type: 'string' },
      },
    },
    t,
  );
  const required = { guide: values.guide, title: values.title, out: values.out };
  for (const [option, value] of Object.entries(required)) {
    if (value === undefined || value.trim() === '') throw new UsageError(t('--{option} is required (see --help).', { option }));
  }

  const library = await loadLibrary(context, values['guide-folder'] ?? []);
  warnAboutGuides(library, context);
  const entry = guideById(library, values.guide!, context);
  const language = values.language ?? entry.original.language;
  const guide = [entry.original, ...entry.translations].find((g) => g.language === language);
  if (!guide) {
    throw new UsageError(t('The guide "{id}" is not in "{language}". Languages: {languages}', { id: entry.id, language, languages: languagesOf(entry).join(', ') }));
  }
  const themes = values.themes?.split(',').map((theme) => theme.trim()).filter((theme) => theme !== '');
  const unknown = themes?.filter((id) => !guide.themes.some((theme) => theme.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new UsageError(t('The guide has no theme {themes}. Themes: {known}', { themes: unknown.join(', '), known: guide.themes.map((theme) => theme.id).join(', ') }));
  }

  const text = scaffoldStrategyDocument(guide, {
    title: values.title!,
    organisation: values.organisation ?? '',
    ...(themes ? { themes } : {}),
    includeQuotes: values.quotes ?? false,
  });
  const out = resolve(context.cwd, values.out!);
  const cannotWrite = (error: unknown) => new UsageError(t('{file} cannot be written: {reason}', { file: values.out!, reason: (error as Error).message }));
  // A file where a folder should be fails here (EEXIST or ENOTDIR), as a usage error like any unwritable --out.
  await mkdir(dirname(out), { recursive: true }).catch((error: unknown) => {
    throw cannotWrite(error);
  });
  try {
    // 'wx' refuses atomically, where checking first and writing after could race another writer.
    await writeFile(out, text, { flag: 'wx' });
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? new UsageError(t('{file} already exists; choose another --out.', { file: values.out! })) : cannotWrite(error);
  }
  context.out(t('Wrote {file}.', { file: values.out! }));
  return ExitCode.ok;
}
