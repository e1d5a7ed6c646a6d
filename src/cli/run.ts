import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { version } from '../../package.json';
import { runCheck } from './checkCommand';
import { ExitCode, UsageError, type CliContext } from './context';
import { runDiff } from './diffCommand';
import { runExport } from './exportCommand';
import { terminalText } from './escape';
import { runGuides } from './guidesCommand';
import { detectLocale, loadLocalisation, type Localise } from './l10n';
import { runNew } from './newCommand';
import { runReport } from './reportCommand';
import { runNewGuide } from './newGuideCommand';
import { runSync } from './syncCommand';
import { usage, type CommandName } from './usage';

/** What the CLI needs from its process: `main` passes the real one, tests a recording one. */
export interface CliHost {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The package folder holding `content/` and `l10n/`. */
  readonly installFolder: string;
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const COMMANDS: Record<CommandName, (args: readonly string[], context: CliContext) => Promise<ExitCode>> = {
  check: runCheck,
  diff: runDiff,
  new: runNew,
  report: runReport,
  export: runExport,
  guides: runGuides,
  sync: runSync,
  'new-guide': runNewGuide,
};

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/**
 * Runs `dialogue-guide argv…` and returns its exit code; it never throws. Everything printed goes
 * through `terminalText`, so no control character a document or guide holds reaches the terminal.
 */
export async function runCli(argv: readonly string[], host: CliHost): Promise<ExitCode> {
  // The locale must be known before anything is said, even about a command line that does not parse.
  const { values, tokens } = parseArgs({ args: [...argv], options: { locale: { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  const locale = detectLocale(typeof values.locale === 'string' ? values.locale : undefined, host.env);
  const t = await loadLocalisation(locale, join(host.installFolder, 'l10n'));
  const context: CliContext = {
    cwd: host.cwd,
    env: host.env,
    installFolder: host.installFolder,
    locale,
    t,
    out: (text) => host.writeOut(`${terminalText(text)}\n`),
    err: (text) => host.writeErr(`${terminalText(text)}\n`),
  };
  try {
    return await runCommand(argv, tokens, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.err(error.message);
      return ExitCode.usage;
    }
    reportInternalError(error, context, t);
    return ExitCode.internal;
  }
}

async function runCommand(argv: readonly string[], tokens: ReturnType<typeof parseArgs>['tokens'], context: CliContext): Promise<ExitCode> {
  // The command is the first word that is not an option, so `--locale da check` works too.
  const at = tokens?.find((token) => token.kind === 'positional')?.index ?? -1;
  const name = argv[at];
  const args = argv.filter((_, i) => i !== at);
  const wantsHelp = (list: readonly string[]) => list.includes('--help') || list.includes('-h');
  if (argv.includes('--version')) {
    context.out(version);
    return ExitCode.ok;
  }
  if (!isCommand(name)) {
    if (wantsHelp(argv)) {
      context.out(usage(context.t));
      return ExitCode.ok;
    }
    if (name !== undefined) context.err(context.t('Unknown command "{name}".', { name }));
    context.err(usage(context.t));
    return ExitCode.usage;
  }
  if (wantsHelp(args)) {
    context.out(usage(context.t, name));
    return ExitCode.ok;
  }
  return COMMANDS[name](args, context);
}

/** One line for whoever reads the CI log; the stack only for whoever debugs the CLI. */
function reportInternalError(error: unknown, context: CliContext, t: Localise): void {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (isDebugging(context.env)) {
    context.err(error instanceof Error ? (error.stack ?? message) : message);
    return;
  }
  context.err(t('Internal error: {message} (set DIALOGUE_GUIDE_DEBUG=1 to see where it happened).', { message: firstLine }));
}

/** `DIALOGUE_GUIDE_DEBUG` set to anything but empty, `0` or `false`. */
export function isDebugging(env: NodeJS.ProcessEnv): boolean {
  const value = env.DIALOGUE_GUIDE_DEBUG;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
