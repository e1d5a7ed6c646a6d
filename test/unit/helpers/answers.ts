import { lineBreakOf, lineStarts } from '../../../src/core/lines';
import { parseStrategyDocument } from '../../../src/core/strategyDocument';

/**
 * `text` with the answer to `questionId` written as a person would: the area under the marker
 * replaced by a blank line, the answer and a blank line before the next heading (none at the end).
 * The answer keeps its own line breaks; the blank lines use the document's.
 */
export function answerQuestion(text: string, questionId: string, answer: string): string {
  const section = parseStrategyDocument(text, 'answer.md').sections.find((s) => s.questionId === questionId);
  if (!section) throw new Error(`no section for ${questionId}`);
  const starts = lineStarts(text);
  const eol = lineBreakOf(text);
  const head = section.markerLine + 1 < starts.length ? text.slice(0, starts[section.markerLine + 1]) : text + eol;
  const atEnd = section.answerLines.end >= starts.length;
  return head + eol + answer + eol + (atEnd ? '' : eol + text.slice(starts[section.answerLines.end]));
}
