/**
 * A meeting over a strategy document: its questions in guide order, one at a time, with the time
 * spent on each. The state is plain immutable data and every step takes the time it happens at
 * (milliseconds from any clock), so the front end owns the clock and tests inject one.
 */

/** A question as the meeting orders it. */
export interface MeetingQuestion {
  readonly id: string;
  readonly themeId: string;
}

/** What became of a question: talked about, skipped on purpose, or never come to. */
export type MeetingOutcome = 'discussed' | 'skipped' | 'notReached';

/** A meeting in progress, or ended (then `endedAt` is set and nothing moves any more). */
export interface Meeting {
  readonly questions: readonly MeetingQuestion[];
  /** The index of the question on screen. */
  readonly current: number;
  readonly startedAt: number;
  /** When the current question came on screen. */
  readonly currentSince: number;
  readonly endedAt: number | undefined;
  /** Time spent on each question before it was last left, by index. */
  readonly spent: readonly number[];
  /** Per question: shown at all, and marked skipped (until it is shown again). */
  readonly shown: readonly boolean[];
  readonly skipped: readonly boolean[];
  /** The time set for each question at the start, in milliseconds; undefined without a timer. */
  readonly perQuestionMs: number | undefined;
}

/** Where the meeting is: question `index + 1` of `total`, and of its theme. */
export interface MeetingProgress {
  readonly index: number;
  readonly total: number;
  readonly themeIndex: number;
  readonly themeCount: number;
  /** The question's position in its theme, from 0. */
  readonly inTheme: number;
  readonly themeTotal: number;
}

/** The clock's reading for the current question and the whole meeting. */
export interface MeetingTimes {
  readonly questionMs: number;
  readonly totalMs: number;
  /** The time set per question and for the meeting (per question × questions); undefined without a timer. */
  readonly questionLimitMs: number | undefined;
  readonly totalLimitMs: number | undefined;
  readonly questionOver: boolean;
  readonly totalOver: boolean;
}

/** One question in the summary. */
export interface MeetingSummaryEntry {
  readonly questionId: string;
  readonly themeId: string;
  readonly outcome: MeetingOutcome;
  readonly spentMs: number;
}

/** What the meeting came to, as plain data: the front end words it. */
export interface MeetingSummary {
  readonly entries: readonly MeetingSummaryEntry[];
  readonly totalMs: number;
  readonly counts: Readonly<Record<MeetingOutcome, number>>;
}

/** A meeting over `questions` (at least one), starting at the first. */
export function startMeeting(questions: readonly MeetingQuestion[], now: number, perQuestionMs?: number): Meeting {
  if (questions.length === 0) throw new RangeError('A meeting needs at least one question.');
  const none = questions.map(() => false);
  return {
    questions,
    current: 0,
    startedAt: now,
    currentSince: now,
    endedAt: undefined,
    spent: questions.map(() => 0),
    shown: questions.map((_, i) => i === 0),
    skipped: none,
    perQuestionMs: perQuestionMs !== undefined && perQuestionMs > 0 ? perQuestionMs : undefined,
  };
}

/** Shows question `index` (clamped to the meeting); the time so far goes to the question left. */
export function goTo(meeting: Meeting, index: number, now: number): Meeting {
  const target = Math.max(0, Math.min(meeting.questions.length - 1, index));
  if (meeting.endedAt !== undefined || target === meeting.current) return meeting;
  return {
    ...leave(meeting, now),
    current: target,
    currentSince: now,
    shown: meeting.shown.map((s, i) => s || i === target),
    // Coming back to a skipped question is discussing it after all.
    skipped: meeting.skipped.map((s, i) => s && i !== target),
  };
}

/** The next question (`step` 1) or the previous (-1). */
export function step(meeting: Meeting, direction: 1 | -1, now: number): Meeting {
  return goTo(meeting, meeting.current + direction, now);
}

/** The first question of the next theme; the last question when this is the last theme. */
export function nextTheme(meeting: Meeting, now: number): Meeting {
  const themeId = meeting.questions[meeting.current]!.themeId;
  const next = meeting.questions.findIndex((q, i) => i > meeting.current && q.themeId !== themeId);
  return goTo(meeting, next < 0 ? meeting.questions.length - 1 : next, now);
}

/** Marks the current question as not discussed and moves to the next (stays on the last). */
export function skip(meeting: Meeting, now: number): Meeting {
  if (meeting.endedAt !== undefined) return meeting;
  const marked = { ...meeting, skipped: meeting.skipped.map((s, i) => s || i === meeting.current) };
  return goTo(marked, meeting.current + 1, now);
}

/** The meeting, over: the clock stops. */
export function endMeeting(meeting: Meeting, now: number): Meeting {
  if (meeting.endedAt !== undefined) return meeting;
  return { ...leave(meeting, now), currentSince: now, endedAt: now };
}

/** Where the meeting is, overall and within the current theme. */
export function progressOf(meeting: Meeting): MeetingProgress {
  const { questions, current } = meeting;
  const themeIds = [...new Set(questions.map((q) => q.themeId))];
  const themeId = questions[current]!.themeId;
  const inThemeQuestions = questions.filter((q) => q.themeId === themeId);
  return {
    index: current,
    total: questions.length,
    themeIndex: themeIds.indexOf(themeId),
    themeCount: themeIds.length,
    inTheme: inThemeQuestions.indexOf(questions[current]!),
    themeTotal: inThemeQuestions.length,
  };
}

/** The clock at `now`: the current question's time (all it had before included) and the meeting's. */
export function timesOf(meeting: Meeting, now: number): MeetingTimes {
  const until = meeting.endedAt ?? now;
  const running = meeting.endedAt === undefined ? Math.max(0, until - meeting.currentSince) : 0;
  const questionMs = meeting.spent[meeting.current]! + running;
  const totalMs = Math.max(0, until - meeting.startedAt);
  const questionLimitMs = meeting.perQuestionMs;
  const totalLimitMs = questionLimitMs === undefined ? undefined : questionLimitMs * meeting.questions.length;
  return {
    questionMs,
    totalMs,
    questionLimitMs,
    totalLimitMs,
    questionOver: questionLimitMs !== undefined && questionMs > questionLimitMs,
    totalOver: totalLimitMs !== undefined && totalMs > totalLimitMs,
  };
}

/** What became of question `index`: skipped if so marked, else discussed once shown. */
export function outcomeOf(meeting: Meeting, index: number): MeetingOutcome {
  if (meeting.skipped[index]) return 'skipped';
  return meeting.shown[index] ? 'discussed' : 'notReached';
}

/** Every question with its outcome and time, in meeting order, as of `now` (or the end). */
export function summarise(meeting: Meeting, now: number): MeetingSummary {
  const settled = meeting.endedAt === undefined ? leave(meeting, now) : meeting;
  const entries = meeting.questions.map((q, i): MeetingSummaryEntry => ({ questionId: q.id, themeId: q.themeId, outcome: outcomeOf(meeting, i), spentMs: settled.spent[i]! }));
  const counts = { discussed: 0, skipped: 0, notReached: 0 };
  for (const entry of entries) counts[entry.outcome]++;
  return { entries, totalMs: timesOf(meeting, now).totalMs, counts };
}

/** `meeting` with the time since the current question came on screen added to it. */
function leave(meeting: Meeting, now: number): Meeting {
  const running = Math.max(0, now - meeting.currentSince);
  return { ...meeting, spent: meeting.spent.map((ms, i) => (i === meeting.current ? ms + running : ms)) };
}
