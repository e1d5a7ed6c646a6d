import * as assert from 'node:assert/strict';
import { keyContextAt } from '../../src/core/guideKeys';
import { GUIDE_KEYS, loadGuideLibrary, type GuideLibrary } from '../../src/core/guideLoader';
import { checkGuideFile, concernsGuides, ReloadScheduler, type Timers } from '../../src/core/liveGuides';
import { starterGuideFiles } from '../../src/core/starterGuide';
import { starterTexts } from '../../src/l10n/starterGuideMessages';
import { english } from './helpers/l10n';
import { memoryFileSystem } from './helpers/memoryFileSystem';

/** Timers that run only when the test moves time on. */
class ManualTimers implements Timers {
  private now = 0;
  private next = 0;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  set(callback: () => void, ms: number): unknown {
    const handle = ++this.next;
    this.due.set(handle, { at: this.now + ms, callback });
    return handle;
  }

  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [handle, timer] of [...this.due].sort(([, a], [, b]) => a.at - b.at)) {
      if (timer.at > this.now) continue;
      this.due.delete(handle);
      timer.callback();
    }
  }
}

const ROOT = '/w/.dialogue-guide/guides';

/** The starter guide's files under `ROOT/mine/`, as a record for the in-memory file system. */
function starterFiles(): Record<string, string> {
  const files = starterGuideFiles({ id: 'mine', title: 'Mine', language: 'en' }, starterTexts(english));
  return Object.fromEntries(files.map((f) => [`${ROOT}/mine/${f.name}`, f.text]));
}

