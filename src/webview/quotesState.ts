import { findQuestion, type Guide, type Quote } from '../core/guide';
import type { QuotesViewState } from './messages';

/** The plain view the quotes page renders for `questionId`, or undefined when the guide has no such question. */
export function buildQuotesViewState(guide: Guide, questionId: string): QuotesViewState | undefined {
  const found = findQuestion(guide, questionId);
  if (!found) return undefined;
  const { theme, question } = found;
  return {
    guideId: guide.id,
    questionId: question.id,
    language: guide.language,
    theme: { id: theme.id, title: theme.title, intro: theme.intro },
    question: { id: question.id, number: question.number, label: question.label, text: question.text, ...(question.hint === undefined ? {} : { hint: question.hint }), probes: question.probes ?? [] },
    siblings: theme.questions.map((q) => ({ id: q.id, number: q.number, label: q.label, current: q.id === question.id })),
    quotes: theme.quotes.map((q) => ({ id: q.id, text: q.text, speaker: q.speaker, time: q.time, ...(q.publication === undefined ? {} : { source: q.publication }) })),
  };
}

/** The quote with `id` anywhere in the guide. */
export function findQuote(guide: Guide, id: string): Quote | undefined {
  for (const theme of guide.themes) {
    const quote = theme.quotes.find((q) => q.id === id);
    if (quote) return quote;
  }
  return undefined;
}

/** A quote as it is pasted elsewhere: `"text" (speaker, time)`, leaving out an empty speaker or time. */
export function formatQuoteForCopy(quote: Pick<Quote, 'text' | 'speaker' | 'time'>): string {
  const attribution = [quote.speaker, quote.time].map((s) => s.trim()).filter((s) => s.length > 0).join(', ');
  const text = `"${quote.text.trim()}"`;
  return attribution ? `${text} (${attribution})` : text;
}
