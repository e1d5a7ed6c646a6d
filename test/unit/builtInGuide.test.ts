import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBuiltInGuide } from '../../scripts/builtInGuide';
import { allQuestions, inLanguage, type GuideEntry } from '../../src/core/guide';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { relocateGuideEntry } from '../../src/core/relocateGuide';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { contentRoot, repoRoot, seedFile, writeTree } from './helpers/repo';

interface SeedTheme {
  title: string;
  questions: string[];
  quotes: { text: string; speaker: string; time: string }[];
}

/**
 * Reads the seed independently of the content files: theme titles start with "Om ",
 * quotes are in straight double quotes followed by "(speaker, time)", every other
 * non-blank line is a question.
 */
function parseSeed(text: string): SeedTheme[] {
  const themes: SeedTheme[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const attribution = /^\((.+), (.+)\)$/.exec(line);
    if (line.startsWith('Om ')) {
      themes.push({ title: line, questions: [], quotes: [] });
    } else if (line.startsWith('"') && line.endsWith('"')) {
      themes.at(-1)!.quotes.push({ text: line.slice(1, -1), speaker: '', time: '' });
    } else if (attribution) {
      const quote = themes.at(-1)!.quotes.at(-1)!;
      quote.speaker = attribution[1]!;
      quote.time = attribution[2]!;
    } else {
      themes.at(-1)!.questions.push(line);
    }
  }
  return themes;
}

describe('the built-in guide', () => {
  let entry: GuideEntry;

  before(async () => {
    const library = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    assert.deepEqual(library.findings, [], 'the built-in content loads without findings');
    assert.equal(library.entries.length, 1);
    entry = library.entries[0]!;
  });

  it('carries over every theme, question and quote of the seed verbatim, in order', () => {
    const seed = parseSeed(readFileSync(seedFile, 'utf8'));
    const guide = entry.original;
    assert.equal(guide.language, 'da');
    assert.deepEqual(
      guide.themes.map((t) => ({
        title: t.title,
        questions: t.questions.map((q) => q.text),
        quotes: t.quotes.map((q) => ({ text: q.text, speaker: q.speaker, time: q.time })),
      })),
      seed,
    );
  });

  it('has four themes, eighteen questions and five quotes', () => {
    const guide = entry.original;
    assert.deepEqual(guide.themes.map((t) => t.questions.length), [6, 3, 5, 4]);
    assert.deepEqual(guide.themes.map((t) => t.quotes.length), [1, 2, 1, 1]);
    assert.equal(allQuestions(guide).length, 18);
  });

  it('attributes the quotes to the roles and time the seed gives', () => {
    const quotes = entry.original.themes.flatMap((t) => t.quotes.map((q) => `${t.id}: ${q.speaker}, ${q.time}`));
    assert.deepEqual(quotes, [
      'sociale-medier: Kommunal embedsmand, efteråret 2021',
      'enkeltsager: Kommunalpolitiker, efteråret 2021',
      'enkeltsager: Kommunalpolitiker, efteråret 2021',
      'digital-deltagelse: Kommunalpolitiker, efteråret 2021',
      'samspil: Kommunalpolitiker, efteråret 2021',
    ]);
    assert.match(entry.original.attribution, /efteråret 2021/);
  });

  it('keeps a lead-in and its question together as one question', () => {
    const question = entry.original.themes[2]!.questions[0]!;
    assert.equal(question.id, 'digital-deltagelse/muligheder');
    assert.match(question.text, /^Sociale medier giver nye muligheder .* I hvilke situationer .*\?$/);
  });

  it('numbers questions by theme and position', () => {
    assert.deepEqual(allQuestions(entry.original).slice(5, 8).map((q) => q.number), ['1.6', '2.1', '2.2']);
    assert.equal(allQuestions(entry.original).at(-1)!.number, '4.4');
  });

  it('has a complete English translation with the same ids and its own text', () => {
    const english = inLanguage(entry, 'en');
    assert.equal(english.language, 'en');
    assert.equal(english.translationOf, 'da');
    const ids = (g: typeof english) => g.themes.flatMap((t) => [t.id, ...t.questions.map((q) => q.id), ...t.quotes.map((q) => q.id)]);
    assert.deepEqual(ids(english), ids(entry.original));
    const danish = new Set(allQuestions(entry.original).flatMap((q) => [q.text, q.label]));
    for (const question of allQuestions(english)) {
      assert.ok(question.text.trim() && question.label.trim(), question.id);
      assert.ok(!danish.has(question.text), `${question.id} is translated`);
    }
    for (const [i, theme] of english.themes.entries()) {
      assert.notEqual(theme.title, entry.original.themes[i]!.title);
      assert.equal(theme.quotes.length, entry.original.themes[i]!.quotes.length);
    }
  });

  it('is compiled into the bundle as plain data that, placed where the extension is installed, is what a load from there gives', async () => {
    const compiled = await compileBuiltInGuide(repoRoot);
    assert.deepEqual(compiled.problems, []);
    // The bundle carries it as JSON: nothing may be lost on the way.
    const shipped = JSON.parse(JSON.stringify(compiled.entries)) as GuideEntry[];
    assert.deepEqual(shipped, compiled.entries);
    const installed = shipped.map((e) => relocateGuideEntry(e, (path) => join(repoRoot, path)));
    assert.deepEqual(installed, [entry]);
  });

  it('fails the build with the file and line of a finding', async () => {
    const root = writeTree({
      'content/g/guide.md': '---\nid: g\nversion: 1.0.0\nlanguage: da\ntitle: G\n---\n',
      'content/g/t.md': '---\nid: t\norder: 1\ntitle: T\ncolour: red\nquestions:\n  - id: t/q\n    label: Q\n    text: Q?\n---\n',
    });
    const { problems } = await compileBuiltInGuide(root);
    assert.deepEqual(problems.map((p) => [p.location.file, p.location.line, p.location.lineText]), [['content/g/t.md', 5, 'colour: red']]);
  });

  it('falls back to the original for a language it has no translation in', () => {
    assert.equal(inLanguage(entry, 'sv').language, 'da');
  });

  it('gives every question a short label for the sidebar', () => {
    for (const question of [...allQuestions(entry.original), ...allQuestions(inLanguage(entry, 'en'))]) {
      assert.ok(question.label.length <= 50 && question.label.length < question.text.length, question.id);
    }
  });
});
