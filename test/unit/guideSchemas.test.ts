import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { readFrontMatter } from '../../src/core/frontMatter';
import { GUIDE_FILE, GUIDE_KEYS } from '../../src/core/guideLoader';
import { starterGuideFiles } from '../../src/core/starterGuide';
import { starterTexts } from '../../src/l10n/starterGuideMessages';
import { english } from './helpers/l10n';
import { contentRoot, repoRoot } from './helpers/repo';

type Schema = { properties: Record<string, unknown>; definitions: Record<string, { properties: Record<string, unknown> }> };

const schema = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'docs', 'schemas', name), 'utf8')) as Schema;
const ajv = new Ajv({ allErrors: true });
const validateGuide = ajv.compile(schema('guide.schema.json'));
const validateTheme = ajv.compile(schema('theme.schema.json'));

/** The front matter of a guide file, as the loader reads it. */
function frontMatterOf(text: string): unknown {
  const result = readFrontMatter(text);
  assert.ok(result.ok, JSON.stringify(result));
  return result.frontMatter.data;
}

function check(name: string, text: string): void {
  const validate = name === GUIDE_FILE ? validateGuide : validateTheme;
  assert.ok(validate(frontMatterOf(text)), `${name}: ${JSON.stringify(validate.errors)}`);
}

describe('the JSON Schemas of the guide format', () => {
  it('accept every file of the built-in guide, in every language', () => {
    let files = 0;
    for (const guide of readdirSync(contentRoot)) {
      for (const language of readdirSync(join(contentRoot, guide))) {
        for (const name of readdirSync(join(contentRoot, guide, language))) {
          check(name, readFileSync(join(contentRoot, guide, language, name), 'utf8'));
          files++;
        }
      }
    }
    assert.equal(files, 10);
  });

  it('accept the starter guide, which has every key', () => {
    for (const file of starterGuideFiles({ id: 'mine', title: 'Mine', language: 'en' }, starterTexts(english))) check(file.name, file.text);
  });

  it('know exactly the keys the loader knows', () => {
    const theme = schema('theme.schema.json');
    assert.deepEqual(Object.keys(schema('guide.schema.json').properties), GUIDE_KEYS.guide);
    assert.deepEqual(Object.keys(theme.properties), GUIDE_KEYS.theme);
    assert.deepEqual(Object.keys(theme.definitions.question!.properties), GUIDE_KEYS.question);
    assert.deepEqual(Object.keys(theme.definitions.quote!.properties), GUIDE_KEYS.quote);
  });

  it('refuse what the loader reports as an error', () => {
    const theme = { id: 'tema', order: 1, title: 'Tema', questions: [{ id: 'tema/a', label: 'A', text: 'A?' }] };
    assert.ok(validateTheme(theme));
    assert.equal(validateTheme({ ...theme, questions: [{ ...theme.questions[0], probes: 'Hvem?' }] }), false, 'probes that are not a list');
    assert.equal(validateTheme({ ...theme, questions: [{ ...theme.questions[0], formerIds: ['Gammel'] }] }), false, 'an invalid former id');
    assert.equal(validateTheme({ ...theme, questions: [] }), false, 'a theme without questions');
    assert.equal(validateGuide({ id: 'g', version: '1.0', language: 'da', title: 'G' }), false, 'a version that is not semver');
  });
});
