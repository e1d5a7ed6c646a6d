import type { Finding } from '../core/findings';

/**
 * The localiser both shells share: `vscode.l10n.t` in the extension, `@vscode/l10n`'s `t` in the
 * CLI. The English message is the key; `{name}` placeholders are filled from `args`.
 */
export type Translate = (message: string, args: Record<string, string>) => string;

/** The localised message for a finding, without its location. */
export function findingMessage(finding: Finding, t: Translate): string {
  const a = finding.args;
  switch (finding.code) {
    case 'file.unreadable':
      return t('The file could not be read: {reason}', a);
    case 'frontMatter.missing':
      return t('The file has no front matter: it must start with a line "---".', a);
    case 'frontMatter.unclosed':
      return t('The front matter is not closed: add a line "---" after it.', a);
    case 'frontMatter.language':
      return t('Front matter in "{detail}" is not allowed: content is data, so only YAML is read.', a);
    case 'frontMatter.yaml':
      return t('The front matter is not valid YAML: {detail}', a);
    case 'field.missing':
      return t('"{key}" is missing.', a);
    case 'field.empty':
      return t('"{key}" is empty.', a);
    case 'field.type':
      return t('"{key}" must be {expected}.', { ...a, expected: typeName(a.expected ?? '', t) });
    case 'field.unknown':
      return t('Unknown key "{key}" (a typo?); it is ignored.', a);
    case 'id.invalid':
      return t('"{id}" is not a valid id: use lowercase letters, digits and hyphens, and "<theme>/<name>" for questions and quotes.', a);
    case 'id.duplicate':
      return t('The id "{id}" is already used at {first}.', a);
    case 'id.wrongTheme':
      return t('"{id}" belongs to another theme: ids in this theme start with "{theme}/".', a);
    case 'version.invalid':
      return t('"{version}" is not a semantic version such as 1.0.0.', a);
    case 'guide.missingFile':
      return t('The guide folder has no {file}.', a);
    case 'guide.noThemes':
      return t('The guide has no themes: add a Markdown file per theme beside guide.md.', a);
    case 'guide.duplicate':
      return t('Another guide already has the id "{id}": "{firstTitle}" (version {firstVersion}, {first}) is used and this one (version {version}) is not, whatever the versions, because the first guide found with an id is used: the built-in guide, then the guide folders in their order. To publish a newer version, edit that guide and raise its "version"; to use this one beside it, give it an id of its own and name that id in "guide:" of its documents.', a);
    case 'theme.noQuestions':
      return t('The theme "{id}" has no questions.', a);
    case 'translation.noOriginal':
      return t('This translation of "{id}" has no original in "{language}".', a);
    case 'translation.missingId':
      return t('The translation ({language}) lacks "{id}", which the original has.', a);
    case 'translation.extraId':
      return t('"{id}" is not in the original ({language}): a translation has the same ids as its original.', a);
    case 'marker.unknown':
      return t('Neither a theme nor a question of this guide has the id "{id}"; the section is not counted.', a);
    case 'marker.duplicate':
      return t('The marker "{id}" is already on line {line}; only the first one counts.', a);
    case 'marker.outsideTheme':
      return t('Question {question} is outside its theme: move it under the theme "{themeTitle}".', named(a));
    case 'question.removed':
      return t('The question "{id}" is no longer in the guide; its answer is kept.', a);
    case 'question.missing':
      return t('Question {question} of the guide is missing from the document.', named(a));
    case 'question.unanswered':
      return t('Question {question} is not answered yet.', named(a));
    case 'document.conflict':
      return t('Git conflict marker: resolve the conflict before going on.', a);
    case 'document.noGuide':
      return t('The front matter does not say which guide the document follows: add "guide: <id>".', a);
    case 'document.unknownGuide':
      return t('No loaded guide has the id "{id}".', a);
    case 'marker.malformed':
      return t("The marker of \"{id}\" is not written as markers are (upper case, a no-break space, an indent or text after it), so other tools may not read it: write it as {expected}.", a);
    case 'marker.noHeading':
      return t("The marker \"{id}\" has no heading of its own above it, so a reader sees its text under another heading: restore the heading.", a);
    case 'document.unclosedBlock':
      return t("This comment, code or HTML block is not closed before the markers after it, so a reader sees them as its text: close it where it should end.", a);
    case 'themes.empty':
      return t("\"themes\" lists no theme, so the document would have no questions: name at least one theme or remove the key.", a);
    case 'themes.unknown':
      return t("The guide has no theme \"{id}\".", a);
    case 'file.notRegular':
      return t('Not a regular file (a device, pipe, socket or broken link): it is skipped, not read.', a);
    case 'file.tooLarge':
      return t('The file is {size} MB, above the limit of {limit} MB: it is not read.', a);
    case 'file.invalidUtf8':
      return t('The file is not valid UTF-8 (the first bad byte is on line {line}, column {column}): save it as UTF-8.', a);
    case 'translation.duplicate':
      return t('The guide "{id}" in "{language}" is already at {first}; this copy is not used.', a);
    case 'frontMatter.aliases':
      return t('The front matter repeats aliases (*name) too often to be read, as a "billion laughs" attack does.', a);
    case 'marker.misplaced':
      return t("This looks like a marker, but inside a list, a quote or split over lines it marks no question: put it on a line of its own, at the start of the line.", a);
    case 'heading.endsAnswer':
      return t("This heading ends the answer to {question} above it, so the text under it counts for no question. (Text with a line of --- right under it is a heading: leave a blank line above --- for a horizontal rule.)", named(a));
    case 'marker.twoHeadings':
      return t("Two headings above the marker of {question} could be its own: its answer is read from the heading on line {line}, and the one on line {other} counts as text of the answer. If line {other} is the question's heading, make line {line} text again (a blank line above --- makes a horizontal rule).", named(a));
    case 'marker.formerId':
      return t('"{id}" is the former id of question {question}, now "{newId}": its answer counts for that question. Rewrite the marker as {expected}.', a);
    case 'export.undrawable':
      return a.question
        ? t("The answer to {question} has characters the PDF's fonts cannot draw: {characters}. The PDF shows an empty box for each; Word and HTML show them in the reader's fonts.", a)
        : t("The document has characters the PDF's fonts cannot draw: {characters}. The PDF shows an empty box for each; Word and HTML show them in the reader's fonts.", a);
    case 'document.behindGuide':
      return [
        t('The document was written for version {version} of the guide; the guide is now at version {guideVersion}.', a),
        ...(a.added ? [t('New questions: {added}.', a)] : []),
        ...(a.renamed ? [t('Renamed questions: {renamed}.', a)] : []),
        ...(a.removed ? [t('Questions no longer in the guide: {removed}.', a)] : []),
        t('Add Missing Questions (or dialogue-guide sync) brings it up to date; no answer is changed.', a),
      ].join(' ');
    case 'translation.formerIds':
      return t('"{id}" lists other former ids here than in the original ({language}): a translation takes the original\'s, so write renames in the original.', a);
    case 'translation.order':
      return t("\"{id}\" is number {number} in the original ({language}) but stands elsewhere here: the guide is shown in the original's order and numbered as there.", a);
    case 'quote.changed': {
      const args = { ...a, quote: quoteName(a, t) };
      if (!a.found) return t('This is not the guide\'s wording of {quote}: it leaves out "{expected}".', args);
      if (!a.expected) return t('This is not the guide\'s wording of {quote}: it adds "{found}".', args);
      return t('This is not the guide\'s wording of {quote}: it reads "{found}" where the guide has "{expected}".', args);
    }
    case 'quote.attribution': {
      const args = { ...a, quote: quoteName(a, t) };
      if (!a.found) return t('There is no attribution below {quote}: write "{expected}".', args);
      return t('The attribution "{found}" is not the guide\'s for {quote}: it is "{expected}".', args);
    }
    case 'quote.unknown':
      if (a.otherGuide) return t('This quote is from the guide "{otherGuide}", which the document does not follow (it follows "{guide}"), so it is not checked.', a);
      return t('The guide "{guide}" has no quote "{id}" (any longer), so this quote cannot be checked.', a);
  }
}

