import { GUIDE_FILE, isLanguageCode, isSlug } from './guideLoader';
import { slugify, yamlString } from './scaffold';

/** What the person starting a guide chooses. */
export interface StarterGuideRequest {
  readonly id: string;
  readonly title: string;
  readonly language: string;
}

/** Every key the guide format knows, by file kind: the starter writes each once, with a comment. */
export type StarterKey =
  | 'guide.id'
  | 'guide.version'
  | 'guide.language'
  | 'guide.translationOf'
  | 'guide.title'
  | 'guide.description'
  | 'guide.attribution'
  | 'theme.id'
  | 'theme.order'
  | 'theme.title'
  | 'theme.questions'
  | 'theme.quotes'
  | 'theme.intro'
  | 'question.id'
  | 'question.label'
  | 'question.text'
  | 'question.hint'
  | 'question.probes'
  | 'question.formerIds'
  | 'quote.id'
  | 'quote.text'
  | 'quote.speaker'
  | 'quote.time'
  | 'quote.source';

/** The words of a starter guide: the comments on its keys and its example content, localised by the front end. */
export interface StarterTexts {
  readonly comments: Readonly<Record<StarterKey, string>>;
  readonly description: string;
  readonly attribution: string;
  readonly themeTitle: string;
  readonly themeIntro: string;
  /** The first question carries the example hint and follow-up questions, the second an empty list of former ids. */
  readonly questions: readonly [StarterQuestion & { readonly hint: string; readonly probes: readonly string[] }, StarterQuestion];
  readonly quote: { readonly text: string; readonly speaker: string; readonly time: string; readonly source: string };
}

export interface StarterQuestion {
  readonly label: string;
  readonly text: string;
}

/** Why a starter guide cannot be written as asked. */
export type StarterGuideProblem = { readonly code: 'id.invalid'; readonly id: string } | { readonly code: 'title.empty' } | { readonly code: 'language.invalid'; readonly language: string };

/** A file of the starter guide: its name in the guide's folder and its text. */
export interface StarterFile {
  readonly name: string;
  readonly text: string;
}

/** The first thing wrong with a request, or undefined. */
export function checkStarterGuideRequest(request: StarterGuideRequest): StarterGuideProblem | undefined {
  if (!isSlug(request.id)) return { code: 'id.invalid', id: request.id };
  if (request.title.trim() === '') return { code: 'title.empty' };
  if (!isLanguageCode(request.language)) return { code: 'language.invalid', language: request.language };
  return undefined;
}

/**
 * A guide to start from: `guide.md` and one theme file with two example questions and a quote,
 * every key of the format present once under a comment saying what it is for (`translationOf`
 * commented out: it makes a guide a translation). It loads with no finding. Same input, same bytes.
 */
export function starterGuideFiles(request: StarterGuideRequest, texts: StarterTexts): StarterFile[] {
  const c = (key: StarterKey, indent = '') => `${indent}# ${oneLine(texts.comments[key])}`;
  const themeId = slugify(texts.themeTitle) || 'theme';
  const questionId = (q: StarterQuestion, i: number) => `${themeId}/${slugify(q.label) || `question-${i + 1}`}`;
  const [first, second] = texts.questions;
  const guide = [
    '---',
    c('guide.id'),
    `id: ${yamlString(request.id)}`,
    c('guide.version'),
    'version: "1.0.0"',
    c('guide.language'),
    `language: ${yamlString(request.language)}`,
    c('guide.translationOf'),
    `# translationOf: ${yamlString(request.language)}`,
    c('guide.title'),
    `title: ${yamlString(request.title.trim())}`,
    c('guide.description'),
    `description: ${yamlString(texts.description)}`,
    c('guide.attribution'),
    `attribution: ${yamlString(texts.attribution)}`,
    '---',
    '',
  ];
  const theme = [
    '---',
    c('theme.id'),
    `id: ${yamlString(themeId)}`,
    c('theme.order'),
    'order: 1',
    c('theme.title'),
    `title: ${yamlString(texts.themeTitle)}`,
    c('theme.questions'),
    'questions:',
    c('question.id', '  '),
    `  - id: ${yamlString(questionId(first, 0))}`,
    c('question.label', '    '),
    `    label: ${yamlString(first.label)}`,
    c('question.text', '    '),
    `    text: ${yamlString(first.text)}`,
    c('question.hint', '    '),
    `    hint: ${yamlString(first.hint)}`,
    c('question.probes', '    '),
    '    probes:',
    ...first.probes.map((probe) => `      - ${yamlString(probe)}`),
    `  - id: ${yamlString(questionId(second, 1))}`,
    `    label: ${yamlString(second.label)}`,
    `    text: ${yamlString(second.text)}`,
    c('question.formerIds', '    '),
    '    formerIds: []',
    c('theme.quotes'),
    'quotes:',
    c('quote.id', '  '),
    `  - id: ${yamlString(`${themeId}/${slugify(texts.quote.speaker) || 'quote'}`)}`,
    c('quote.text', '    '),
    `    text: ${yamlString(texts.quote.text)}`,
    c('quote.speaker', '    '),
    `    speaker: ${yamlString(texts.quote.speaker)}`,
    c('quote.time', '    '),
    `    time: ${yamlString(texts.quote.time)}`,
    c('quote.source', '    '),
    `    source: ${yamlString(texts.quote.source)}`,
    // Said here, not in the body: the whole body is the introduction, a comment in it included.
    c('theme.intro'),
    '---',
    '',
    oneLine(texts.themeIntro),
    '',
  ];
  return [
    { name: GUIDE_FILE, text: guide.join('\n') },
    { name: `1-${themeId}.md`, text: theme.join('\n') },
  ];
}

/** Text on one line, for a YAML comment or a one-line HTML comment. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
