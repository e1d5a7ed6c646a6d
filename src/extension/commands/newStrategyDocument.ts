import * as vscode from 'vscode';
import { findGuideEntry, inLanguage, languagesOf, type Guide, type GuideEntry } from '../../core/guide';
import { scaffoldStrategyDocument, slugify, type ScaffoldOptions } from '../../core/scaffold';
import { titleProblem, validateScaffoldRequest, type ScaffoldProblem, type ScaffoldRequest } from '../../core/scaffoldRequest';
import { parseStrategyDocument } from '../../core/strategyDocument';
import { scaffoldProblemMessage } from '../../l10n/scaffoldMessages';
import type { GuideService } from '../guideService';
import { languageName } from '../languageNames';
import { questionCount } from '../counts';
import { requireTrust } from '../trust';
import type { Command } from './commandManager';
import { MultiStepInput } from './multiStepInput';

interface Choices {
  entry?: GuideEntry;
  language?: string;
  themes?: readonly string[];
  title?: string;
  organisation?: string;
  folder?: vscode.WorkspaceFolder;
  uri?: vscode.Uri;
}

/** What `create` needs: a checked request and where to write it. */
interface Checked {
  readonly guide: Guide;
  readonly options: ScaffoldOptions;
  readonly uri: vscode.Uri;
}

/** Error raised for a bad argument object: shown to the user, and rejected to a caller. */
class ArgumentError extends Error {}

const problemMessage = (problem: ScaffoldProblem) => scaffoldProblemMessage(problem, (message, args) => vscode.l10n.t(message, args));

/**
 * Scaffolds a strategy document from a guide and opens it at the first answer. With an argument
 * object `{ guide, language?, themes?, title, organisation?, uri? }` it runs without prompts
 * (keybindings, tasks). Both ways are checked by the core's `validateScaffoldRequest`, as `dialogue-guide new` is.
 */
export class NewStrategyDocumentCommand implements Command {
  readonly id = 'dialogueGuide.newStrategyDocument';

  constructor(private readonly guides: GuideService) {}

  async execute(args?: unknown): Promise<vscode.Uri | undefined> {
    if (!requireTrust(vscode.l10n.t('Creating a strategy document'))) return undefined;
    if (args !== undefined && !(args instanceof vscode.Uri)) {
      let checked: Checked;
      try {
        checked = this.fromArguments(args);
      } catch (error) {
        if (error instanceof ArgumentError) void vscode.window.showErrorMessage(error.message);
        throw error;
      }
      return this.create(checked);
    }
    const choices: Choices = {};
    const done = await MultiStepInput.run(vscode.l10n.t('New Strategy Document'), choices, [
      (input, state) => this.pickGuide(input, state),
      (input, state) => this.pickLanguage(input, state),
      (input, state) => this.pickThemes(input, state),
      (input, state) => this.askTitle(input, state),
      (input, state) => this.askOrganisation(input, state),
      (input, state) => this.askLocation(input, state),
    ]);
    if (!done || !choices.entry || !choices.uri) return undefined;
    const request = { guide: choices.entry.id, language: choices.language, themes: choices.themes, title: choices.title, organisation: choices.organisation };
    const checked = this.check(request, choices.uri);
    // The steps asked only for valid values; a guide reloaded meanwhile is the one way to get here.
    if (!checked.ok) {
      void vscode.window.showErrorMessage(checked.message);
      return undefined;
    }
    return this.create(checked);
  }

  /** The request checked by the core, with the setting for quotes where the document will be. */
  private check(request: ScaffoldRequest, uri: vscode.Uri): (Checked & { ok: true }) | { ok: false; message: string } {
    const includeQuotes = vscode.workspace.getConfiguration('dialogueGuide', uri).get<boolean>('scaffold.includeQuotes', false);
    const result = validateScaffoldRequest(this.guides.entries, { ...request, includeQuotes }, this.guides.language);
    return result.ok ? { ok: true, guide: result.guide, options: result.options, uri } : { ok: false, message: problemMessage(result.problem) };
  }

  private fromArguments(args: unknown): Checked {
    if (typeof args !== 'object' || args === null) throw new ArgumentError(vscode.l10n.t('New Strategy Document expects an argument object {0}.', '{ guide, language, themes, title, organisation, uri }'));
    const { guide, language, themes, title, organisation, uri } = args as Record<string, unknown>;
    const folder = vscode.workspace.workspaceFolders?.[0];
    let target: vscode.Uri | undefined;
    if (uri instanceof vscode.Uri) target = uri;
    else if (typeof uri === 'string' && uri !== '') target = toUri(uri, folder);
    else if (uri !== undefined) throw new ArgumentError(vscode.l10n.t('"uri" must be a file URI or path.'));
    target ??= folder && defaultLocation(folder.uri, typeof title === 'string' ? title : '');
    if (!target) throw new ArgumentError(vscode.l10n.t('"uri" is needed when no folder is open.'));
    const checked = this.check({ guide, language, themes, title, organisation }, target);
    if (!checked.ok) throw new ArgumentError(checked.message);
    return checked;
  }

  private async pickGuide(input: MultiStepInput, state: Choices): Promise<boolean | 'skip'> {
    const entries = this.guides.entries;
    if (entries.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No guide is loaded: see the Problems panel.'));
      return false;
    }
    if (entries.length === 1) {
      state.entry = entries[0];
      return 'skip';
    }
    const picked = await input.pick({
      placeholder: vscode.l10n.t('Which guide does the strategy answer?'),
      items: this.guides.guides.map((guide) => ({ label: guide.title, description: `${guide.id} ${guide.version}`, detail: guide.description, entry: findGuideEntry(entries, guide.id) })),
    });
    state.entry = picked?.[0]?.entry;
    return state.entry !== undefined;
  }

