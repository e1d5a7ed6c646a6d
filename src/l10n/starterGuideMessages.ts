import type { StarterGuideProblem, StarterTexts } from '../core/starterGuide';
import type { Translate } from './findingMessages';

/** The starter guide's comments and example content in the user's language: the same words in the CLI and the editor. */
export function starterTexts(t: Translate): StarterTexts {
  return {
    comments: {
      'guide.id': t('The guide\'s id: lowercase letters, digits and hyphens. Strategy documents name it in "guide:", so keep it once documents use it.', {}),
      'guide.version': t('The version, as 1.0.0: raise it when questions are added, renamed or removed. Documents record the version they were written for.', {}),
      'guide.language': t('The language the guide is written in, such as da or en.', {}),
      'guide.translationOf': t('Only in a translation: the language of the original, in a folder of its own with the same ids. Remove the # to use it.', {}),
      'guide.title': t('The title, shown in the sidebar and in new strategy documents.', {}),
      'guide.description': t('A sentence or two on what the guide is for.', {}),
      'guide.attribution': t('Who made the material, and where the quotes come from.', {}),
      'theme.id': t('The theme\'s id: lowercase letters, digits and hyphens. Its questions\' and quotes\' ids start with it and a slash.', {}),
      'theme.order': t('Where the theme comes in the guide: themes are numbered in this order, from 1.', {}),
      'theme.title': t('The theme\'s title: the heading of its section in a strategy document.', {}),
      'theme.questions': t('The questions of the theme, in the order they are asked.', {}),
      'theme.quotes': t('Quotes that open the conversation on the theme (optional).', {}),
      'theme.intro': t('Below the front matter: an introduction to the theme in Markdown (optional), shown above its quotes.', {}),
      'question.id': t('The question\'s id, "<theme id>/<name>": the marker in strategy documents. Never reuse it; to rename it, list the old id in formerIds.', {}),
      'question.label': t('A short label for narrow places such as the sidebar.', {}),
      'question.text': t('The question, as it is asked: the heading of its section.', {}),
      'question.hint': t('Guidance for whoever leads the conversation or writes the answer (optional).', {}),
      'question.probes': t('Follow-up questions (optional): written into the section as a comment that never counts as an answer.', {}),
      'question.formerIds': t('Ids the question had before it was renamed (optional): documents with an old marker keep their answer.', {}),
      'quote.id': t('The quote\'s id, "<theme id>/<name>".', {}),
      'quote.text': t('The quote, verbatim.', {}),
      'quote.speaker': t('Who said it.', {}),
      'quote.time': t('When it was said.', {}),
      'quote.source': t('Where it was published (optional).', {}),
    },
    description: t('A dialogue guide of our own.', {}),
    attribution: t('Written by our team.', {}),
    themeTitle: t('First theme', {}),
    themeIntro: t('What this theme is about, in a sentence or two.', {}),
    questions: [
      {
        label: t('Goals', {}),
        text: t('What do you want to achieve?', {}),
        hint: t('Ask for examples from the past year.', {}),
        probes: [t('Who is it for?', {}), t('How will you know you got there?', {})],
      },
      { label: t('Roles', {}), text: t('Who does what?', {}) },
    ],
    quote: { text: t('We decided together, and then it worked.', {}), speaker: t('Local politician', {}), time: t('spring 2026', {}), source: t('An interview in the local paper', {}) },
  };
}

/** The localised message for a starter guide request's problem. */
export function starterGuideProblemMessage(problem: StarterGuideProblem, t: Translate): string {
  switch (problem.code) {
    case 'id.invalid':
      return t('"{id}" is not a valid guide id: use lowercase letters, digits and hyphens, such as "our-guide".', { id: problem.id });
    case 'title.empty':
      return t('The title cannot be empty.', {});
    case 'language.invalid':
      return t('"{language}" is not a language code such as "da" or "en".', { language: problem.language });
  }
}
