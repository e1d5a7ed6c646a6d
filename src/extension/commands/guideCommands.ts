import * as vscode from 'vscode';
import { languagesOf } from '../../core/guide';
import type { QuestionNode, TreeNode } from '../../core/guideTree';
import type { GuideService } from '../guideService';
import { languageName } from '../languageNames';
import type { Command } from './commandManager';
import { t } from '../l10n';

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
      void vscode.window.showInformationMessage(t('Select a question in the Dialogue Guide view first.'));
      return;
    }
    await vscode.env.clipboard.writeText(question.text);
    vscode.window.setStatusBarMessage(t('Copied question {0}', question.number), 3000);
  }
}

/** Switches the guide's language between the languages the loaded guides have. */
export class SwitchLanguageCommand implements Command {
  readonly id = 'dialogueGuide.switchLanguage';

  constructor(private readonly guides: GuideService) {}

  async execute(language?: unknown): Promise<void> {
    const available = [...new Set(this.guides.entries.flatMap(languagesOf))];
    let chosen = typeof language === 'string' && available.includes(language) ? language : undefined;
    if (!chosen) chosen = await this.pick(available);
    if (chosen) await this.guides.setLanguage(chosen);
  }

  /**
   * Asks for a language, with the one the guides are shown in marked and active, so that Enter keeps it.
   * (`picked` is only honoured by multi-select pickers: a single pick highlights its first item, which was Danish.)
   */
  private async pick(available: readonly string[]): Promise<string | undefined> {
    const shown = new Set(this.guides.guides.map((g) => g.language));
    const items = available.map((code) => {
      const inUse = shown.has(code);
      return { label: languageName(code), description: inUse ? t('{0}, shown now', code) : code, iconPath: inUse ? new vscode.ThemeIcon('check') : undefined, code };
    });
    const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
    quickPick.title = t('Guide language');
    quickPick.placeholder = t('The language the guide is shown in');
    quickPick.items = items;
    const current = items.find((item) => item.code === this.guides.language && shown.has(item.code)) ?? items.find((item) => shown.has(item.code));
    if (current) quickPick.activeItems = [current];
    try {
      return await new Promise<string | undefined>((resolve) => {
        quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.code));
        quickPick.onDidHide(() => resolve(undefined));
        quickPick.show();
      });
    } finally {
      quickPick.dispose();
    }
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