  /** Asked only when the guide has translations; the language of the guide view comes first. */
  private async pickLanguage(input: MultiStepInput, state: Choices): Promise<boolean | 'skip'> {
    const entry = state.entry!;
    const languages = languagesOf(entry);
    if (languages.length === 1) {
      state.language = languages[0];
      return 'skip';
    }
    // Back to another guide: the language chosen for the first one may not be this one's.
    const preferred = state.language && languages.includes(state.language) ? state.language : inLanguage(entry, this.guides.language).language;
    const items = [preferred, ...languages.filter((l) => l !== preferred)].map((language) => ({
      label: languageName(language),
      description: language === entry.original.language ? vscode.l10n.t('{0}, the original', language) : language,
      detail: inLanguage(entry, language).title,
      language,
    }));
    const picked = await input.pick({ placeholder: vscode.l10n.t('Which language is the strategy written in?'), items });
    state.language = picked?.[0]?.language;
    return state.language !== undefined;
  }

  private async pickThemes(input: MultiStepInput, state: Choices): Promise<boolean> {
    const guide = inLanguage(state.entry!, state.language!);
    const items = guide.themes.map((theme, i) => ({ label: `${i + 1}. ${theme.title}`, description: questionCount(theme.questions.length), id: theme.id }));
    const selected = items.filter((item) => state.themes?.includes(item.id) ?? true);
    const picked = await input.pick({ placeholder: vscode.l10n.t('Which themes? All are chosen; untick the ones to leave out.'), items, canPickMany: true, selected });
    if (!picked) return false;
    if (picked.length === 0) {
      void vscode.window.showWarningMessage(problemMessage({ code: 'themes.none', known: guide.themes.map((t) => t.id) }));
      return this.pickThemes(input, state);
    }
    state.themes = picked.map((item) => item.id);
    return true;
  }

  private async askTitle(input: MultiStepInput, state: Choices): Promise<boolean> {
    state.title = await input.text({
      prompt: vscode.l10n.t('Title of the strategy'),
      value: state.title ?? vscode.l10n.t('Social media strategy'),
      validate: (value) => {
        const problem = titleProblem(value);
        return problem && problemMessage(problem);
      },
    });
    state.title = state.title?.trim();
    return state.title !== undefined;
  }

  private async askOrganisation(input: MultiStepInput, state: Choices): Promise<boolean> {
    state.organisation = await input.text({ prompt: vscode.l10n.t('Organisation (for example the municipality); may be left empty'), value: state.organisation ?? '', validate: () => undefined });
    return state.organisation !== undefined;
  }

  private async askLocation(input: MultiStepInput, state: Choices): Promise<boolean> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      const uri = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Save the strategy document'), filters: { Markdown: ['md'] } });
      if (!uri) return false;
      if (await exists(uri)) return this.refuseExisting(uri);
      state.uri = uri;
      return true;
    }
    if (folders.length > 1) {
      const picked = await input.pick({ placeholder: vscode.l10n.t('Which workspace folder?'), items: folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder })) });
      state.folder = picked?.[0]?.folder;
      if (!state.folder) return false;
    }
    const folder = state.folder ?? folders[0]!;
    const relative = await input.text({
      prompt: vscode.l10n.t('Where to save it, relative to {0}', folder.name),
      value: vscode.workspace.asRelativePath(defaultLocation(folder.uri, state.title!), false),
      validate: async (value) => {
        if (!/\.md$/i.test(value.trim())) return vscode.l10n.t('The file name must end in .md.');
        return (await exists(vscode.Uri.joinPath(folder.uri, value.trim()))) ? vscode.l10n.t('{0} already exists: choose another name.', value.trim()) : undefined;
      },
    });
    state.uri = relative === undefined ? undefined : vscode.Uri.joinPath(folder.uri, relative.trim());
    return state.uri !== undefined;
  }

  private refuseExisting(uri: vscode.Uri): boolean {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists: choose another name.', vscode.workspace.asRelativePath(uri)));
    return false;
  }

  private async create({ guide, options, uri }: Checked): Promise<vscode.Uri | undefined> {
    if (await exists(uri)) {
      const message = vscode.l10n.t('{0} already exists: choose another name.', vscode.workspace.asRelativePath(uri));
      void vscode.window.showErrorMessage(message);
      throw new ArgumentError(message);
    }
    const text = scaffoldStrategyDocument(guide, options);
    // A WorkspaceEdit, not fs.writeFile: the creation can be undone, and it refuses to overwrite.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const first = parseStrategyDocument(text, uri.toString()).sections[0];
    const line = first ? Math.min(first.answerLines.start, document.lineCount - 1) : 0;
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, 0, line, 0) });
    return uri;
  }
}

/** A URI, an absolute path, or a path relative to the first workspace folder (as tasks write them). */
function toUri(value: string, folder: vscode.WorkspaceFolder | undefined): vscode.Uri {
  if (/^[a-z][\w+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) return vscode.Uri.parse(value);
  if (value.startsWith('/') || /^[a-z]:[\\/]/i.test(value) || !folder) return vscode.Uri.file(value);
  return vscode.Uri.joinPath(folder.uri, value);
}

/** `strategy/<slug-of-title>.md` in a folder. */
function defaultLocation(folder: vscode.Uri, title: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, 'strategy', `${slugify(title) || 'strategy'}.md`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
