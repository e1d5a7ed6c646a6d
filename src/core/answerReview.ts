import { questionForMarker, type Guide } from './guide';
import { themesInScope, type StrategyDocument } from './strategyDocument';

/**
 * How one question's answer moved between a base (say, the branch a pull request targets) and now.
 * A question empty at both ends is `unchanged`, with neither text.
 */
export type AnswerChange = 'new' | 'changed' | 'unchanged' | 'removed';

/** Answers by question id, exactly as written; a question not in the map is unanswered. */
export type Answers = ReadonlyMap<string, string>;

/** One question's answer at the base and now, texts kept verbatim for display. */
export interface QuestionReview {
  readonly questionId: string;
  readonly change: AnswerChange;
  /** undefined when the question was unanswered or absent at the base. */
  readonly base: string | undefined;
  /** undefined when the question is unanswered or absent now. */
  readonly current: string | undefined;
}

/** A whole document's answers compared question by question. */
export interface AnswerReview {
  /** The document did not exist at the base, so every answer is new. */
  readonly notInBase: boolean;
  /** The guide's questions in the document's scope, in guide order, then every other id, as the documents list them. */
  readonly questions: readonly QuestionReview[];
  readonly counts: Readonly<Record<AnswerChange, number>>;
}

/**
 * The answered sections of a document by question id. A question whose marker is duplicated gets the
 * answers of all its sections, in order and a blank line apart, so that a change in any of them is seen.
 * With `guide`, a marker with a former id of a question counts for the question's id now, so a
 * rename between base and now is not an answer removed and another added.
 */
export function answersOf(document: StrategyDocument, guide?: Guide): Map<string, string> {
  const answers = new Map<string, string>();
  for (const section of document.sections) {
    if (section.state !== 'answered') continue;
    const id = (guide && questionForMarker(guide, section.questionId)?.question.id) ?? section.questionId;
    const earlier = answers.get(id);
    answers.set(id, earlier === undefined ? section.answer : `${earlier}\n\n${section.answer}`);
  }
  return answers;
}

/**
 * Reviews `current` against the same document at `base` (undefined: the document is not in the base).
 * The questions it is held to are the guide's in the themes of its `themes:` front matter (all when it
 * has none), in guide order; ids the guide does not know, or that are out of scope, follow in document
 * order, current before base. Every front end reviews through this function, so all count alike.
 */
export function reviewDocument(current: StrategyDocument, base: StrategyDocument | undefined, guide: Guide | undefined): AnswerReview {
  const inScope = guide ? themesInScope(guide, current.frontMatter ?? {}).flatMap((theme) => theme.questions.map((q) => q.id)) : [];
  return reviewAnswers(base && answersOf(base, guide), answersOf(current, guide), inScope);
}

/**
 * Compares answers at `base` (undefined: the document is not in the base) with `current`.
 * Only line endings and trailing whitespace are ignored: a checkout with `core.autocrlf` or an
 * editor that trims lines must not make every answer look rewritten.
 */
export function reviewAnswers(base: Answers | undefined, current: Answers, questionOrder: readonly string[]): AnswerReview {
  const ids = new Set(questionOrder);
  for (const id of current.keys()) ids.add(id);
  for (const id of base?.keys() ?? []) ids.add(id);

  const counts: Record<AnswerChange, number> = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  const questions = [...ids].map((questionId): QuestionReview => {
    const before = answered(base?.get(questionId));
    const now = answered(current.get(questionId));
    const change = changeOf(before, now);
    counts[change]++;
    return { questionId, change, base: before, current: now };
  });
  return { notInBase: base === undefined, questions, counts };
}

function changeOf(before: string | undefined, now: string | undefined): AnswerChange {
  if (before === undefined) return now === undefined ? 'unchanged' : 'new';
  if (now === undefined) return 'removed';
  return normalise(before) === normalise(now) ? 'unchanged' : 'changed';
}

/** The text when it holds an answer; whitespace alone is no answer. */
function answered(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trimEnd();
}
