import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { decodeUtf8, TextFileError } from '../core/textFile';

/** Why Git could not answer; each is a normal outcome the CLI explains, not an exception. */
export type GitProblem =
  | { readonly kind: 'notARepository'; readonly folder: string }
  | { readonly kind: 'unknownRef'; readonly ref: string }
  /** The ref is unknown and the clone is shallow: the history is probably just not fetched. */
  | { readonly kind: 'shallowClone'; readonly ref: string }
  /** Git is not installed, or failed for a reason of its own (its message is in `detail`). */
  | { readonly kind: 'gitFailed'; readonly detail: string };

export type GitResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: GitProblem };

/** A work tree's repository. */
export interface Repository {
  /** The top folder of the work tree, as Git prints it. */
  readonly root: string;
  readonly shallow: boolean;
}

/** A file's content at a commit, or why there is none. */
export type FileAtRef =
  | { readonly kind: 'found'; readonly text: string }
  | { readonly kind: 'notInBase' }
  /** The file is outside the work tree, or a symbolic link that leads out of it: it is not followed. */
  | { readonly kind: 'outsideRepository' }
  /** The blob at the commit is not UTF-8; one-based line and column of its first bad byte. */
  | { readonly kind: 'invalidUtf8'; readonly line: number; readonly column: number };

interface GitOutput {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs git without a shell; messages in English (LC_ALL=C) so "not a git repository" can be recognised. */
function git(cwd: string, args: readonly string[], input?: string): Promise<GitOutput | Error> {
  return new Promise((done) => {
    const child = execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          done(error);
        } else {
          done({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr: stderr.toString('utf8').trim() });
        }
      },
    );
    // A git that dies early closes its input; the exit code already tells why, so EPIPE is no news.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

function failed(output: GitOutput | Error): { ok: false; problem: GitProblem } {
  const detail = output instanceof Error ? output.message : output.stderr;
  return { ok: false, problem: { kind: 'gitFailed', detail } };
}

/** The repository whose work tree holds `folder`. */
export async function openRepository(folder: string): Promise<GitResult<Repository>> {
  const output = await git(folder, ['rev-parse', '--is-shallow-repository', '--show-toplevel']);
  if (output instanceof Error || output.code !== 0) {
    if (!(output instanceof Error) && /not a git repository/i.test(output.stderr)) {
      return { ok: false, problem: { kind: 'notARepository', folder } };
    }
    return failed(output);
  }
  const [shallow, root] = output.stdout.toString('utf8').trim().split('\n');
  return { ok: true, value: { root: resolve(root ?? folder), shallow: shallow === 'true' } };
}

/** The commit `ref` names. */
export async function resolveCommit(repository: Repository, ref: string): Promise<GitResult<string>> {
  // `--end-of-options` keeps a ref such as "--output=x" from being read as an option.
  const output = await git(repository.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (output instanceof Error) return failed(output);
  if (output.code !== 0) {
    return { ok: false, problem: { kind: repository.shallow ? 'shallowClone' : 'unknownRef', ref } };
  }
  return { ok: true, value: output.stdout.toString('utf8').trim() };
}

/**
 * Reads `files` (paths on disk) as they were at `commit`, all in one `git cat-file --batch`, so a
 * pull request touching hundreds of documents costs one process rather than one `git show` each.
 */
export async function readFilesAt(repository: Repository, commit: string, files: readonly string[]): Promise<GitResult<Map<string, FileAtRef>>> {
  const result = new Map<string, FileAtRef>();
  const inRepository: { file: string; path: string }[] = [];
  const realRoot = await realpath(repository.root).catch(() => repository.root);
  for (const file of files) {
    // By its real path, so a link is read at the base as what it leads to now, and one leading out of the work tree not at all.
    const real = await realpath(file).catch(() => undefined);
    const path = real === undefined ? repositoryPath(repository.root, file) : repositoryPath(realRoot, real);
    // Git rejects a path outside the work tree and stops the whole batch; a newline would split a request.
    if (path === undefined || path.includes('\n')) result.set(file, { kind: 'outsideRepository' });
    else inRepository.push({ file, path });
  }
  if (inRepository.length === 0) return { ok: true, value: result };

  const output = await git(repository.root, ['cat-file', '--batch'], inRepository.map(({ path }) => `${commit}:${path}\n`).join(''));
  if (output instanceof Error || output.code !== 0) return failed(output);
  const blobs = parseBatch(output.stdout, inRepository.length);
  inRepository.forEach(({ file }, i) => {
    const blob = blobs[i];
    result.set(file, blob === undefined ? { kind: 'notInBase' } : textAt(blob));
  });
  return { ok: true, value: result };
}

/**
 * `file` relative to the work tree `root`, with forward slashes; undefined outside it. The caller
 * compares real paths, for a work tree reached through a symbolic link (macOS's /var is /private/var).
 */
function repositoryPath(root: string, file: string): string | undefined {
  const path = relative(root, resolve(file));
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

/** A blob's text, or where it stops being UTF-8. */
function textAt(blob: Uint8Array): FileAtRef {
  try {
    return { kind: 'found', text: decodeUtf8(blob) };
  } catch (error) {
    if (error instanceof TextFileError && error.problem.kind === 'invalidUtf8') return { kind: 'invalidUtf8', line: error.problem.line, column: error.problem.column };
    throw error;
  }
}

/** The blobs of a `cat-file --batch` answer in request order; undefined for a missing object or one that is not a file. */
function parseBatch(stdout: Buffer, count: number): (Uint8Array | undefined)[] {
  const blobs: (Uint8Array | undefined)[] = [];
  let offset = 0;
  while (blobs.length < count && offset < stdout.length) {
    const lineEnd = stdout.indexOf(0x0a, offset);
    const header = stdout.toString('utf8', offset, lineEnd);
    offset = lineEnd + 1;
    // `<oid> <type> <size>`, or `<request> missing`; the request may contain spaces, the oid cannot.
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? stdout.subarray(offset, offset + size) : undefined);
    offset += size + 1;
  }
  return blobs;
}

/** When `commit` was committed, in strict ISO 8601 (`%cI`): the date its tracked changes are given in an export. */
export async function commitDate(repository: Repository, commit: string): Promise<GitResult<string>> {
  const output = await git(repository.root, ['show', '--no-patch', '--format=%cI', '--end-of-options', commit]);
  if (output instanceof Error || output.code !== 0) return failed(output);
  return { ok: true, value: output.stdout.toString('utf8').trim() };
}
