import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../src/core/repairs';
import { scaffoldStrategyDocument } from '../../src/core/scaffold';
import { normaliseNote, noteOf, planNoteEdit, type NotePlan } from '../../src/core/sectionNote';
import { markerFor, parseStrategyDocument } from '../../src/core/strategyDocument';
import { makeGuide } from './helpers/guides';

const GUIDE = makeGuide([
  { id: 'tema', title: 'Tema', questions: [['foerste', 'Hvad gør I?'], ['anden', 'Hvorfor?']] },
  { id: 'andet', title: 'Andet tema', questions: [['tredje', 'Hvornår?']] },
]);
const SCAFFOLD = scaffoldStrategyDocument(GUIDE, { title: 'T', organisation: 'O' });

/** `text` with the note of `questionId` written as planned from what the document shows now. */
function write(text: string, questionId: string, note: string): string {
  const document = parseStrategyDocument(text, 'a.md');
  const plan = planNoteEdit(text, document, questionId, noteOf(text, document, questionId) ?? '', note);
  assert.ok(plan.ok, `refused: ${JSON.stringify(plan)}`);
  return plan.edit ? applyTextEdits(text, [plan.edit]) : text;
}

function notes(text: string): Record<string, string | undefined> {
  const document = parseStrategyDocument(text, 'a.md');
  return Object.fromEntries(document.sections.map((s) => [s.questionId, noteOf(text, document, s.questionId)]));
}

function plan(text: string, questionId: string, base: string, note: string): NotePlan {
  return planNoteEdit(text, parseStrategyDocument(text, 'a.md'), questionId, base, note);
}

