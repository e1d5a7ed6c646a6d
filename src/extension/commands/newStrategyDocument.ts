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
import type { CommandAction } from './commandManager';
import { MultiStepInput } from './multiStepInput';
import { t } from '../l10n';

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

const problemMessage = (problem: ScaffoldProblem) => scaffoldProblemMessage(problem, (message, args) => t(message, args));

/**
 * Scaffolds a strategy document from a guide and opens it at the first answer. With an argument
 * object `{ guide, language?, themes?, title, organisation?, uri? }` it runs without prompts
 * (keybindings, tasks). Both ways are checked by the core's `validateScaffoldRequest`, as `dialogue-guide new` is.
 */
export class NewStrategyDocumentCommand implements CommandAction {
  constructor(private readonly guides: GuideService) {}

  async execute(args?: unknown): Promise<vscode.Uri | undefined> {
    if (!requireTrust(t('Creating a strategy document'))) return undefined;
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
    const entries = this.guides.entries;
    if (entries.length === 0) {
      void vscode.window.showErrorMessage(t('No guide is loaded: see the Problems panel.'));
      return undefined;
    }
    const choices: Choices = entries.length === 1 ? { entry: entries[0] } : {};
    const done = await MultiStepInput.run(t('New Strategy Document'), choices, [
      { asks: () => entries.length > 1, run: (input, state) => this.pickGuide(input, state) },
      // Until a guide is chosen, the language step counts as one to come.
      { asks: (state) => !state.entry || languagesOf(state.entry).length > 1, run: (input, state) => this.pickLanguage(input, state) },
      { run: (input, state) => this.pickThemes(input, state) },
      { run: (input, state) => this.askTitle(input, state) },
      { run: (input, state) => this.askOrganisation(input, state) },
      { run: (input, state) => this.askLocation(input, state) },
    ]);
    if (!done || !choices.entry || !choices.uri) return undefined;
    const request = { guide: choices.entry.id, language: languageOf(choices), themes: choices.themes, title: choices.title, organisation: choices.organisation };
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
    if (typeof args !== 'object' || args === null) throw new ArgumentError(t('New Strategy Document expects an argument object {0}.', '{ guide, language, themes, title, organisation, uri }'));
    const { guide, language, themes, title, organisation, uri } = args as Record<string, unknown>;
    const folder = vscode.workspace.workspaceFolders?.[0];
    let target: vscode.Uri | undefined;
    if (uri instanceof vscode.Uri) target = uri;
    else if (typeof uri === 'string' && uri !== '') {
      target = toUri(uri, folder);
      if (!target) throw new ArgumentError(t('"uri" {0} leads outside the workspace folder: give a path inside it, or an absolute one.', uri));
    }
    else if (uri !== undefined) throw new ArgumentError(t('"uri" must be a file URI or path.'));
    target ??= folder && defaultLocation(folder.uri, typeof title === 'string' ? title : '');
    if (!target) throw new ArgumentError(t('"uri" is needed when no folder is open.'));
    const checked = this.check({ guide, language, themes, title, organisation }, target);
    if (!checked.ok) throw new ArgumentError(checked.message);
    return checked;
  }

  private async pickGuide(input: MultiStepInput, state: Choices): Promise<boolean> {
    const entries = this.guides.entries;
    const picked = await input.pick({
      placeholder: t('Which guide does the strategy answer?'),
      items: this.guides.guides.map((guide) => ({ label: guide.title, description: `${guide.id} ${guide.version}`, detail: guide.description, entry: findGuideEntry(entries, guide.id) })),
    });
    state.entry = picked?.[0]?.entry;
    return state.entry !== undefined;
  }

  /** Asked only when the guide has translations; the language of the guide view comes first. */
  private async pickLanguage(input: MultiStepInput, state: Choices): Promise<boolean> {
    const entry = state.entry!;
    const languages = languagesOf(entry);
    // Back to another guide: the language chosen for the first one may not be this one's.
    const preferred = state.language && languages.includes(state.language) ? state.language : inLanguage(entry, this.guides.language).language;
    const items = [preferred, ...languages.filter((l) => l !== preferred)].map((language) => ({
      label: languageName(language),
      description: language === entry.original.language ? t('{0}, the original', language) : language,
      detail: inLanguage(entry, language).title,
      language,
    }));
    const picked = await input.pick({ placeholder: t('Which language is the strategy written in?'), items });
    state.language = picked?.[0]?.language;
    return state.language !== undefined;
  }

