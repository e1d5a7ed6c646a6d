import * as vscode from 'vscode';
import type { Guide } from '../../core/guide';
import { scaffoldStrategyDocument, slugify } from '../../core/scaffold';
import { parseStrategyDocument } from '../../core/strategyDocument';
import type { GuideService } from '../guideService';
import { questionCount } from '../counts';
import { requireTrust } from '../trust';
import type { Command } from './commandManager';
import { MultiStepInput } from './multiStepInput';

interface Choices {
  guide?: Guide;
  themes?: readonly string[];
  title?: string;
  organisation?: string;
  folder?: vscode.WorkspaceFolder;
  uri?: vscode.Uri;
}

/** Error raised for a bad argument object: shown to the user, and rejected to a caller. */
class ArgumentError extends Error {}

/**
 * Scaffolds a strategy document from a guide and opens it at the first answer. With an argument
 * object `{ guide, themes?, title, organisation?, uri? }` it runs without prompts (keybindings, tasks).
 */
export class NewStrategyDocumentCommand implements Command {
  readonly id = 'dialogueGuide.newStrategyDocument';

  constructor(private readonly guides: GuideService) {}

  async execute(args?: unknown): Promise<vscode.Uri | undefined> {
    if (!requireTrust(vscode.l10n.t('Creating a strategy document'))) return undefined;
    if (args !== undefined && !(args instanceof vscode.Uri)) {
      let choices: Required<Omit<Choices, 'folder'>>;
      try {
        choices = await this.fromArguments(args);
      } catch (error) {
        if (error instanceof ArgumentError) void vscode.window.showErrorMessage(error.message);
        throw error;
      }
      return this.create(choices);
    }
    const choices: Choices = {};
    const done = await MultiStepInput.run(vscode.l10n.t('New Strategy Document'), choices, [
      (input, state) => this.pickGuide(input, state),
      (input, state) => this.pickThemes(input, state),
      (input, state) => this.askTitle(input, state),
      (input, state) => this.askOrganisation(input, state),
      (input, state) => this.askLocation(input, state),
    ]);
    if (!done || !choices.guide || !choices.themes || choices.title === undefined || !choices.uri) return undefined;
    return this.create({ guide: choices.guide, themes: choices.themes, title: choices.title, organisation: choices.organisation ?? '', uri: choices.uri });
  }

  private async fromArguments(args: unknown): Promise<Required<Omit<Choices, 'folder'>>> {
    if (typeof args !== 'object' || args === null) throw new ArgumentError(vscode.l10n.t('New Strategy Document expects an argument object {0}.', '{ guide, themes, title, organisation, uri }'));
    const { guide: guideId, themes, title, organisation, uri } = args as Record<string, unknown>;
    const guide = typeof guideId === 'string' ? this.guides.guide(guideId) : undefined;
    if (!guide) throw new ArgumentError(vscode.l10n.t('Unknown guide "{0}". Loaded guides: {1}.', String(guideId), this.guides.entries.map((e) => e.id).join(', ')));
    if (typeof title !== 'string' || title.trim() === '') throw new ArgumentError(vscode.l10n.t('"title" must be a non-empty string.'));
    if (organisation !== undefined && typeof organisation !== 'string') throw new ArgumentError(vscode.l10n.t('"organisation" must be a string.'));
    const themeIds = guide.themes.map((t) => t.id);
    if (themes !== undefined && (!Array.isArray(themes) || themes.length === 0 || themes.some((t) => typeof t !== 'string' || !themeIds.includes(t)))) {
      throw new ArgumentError(vscode.l10n.t('"themes" must list theme ids of the guide: {0}.', themeIds.join(', ')));
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    let target: vscode.Uri | undefined;
    if (uri instanceof vscode.Uri) target = uri;
    else if (typeof uri === 'string' && uri !== '') target = toUri(uri, folder);
    else if (uri !== undefined) throw new ArgumentError(vscode.l10n.t('"uri" must be a file URI or path.'));
    target ??= folder && defaultLocation(folder.uri, title);
    if (!target) throw new ArgumentError(vscode.l10n.t('"uri" is needed when no folder is open.'));
    return { guide, themes: (themes as string[] | undefined) ?? themeIds, title: title.trim(), organisation: (organisation as string | undefined) ?? '', uri: target };
  }

  private async pickGuide(input: MultiStepInput, state: Choices): Promise<boolean> {
    const guides = this.guides.guides;
    if (guides.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No guide is loaded: see the Problems panel.'));
      return false;
    }
    if (guides.length === 1) {
      state.guide = guides[0];
      return true;
    }
    const picked = await input.pick({
      placeholder: vscode.l10n.t('Which guide does the strategy answer?'),
      items: guides.map((guide) => ({ label: guide.title, description: `${guide.id} ${guide.version}`, detail: guide.description, guide })),
    });
    state.guide = picked?.[0]?.guide;
    return state.guide !== undefined;
  }

  private async pickThemes(input: MultiStepInput, state: Choices): Promise<boolean> {
    const items = state.guide!.themes.map((theme, i) => ({ label: `${i + 1}. ${theme.title}`, description: questionCount(theme.questions.length), id: theme.id }));
    const selected = items.filter((item) => state.themes?.includes(item.id) ?? true);
    const picked = await input.pick({ placeholder: vscode.l10n.t('Which themes? All are chosen; untick the ones to leave out.'), items, canPickMany: true, selected });
    if (!picked) return false;
    if (picked.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Choose at least one theme.'));
      return this.pickThemes(input, state);
    }
    state.themes = picked.map((item) => item.id);
    return true;
  }

  private async askTitle(input: MultiStepInput, state: Choices): Promise<boolean> {
    state.title = await input.text({
      prompt: vscode.l10n.t('Title of the strategy'),
      value: state.title ?? vscode.l10n.t('Social media strategy'),
      validate: (value) => (value.trim() === '' ? vscode.l10n.t('The title cannot be empty.') : undefined),
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

  private async create(choices: { guide: Guide; themes: readonly string[]; title: string; organisation: string; uri: vscode.Uri }): Promise<vscode.Uri | undefined> {
    const { guide, themes, title, organisation, uri } = choices;
    if (await exists(uri)) {
      const message = vscode.l10n.t('{0} already exists: choose another name.', vscode.workspace.asRelativePath(uri));
      void vscode.window.showErrorMessage(message);
      throw new ArgumentError(message);
    }
    const includeQuotes = vscode.workspace.getConfiguration('dialogueGuide', uri).get<boolean>('scaffold.includeQuotes', false);
    const text = scaffoldStrategyDocument(guide, { title, organisation, themes, includeQuotes });
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
