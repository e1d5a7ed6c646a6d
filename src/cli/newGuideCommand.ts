import { oneLine } from './escape';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkStarterGuideRequest, starterGuideFiles } from '../core/starterGuide';
import { starterGuideProblemMessage, starterTexts } from '../l10n/starterGuideMessages';
import { COMMON_OPTIONS, ExitCode, UsageError, parseCommandLine, type CliContext } from './context';

/** The options `new-guide` takes; its help lists each of them. */
export const NEW_GUIDE_OPTIONS = {
  ...COMMON_OPTIONS,
  id: { type: 'string' },
  title: { type: 'string' },
  language: { type: 'string' },
  out: { type: 'string' },
} as const;

/** `dialogue-guide new-guide`: writes the starter guide the editor's New Guide… writes, and never over an existing file. */
export async function runNewGuide(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { t } = context;
  const { values } = parseCommandLine('new-guide', { args: [...args], options: NEW_GUIDE_OPTIONS }, t);
  for (const option of ['id', 'title', 'language', 'out'] as const) {
    if (values[option] === undefined || values[option].trim() === '') throw new UsageError(t('--{option} is required (see --help).', { option }));
  }
  const request = { id: values.id!, title: values.title!, language: values.language! };
  const problem = checkStarterGuideRequest(request);
  if (problem) throw new UsageError(starterGuideProblemMessage(problem, t));

  const out = values.out!;
  const folder = resolve(context.cwd, out);
  const cannotWrite = (file: string, error: unknown) => new UsageError(t('{file} cannot be written: {reason}', { file, reason: (error as Error).message }));
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw cannotWrite(out, error);
  });
  const files = starterGuideFiles(request, starterTexts(t));
  // Refused before anything is written, so a half-written guide is never left behind.
  for (const file of files) {
    if (existsSync(join(folder, file.name))) throw new UsageError(t('{file} already exists; choose another --out.', { file: join(out, file.name) }));
  }
  for (const file of files) {
    const path = join(out, file.name);
    try {
      // 'wx' refuses atomically: an existing guide is never written over.
      await writeFile(join(folder, file.name), file.text, { flag: 'wx' });
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? new UsageError(t('{file} already exists; choose another --out.', { file: path })) : cannotWrite(path, error);
    }
    context.out(oneLine(t('Wrote {file}.', { file: path })));
  }
  return ExitCode.ok;
}
