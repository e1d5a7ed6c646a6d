import * as assert from 'node:assert/strict';
import { globBase, globToRegExp, isGlob } from '../../src/cli/glob';

function matches(pattern: string, path: string): boolean {
  return globToRegExp(pattern).test(path);
}

describe('matching paths against a glob', () => {
  it('lets ** span any number of folders, including none', () => {
    assert.ok(matches('**/*.md', 'a.md'));
    assert.ok(matches('**/*.md', 'a/b/c.md'));
    assert.ok(matches('docs/**', 'docs/x/y.md'));
    assert.ok(!matches('**/*.md', 'a/b/c.mdx'));
  });

  it('keeps * and ? within one folder', () => {
    assert.ok(matches('strategy/*.md', 'strategy/plan.md'));
    assert.ok(!matches('strategy/*.md', 'strategy/old/plan.md'));
    assert.ok(matches('plan-?.md', 'plan-1.md'));
    assert.ok(!matches('plan-?.md', 'plan-12.md'));
  });

  it('reads braces, character classes and negated classes', () => {
    assert.ok(matches('*.{md,markdown}', 'a.markdown'));
    assert.ok(matches('plan-[0-9].md', 'plan-3.md'));
    assert.ok(!matches('plan-[!0-9].md', 'plan-3.md'));
  });

  it('treats dots, parentheses and unpaired braces as plain characters', () => {
    assert.ok(matches('a.(b).md', 'a.(b).md'));
    assert.ok(!matches('a.md', 'axmd'));
    assert.ok(matches('{draft*.md', '{draft-1.md'));
  });

  it('starts the walk at the folder before the first wildcard', () => {
    assert.equal(globBase('docs/strategy/**/*.md'), 'docs/strategy');
    assert.equal(globBase('*.md'), '');
    assert.equal(isGlob('docs/plan.md'), false);
  });
});
