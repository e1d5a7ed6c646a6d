import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/core/findings';
import { inLanguage } from '../../src/core/guide';
import { loadGuide, loadGuideLibrary } from '../../src/core/guideLoader';
import { formatFinding } from '../../src/l10n/findingMessages';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { english } from './helpers/l10n';
import { memoryFileSystem } from './helpers/memoryFileSystem';
import { repoRoot, writeTree } from './helpers/repo';

const GUIDE = ['---', 'id: demo', 'version: 1.0.0', 'language: da', 'title: Demo', '---', ''].join('\n');
const THEME = [
  '---', //                                     line 1
  'id: tema',
  'order: 1',
  'title: Tema',
  'questions:', //                              line 5
  '  - id: tema/foerste',
  '    label: Første',
  '    text: Hvad gør I?',
  'quotes:',
  '  - id: tema/citat', //                      line 10
  '    text: Vi gør det.',
  '    speaker: Kommunalpolitiker',
  '    time: efteråret 2021',
  '---',
  '',
].join('\n');

/** Replaces one line (1-based) of `text`. */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

async function load(files: Record<string, string>) {
  const root = writeTree(files);
  return { root, result: await loadGuide(nodeFileSystem, root) };
}

/** The one error of `code`, as the user reads it. */
function messageOf(findings: readonly Finding[], code: Finding['code']): string {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `one ${code} in ${JSON.stringify(findings.map((f) => f.code))}`);
  return formatFinding(matching[0]!, english);
}

