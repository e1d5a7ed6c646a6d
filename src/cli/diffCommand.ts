import { relative, sep } from 'node:path';
import { reviewDocument, type AnswerChange, type AnswerReview } from '../core/answerReview';
import { allQuestions, type Question } from '../core/guide';
import { AMBIGUOUS, analyseStrategyDocument, parseStrategyDocument } from '../core/strategyDocument';
import { openRepository, readFilesAt, resolveCommit, type GitProblem, type GitResult } from '../node/git';
import { realpath } from 'node:fs/promises';
import { COMMON_OPTIONS, ExitCode, GUIDE_FOLDER_OPTION, UsageError, formatOption, parseCommandLine, type CliContext } from './context';
import { markdownInline, oneLine } from './escape';
import { selectDocuments } from './documents';
import type { Localise } from './l10n';
import { loadLibrary, warnAboutGuides } from './library';
import { formatFinding } from '../l10n/findingMessages';

/** One document's answers compared with the base, with the guide's questions to name them by. */
interface DocumentReview {
  readonly file: string;
  readonly guideId: string | undefined;
  readonly questions: ReadonlyMap<string, Question>;
  readonly review: AnswerReview;
}

/** The options `diff` takes; its help lists each of them. */
export const DIFF_OPTIONS = { ...COMMON_OPTIONS, ...GUIDE_FOLDER_OPTION, base: { type: 'string' }, format: { type: 'string' } } as const;

/** `dialogue-guide diff --base <ref>`: per question, what a pull request changes in the answers. */
export async function runDiff(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const { t } = context;
  const { values, positionals } = parseCommandLine('diff', { args: [...args], options: DIFF_OPTIONS, allowPositionals: true }, t);
  const format = formatOption(values.format, ['text', 'json'] as const, t);
  const base = values.base;
  if (base === undefined || base.trim() === '') throw new UsageError(t('--{option} is required (see --help).', { option: 'base' }));

  // The guides are independent of Git. The documents are chosen within the repository, so a link
  // leading out of it is not followed: that takes the repository's root, but not the commit.
  const libraryLoaded = loadLibrary(context, values['guide-folder'] ?? []);
  // Awaited below; if Git fails first, its rejection (an unreadable --guide-folder) must not go unhandled.
  libraryLoaded.catch(() => undefined);
  const repository = orExplain(await openRepository(context.cwd), t);
  const within = await realpath(repository.root).catch(() => repository.root);
  const [library, selection, commitFound] = await Promise.all([libraryLoaded, selectDocuments(context.cwd, positionals, t, { within }), resolveCommit(repository, base)]);
  const commit = orExplain(commitFound, t);
  const documents = selection.documents;
  warnAboutGuides(library, context);
  for (const file of selection.outside) {
    context.err(oneLine(t('{file} leads outside the Git repository at {root}; it is not followed.', { file: relative(context.cwd, file), root: repository.root })));
  }
  for (const finding of selection.findings) context.err(oneLine(formatFinding(finding, t)));
  if (selection.findings.some((f) => f.severity === 'error')) return ExitCode.usage;
  const atBase = orExplain(await readFilesAt(repository, commit, documents.map((d) => d.file)), t);

  const reviews = documents.map((document): DocumentReview => {
    const before = atBase.get(document.file);
    if (before?.kind === 'outsideRepository') {
      throw new UsageError(t('{file} is not in the Git repository at {root}.', { file: document.file, root: repository.root }));
    }
    if (before?.kind === 'invalidUtf8') {
      throw new UsageError(t('{file} at {ref} is not valid UTF-8 (the first bad byte is on line {line}, column {column}).', { file: relative(context.cwd, document.file), ref: base, line: before.line, column: before.column }));
    }
    // Where the document cannot tell which question some text belongs to, the comparison may credit it
    // to a neighbour: say so on stderr, with the line, as check does.
    for (const finding of document.findings) if (AMBIGUOUS.has(finding.code)) context.err(oneLine(formatFinding({ ...finding, file: relative(context.cwd, finding.file) }, t)));
    const guide = analyseStrategyDocument(document, library.entries).guide;
    return {
      file: relative(context.cwd, document.file).split(sep).join('/'),
      guideId: document.frontMatter?.guide,
      questions: new Map(guide ? allQuestions(guide).map((q) => [q.id, q]) : []),
      review: reviewDocument(document, before?.kind === 'found' ? parseStrategyDocument(before.text, document.file) : undefined, guide),
    };
  });

  if (format === 'json') {
    context.out(JSON.stringify({ base, commit, documents: reviews.map(reviewAsJson) }, null, 2));
  } else {
    context.out(summary(base, reviews, t));
  }
  return ExitCode.ok;
}

