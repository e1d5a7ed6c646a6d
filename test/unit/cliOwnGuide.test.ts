import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStrategyDocument } from '../../src/core/strategyDocument';
import { answerQuestion } from './helpers/answers';
import { runCliInProcess } from './helpers/cli';
import { tempFolder } from './helpers/repo';

interface QuestionJson {
  id: string;
  hint: string;
  probes: string[];
  formerIds: string[];
}
interface GuideJson {
  id: string;
  version: string;
  translations: Record<string, { title: string; themes: { id: string; questions: QuestionJson[]; quotes: { source: string }[] }[] }>;
}

const OWN = '.dialogue-guide/guides/vores-guide';

/** A folder with a starter guide written by `new-guide` into the default guide folder. */
async function withStarterGuide(): Promise<string> {
  const root = tempFolder();
  const run = await runCliInProcess(root, ['new-guide', '--id', 'vores-guide', '--title', 'Vores guide', '--language', 'da', '--out', OWN]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return root;
}

describe('a guide of your own on the command line', function () {
  this.timeout(30_000);

  it('writes a starter guide that guides --json lists with no finding, found in the default folder without --guide-folder', async () => {
    const root = await withStarterGuide();
    assert.deepEqual(readdirSync(join(root, OWN)).sort(), ['1-first-theme.md', 'guide.md']);
    const run = await runCliInProcess(root, ['guides', '--json']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '', 'no finding');
    const guide = (JSON.parse(run.stdout) as GuideJson[]).find((g) => g.id === 'vores-guide')!;
    assert.equal(guide.version, '1.0.0');
    const theme = guide.translations.da!.themes[0]!;
    assert.equal(theme.questions.length, 2);
    assert.equal(theme.questions[0]!.hint, 'Ask for examples from the past year.');
    assert.deepEqual(theme.questions[0]!.probes, ['Who is it for?', 'How will you know you got there?']);
    assert.deepEqual(theme.questions[1]!.formerIds, []);
    assert.equal(theme.quotes[0]!.source, 'An interview in the local paper');
  });

  it('comments every key of the starter guide, in Danish with --locale da', async () => {
    const root = tempFolder();
    const run = await runCliInProcess(root, ['new-guide', '--locale', 'da', '--id', 'g', '--title', 'G', '--language', 'da', '--out', 'g']);
    assert.equal(run.status, 0, run.stderr);
    const theme = readFileSync(join(root, 'g', '1-foerste-tema.md'), 'utf8');
    for (const key of ['id', 'order', 'title', 'questions', 'label', 'text', 'hint', 'probes', 'formerIds', 'quotes', 'speaker', 'time', 'source']) {
      const lines = theme.split('\n');
      const at = lines.findIndex((line) => new RegExp(`^\\s*(- )?${key}:`).test(line));
      assert.ok(at > 0, key);
      assert.match(lines[at - 1]!, /^\s*# \S/, `a comment above ${key}`);
    }
    assert.match(theme, /# Spørgsmålets id/);
    assert.equal((await runCliInProcess(root, ['guides', '--guide-folder', 'g'])).stderr, '');
  });

  it('refuses to write over a guide, and names a bad id, before writing anything', async () => {
    const root = await withStarterGuide();
    const before = readFileSync(join(root, OWN, 'guide.md'), 'utf8');
    const again = await runCliInProcess(root, ['new-guide', '--id', 'andet', '--title', 'Andet', '--language', 'da', '--out', OWN]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /guide\.md already exists/);
    assert.equal(readFileSync(join(root, OWN, 'guide.md'), 'utf8'), before);
    const bad = await runCliInProcess(root, ['new-guide', '--id', 'Vores Guide', '--title', 'X', '--language', 'da', '--out', 'x']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /"Vores Guide" is not a valid guide id/);
    const missing = await runCliInProcess(root, ['new-guide', '--id', 'x', '--title', 'X', '--out', 'x']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--language is required/);
  });

  it('goes from new-guide to a checked strategy document, and through a rename with sync, keeping the answer byte for byte', async () => {
    const root = await withStarterGuide();
    assert.equal((await runCliInProcess(root, ['new', '--guide', 'vores-guide', '--title', 'Vores strategi', '--out', 'strategi.md'])).status, 0);
    const file = join(root, 'strategi.md');
    const scaffolded = readFileSync(file, 'utf8');
    assert.match(scaffolded, /<!--\n- Who is it for\?\n- How will you know you got there\?\n-->/, 'the probes are in the section');
    const answer = 'Flere borgere i  dialogen.\r\nOgså unge.';
    let text = answerQuestion(answerQuestion(scaffolded, 'first-theme/goals', answer), 'first-theme/roles', 'Udvalget.');
    writeFileSync(file, text);
    const checked = await runCliInProcess(root, ['check', '--require', 'all']);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.equal((await runCliInProcess(root, ['sync', '--check'])).status, 0, 'nothing to sync');

    // The team renames the first question and adds one, as docs/guides.md says: formerIds and a new version.
    const themeFile = join(root, OWN, '1-first-theme.md');
    const theme = readFileSync(themeFile, 'utf8')
      .replace('- id: "first-theme/goals"', '- id: "first-theme/maal"\n    formerIds: ["first-theme/goals"]')
      .replace('    formerIds: []\n', '    formerIds: []\n  - id: "first-theme/tid"\n    label: "Tid"\n    text: "Hvornår?"\n');
    writeFileSync(themeFile, theme);
    const guideFile = join(root, OWN, 'guide.md');
    writeFileSync(guideFile, readFileSync(guideFile, 'utf8').replace('version: "1.0.0"', 'version: "1.1.0"'));

    const behind = await runCliInProcess(root, ['check']);
    assert.equal(behind.stderr, '', 'the changed guide loads');
    assert.match(behind.stdout, /"first-theme\/goals" is the former id of question 1\.1 Goals, now "first-theme\/maal"/);
    assert.match(behind.stdout, /version 1\.0\.0 of the guide; the guide is now at version 1\.1\.0\. New questions: 1\.3\. Renamed questions: 1\.1\./);

    const check = await runCliInProcess(root, ['sync', '--check']);
    assert.equal(check.status, 1);
    assert.equal(check.stdout, 'strategi.md needs a sync: 1 question added, 1 marker renamed, guide version 1.1.0 recorded\n');
    assert.equal(readFileSync(file, 'utf8'), text, '--check changes nothing');

    const sync = await runCliInProcess(root, ['sync', 'strategi.md']);
    assert.equal(sync.status, 0, sync.stderr);
    assert.equal(sync.stdout, 'Synchronised strategi.md: 1 question added, 1 marker renamed, guide version 1.1.0 recorded\n');
    text = readFileSync(file, 'utf8');
    const sections = parseStrategyDocument(text, file).sections;
    assert.deepEqual(sections.map((s) => s.questionId), ['first-theme/maal', 'first-theme/roles', 'first-theme/tid']);
    assert.ok(sections[0]!.answer.endsWith(answer), 'the renamed answer, byte for byte');
    assert.equal(sections[1]!.answer, 'Udvalget.');
    assert.equal((await runCliInProcess(root, ['sync', '--check'])).status, 0, 'in sync after');
    const after = await runCliInProcess(root, ['check']);
    assert.doesNotMatch(after.stdout, /former id|now at version/);
  });

  it('says why a document cannot be synchronised, and fails', async () => {
    const root = await withStarterGuide();
    assert.equal((await runCliInProcess(root, ['new', '--guide', 'vores-guide', '--title', 'S', '--out', 's.md'])).status, 0);
    const file = join(root, 's.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> other\n');
    const before = readFileSync(file, 'utf8');
    const run = await runCliInProcess(root, ['sync']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /s\.md has Git conflict markers/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('leaves a strategy document that is a symbolic link alone, and goes on with the others', async () => {
    const root = await withStarterGuide();
    assert.equal((await runCliInProcess(root, ['new', '--guide', 'vores-guide', '--title', 'A', '--out', 'a.md'])).status, 0);
    const outside = tempFolder();
    const scaffold = readFileSync(join(root, 'a.md'), 'utf8');
    // Both documents miss a question the guide gains.
    const themeFile = join(root, OWN, '1-first-theme.md');
    writeFileSync(themeFile, readFileSync(themeFile, 'utf8').replace('    formerIds: []\n', '    formerIds: []\n  - id: "first-theme/tid"\n    label: "Tid"\n    text: "Hvornår?"\n'));
    writeFileSync(join(outside, 'victim.md'), scaffold);
    symlinkSync(join(outside, 'victim.md'), join(root, 'link.md'));
    const sync = await runCliInProcess(root, ['sync']);
    assert.equal(sync.status, 1);
    assert.match(sync.stderr, /link\.md is a symbolic link; sync writes only regular files, so it is left alone\./);
    assert.equal(readFileSync(join(outside, 'victim.md'), 'utf8'), scaffold, 'the file the link leads to is unchanged');
    assert.match(sync.stdout, /^Synchronised a\.md: 1 question added/);
    assert.deepEqual(readdirSync(root).filter((f) => f.includes('dialogue-guide-sync')), [], 'no temporary file is left');
  });
});