describe('loading a guide', () => {
  it('loads a valid guide with its theme, question and quote', async () => {
    const { result } = await load({ 'guide.md': GUIDE, 'tema.md': THEME });
    assert.deepEqual(result.findings, []);
    assert.equal(result.guide?.themes[0]?.questions[0]?.text, 'Hvad gør I?');
    assert.equal(result.guide?.themes[0]?.quotes[0]?.speaker, 'Kommunalpolitiker');
  });

  it('reads the theme intro from the body', async () => {
    const { result } = await load({ 'guide.md': GUIDE, 'tema.md': THEME + '\nEn kort indledning.\n' });
    assert.equal(result.guide?.themes[0]?.intro, 'En kort indledning.');
  });

  it('orders themes by their order, not their file names', async () => {
    const second = THEME.replace(/tema/g, 'andet').replace('order: 1', 'order: 0');
    const { result } = await load({ 'guide.md': GUIDE, 'a.md': THEME, 'b.md': second });
    assert.deepEqual(result.guide?.themes.map((t) => t.id), ['andet', 'tema']);
    assert.deepEqual(result.guide?.themes.map((t) => t.questions[0]!.number), ['1.1', '2.1']);
  });

  it('names file and line for front matter that is never closed', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': THEME.replace('\n---\n', '\n') });
    assert.equal(result.guide, undefined);
    assert.equal(messageOf(result.findings, 'frontMatter.unclosed'), `${join(root, 'tema.md')}:1: The front matter is not closed: add a line "---" after it.`);
  });

  it('names file and line for invalid YAML', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': withLine(THEME, 4, 'title: "Tema') });
    assert.equal(result.guide, undefined);
    assert.match(messageOf(result.findings, 'frontMatter.yaml'), new RegExp(`^${escape(join(root, 'tema.md'))}:4: The front matter is not valid YAML: `));
  });

  it('names file and line for a duplicate key', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': withLine(THEME, 3, 'title: Igen') });
    assert.match(messageOf(result.findings, 'frontMatter.yaml'), new RegExp(`^${escape(join(root, 'tema.md'))}:4: .*unique`));
  });

  it('names file and line for a missing id', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': withLine(THEME, 6, '  - nid: tema/foerste') });
    assert.equal(result.guide, undefined);
    assert.equal(messageOf(result.findings, 'field.missing'), `${join(root, 'tema.md')}:6: "id" is missing.`);
  });

  it('names file and line for empty question text', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': withLine(THEME, 8, '    text: "  "') });
    assert.equal(result.guide, undefined);
    assert.equal(messageOf(result.findings, 'field.empty'), `${join(root, 'tema.md')}:8: "text" is empty.`);
  });

  it('names file and line for a duplicate id in another theme', async () => {
    const other = withLine(THEME.replace('id: tema\n', 'id: andet\n').replace('order: 1', 'order: 2').replace('tema/citat', 'andet/citat'), 6, '  - id: andet/foerste');
    const clash = withLine(other, 6, '  - id: tema/foerste');
    const { root, result } = await load({ 'guide.md': GUIDE, 'a.md': THEME, 'b.md': clash });
    assert.equal(result.guide, undefined);
    // The clash is first reported as belonging to another theme; a true duplicate inside one theme:
    const dup = withLine(withLine(THEME, 10, '  - id: tema/foerste'), 9, 'quotes:');
    const again = await load({ 'guide.md': GUIDE, 'tema.md': dup });
    assert.equal(messageOf(again.result.findings, 'id.duplicate'), `${join(again.root, 'tema.md')}:10: The id "tema/foerste" is already used at ${join(again.root, 'tema.md')}:6.`);
    assert.equal(messageOf(result.findings, 'id.wrongTheme'), `${join(root, 'b.md')}:6: "tema/foerste" belongs to another theme: ids in this theme start with "andet/".`);
  });

  it('names file and line for an unknown key, and still loads', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': withLine(THEME, 7, '    lable: Første\n    label: Første') });
    assert.equal(messageOf(result.findings, 'field.unknown'), `${join(root, 'tema.md')}:7: Unknown key "lable" (a typo?); it is ignored.`);
    assert.equal(result.findings[0]?.severity, 'warning');
    assert.ok(result.guide);
  });

  it('names file and line for a theme without questions', async () => {
    const empty = ['---', 'id: tema', 'order: 1', 'title: Tema', 'questions: []', '---', ''].join('\n');
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': empty });
    assert.equal(result.guide, undefined);
    assert.equal(messageOf(result.findings, 'theme.noQuestions'), `${join(root, 'tema.md')}:5: The theme "tema" has no questions.`);
  });

  it('names file and line for a version that is not semver', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE.replace('1.0.0', 'v1'), 'tema.md': THEME });
    assert.equal(messageOf(result.findings, 'version.invalid'), `${join(root, 'guide.md')}:3: "v1" is not a semantic version such as 1.0.0.`);
  });

  it('never yields an empty guide from a folder without themes', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE });
    assert.equal(result.guide, undefined);
    assert.equal(messageOf(result.findings, 'guide.noThemes'), `${join(root, 'guide.md')}:1: The guide has no themes: add a Markdown file per theme beside guide.md.`);
  });

  it('names the right line in a file with lone CR line endings (old Mac)', async () => {
    const { root, result } = await load({ 'guide.md': GUIDE.replace('1.0.0', 'v1').replace(/\n/g, '\r'), 'tema.md': THEME.replace(/\n/g, '\r') });
    assert.equal(messageOf(result.findings, 'version.invalid'), `${join(root, 'guide.md')}:3: "v1" is not a semantic version such as 1.0.0.`);
    const again = await load({ 'guide.md': GUIDE, 'tema.md': withLine(THEME, 8, '    text: "  "').replace(/\n/g, '\r') });
    assert.equal(messageOf(again.result.findings, 'field.empty'), `${join(again.root, 'tema.md')}:8: "text" is empty.`);
  });

  it('says an alias bomb has too many aliases', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)];
    const { root, result } = await load({ 'guide.md': GUIDE, 'tema.md': ['---', 'id: tema', ...bomb, '---', ''].join('\n') });
    assert.equal(result.guide, undefined);
    assert.equal(messageOf(result.findings, 'frontMatter.aliases'), `${join(root, 'tema.md')}:4: The front matter repeats aliases (*name) too often to be read, as a "billion laughs" attack does.`);
  });

  it('names the folder when guide.md is missing', async () => {
    const { root, result } = await load({ 'tema.md': THEME });
    assert.equal(messageOf(result.findings, 'guide.missingFile'), `${join(root, 'guide.md')}:1: The guide folder has no guide.md.`);
  });
});

