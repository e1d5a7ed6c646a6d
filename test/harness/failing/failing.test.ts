import * as assert from 'node:assert/strict';

describe('Harness self-test: a failing suite', () => {
  it('fails on purpose, so the runner must report a non-zero exit', () => {
    assert.equal(1 + 1, 3);
  });
});
