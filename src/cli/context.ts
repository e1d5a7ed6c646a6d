import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Localise } from './l10n';
import { usageLine, type CommandName } from './usage';

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

/**
 * `parseArgs` for `command`, with every way a command line can be wrong (an unknown option, a
 * missing value, a stray argument) said in the CLI's own words, in the user's language, followed
 * by the command's usage line: Node's parser text names none of the options the user meant.
 */
export function parseCommandLine<T extends ParseArgsConfig>(command: CommandName, config: T, t: Localise): ReturnType<typeof parseArgs<T>> {
  const problem = commandLineProblem(config, t);
  if (problem !== undefined) throw new UsageError(`${problem}\n${usageLine(t, command)}`);
  try {
    return parseArgs(config);
  } catch (error) {
    // Whatever the checks above did not foresee.
    throw new UsageError(`${t('{detail} (see --help)', { detail: (error as Error).message })}\n${usageLine(t, command)}`);
  }
}

/** The first thing wrong with the command line, read leniently so every option is seen, or undefined. */
function commandLineProblem(config: ParseArgsConfig, t: Localise): string | undefined {
  const options = config.options ?? {};
  const { tokens } = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !config.allowPositionals) return t('Unexpected argument "{argument}".', { argument: token.value });
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (option === undefined) {
      const suggestion = nearestOption(token.name, Object.keys(options));
      return suggestion === undefined
        ? t('Unknown option {option}.', { option: token.rawName })
        : t('Unknown option {option}: did you mean --{suggestion}?', { option: token.rawName, suggestion });
    }
    // A value that looks like an option (`--base --format json`) is the next option, not this one's value.
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
    if (option.type === 'string' && missing) return t('{option} needs a value.', { option: token.rawName });
    if (option.type === 'boolean' && token.inlineValue) return t('{option} takes no value.', { option: token.rawName });
  }
  return undefined;
}

/**
 * The known option `typed` most likely meant: one it begins (`--guide` for `--guide-folder`, the
 * old name of the option), else the closest within two edits (`--formt`), else none.
 */
export function nearestOption(typed: string, known: readonly string[]): string | undefined {
  const byDistance = (a: string, b: string) => editDistance(typed, a) - editDistance(typed, b);
  const extended = known.filter((name) => name.startsWith(typed)).sort(byDistance);
  if (extended[0] !== undefined && typed.length >= 2) return extended[0];
  const close = known.filter((name) => editDistance(typed, name) <= Math.min(2, Math.floor(typed.length / 2))).sort(byDistance);
  return close[0];
}

/** Insertions, deletions, substitutions and swaps of two neighbours that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The one value of a `--format` option, checked against the formats a command offers. */
export function formatOption<F extends string>(value: string | undefined, formats: readonly F[], t: Localise): F {
  const format = value ?? formats[0]!;
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(t('Unknown format "{format}": use one of {formats}.', { format, formats: formats.join(', ') }));
  }
  return format as F;
}