  private async pickThemes(input: MultiStepInput, state: Choices): Promise<boolean> {
    const guide = inLanguage(state.entry!, languageOf(state));
    const items = guide.themes.map((theme, i) => ({ label: `${i + 1}. ${theme.title}`, description: questionCount(theme.questions.length), id: theme.id }));
    // Back to another guide: a choice that names none of its themes means all of them.
    const remembered = items.filter((item) => state.themes?.includes(item.id));
    const selected = remembered.length > 0 ? remembered : items;
    const picked = await input.pick({
      placeholder: t('Which themes? All are chosen; untick the ones to leave out.'),
      items,
      canPickMany: true,
      selected,
      // Kept as ticked, so Back and forth again shows the same choice.
      onDidChangeSelection: (ticked) => (state.themes = ticked.map((item) => item.id)),
    });
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
      prompt: t('Title of the strategy'),
      value: state.title ?? defaultTitle(languageOf(state)),
      validate: (value) => {
        const problem = titleProblem(value);
        return problem && problemMessage(problem);
      },
    });
    state.title = state.title?.trim();
    return state.title !== undefined;
  }

  private async askOrganisation(input: MultiStepInput, state: Choices): Promise<boolean> {
    state.organisation = await input.text({ prompt: t('Organisation (for example the municipality); may be left empty'), value: state.organisation ?? '', validate: () => undefined });
    return state.organisation !== undefined;
  }

  private async askLocation(input: MultiStepInput, state: Choices): Promise<boolean> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      const uri = await vscode.window.showSaveDialog({ title: t('Save the strategy document'), filters: { Markdown: ['md'] } });
      if (!uri) return false;
      if (await exists(uri)) return this.refuseExisting(uri);
      state.uri = uri;
      return true;
    }
    if (folders.length > 1) {
      const picked = await input.pick({ placeholder: t('Which workspace folder?'), items: folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder })) });
      state.folder = picked?.[0]?.folder;
      if (!state.folder) return false;
    }
    const folder = state.folder ?? folders[0]!;
    const relativeTo = (uri: vscode.Uri) => uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    const relative = await input.text({
      prompt: t('Where to save it, relative to {0}', folder.name),
      value: relativeTo(await freeLocation(defaultLocation(folder.uri, state.title!))),
      validate: async (value) => {
        if (!/\.md$/i.test(value.trim())) return t('The file name must end in .md.');
        const uri = inFolder(folder.uri, value);
        if (!uri) return t('The document must be inside {0}: give a path relative to it, without "..".', folder.name);
        if (!(await exists(uri))) return undefined;
        return t('{0} already exists: choose another name, such as {1}.', value.trim(), relativeTo(await freeLocation(uri)));
      },
    });
    state.uri = relative === undefined ? undefined : inFolder(folder.uri, relative);
    return state.uri !== undefined;
  }

  private refuseExisting(uri: vscode.Uri): boolean {
    void vscode.window.showErrorMessage(t('{0} already exists: choose another name.', vscode.workspace.asRelativePath(uri)));
    return false;
  }

  private async create({ guide, options, uri }: Checked): Promise<vscode.Uri | undefined> {
    if (await exists(uri)) {
      const message = t('{0} already exists: choose another name.', vscode.workspace.asRelativePath(uri));
      void vscode.window.showErrorMessage(message);
      throw new ArgumentError(message);
    }
    const text = scaffoldStrategyDocument(guide, options);
    // A WorkspaceEdit, not fs.writeFile: the creation can be undone, and it refuses to overwrite.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(t('Could not create {0}.', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const first = parseStrategyDocument(text, uri.toString()).sections[0];
    if (!first) {
      await vscode.window.showTextDocument(document);
      return uri;
    }
    // The scaffold leaves one blank line under the marker, right above the next heading. The
    // editor opens it with a blank line on either side of the cursor (where Next Unanswered
    // Question lands too), so the answer touches neither the marker nor the next heading; the file
    // on disk stays the scaffold, byte for byte as the CLI writes it. The cursor is there from the
    // start, so nothing typed at once lands anywhere else.
    const at = Math.min(first.answerLines.start, document.lineCount - 1);
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, 0, at, 0) });
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    await editor.edit(
      (builder) => {
        builder.insert(new vscode.Position(at, 0), eol);
        builder.insert(new vscode.Position(at + 1, 0), eol);
      },
      { undoStopBefore: true, undoStopAfter: false },
    );
    // Moved only if it is still where it was put: an edge of an insertion may keep it there.
    if (editor.selection.isEmpty && editor.selection.active.isEqual(new vscode.Position(at, 0))) editor.selection = new vscode.Selection(at + 1, 0, at + 1, 0);
    return uri;
  }
}

/** The language a strategy will be written in: the only one the guide has, or the one chosen. */
function languageOf(state: Choices): string {
  const languages = languagesOf(state.entry!);
  return state.language && languages.includes(state.language) ? state.language : languages[0]!;
}

/**
 * The proposed title, in the language the document is written in (not the interface's: a Danish
 * strategy wants a Danish title whatever the display language). Other languages get the
 * interface's words.
 */
const DEFAULT_TITLES: Readonly<Record<string, string>> = { da: 'Strategi for sociale medier', en: 'Social media strategy' };

function defaultTitle(language: string): string {
  return DEFAULT_TITLES[language] ?? t('Social media strategy');
}

/** `relative` resolved in `folder`; undefined when it leads outside (`..`, or an absolute path). */
function inFolder(folder: vscode.Uri, relative: string): vscode.Uri | undefined {
  const value = relative.trim().replace(/\\/g, '/');
  if (value.startsWith('/') || /^[a-z]:/i.test(value) || value.split('/').includes('..')) return undefined;
  return vscode.Uri.joinPath(folder, value);
}

/** `uri`, or the first of `<name>-2.md`, `<name>-3.md` … that does not exist yet. */
async function freeLocation(uri: vscode.Uri): Promise<vscode.Uri> {
  const base = uri.path.replace(/\.md$/i, '');
  let candidate = uri;
  for (let n = 2; (await exists(candidate)) && n < 1000; n++) candidate = uri.with({ path: `${base}-${n}.md` });
  return candidate;
}

/** A URI, an absolute path, or a path relative to the first workspace folder (as tasks write them); undefined when a relative path leads out of it. */
function toUri(value: string, folder: vscode.WorkspaceFolder | undefined): vscode.Uri | undefined {
  if (/^[a-z][\w+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) return vscode.Uri.parse(value);
  if (value.startsWith('/') || /^[a-z]:[\\/]/i.test(value) || !folder) return vscode.Uri.file(value);
  return inFolder(folder.uri, value);
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
