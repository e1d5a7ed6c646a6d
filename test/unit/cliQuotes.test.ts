import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGuideLibrary } from '../../src/core/guideLoader';
import { planQuoteRepair } from '../../src/core/quoteRepairs';
import { applyTextEdits } from '../../src/core/repairs';
import { analyseStrategyDocument, parseStrategyDocument } from '../../src/core/strategyDocument';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { answerQuestion } from './helpers/answers';
import { GUIDE_ID, requireBuiltCli, runCli } from './helpers/cli';
import { contentRoot, tempFolder, writeTree } from './helpers/repo';

interface Finding {
  line: number;
  severity: string;
  code: string;
  message: string;
  args: Record<string, string>;
}

const ESKALERET = 'Jeg har været udvalgsformand på socialområdet i 8 år nu. Jeg må sige, at det er eskaleret. Borgergrupper, der lægger et voldsomt pres. Enkeltsager, der fylder enormt meget. Nogle anerkender simpelthen ikke demokratiet. Fx ser vi flertalsbeslutninger, der modvirkes af en sværm af opslag.';

describe('dialogue-guide check: quotes of the guide', function () {
  this.timeout(30_000);
  before(requireBuiltCli);

  /** A document written by `new --quotes`, as a team would start one. */
  let scaffold: string;
  before(() => {
    const folder = tempFolder();
    const run = runCli(folder, ['new', '--guide', GUIDE_ID, '--title', 'Vores strategi', '--quotes', '--out', 'plan.md']);
    assert.equal(run.status, 0, run.stderr);
    scaffold = readFileSync(join(folder, 'plan.md'), 'utf8');
  });

  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const check = (text: string, args: string[] = ['--format', 'json']) => runCli(writeTree({ 'plan.md': text }), ['check', ...args]);
  const quoteFindings = (text: string): Finding[] => {
    const run = check(text);
    assert.equal(run.status, 0, 'quote findings are warnings: they do not fail the check');
    const [document] = (JSON.parse(run.stdout) as { documents: { findings: Finding[] }[] }).documents;
    return document!.findings.filter((f) => f.code.startsWith('quote.'));
  };

  it('reports nothing about quotes written exactly as the guide has them', () => {
    assert.deepEqual(quoteFindings(scaffold), []);
    assert.doesNotMatch(check(scaffold, []).stdout, /quote/i);
  });

  it('reports a changed word on its line, naming the quote and the words', () => {
    const text = scaffold.replace('det er eskaleret', 'det er steget');
    const findings = quoteFindings(text);
    assert.deepEqual(findings.map((f) => [f.code, f.line, f.severity, f.args.id]), [['quote.changed', lineOf(text, 'det er steget'), 'warning', 'enkeltsager/eskaleret']]);
    assert.equal(findings[0]!.message, 'This is not the guide\'s wording of the quote of Kommunalpolitiker ("enkeltsager/eskaleret"): it reads "steget." where the guide has "eskaleret.".');
    assert.equal(check(text, []).stdout.split('\n')[0], `plan.md:${lineOf(text, 'det er steget')}: warning: ${findings[0]!.message}`);
  });

  it('reports a swapped attribution on the attribution line', () => {
    const text = scaffold.replace('— Kommunal embedsmand, efteråret 2021', '— Kommunalpolitiker, efteråret 2021');
    const findings = quoteFindings(text);
    assert.deepEqual(findings.map((f) => [f.code, f.line, f.args.id, f.args.expected]), [['quote.attribution', lineOf(text, '— Kommunalpolitiker, efteråret 2021'), 'sociale-medier/temadroeftelser', '— Kommunal embedsmand, efteråret 2021']]);
  });

  it('reports a pasted quote with a changed word on its line, and in Danish when the locale is Danish', () => {
    const text = answerQuestion(scaffold, 'enkeltsager/fokus', ['Som en politiker sagde:', '', `> ${ESKALERET.replace('8 år', '12 år')}`, '', '— Kommunalpolitiker, efteråret 2021'].join('\n'));
    const findings = quoteFindings(text);
    assert.deepEqual(findings.map((f) => [f.code, f.line, f.args.expected, f.args.found]), [['quote.changed', lineOf(text, '12 år'), '8', '12']]);
    const danish = runCli(writeTree({ 'plan.md': text }), ['check'], { LANG: 'da_DK.UTF-8' });
    assert.match(danish.stdout, /^plan\.md:\d+: advarsel: Dette er ikke guidens ordlyd af citatet fra Kommunalpolitiker \("enkeltsager\/eskaleret"\): her står "12", hvor guiden har "8"\.$/m);
  });

  it('leaves an exact pasted quote alone', () => {
    const text = answerQuestion(scaffold, 'enkeltsager/fokus', [`> ${ESKALERET}`, '', '— Kommunalpolitiker, efteråret 2021'].join('\n'));
    assert.deepEqual(quoteFindings(text), []);
  });

  it('gives exactly two warnings, on the right lines, for one changed word and one changed speaker, and none once both quick fixes are applied', async () => {
    const text = scaffold.replace('det er eskaleret', 'det er steget').replace('— Kommunal embedsmand, efteråret 2021', '— Kommunalpolitiker, efteråret 2021');
    const run = check(text);
    const [document] = (JSON.parse(run.stdout) as { documents: { findings: Finding[] }[] }).documents;
    const warnings = document!.findings.filter((f) => f.severity === 'warning');
    assert.deepEqual(warnings.map((f) => [f.code, f.line]), [
      ['quote.attribution', lineOf(text, '— Kommunalpolitiker, efteråret 2021')],
      ['quote.changed', lineOf(text, 'det er steget')],
    ]);
    // The quick fixes, as the editor applies them: each planned on the text as it is by then.
    const { entries } = await loadGuideLibrary(nodeFileSystem, [contentRoot]);
    let fixed = text;
    for (const code of ['quote.changed', 'quote.attribution']) {
      const parsed = parseStrategyDocument(fixed, 'plan.md');
      const finding = analyseStrategyDocument(parsed, entries).findings.find((f) => f.code === code)!;
      fixed = applyTextEdits(fixed, planQuoteRepair(fixed, parsed, entries, finding)!);
    }
    assert.equal(fixed, scaffold);
    const after = (JSON.parse(check(fixed).stdout) as { documents: { findings: Finding[] }[] }).documents[0]!;
    assert.deepEqual(after.findings.filter((f) => f.severity === 'warning'), []);
  });
});
