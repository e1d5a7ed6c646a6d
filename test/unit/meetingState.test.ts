import * as assert from 'node:assert/strict';
import { endMeeting, skip, startMeeting, step } from '../../src/core/meeting';
import { isMeetingPageMessage, type MeetingStrings } from '../../src/webview/meetingMessages';
import { buildMeetingView, buildSummaryView, formatDuration, summaryMarkdown } from '../../src/webview/meetingState';
import { makeGuide } from './helpers/guides';

const GUIDE = makeGuide([
  { id: 'a', title: 'Tema | A', questions: [['en', 'Hvad gør I?'], ['to', 'Hvorfor?', ['Hvem har I talt med?', 'Hvad lærte I?']]], quotes: [{ text: 'Folk vil gerne aktiveres.', speaker: 'Kommunalpolitiker', time: 'efteråret 2021' }] },
  { id: 'b', title: 'Tema B', questions: [['tre', 'Hvornår?']] },
]);
const QUESTIONS = GUIDE.themes.flatMap((t) => t.questions.map((q) => ({ id: q.id, themeId: t.id })));
const NOTE = { text: '', version: 0, writable: true, notice: undefined, kept: undefined };
const STRINGS = new Proxy({}, { get: (_, key) => (key === 'outcomes' ? { discussed: 'Drøftet', skipped: 'Sprunget over', notReached: 'Ikke nået' } : key === 'summaryCounts' ? '{0}/{1}/{2} {3}' : String(key)) }) as MeetingStrings;

describe('the meeting view', () => {
  it('shows the theme, the question in full, the theme’s quotes and where the meeting is', () => {
    const meeting = step(startMeeting(QUESTIONS, 0, 60_000), 1, 30_000);
    const view = buildMeetingView(meeting, GUIDE, 'strategi.md', NOTE, 45_000);
    assert.deepEqual(view.theme, { title: 'Tema | A', index: 0, count: 2 });
    assert.deepEqual(view.question, { id: 'a/to', number: '1.2', text: 'Hvorfor?', probes: ['Hvem har I talt med?', 'Hvad lærte I?'] }, 'with the follow-up questions the guide gives');
    assert.deepEqual(view.progress, { index: 1, total: 3, inTheme: 1, themeTotal: 2 });
    assert.deepEqual(view.quotes.map((q) => [q.text, q.speaker, q.time]), [['Folk vil gerne aktiveres.', 'Kommunalpolitiker', 'efteråret 2021']]);
    assert.deepEqual(view.times, { questionMs: 15_000, totalMs: 45_000, questionLimitMs: 60_000, totalLimitMs: 180_000 });
    assert.deepEqual(view.questions.map((q) => q.number), ['1.1', '1.2', '2.1']);
  });

  it("shows the guide's hint for the question when it has one", () => {
    const base = GUIDE.themes[0]!;
    const withHint = { ...GUIDE, themes: [{ ...base, questions: [{ ...base.questions[0]!, hint: 'Start med det, I allerede gør.' }, ...base.questions.slice(1)] }, ...GUIDE.themes.slice(1)] };
    const view = buildMeetingView(startMeeting(QUESTIONS, 0), withHint, 'x.md', NOTE, 0);
    assert.equal(view.question.hint, 'Start med det, I allerede gør.');
    assert.deepEqual(view.question.probes, []);
  });

  it('shows a question the reloaded guide no longer has by its id', () => {
    const meeting = startMeeting([{ id: 'a/gone', themeId: 'a' }], 0);
    assert.deepEqual(buildMeetingView(meeting, GUIDE, 'x.md', NOTE, 0).question, { id: 'a/gone', number: '', text: 'a/gone', probes: [] });
  });

  it('copies the summary as Markdown with every cell escaped and the unwritten notes quoted', () => {
    const meeting = endMeeting(skip(step(startMeeting(QUESTIONS, 0), 1, 65_000), 70_000), 70_000);
    const summary = buildSummaryView(meeting, GUIDE, 'strategi.md', 90_000, [{ number: '1.1', label: 'Label', text: 'Første linje\nAnden | linje' }]);
    assert.deepEqual(summary.entries.map((e) => [e.number, e.outcome, e.spentMs]), [['1.1', 'discussed', 65_000], ['1.2', 'skipped', 5_000], ['2.1', 'discussed', 0]]);
    const markdown = summaryMarkdown(summary, STRINGS);
    assert.match(markdown, /^# summary: strategi\.md\n\n2\/1\/0 1:10\n/);
    assert.ok(markdown.includes('| 1.1 Hvad gør I? | Tema \\| A | Drøftet | 1:05 |'), markdown);
    assert.ok(markdown.includes('| 1.2 Hvorfor? | Tema \\| A | Sprunget over | 0:05 |'), markdown);
    assert.ok(markdown.includes('> Første linje\n> Anden | linje'), markdown);
  });

  it('writes durations as minutes and seconds, and hours once there are any', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(65_999), '1:05');
    assert.equal(formatDuration(3_729_000), '1:02:09');
    assert.equal(formatDuration(-5), '0:00');
  });

  it('accepts only the page messages it knows, with their fields', () => {
    assert.equal(isMeetingPageMessage({ type: 'next' }), true);
    assert.equal(isMeetingPageMessage({ type: 'goTo', index: 3 }), true);
    assert.equal(isMeetingPageMessage({ type: 'editNote', questionId: 'a/en', text: '', version: 0 }), true, 'an emptied note is a note');
    assert.equal(isMeetingPageMessage({ type: 'goTo', index: -1 }), false);
    assert.equal(isMeetingPageMessage({ type: 'goTo', index: 1.5 }), false);
    assert.equal(isMeetingPageMessage({ type: 'editNote', questionId: '', text: 'x', version: 0 }), false);
    assert.equal(isMeetingPageMessage({ type: 'editNote', questionId: 'a/en', text: 1, version: 0 }), false);
    assert.equal(isMeetingPageMessage({ type: 'next', extra: true }), false);
    assert.equal(isMeetingPageMessage({ type: 'show', view: {} }), false, 'a host message');
    assert.equal(isMeetingPageMessage({ type: 'constructor' }), false);
  });
});
