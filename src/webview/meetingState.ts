import { findQuestion, type Guide } from '../core/guide';
import { progressOf, summarise, timesOf, type Meeting } from '../core/meeting';
import type { MeetingStrings, MeetingView, NoteView, SummaryView } from './meetingMessages';

/** The plain view the meeting page renders for the meeting's current question. */
export function buildMeetingView(meeting: Meeting, guide: Guide, document: string, note: NoteView, now: number): MeetingView {
  const current = meeting.questions[meeting.current]!;
  const found = findQuestion(guide, current.id);
  const theme = found?.theme ?? guide.themes.find((t) => t.id === current.themeId);
  const progress = progressOf(meeting);
  const times = timesOf(meeting, now);
  return {
    language: guide.language,
    document,
    theme: { title: theme?.title ?? current.themeId, index: progress.themeIndex, count: progress.themeCount },
    // A question the (reloaded) guide no longer has still shows, by its id.
    question: { id: current.id, number: found?.question.number ?? '', text: found?.question.text ?? current.id, ...(found?.question.hint ? { hint: found.question.hint } : {}), probes: found?.question.probes ?? [] },
    progress: { index: progress.index, total: progress.total, inTheme: progress.inTheme, themeTotal: progress.themeTotal },
    quotes: (theme?.quotes ?? []).map((q) => ({ id: q.id, text: q.text, speaker: q.speaker, time: q.time })),
    questions: meeting.questions.map((q) => {
      const question = findQuestion(guide, q.id)?.question;
      return { number: question?.number ?? '', label: question?.label ?? q.id };
    }),
    note,
    times: { questionMs: times.questionMs, totalMs: times.totalMs, questionLimitMs: times.questionLimitMs, totalLimitMs: times.totalLimitMs },
  };
}

/** The summary of `meeting` as of `now`, with the guide's numbers, labels and theme titles. */
export function buildSummaryView(meeting: Meeting, guide: Guide, document: string, now: number, unwritten: SummaryView['unwritten'] = []): SummaryView {
  const summary = summarise(meeting, now);
  return {
    document,
    language: guide.language,
    entries: summary.entries.map((entry) => {
      const found = findQuestion(guide, entry.questionId);
      const theme = found?.theme.title ?? guide.themes.find((t) => t.id === entry.themeId)?.title ?? entry.themeId;
      return { number: found?.question.number ?? '', label: found?.question.label ?? entry.questionId, theme, outcome: entry.outcome, spentMs: entry.spentMs };
    }),
    totalMs: summary.totalMs,
    counts: summary.counts,
    unwritten,
  };
}

/** "4:05" or "1:02:09": whole seconds, rounded down. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const s = String(seconds % 60).padStart(2, '0');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}:${s}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${s}`;
}

/** `template` with `{0}`, `{1}`… replaced by `args`. */
export function format(template: string, ...args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

/** The summary as Markdown: a heading, the counts, and a table with one row per question, every cell escaped. */
export function summaryMarkdown(summary: SummaryView, strings: MeetingStrings): string {
  const cell = (text: string) => text.replace(/\r\n|\r|\n/g, ' ').replace(/([\\|`*_[\]<>#])/g, '\\$1');
  const counts = format(strings.summaryCounts, String(summary.counts.discussed), String(summary.counts.skipped), String(summary.counts.notReached), formatDuration(summary.totalMs));
  const rows = summary.entries.map((e) => `| ${cell(`${e.number} ${e.label}`.trim())} | ${cell(e.theme)} | ${cell(strings.outcomes[e.outcome])} | ${formatDuration(e.spentMs)} |`);
  return [
    `# ${cell(strings.summary)}: ${cell(summary.document)}`,
    '',
    cell(counts),
    '',
    `| ${cell(strings.summaryQuestion)} | ${cell(strings.themeHeading)} | ${cell(strings.summaryOutcome)} | ${cell(strings.summaryTime)} |`,
    '| --- | --- | --- | ---: |',
    ...rows,
    ...(summary.unwritten.length > 0 ? ['', `## ${cell(strings.unwritten)}`, ...summary.unwritten.flatMap((u) => ['', `### ${cell(`${u.number} ${u.label}`.trim())}`, '', ...u.text.split(/\r\n|\r|\n/).map((line) => `> ${line}`)])] : []),
    '',
  ].join('\n');
}
