import * as vscode from 'vscode';
import { languagesOf } from '../../core/guide';
import type { QuestionNode, TreeNode } from '../../core/guideTree';
import type { GuideService } from '../guideService';
import { languageName } from '../languageNames';
import type { Command } from './commandManager';

/** The question a command was invoked on: its tree node, or the selected row. */
export function questionArgument(arg: unknown, view: vscode.TreeView<TreeNode>): QuestionNode | undefined {
  const node = isTreeNode(arg) ? arg : view.selection[0];
  return node?.kind === 'question' ? node : undefined;
}

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value && 'guideId' in value;
}

/** Copies the question's full text to the clipboard, ready to paste into an agenda or a mail. */
export class CopyQuestionCommand implements Command {
  readonly id = 'dialogueGuide.copyQuestion';

  constructor(private readonly view: vscode.TreeView<TreeNode>) {}

  async execute(arg?: unknown): Promise<void> {
    const question = questionArgument(arg, this.view);
    if (!question) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a question in the Dialogue Guide view first.'));
      return;
    }
    await vscode.env.clipboard.writeText(question.text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied question {0}', question.number), 3000);
  }
}

/** Switches the guide's language between the languages the loaded guides have. */
export class SwitchLanguageCommand implements Command {
  readonly id = 'dialogueGuide.switchLanguage';

  constructor(private readonly guides: GuideService) {}

  async execute(language?: unknown): Promise<void> {
    const available = [...new Set(this.guides.entries.flatMap(languagesOf))];
    let chosen = typeof language === 'string' && available.includes(language) ? language : undefined;
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        available.map((code) => ({ label: languageName(code), description: code, picked: code === this.guides.language, code })),
        { title: vscode.l10n.t('Guide language'), placeHolder: vscode.l10n.t('The language the guide is shown in') },
      );
      chosen = pick?.code;
    }
    if (chosen) await this.guides.setLanguage(chosen);
  }
}

/** Loads every guide again, after editing guide content outside VS Code. */
export class ReloadGuidesCommand implements Command {
  readonly id = 'dialogueGuide.reloadGuides';

  constructor(private readonly guides: GuideService) {}

  execute(): Promise<void> {
    return this.guides.reload();
  }
}