/** A quote as findings name it: its speaker and id, and the translation it was checked against, when it was. */
function quoteName(args: Readonly<Record<string, string>>, t: Translate): string {
  return args.translation ? t('the quote of {speaker} ("{id}") in the guide\'s translation ({translation})', args) : t('the quote of {speaker} ("{id}")', args);
}

/**
 * `args` with `question`, a question's display name ("1.2 Formål", set by the analysis), or its quoted
 * id when the finding was made without the guide; `themeTitle` likewise falls back to the theme's id.
 */
function named(args: Readonly<Record<string, string>>): Record<string, string> {
  return { ...args, question: args.question ?? `"${args.id ?? ''}"`, themeTitle: args.themeTitle ?? args.theme ?? '' };
}

/** The core names types by their YAML shape; readers get a word in their language. */
function typeName(type: string, t: Translate): string {
  switch (type) {
    case 'string':
      return t('text', {});
    case 'number':
      return t('a number', {});
    case 'list':
      return t('a list', {});
    case 'strings':
      return t('a list of texts', {});
    case 'object':
      return t('a mapping of keys to values', {});
    case 'language':
      return t('a language code such as "da"', {});
    default:
      return type;
  }
}

/** `file:line: message`, as compilers print it, so terminals and editors can link it. */
export function formatFinding(finding: Finding, t: Translate): string {
  return `${finding.file}:${finding.range.start.line + 1}: ${findingMessage(finding, t)}`;
}
