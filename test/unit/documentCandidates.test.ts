import * as assert from 'node:assert/strict';
import { globToRegExp } from '../../src/cli/glob';
import { CANDIDATE_GLOBS, hasStrategyDocumentExtension, isCandidatePath, isSearchedFolder } from '../../src/core/documentCandidates';

describe('which files may be strategy documents', () => {
  it('skips every dot-folder and node_modules, and searches any other folder', () => {
    for (const name of ['.git', '.github', '.vscode', '.history', '.dg-test', 'node_modules']) assert.equal(isSearchedFolder(name), false, name);
    for (const name of ['strategy', 'docs', 'node_modules2', 'my.folder', '_drafts']) assert.equal(isSearchedFolder(name), true, name);
  });

  it('takes .md in any case, and neither .markdown nor a name that only contains md', () => {
    for (const name of ['plan.md', 'PLAN.MD', 'plan.Md', '.plan.md']) assert.equal(hasStrategyDocumentExtension(name), true, name);
    for (const name of ['plan.markdown', 'plan.mdx', 'plan.md.txt', 'md', 'plan.txt']) assert.equal(hasStrategyDocumentExtension(name), false, name);
  });

  it('holds every folder of a relative path to the rule, and the file to the extension', () => {
    assert.equal(isCandidatePath('strategy/plan.md'), true);
    assert.equal(isCandidatePath('docs/deep/C.MD'), true);
    assert.equal(isCandidatePath('/plan.md'), true, 'a leading slash, as a URI path below its folder has');
    assert.equal(isCandidatePath('.github/plan.md'), false);
    assert.equal(isCandidatePath('docs/.vscode/plan.md'), false);
    assert.equal(isCandidatePath('node_modules/x/plan.md'), false);
    assert.equal(isCandidatePath('packages/a/node_modules/x/plan.md'), false);
    assert.equal(isCandidatePath('strategy/plan.markdown'), false);
    assert.equal(isCandidatePath(''), false);
  });

  it('gives globs that select what the predicate selects', () => {
    assert.equal(CANDIDATE_GLOBS.include, '**/*.[mM][dD]');
    assert.equal(CANDIDATE_GLOBS.exclude, '{**/node_modules/**,**/.*/**}');
    const include = globToRegExp(CANDIDATE_GLOBS.include);
    const exclude = globToRegExp(CANDIDATE_GLOBS.exclude);
    const paths = ['plan.md', 'strategy/Plan.MD', 'a/b/c.mD', '.github/plan.md', 'a/.git/x.md', 'node_modules/x/plan.md', 'a/node_modules/plan.md', 'plan.markdown', 'notes.txt'];
    for (const path of paths) assert.equal(include.test(path) && !exclude.test(path), isCandidatePath(path), path);
  });
});