describe('loading translations', () => {
  const translation = (theme: string) => ({
    'demo/da/guide.md': GUIDE,
    'demo/da/tema.md': THEME,
    'demo/en/guide.md': GUIDE.replace('language: da', 'language: en\ntranslationOf: da'),
    'demo/en/tema.md': theme,
  });

  it('pairs a translation with its original', async () => {
    const library = await loadGuideLibrary(nodeFileSystem, [writeTree(translation(THEME.replace('Hvad gør I?', 'What do you do?')))]);
    assert.deepEqual(library.findings, []);
    assert.equal(library.entries[0]?.translations[0]?.themes[0]?.questions[0]?.text, 'What do you do?');
  });

  it('names file and line for an id the original does not have, and one it lacks', async () => {
    const root = writeTree(translation(withLine(THEME, 6, '  - id: tema/anden')));
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.equal(messageOf(library.findings, 'translation.extraId'), `${join(root, 'demo/en/tema.md')}:6: "tema/anden" is not in the original (da): a translation has the same ids as its original.`);
    assert.equal(messageOf(library.findings, 'translation.missingId'), `${join(root, 'demo/en/guide.md')}:2: The translation (en) lacks "tema/foerste", which the original has.`);
    assert.deepEqual(library.entries[0]?.translations, [], 'the mismatched translation is not offered');
    assert.ok(library.entries[0]?.original, 'the original still loads');
  });

  it('numbers a translation that orders a theme\'s questions differently as the original, and names the file and line', async () => {
    const theme = (...names: string[]) => [...THEME.split('\n').slice(0, 5), ...names.flatMap((n) => [`  - id: tema/${n}`, `    label: ${n}`, `    text: ${n}?`]), '---', ''].join('\n');
    const files = { ...translation(theme('anden', 'foerste')), 'demo/da/tema.md': theme('foerste', 'anden') };
    const root = writeTree(files);
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.deepEqual(library.findings.map((f) => [f.code, f.severity]), [['translation.order', 'warning']]);
    assert.equal(
      messageOf(library.findings, 'translation.order'),
      `${join(root, 'demo/en/tema.md')}:6: "tema/anden" is number 1.2 in the original (da) but stands elsewhere here: the guide is shown in the original's order and numbered as there.`,
    );
    const entry = library.entries[0]!;
    const numbers = (language: string) => inLanguage(entry, language).themes[0]!.questions.map((q) => `${q.number} ${q.id}`);
    assert.deepEqual(numbers('da'), ['1.1 tema/foerste', '1.2 tema/anden']);
    assert.deepEqual(numbers('en'), numbers('da'), 'the same number for the same question in every language');
    assert.equal(inLanguage(entry, 'en'), inLanguage(entry, 'en'), 'one object per translation, so views can compare guides');
  });

  it('warns on a translation\'s question that lists other former ids than the original, and uses the original\'s', async () => {
    const withFormer = (ids: string) => THEME.replace('    text: Hvad gør I?', `    text: Hvad gør I?\n    formerIds: [${ids}]`);
    const root = writeTree({ ...translation(withFormer('tema/gammel')), 'demo/da/tema.md': withFormer('tema/tidligere') });
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.deepEqual(library.findings.map((f) => [f.code, f.severity]), [['translation.formerIds', 'warning']]);
    assert.equal(
      messageOf(library.findings, 'translation.formerIds'),
      `${join(root, 'demo/en/tema.md')}:6: "tema/foerste" lists other former ids here than in the original (da): a translation takes the original's, so write renames in the original.`,
    );
    assert.deepEqual(inLanguage(library.entries[0]!, 'en').themes[0]!.questions[0]!.formerIds, ['tema/tidligere']);
    // The same list as the original's is no finding: a translator may copy it.
    const same = await loadGuideLibrary(nodeFileSystem, [writeTree({ ...translation(withFormer('tema/tidligere')), 'demo/da/tema.md': withFormer('tema/tidligere') })]);
    assert.deepEqual(same.findings, []);
  });

  it('names a translation whose themes are in another order', async () => {
    const second = THEME.replace('id: tema', 'id: emne').replace('order: 1', 'order: 2').replace(/tema\//g, 'emne/');
    const files = { ...translation(THEME.replace('order: 1', 'order: 3')), 'demo/da/emne.md': second, 'demo/en/emne.md': second };
    const root = writeTree(files);
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.equal(messageOf(library.findings, 'translation.order')?.startsWith(`${join(root, 'demo/en/emne.md')}:2: "emne" is number 2 in the original (da)`), true);
    assert.deepEqual(inLanguage(library.entries[0]!, 'en').themes.map((t) => t.id), ['tema', 'emne'], "shown in the original's order");
    assert.deepEqual(inLanguage(library.entries[0]!, 'en').themes.map((t) => t.questions[0]!.number), ['1.1', '2.1']);
  });

  it('names both files of two translations into the same language', async () => {
    const files = { ...translation(THEME), 'demo/en-gb/guide.md': GUIDE.replace('language: da', 'language: en\ntranslationOf: da'), 'demo/en-gb/tema.md': THEME };
    const root = writeTree(files);
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.equal(
      messageOf(library.findings, 'translation.duplicate'),
      `${join(root, 'demo/en-gb/guide.md')}:2: The guide "demo" in "en" is already at ${join(root, 'demo/en/guide.md')}:2; this copy is not used.`,
    );
    assert.deepEqual(library.entries[0]?.translations.map((t) => t.folder), [join(root, 'demo/en')], 'the first one is used');
  });

  it('names a translation into the language of its original', async () => {
    const root = writeTree({ ...translation(THEME), 'demo/da2/guide.md': GUIDE.replace('language: da', 'language: da\ntranslationOf: da'), 'demo/da2/tema.md': THEME });
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.equal(
      messageOf(library.findings, 'translation.duplicate'),
      `${join(root, 'demo/da2/guide.md')}:2: The guide "demo" in "da" is already at ${join(root, 'demo/da/guide.md')}:2; this copy is not used.`,
    );
  });

  it('says which of two guides with one id is used, whatever their versions: the first one found', async () => {
    const team = writeTree({ 'demo/guide.md': GUIDE.replace('version: 1.0.0', 'version: 2.0.0').replace('title: Demo', 'title: Team'), 'demo/tema.md': THEME });
    const builtIn = writeTree({ 'demo/guide.md': GUIDE, 'demo/tema.md': THEME });
    const library = await loadGuideLibrary(nodeFileSystem, [builtIn, team]);
    assert.deepEqual(library.entries.map((e) => [e.original.title, e.original.version]), [['Demo', '1.0.0']], 'the higher version does not win');
    const message = messageOf(library.findings, 'guide.duplicate');
    assert.ok(message.startsWith(`${join(team, 'demo/guide.md')}:2: Another guide already has the id "demo": "Demo" (version 1.0.0, ${join(builtIn, 'demo/guide.md')}:2) is used and this one (version 2.0.0) is not`), message);
    assert.match(message, /raise its "version"/);
    assert.match(message, /give it an id of its own/);
  });

  it('names the translation that has no original', async () => {
    const files = translation(THEME);
    delete (files as Record<string, string>)['demo/da/guide.md'];
    delete (files as Record<string, string>)['demo/da/tema.md'];
    const root = writeTree(files);
    const library = await loadGuideLibrary(nodeFileSystem, [root]);
    assert.equal(messageOf(library.findings, 'translation.noOriginal'), `${join(root, 'demo/en/guide.md')}:2: This translation of "demo" has no original in "da".`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('loading a guide through the host interface alone', () => {
  it('gives the same library from files held in memory as from the disk, so the core needs no file system of its own', async () => {
    const files: Record<string, string> = {};
    const walk = (folder: string, virtual: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(folder, entry.name), `${virtual}/${entry.name}`);
        else files[`${virtual}/${entry.name}`] = readFileSync(join(folder, entry.name), 'utf8');
      }
    };
    walk(join(repoRoot, 'content'), '/memory/content');
    const fromMemory = await loadGuideLibrary(memoryFileSystem(files), ['/memory/content']);
    const fromDisk = await loadGuideLibrary(nodeFileSystem, [join(repoRoot, 'content')]);
    assert.deepEqual(fromMemory.findings, []);
    assert.equal(JSON.stringify(fromMemory.entries).replaceAll('/memory/content', ''), JSON.stringify(fromDisk.entries).replaceAll(join(repoRoot, 'content'), ''));
  });
});
