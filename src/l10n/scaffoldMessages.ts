import type { ScaffoldProblem } from '../core/scaffoldRequest';
import type { Translate } from './findingMessages';

/** The localised message for a scaffold request's problem: the same words in the CLI and the editor. */
export function scaffoldProblemMessage(problem: ScaffoldProblem, t: Translate): string {
  switch (problem.code) {
    case 'guide.missing':
      return t('Name the guide by its id. Guides: {ids}', { ids: problem.known.join(', ') });
    case 'guide.unknown':
      return t('There is no guide "{id}". Guides: {ids}', { id: problem.id, ids: problem.known.join(', ') });
    case 'language.unknown':
      return t('The guide "{id}" is not in "{language}". Languages: {languages}', { id: problem.id, language: problem.language, languages: problem.languages.join(', ') });
    case 'title.empty':
      return t('The title cannot be empty.', {});
    case 'organisation.notText':
      return t('The organisation must be text.', {});
    case 'themes.none':
      return t('Choose at least one theme. Themes: {known}', { known: problem.known.join(', ') });
    case 'themes.unknown':
      return t('The guide has no theme {themes}. Themes: {known}', { themes: problem.themes.join(', '), known: problem.known.join(', ') });
  }
}