function orExplain<T>(result: GitResult<T>, t: Localise): T {
  if (result.ok) return result.value;
  throw new UsageError(gitProblemMessage(result.problem, t));
}

/** What a Git problem means, in the user's words: for `diff` and `export --base`. */
export function gitProblemMessage(problem: GitProblem, t: Localise): string {
  switch (problem.kind) {
    case 'notARepository':
      return t('{folder} is not in a Git repository: diff compares with a Git ref.', { folder: problem.folder });
    case 'unknownRef':
      return t('Git does not know "{ref}": check the spelling, or fetch it first (git fetch origin).', { ref: problem.ref });
    case 'shallowClone':
      return t('"{ref}" is not in this shallow clone: fetch more history first (git fetch --unshallow, or fetch-depth: 0 in actions/checkout).', { ref: problem.ref });
    case 'gitFailed':
      return t('Git failed: {detail}', { detail: problem.detail });
  }
}

function changeWord(change: AnswerChange, t: Localise): string {
  switch (change) {
    case 'new':
      return t('new');
    case 'changed':
      return t('changed');
    case 'unchanged':
      return t('unchanged');
    case 'removed':
      return t('removed');
  }
}

/**
 * Markdown a reviewer can paste into a pull request: changed documents, then each changed answer.
 * Names in headings are escaped and answers quoted, so nothing a document or guide holds adds a heading.
 */
function summary(base: string, reviews: readonly DocumentReview[], t: Localise): string {
  const changed = reviews.filter(({ review }) => review.notInBase || review.counts.new + review.counts.changed + review.counts.removed > 0);
  const lines = [`## ${t('Answers changed since {base}', { base: markdownInline(base) })}`];
  // Line by line, not push(...lines): an answer can have more lines than a call can take arguments.
  const quote = (text: string | undefined) => {
    for (const line of quoted(text)) lines.push(line);
  };
  for (const { file, questions, review } of changed) {
    lines.push('', `### ${markdownInline(file)}`, '');
    if (review.notInBase) lines.push(t('New document: every answer is new.'), '');
    lines.push(t('New: {new}. Changed: {changed}. Removed: {removed}. Unchanged: {unchanged}.', review.counts));
    for (const item of review.questions.filter((q) => q.change !== 'unchanged')) {
      const question = questions.get(item.questionId);
      const name = question ? `${question.number} ${question.label}` : item.questionId;
      lines.push('', `#### ${markdownInline(name)} (${changeWord(item.change, t)})`, '');
      if (item.change === 'changed') {
        lines.push(`${t('Before:')}`, '');
        quote(item.base);
        lines.push('', `${t('Now:')}`, '');
        quote(item.current);
      } else {
        quote(item.current ?? item.base);
      }
    }
  }
  if (changed.length === 0) lines.push('', t('No answers changed.'));
  lines.push('', t('Documents compared: {documents}. With changes: {changed}.', { documents: reviews.length, changed: changed.length }));
  return lines.join('\n');
}

/** An answer as a Markdown blockquote, so its own headings and lists cannot break the summary's structure. */
function quoted(text: string | undefined): string[] {
  return (text ?? '').split(/\r\n|\r|\n/).map((line) => (line.trim() === '' ? '>' : `> ${oneLine(line)}`));
}

function reviewAsJson({ file, guideId, questions, review }: DocumentReview) {
  return {
    file,
    guide: guideId ?? null,
    notInBase: review.notInBase,
    counts: review.counts,
    questions: review.questions.map(({ questionId, change, base, current }) => ({
      id: questionId,
      number: questions.get(questionId)?.number ?? null,
      label: questions.get(questionId)?.label ?? null,
      change,
      base: base ?? null,
      current: current ?? null,
    })),
  };
}
