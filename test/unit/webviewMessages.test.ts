import * as assert from 'node:assert/strict';
import { isPageMessage, isPersistedState, type PageMessage } from '../../src/webview/messages';

describe('webview messages', () => {
  describe('isPageMessage', () => {
    const valid: PageMessage[] = [
      { type: 'ready' },
      { type: 'selectQuestion', guideId: 'guide', questionId: 'tema/spoergsmaal' },
      { type: 'copyQuote', guideId: 'guide', quoteId: 'tema/citat' },
      { type: 'insertQuote', guideId: 'guide', quoteId: 'tema/citat' },
      { type: 'setPinned', pinned: true },
      { type: 'setPinned', pinned: false },
    ];
    for (const message of valid) {
      it(`accepts a well-formed ${message.type} message`, () => {
        assert.equal(isPageMessage(message), true);
      });
    }

    const invalid: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a string', 'ready'],
      ['a number', 1],
      ['an array', [{ type: 'ready' }]],
      ['an object without a type', {}],
      ['an unknown type', { type: 'deleteEverything' }],
      ['a type inherited from Object.prototype', { type: 'toString' }],
      ['a type the extension sends, not the page', { type: 'update', state: {} }],
      ['a type that is not a string', { type: 1 }],
      ['a ready message with extra fields', { type: 'ready', questionId: 'q' }],
      ['a selectQuestion message without questionId', { type: 'selectQuestion', guideId: 'guide' }],
      ['a selectQuestion message without guideId', { type: 'selectQuestion', questionId: 'q' }],
      ['a selectQuestion message with a number for questionId', { type: 'selectQuestion', guideId: 'guide', questionId: 3 }],
      ['a selectQuestion message with an empty questionId', { type: 'selectQuestion', guideId: 'guide', questionId: '' }],
      ['a selectQuestion message with an extra field', { type: 'selectQuestion', guideId: 'g', questionId: 'q', text: 'x' }],
      ['a copyQuote message without quoteId', { type: 'copyQuote', guideId: 'guide' }],
      ['a copyQuote message with an array for quoteId', { type: 'copyQuote', guideId: 'guide', quoteId: ['q'] }],
      ['a copyQuote message with null for guideId', { type: 'copyQuote', guideId: null, quoteId: 'q' }],
      ['a copyQuote message that carries its own text', { type: 'copyQuote', guideId: 'g', quoteId: 'q', text: 'x' }],
      ['an insertQuote message that carries its own text', { type: 'insertQuote', guideId: 'g', quoteId: 'q', text: 'x' }],
      ['an insertQuote message without guideId', { type: 'insertQuote', quoteId: 'q' }],
      ['a setPinned message without pinned', { type: 'setPinned' }],
      ['a setPinned message with a string for pinned', { type: 'setPinned', pinned: 'true' }],
      ['a setPinned message with an extra field', { type: 'setPinned', pinned: true, questionId: 'q' }],
    ];
    for (const [name, value] of invalid) {
      it(`rejects ${name}`, () => {
        assert.equal(isPageMessage(value), false);
      });
    }
  });

  describe('isPersistedState', () => {
    it('accepts the state the page saves, with or without the last view', () => {
      assert.equal(isPersistedState({ guideId: 'guide', questionId: 'q' }), true);
      assert.equal(isPersistedState({ guideId: 'guide', questionId: 'q', view: {} }), true);
      assert.equal(isPersistedState({ guideId: 'guide', questionId: 'q', pinned: true }), true);
    });

    it('rejects state from an older or broken page', () => {
      for (const value of [undefined, null, 'q', {}, { guideId: 'guide' }, { guideId: 'guide', questionId: 7 }, { guideId: '', questionId: 'q' }]) {
        assert.equal(isPersistedState(value), false, JSON.stringify(value));
      }
    });
  });
});
