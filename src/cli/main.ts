import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { version } from '../../package.json';
import { runCheck } from './checkCommand';
import { ExitCode, UsageError, type CliContext } from './context';
import { runDiff } from './diffCommand';
import { runGuides } from './guidesCommand';
import { detectLocale, loadLocalisation } from './l10n';
import { runNew } from './newCommand';
import { usage, type CommandName } from './usage';

const COMMANDS: Record<CommandName, (args: readonly string[], context: CliContext) => Promise<ExitCode>> = {
  check: runCheck,
  diff: runDiff,
  new: runNew,
  guides: runGuides,
};

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

async function main(argv: readonly string[]): Promise<ExitCode> {
  // The locale must be known before anything is said, even about a command line that does not parse.
  const { values, tokens } = parseArgs({ args: [...argv], options: { locale: { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  const locale = detectLocale(typeof values.locale === 'string' ? values.locale : undefined, process.env);
  const installFolder = dirname(__dirname);
  const context: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    installFolder,
    locale,
    t: await loadLocalisation(locale, join(installFolder, 'l10n')),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };

  // The command is the first word that is not an option, so `--locale da check` works too.
  const at = tokens.find((token) => token.kind === 'positional')?.index ?? -1;
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
  try {
    return await COMMANDS[name](args, context);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.err(error.message);
    return ExitCode.usage;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = ExitCode.usage;
  },
);