describe('a meeting note written into its section', () => {
  it('opens a first note after the marker between blank lines, and only there', () => {
    const text = write(SCAFFOLD, 'tema/anden', 'Fordi vi vil.');
    assert.ok(text.includes(`${markerFor('tema/anden')}\n\nFordi vi vil.\n\n## `), text);
    assert.deepEqual(notes(text), { 'tema/foerste': '', 'tema/anden': 'Fordi vi vil.', 'andet/tredje': '' });
    const sections = parseStrategyDocument(text, 'a.md').sections;
    assert.equal(sections.find((s) => s.questionId === 'tema/anden')!.state, 'answered');
  });

  it('writes a first note into a section with no blank line after its marker, and at the end of the text', () => {
    const tight = SCAFFOLD.replace(`${markerFor('tema/foerste')}\n\n`, `${markerFor('tema/foerste')}\n`);
    assert.ok(tight !== SCAFFOLD);
    const text = write(tight, 'tema/foerste', 'Vi skriver.');
    assert.ok(text.includes(`${markerFor('tema/foerste')}\n\nVi skriver.\n\n### Hvorfor?`), text);
    const last = SCAFFOLD.trimEnd();
    assert.ok(last.endsWith(markerFor('andet/tredje')));
    assert.equal(write(last, 'andet/tredje', 'Snart.'), `${last}\n\nSnart.`);
  });

  it('replaces an existing note from its first line to its last, keeping the lines around it', () => {
    const once = write(SCAFFOLD, 'tema/foerste', 'Ét.\n\nTo.');
    const twice = write(once, 'tema/foerste', 'Ét.\n\nTo og tre.');
    assert.equal(twice, once.replace('Ét.\n\nTo.', 'Ét.\n\nTo og tre.'));
    const document = parseStrategyDocument(once, 'a.md');
    const edit = planNoteEdit(once, document, 'tema/foerste', 'Ét.\n\nTo.', 'Ét.\n\nTo og tre.');
    assert.ok(edit.ok && edit.edit);
    const line = document.sections[0]!.markerLine + 2;
    assert.deepEqual(edit.edit.range, { start: { line, character: 0 }, end: { line: line + 2, character: 3 } });
  });

  it('takes an emptied note’s lines away and leaves the section as the scaffold had it', () => {
    const once = write(SCAFFOLD, 'tema/anden', 'Noget.\nMere.');
    assert.equal(write(once, 'tema/anden', ''), SCAFFOLD);
    assert.equal(write(once, 'tema/anden', '  \n\n'), SCAFFOLD, 'blank lines are no note');
  });

  it('plans nothing when the document already says the note', () => {
    const once = write(SCAFFOLD, 'tema/anden', 'Noget.');
    assert.deepEqual(plan(once, 'tema/anden', 'Noget.', '\nNoget.\n'), { ok: true, edit: undefined });
  });

  it('keeps a CRLF document’s line breaks, also inside the note', () => {
    const crlf = SCAFFOLD.replace(/\n/g, '\r\n');
    const text = write(crlf, 'tema/foerste', 'Ét.\nTo.');
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
    assert.ok(text.includes(`${markerFor('tema/foerste')}\r\n\r\nÉt.\r\nTo.\r\n\r\n### Hvorfor?`), JSON.stringify(text));
    assert.equal(noteOf(text, parseStrategyDocument(text, 'a.md'), 'tema/foerste'), 'Ét.\r\nTo.');
    assert.equal(write(text, 'tema/foerste', ''), crlf);
  });

  it('refuses, and writes nothing, when the section changed under the note (the document wins)', () => {
    const typedInEditor = write(SCAFFOLD, 'tema/foerste', 'Skrevet i editoren.');
    assert.deepEqual(plan(typedInEditor, 'tema/foerste', '', 'Skrevet i mødet.'), { ok: false, reason: 'changed' });
  });

  it('refuses a note that would end its section or take another question’s text', () => {
    assert.deepEqual(plan(SCAFFOLD, 'tema/foerste', '', 'Svar.\n\n## Ny overskrift\n\nMere.'), { ok: false, reason: 'unsafe' });
    assert.deepEqual(plan(SCAFFOLD, 'tema/foerste', '', `Svar.\n\n${markerFor('tema/anden')}`), { ok: false, reason: 'unsafe' });
    assert.deepEqual(plan(SCAFFOLD, 'tema/foerste', '', 'Svar.\n\n```\nkode uden ende'), { ok: false, reason: 'unsafe' });
    assert.deepEqual(plan(SCAFFOLD, 'tema/foerste', '', 'Svar\n---'), { ok: false, reason: 'unsafe' }, 'a setext underline makes a heading');
  });

  it('allows a sub-heading inside the note, which stays in its section', () => {
    const text = write(SCAFFOLD, 'tema/foerste', 'Svar.\n\n#### Detaljer\n\nMere.');
    assert.equal(notes(text)['tema/foerste'], 'Svar.\n\n#### Detaljer\n\nMere.');
    assert.equal(notes(text)['tema/anden'], '');
  });

  it('refuses a question without a section, a duplicated one, conflict markers and ambiguous text', () => {
    const document = SCAFFOLD;
    assert.deepEqual(plan(document, 'tema/ukendt', '', 'x'), { ok: false, reason: 'noSection' });
    const duplicated = `${document}\n### Hvad gør I?\n\n${markerFor('tema/foerste')}\n`;
    assert.deepEqual(plan(duplicated, 'tema/foerste', '', 'x'), { ok: false, reason: 'duplicate' });
    const conflicted = document.replace('### Hvorfor?', '<<<<<<< HEAD\n### Hvorfor?\n=======\n### Hvorfor ikke?\n>>>>>>> other');
    assert.deepEqual(plan(conflicted, 'tema/foerste', '', 'x'), { ok: false, reason: 'conflict' });
    const malformed = document.replace(markerFor('tema/anden'), '<!-- dialogue-guide:tema/anden --> mere');
    assert.deepEqual(plan(malformed, 'tema/foerste', '', 'x'), { ok: false, reason: 'ambiguous' });
  });

  it('leaves text written above the marker where it is', () => {
    const above = SCAFFOLD.replace(`### Hvorfor?\n\n${markerFor('tema/anden')}`, `### Hvorfor?\n\nOvenover.\n\n${markerFor('tema/anden')}`);
    const text = write(above, 'tema/anden', 'Nedenunder.');
    const section = parseStrategyDocument(text, 'a.md').sections.find((s) => s.questionId === 'tema/anden')!;
    assert.equal(section.answer, 'Ovenover.\n\nNedenunder.');
  });

  it('normalises a note to the document’s line breaks without blank lines around it', () => {
    assert.equal(normaliseNote('\n\nÉt\r\nTo\n\n', '\r\n'), 'Ét\r\nTo');
    assert.equal(normaliseNote(' \n\t\n', '\n'), '');
  });
});
