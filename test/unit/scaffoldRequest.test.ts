import * as assert from 'node:assert/strict';
import type { GuideEntry } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { validateScaffoldRequest, type ScaffoldRequest } from '../../src/core/scaffoldRequest';
import { scaffoldProblemMessage } from '../../src/l10n/scaffoldMessages';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { english } from './helpers/l10n';
import { contentRoot } from './helpers/repo';

describe('validating a scaffold request', () => {
  let entries: GuideEntry[];
  let id: string;

  before(async () => {
    const entry = (await loadGuideLibrary(nodeFileSystem, [contentRoot])).entries[0]!;
    entries = [entry];
    id = entry.id;
  });

  const problem = (request: ScaffoldRequest, defaultLanguage?: string) => {
    const result = validateScaffoldRequest(entries, request, defaultLanguage);
    assert.equal(result.ok, false);
    return result.ok ? undefined : result.problem;
  };

  it('turns a valid request into the guide in its language and the scaffold options', () => {
    const result = validateScaffoldRequest(entries, { guide: id, language: 'en', themes: ['samspil'], title: '  Our plan ', organisation: 'Eksempel Kommune', includeQuotes: true });
    assert.ok(result.ok);
    assert.equal(result.guide.language, 'en');
    assert.deepEqual(result.options, { title: 'Our plan', organisation: 'Eksempel Kommune', themes: ['samspil'], includeQuotes: true });
  });

  it("takes the front end's default language when the guide has it, else the original", () => {
    const language = (defaultLanguage?: string) => {
      const result = validateScaffoldRequest(entries, { guide: id, title: 'T' }, defaultLanguage);
      return result.ok ? result.guide.language : undefined;
    };
    assert.equal(language(), 'da');
    assert.equal(language('en'), 'en');
    assert.equal(language('sv'), 'da', 'a default the guide lacks is no error: the setting is for every guide');
  });

  it('names each problem with a stable code, first the guide, then the language, title and themes', () => {
    assert.equal(problem({ title: 'T' })?.code, 'guide.missing');
    assert.deepEqual(problem({ guide: 'nope', title: 'T' }), { code: 'guide.unknown', id: 'nope', known: [id] });
    assert.deepEqual(problem({ guide: id, language: 'sv', title: 'T' }), { code: 'language.unknown', id, language: 'sv', languages: ['da', 'en'] });
    assert.equal(problem({ guide: id, title: ' ' })?.code, 'title.empty');
    assert.equal(problem({ guide: id, title: 42 })?.code, 'title.empty');
    assert.equal(problem({ guide: id, title: 'T', organisation: 3 })?.code, 'organisation.notText');
    assert.equal(problem({ guide: id, title: 'T', themes: [] })?.code, 'themes.none');
    assert.equal(problem({ guide: id, title: 'T', themes: 'samspil' })?.code, 'themes.none');
    assert.deepEqual(problem({ guide: id, title: 'T', themes: ['samspil', 'nope'] }), { code: 'themes.unknown', themes: ['nope'], known: entries[0]!.original.themes.map((t) => t.id) });
  });

  it('words every problem once, for the CLI and the editor alike', () => {
    assert.equal(scaffoldProblemMessage({ code: 'guide.unknown', id: 'nope', known: ['a', 'b'] }, english), 'There is no guide "nope". Guides: a, b');
    assert.equal(scaffoldProblemMessage({ code: 'language.unknown', id: 'g', language: 'sv', languages: ['da', 'en'] }, english), 'The guide "g" is not in "sv". Languages: da, en');
    assert.equal(scaffoldProblemMessage({ code: 'title.empty' }, english), 'The title cannot be empty.');
  });
});
