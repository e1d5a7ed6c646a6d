import * as vscode from 'vscode';
import { DEFAULT_GUIDE_FOLDER } from '../../core/guideLoader';
import { slugify } from '../../core/scaffold';
import { checkStarterGuideRequest, starterGuideFiles, type StarterGuideRequest } from '../../core/starterGuide';
import { starterGuideProblemMessage, starterTexts } from '../../l10n/starterGuideMessages';
import type { GuideService } from '../guideService';
import { t } from '../l10n';
import { requireTrust } from '../trust';
import { exists } from '../workspaceFileSystem';
import type { CommandAction } from './commandManager';

/** `t` in the shape the core's message functions take. */
const translate = (message: string, args: Record<string, string>) => t(message, args);

/**
 * Writes a starter guide into `.dialogue-guide/guides/<id>/` of a workspace folder, where it loads
 * without configuration, and opens its theme. The same files as `dialogue-guide new-guide`; never
 * over an existing file. With `{ id, title, language, folder? }` (folder: a workspace folder's URI)
 * it asks nothing.
 */
export class NewGuideCommand implements CommandAction {
  constructor(private readonly guides: GuideService) {}

  async execute(args?: unknown): Promise<vscode.Uri | undefined> {
    if (!requireTrust(t('Creating a guide'))) return undefined;
    const folder = await this.workspaceFolder(args);
    if (!folder) return undefined;
    const request = isRequest(args) ? args : await this.ask();
    if (!request) return undefined;
    const problem = checkStarterGuideRequest(request);
    if (problem) {
      void vscode.window.showErrorMessage(starterGuideProblemMessage(problem, translate));
      return undefined;
    }
    const target = vscode.Uri.joinPath(folder.uri, ...DEFAULT_GUIDE_FOLDER.split('/'), request.id);
    const files = starterGuideFiles(request, starterTexts(translate));
    for (const file of files) {
      const uri = vscode.Uri.joinPath(target, file.name);
      if (await exists(uri)) {
        void vscode.window.showErrorMessage(t('{0} already exists: choose another id.', vscode.workspace.asRelativePath(uri)));
        return undefined;
      }
    }
    for (const file of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, file.name), new TextEncoder().encode(file.text));
    await this.guides.reload();
    const theme = vscode.Uri.joinPath(target, files[1]!.name);
    await vscode.window.showTextDocument(theme);
    return theme;
  }

  private async workspaceFolder(args: unknown): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const named = isRequest(args) && args.folder !== undefined ? folders.find((f) => f.uri.toString() === String(args.folder)) : undefined;
    if (named) return named;
    if (folders.length === 0) {
      void vscode.window.showErrorMessage(t('Open a folder first: the guide is written into its {0}.', DEFAULT_GUIDE_FOLDER));
      return undefined;
    }
    return folders.length === 1 ? folders[0] : vscode.window.showWorkspaceFolderPick({ placeHolder: t('The folder to keep the guide in') });
  }

  private async ask(): Promise<StarterGuideRequest | undefined> {
    const check = (request: StarterGuideRequest, field: 'id' | 'title' | 'language') => {
      const problem = checkStarterGuideRequest(request);
      const concerns = problem && { 'id.invalid': 'id', 'title.empty': 'title', 'language.invalid': 'language' }[problem.code] === field;
      return problem && concerns ? starterGuideProblemMessage(problem, translate) : undefined;
    };
    const title = await vscode.window.showInputBox({ title: t('New Guide'), prompt: t("The guide's title"), validateInput: (value) => check({ id: 'x', title: value, language: 'da' }, 'title') });
    if (title === undefined) return undefined;
    const id = await vscode.window.showInputBox({
      title: t('New Guide'),
      prompt: t("The guide's id: strategy documents name it, so it stays"),
      value: slugify(title),
      validateInput: (value) => check({ id: value, title, language: 'da' }, 'id'),
    });
    if (id === undefined) return undefined;
    const language = await vscode.window.showInputBox({
      title: t('New Guide'),
      prompt: t('The language the guide is written in, such as da or en'),
      value: vscode.env.language.split('-')[0],
      validateInput: (value) => check({ id, title, language: value }, 'language'),
    });
    return language === undefined ? undefined : { id, title, language };
  }
}

function isRequest(value: unknown): value is StarterGuideRequest & { readonly folder?: string } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.title === 'string' && typeof record.language === 'string';
}
