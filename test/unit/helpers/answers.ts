import { lineBreakOf, lineStarts } from '../../../src/core/lines';
import { parseStrategyDocument } from '../../../src/core/strategyDocument';

/** Where a person types an answer in a question's section: under the marker, under the heading (above the marker), or both. */
export type Placement = 'belowMarker' | 'aboveMarker' | { readonly aboveMarker: string };

/**
 * `text` with the answer to `questionId` written as a person would, with a blank line around it
 * and the document's line breaks: under the marker (the area there replaced), straight under the
 * heading, or split with `aboveMarker` under the heading and `answer` under the marker.
 * The answer keeps its own line breaks.
 */
export function answerQuestion(text: string, questionId: string, answer: string, placement: Placement = 'belowMarker'): string {
  if (typeof placement === 'object') return answerQuestion(answerQuestion(text, questionId, placement.aboveMarker, 'aboveMarker'), questionId, answer, 'belowMarker');
  const section = parseStrategyDocument(text, 'answer.md').sections.find((s) => s.questionId === questionId);
  if (!section) throw new Error(`no section for ${questionId}`);
  const starts = lineStarts(text);
  const eol = lineBreakOf(text);
  if (placement === 'aboveMarker') {
    if (section.headingLine === undefined) throw new Error(`no heading for ${questionId}`);
    const after = section.markerLine - 1;
    return text.slice(0, starts[after]) + eol + answer + eol + text.slice(starts[after]);
  }
  const head = section.markerLine + 1 < starts.length ? text.slice(0, starts[section.markerLine + 1]) : text + eol;
  const atEnd = section.lines.end >= starts.length;
  return head + eol + answer + eol + (atEnd ? '' : eol + text.slice(starts[section.lines.end]));
}

/**
 * The answer a reader sees for `answer` written at `placement`: text above the marker and below it,
 * a blank line between. `below` is what the scaffold left under the marker (the follow-up
 * questions' comment), which an answer typed above the marker leaves in place.
 */
export function expectedAnswer(answer: string, placement: Placement, eol: string, below = ''): string {
  if (typeof placement === 'object') return placement.aboveMarker + eol + eol + answer;
  return placement === 'aboveMarker' && below !== '' ? answer + eol + eol + below : answer;
}
