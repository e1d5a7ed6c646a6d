import * as assert from 'node:assert/strict';
import { endMeeting, goTo, nextTheme, progressOf, skip, startMeeting, step, summarise, timesOf, type Meeting } from '../../src/core/meeting';

const QUESTIONS = [
  { id: 'a/1', themeId: 'a' },
  { id: 'a/2', themeId: 'a' },
  { id: 'a/3', themeId: 'a' },
  { id: 'b/1', themeId: 'b' },
  { id: 'b/2', themeId: 'b' },
  { id: 'c/1', themeId: 'c' },
];
const MINUTE = 60_000;

describe('a meeting', () => {
  it('starts at the first question and steps through the questions in order, never past either end', () => {
    let meeting = startMeeting(QUESTIONS, 0);
    assert.equal(meeting.current, 0);
    meeting = step(meeting, -1, 1);
    assert.equal(meeting.current, 0);
    for (let i = 1; i < QUESTIONS.length + 2; i++) meeting = step(meeting, 1, i);
    assert.equal(meeting.current, QUESTIONS.length - 1);
    meeting = step(meeting, -1, 100);
    assert.equal(meeting.current, QUESTIONS.length - 2);
  });

  it('says where it is overall and in the theme', () => {
    const meeting = goTo(startMeeting(QUESTIONS, 0), 4, 1);
    assert.deepEqual(progressOf(meeting), { index: 4, total: 6, themeIndex: 1, themeCount: 3, inTheme: 1, themeTotal: 2 });
  });

  it('goes to the next theme’s first question, and to the last question from the last theme', () => {
    let meeting = goTo(startMeeting(QUESTIONS, 0), 1, 0);
    meeting = nextTheme(meeting, 0);
    assert.equal(QUESTIONS[meeting.current]!.id, 'b/1');
    meeting = nextTheme(meeting, 0);
    assert.equal(QUESTIONS[meeting.current]!.id, 'c/1');
    meeting = nextTheme(meeting, 0);
    assert.equal(QUESTIONS[meeting.current]!.id, 'c/1');
  });

  it('adds up the time on each question, also when the group comes back to one', () => {
    let meeting = startMeeting(QUESTIONS, 1000);
    meeting = step(meeting, 1, 1000 + 2 * MINUTE);
    meeting = step(meeting, -1, 1000 + 5 * MINUTE);
    assert.equal(timesOf(meeting, 1000 + 6 * MINUTE).questionMs, 3 * MINUTE);
    meeting = endMeeting(meeting, 1000 + 6 * MINUTE);
    const summary = summarise(meeting, 1000 + 60 * MINUTE);
    assert.deepEqual(summary.entries.slice(0, 2).map((e) => e.spentMs), [3 * MINUTE, 3 * MINUTE]);
    assert.equal(summary.totalMs, 6 * MINUTE, 'the clock stops when the meeting ends');
  });

  it('shows a question over its time and the meeting over its total, without a timer never', () => {
    const timed = startMeeting(QUESTIONS, 0, 5 * MINUTE);
    assert.deepEqual(timesOf(timed, 5 * MINUTE), { questionMs: 5 * MINUTE, totalMs: 5 * MINUTE, questionLimitMs: 5 * MINUTE, totalLimitMs: 30 * MINUTE, questionOver: false, totalOver: false });
    assert.equal(timesOf(timed, 5 * MINUTE + 1).questionOver, true);
    const later = step(timed, 1, 5 * MINUTE + 1);
    assert.equal(timesOf(later, 6 * MINUTE).questionOver, false, 'the next question starts its own time');
    assert.equal(timesOf(later, 31 * MINUTE).totalOver, true);
    const untimed = startMeeting(QUESTIONS, 0);
    assert.equal(timesOf(untimed, 1000 * MINUTE).questionOver, false);
    assert.equal(timesOf(untimed, 1000 * MINUTE).totalLimitMs, undefined);
    assert.equal(startMeeting(QUESTIONS, 0, 0).perQuestionMs, undefined, 'a timer of no minutes is no timer');
  });

  it('sums up discussed, skipped and not reached questions, with the time on each', () => {
    let meeting: Meeting = startMeeting(QUESTIONS, 0);
    meeting = step(meeting, 1, MINUTE); // a/1 discussed for a minute
    meeting = skip(meeting, MINUTE + 10); // a/2 skipped after 10 s
    meeting = goTo(meeting, 4, 2 * MINUTE); // a/3 for 50 s, then b/2: b/1 jumped over
    meeting = endMeeting(meeting, 4 * MINUTE);
    const summary = summarise(meeting, 9 * MINUTE);
    assert.deepEqual(
      summary.entries.map((e) => [e.questionId, e.outcome, e.spentMs]),
      [
        ['a/1', 'discussed', MINUTE],
        ['a/2', 'skipped', 10],
        ['a/3', 'discussed', MINUTE - 10],
        ['b/1', 'notReached', 0],
        ['b/2', 'discussed', 2 * MINUTE],
        ['c/1', 'notReached', 0],
      ],
    );
    assert.deepEqual(summary.counts, { discussed: 3, skipped: 1, notReached: 2 });
    assert.equal(summary.totalMs, 4 * MINUTE);
  });

  it('counts a skipped question the group comes back to as discussed', () => {
    let meeting = skip(startMeeting(QUESTIONS, 0), 10);
    assert.equal(summarise(meeting, 20).entries[0]!.outcome, 'skipped');
    meeting = step(meeting, -1, 20);
    assert.equal(summarise(meeting, 30).entries[0]!.outcome, 'discussed');
  });

  it('keeps the last question skipped when it is skipped, and moves no more once ended', () => {
    let meeting = skip(goTo(startMeeting(QUESTIONS, 0), 5, 0), 10);
    assert.equal(meeting.current, 5);
    assert.equal(summarise(meeting, 10).entries[5]!.outcome, 'skipped');
    meeting = endMeeting(meeting, 20);
    assert.equal(step(meeting, -1, 30), meeting);
    assert.equal(skip(meeting, 30), meeting);
    assert.equal(endMeeting(meeting, 40).endedAt, 20);
  });

  it('summarises a meeting still running up to now, without changing it', () => {
    const meeting = startMeeting(QUESTIONS, 0);
    assert.equal(summarise(meeting, 7000).entries[0]!.spentMs, 7000);
    assert.equal(meeting.spent[0], 0);
  });
});