describe('guides kept live', () => {
  it('reloads once after a burst of saves, creations and deletions in a guide folder, and the library has the change', async () => {
    const files = starterFiles();
    const fs = memoryFileSystem(files);
    const timers = new ManualTimers();
    let library: GuideLibrary | undefined;
    let loads = 0;
    const scheduler = new ReloadScheduler(() => {
      loads++;
      void loadGuideLibrary(fs, [ROOT]).then((loaded) => (library = loaded));
    }, timers, 150);
    scheduler.setRoots([ROOT]);

    // A question added on disk: the file is saved, and a new theme file created.
    const theme = `${ROOT}/mine/1-first-theme.md`;
    files[theme] = files[theme]!.replace('    formerIds: []\n', '    formerIds: []\n  - id: "first-theme/new"\n    label: "New"\n    text: "A new question?"\n');
    files[`${ROOT}/mine/2-second.md`] = '---\nid: second\norder: 2\ntitle: Second\nquestions:\n  - id: second/one\n    label: One\n    text: One?\n---\n';
    assert.equal(scheduler.changed(theme), true);
    timers.advance(100);
    assert.equal(scheduler.changed(`${ROOT}/mine/2-second.md`), true);
    timers.advance(100);
    assert.equal(loads, 0, 'the burst is not over yet');
    timers.advance(60);
    assert.equal(loads, 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(library!.findings, []);
    assert.deepEqual(library!.entries[0]!.original.themes.map((t) => t.questions.map((q) => q.id)), [['first-theme/goals', 'first-theme/roles', 'first-theme/new'], ['second/one']]);

    // A theme deleted.
    delete files[`${ROOT}/mine/2-second.md`];
    scheduler.changed(`${ROOT}/mine/2-second.md`);
    timers.advance(150);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(loads, 2);
    assert.equal(library!.entries[0]!.original.themes.length, 1);
    scheduler.dispose();
  });

  it('ignores files the loader never reads and files outside the guide folders', () => {
    const timers = new ManualTimers();
    let loads = 0;
    const scheduler = new ReloadScheduler(() => loads++, timers);
    scheduler.setRoots([ROOT]);
    assert.equal(scheduler.changed(`${ROOT}/mine/picture.png`), false);
    assert.equal(scheduler.changed('/w/strategy/plan.md'), false);
    assert.equal(scheduler.changed('/w/.dialogue-guide/guides-old/x.md'), false, 'a sibling folder whose name starts alike');
    timers.advance(1000);
    assert.equal(loads, 0);
    assert.equal(concernsGuides(`${ROOT}/mine/Theme.MD`, [ROOT]), true);
    assert.equal(concernsGuides(`${ROOT}/mine`, [ROOT]), true, 'a deleted folder');
  });

  it('reloads when a guide folder itself or a folder above it is deleted, which is reported as that one folder', () => {
    const timers = new ManualTimers();
    let loads = 0;
    const scheduler = new ReloadScheduler(() => loads++, timers);
    scheduler.setRoots([ROOT]);
    assert.equal(scheduler.changed('/w/.dialogue-guide'), true, 'the folder above the root');
    assert.equal(scheduler.changed(ROOT), true, 'the root');
    assert.equal(scheduler.changed('/w/.dialogue'), false, 'a folder whose name starts alike');
    assert.equal(scheduler.changed('/w/.dialogue-guide/notes.txt'), false, 'a file above the root, not a folder of it');
    timers.advance(1000);
    assert.equal(loads, 1);
  });

  it('checks an open guide file as its unsaved buffer stands, with the line of the typo', async () => {
    const files = starterFiles();
    const fs = memoryFileSystem(files);
    const theme = `${ROOT}/mine/1-first-theme.md`;
    assert.deepEqual(await checkGuideFile(fs, [ROOT], theme, new Map()), []);
    const lines = files[theme]!.split('\n');
    const at = lines.findIndex((l) => l.startsWith('    label: "Goals"'));
    lines[at] = '    lable: "Goals"';
    // The missing label is named on the question's first line, the unknown key on its own.
    const findings = await checkGuideFile(fs, [ROOT], theme, new Map([[theme, lines.join('\n')]]));
    assert.deepEqual(findings!.map((f) => [f.code, f.range.start.line]).sort(), [['field.missing', at - 2], ['field.unknown', at]].sort());
    assert.equal(await checkGuideFile(fs, [ROOT], '/w/strategy/plan.md', new Map()), undefined, 'not a guide file');
  });
});

describe('the starter guide', () => {
  it('loads with no finding and has every key of the format once', async () => {
    const files = starterFiles();
    const library = await loadGuideLibrary(memoryFileSystem(files), [ROOT]);
    assert.deepEqual(library.findings, []);
    const text = Object.values(files).join('\n');
    for (const key of [...GUIDE_KEYS.guide, ...GUIDE_KEYS.theme, ...GUIDE_KEYS.question.filter((k) => k !== 'id'), ...GUIDE_KEYS.quote.filter((k) => !['id', 'text'].includes(k))]) {
      assert.ok(new RegExp(`^[ #]*(- )?${key}:`, 'm').test(text), key);
    }
  });
});

describe('keys in a guide file', () => {
  const theme = ['---', 'id: tema', 'order: 1', 'questions:', '  - id: tema/a', '    # a comment', '    label: A', 'quotes:', '  - id: tema/q', '    speaker: X', '---', 'Intro.'].join('\n');

  it('knows which object a line belongs to, and the key on it', () => {
    assert.equal(keyContextAt(theme, '1-tema.md', 1)!.object, 'theme');
    assert.equal(keyContextAt(theme, '1-tema.md', 4)!.object, 'question');
    assert.deepEqual(keyContextAt(theme, '1-tema.md', 6)!.key, { name: 'label', range: { start: { line: 6, character: 4 }, end: { line: 6, character: 9 } } });
    assert.equal(keyContextAt(theme, '1-tema.md', 6)!.object, 'question');
    assert.equal(keyContextAt(theme, '1-tema.md', 9)!.object, 'quote');
    assert.deepEqual(keyContextAt(theme, '1-tema.md', 9)!.keys, GUIDE_KEYS.quote);
    assert.equal(keyContextAt(theme, 'guide.md', 1)!.object, 'guide');
  });

  it('has no key context outside the front matter', () => {
    assert.equal(keyContextAt(theme, '1-tema.md', 0), undefined);
    assert.equal(keyContextAt(theme, '1-tema.md', 10), undefined);
    assert.equal(keyContextAt(theme, '1-tema.md', 11), undefined);
    assert.equal(keyContextAt('No front matter.\nid: x', '1-tema.md', 1), undefined);
  });
});
