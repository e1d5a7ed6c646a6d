import * as vscode from 'vscode';
import type { TreeNode } from '../../core/guideTree';
import type { Navigator } from '../documents/navigator';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { Command } from './commandManager';
import { questionArgument } from './guideCommands';
import { t } from '../l10n';

/** Goes to the next question the active strategy document has not answered. */
export class NextUnansweredCommand implements Command {
  readonly id = 'dialogueGuide.nextUnanswered';
  constructor(private readonly navigator: Navigator) {}
  execute(): Promise<void> {
    return this.navigator.step(1);
  }
}

/** Goes to the previous question the active strategy document has not answered. */
export class PreviousUnansweredCommand implements Command {
  readonly id = 'dialogueGuide.previousUnanswered';
  constructor(private readonly navigator: Navigator) {}
  execute(): Promise<void> {
    return this.navigator.step(-1);
  }
}

/** Opens the active strategy document at a question's section (tree context menu). */
export class GoToSectionCommand implements Command {
  readonly id = 'dialogueGuide.goToSection';
  constructor(
    private readonly navigator: Navigator,
    private readonly view: vscode.TreeView<TreeNode>,
  ) {}
  async execute(arg?: unknown): Promise<void> {
    const node = questionArgument(arg, this.view);
    if (node && (await this.navigator.revealQuestion(node.guideId, node.questionId)).status === 'noDocument') {
      void vscode.window.showInformationMessage(t('No open strategy document answers this guide. Create one with "New Strategy Document".'));
    }
  }
}

/** Chooses which of the workspace's strategy documents the tree follows. */
export class PickStrategyDocumentCommand implements Command {
  readonly id = 'dialogueGuide.pickStrategyDocument';
  constructor(private readonly documents: StrategyDocuments) {}
  async execute(arg?: unknown): Promise<void> {
    if (arg instanceof vscode.Uri) {
      await this.open(arg);
      return;
    }
    const uris = await this.documents.findAll();
    if (uris.length === 0) {
      void vscode.window.showInformationMessage(t('The workspace has no strategy documents yet. Create one with "New Strategy Document".'));
      return;
    }
    const active = this.documents.active?.uri.toString();
    const pick = await vscode.window.showQuickPick(
      uris.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), description: uri.toString() === active ? t('active') : undefined, uri })),
      { title: t('Strategy document for the tree'), placeHolder: t('Which strategy document should the tree show?') },
    );
    if (pick) await this.open(pick.uri);
  }

  private async open(uri: vscode.Uri): Promise<void> {
    await this.documents.activate(uri);
    await vscode.window.showTextDocument(uri, { preview: false });
  }
}
