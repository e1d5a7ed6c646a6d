import { dirname } from 'node:path';
import { ExitCode } from './context';
import { isDebugging, runCli } from './run';

/**
 * A reader that stops early (`| head`) closes the pipe: what is left to print has no one to read
 * it, so it is dropped, and the run ends with the exit code it would have had. Any other failure
 * to write is left to the handler below.
 */
const closed = new Set<NodeJS.WriteStream>();
const write = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!closed.has(stream)) stream.write(text);
};
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed.add(stream);
    else internalError(error);
  });
}

/**
 * The last resort, for an error outside any command (a failed write): one line and exit code 3,
 * the stack only when debugging. It is in English because it may come before or after the
 * localised run; `runCli` reports errors inside commands in the user's language.
 */
function internalError(error: unknown): void {
  const detail = error instanceof Error ? (isDebugging(process.env) ? (error.stack ?? error.message) : error.message.split('\n', 1)[0]) : String(error);
  try {
    process.stderr.write(`dialogue-guide: internal error: ${detail}\n`);
  } catch {
    // Nowhere left to say it.
  }
  process.exitCode = ExitCode.internal;
}
process.on('uncaughtException', internalError);

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // One up from dist/cli.js.
  installFolder: dirname(__dirname),
  writeOut: write(process.stdout),
  writeErr: write(process.stderr),
}).then((code) => {
  // An internal error reported meanwhile outranks what the command thought of its own run.
  if (process.exitCode !== ExitCode.internal) process.exitCode = code;
}, internalError);
