import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Localise } from './l10n';

/** What a command needs from the process, passed in so every command reads the same way. */
export interface CliContext {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The package folder holding `content/` and `l10n/`: one up from `dist/cli.js`. */
  readonly installFolder: string;
  readonly locale: string;
  readonly t: Localise;
  out(text: string): void;
  err(text: string): void;
}

/** The CLI's exit codes: CI scripts depend on them, so they never change meaning. */
export const ExitCode = {
  /** Everything checked out. */
  ok: 0,
  /** Problems were found, or a requirement was not met. */
  failed: 1,
  /** Bad usage or input that could not be read. */
  usage: 2,
  /** A defect in the CLI itself: a one-line message, the stack only with DIALOGUE_GUIDE_DEBUG=1. */
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Bad usage or unreadable input: `main` prints the (localised) message and exits with 2. */
export class UsageError extends Error {}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--guide-folder <folder>`, repeatable: more guides beside the built-in ones, the same name in every command. */
export const GUIDE_FOLDER_OPTION = {
  'guide-folder': { type: 'string', multiple: true },
} as const;

/** `parseArgs`, with its errors (unknown option, missing value) turned into usage errors in the user's language. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, t: Localise): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(t('{detail} (see --help)', { detail: (error as Error).message }));
  }
}

/** The one value of a `--format` option, checked against the formats a command offers. */
export function formatOption<F extends string>(value: string | undefined, formats: readonly F[], t: Localise): F {
  const format = value ?? formats[0]!;
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(t('Unknown format "{format}": use one of {formats}.', { format, formats: formats.join(', ') }));
  }
  return format as F;
}
