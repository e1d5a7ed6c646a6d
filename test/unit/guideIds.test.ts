import * as assert from 'node:assert/strict';
import { findGuideEntry, isThemeId, languagesOf, splitItemId, themeIdOf } from '../../src/core/guide';
import { entryOf, makeGuide } from './helpers/guides';

describe('guide ids', () => {
  it("reads a question's id as its theme and name, and a theme's id as neither", () => {
    assert.deepEqual(splitItemId('digital-deltagelse/graenser'), { themeId: 'digital-deltagelse', name: 'graenser' });
    assert.equal(themeIdOf('digital-deltagelse/graenser'), 'digital-deltagelse');
    assert.equal(themeIdOf('digital-deltagelse'), undefined);
    assert.equal(isThemeId('digital-deltagelse'), true);
    assert.equal(isThemeId('digital-deltagelse/graenser'), false);
    assert.deepEqual(splitItemId('a/b/c'), { themeId: 'a', name: 'b/c' }, 'the name keeps a second slash, which the loader rejects');
  });

  it('finds a guide entry by its id, and lists its languages with the original first', () => {
    const entry = entryOf(makeGuide([{ id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad?']] }]));
    assert.equal(findGuideEntry([entry], entry.id), entry);
    assert.equal(findGuideEntry([entry], 'nope'), undefined);
    assert.deepEqual(languagesOf(entry), [entry.original.language]);
  });
});
