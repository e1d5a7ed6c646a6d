import * as vscode from 'vscode';
import { CommandManager } from './commands/commandManager';
import { CopyQuestionCommand, ReloadGuidesCommand, SwitchLanguageCommand } from './commands/guideCommands';
import { OpenQuestionCommand, ShowQuotesCommand } from './commands/quoteCommands';
import { GuideService } from './guideService';
import { registerQuotesPanel } from './quotesPanel';
import { GuideTreeModel } from './tree/guideTreeModel';
import { GuideTreeProvider } from './tree/guideTreeProvider';
import type { TreeNode } from '../core/guideTree';

/** Wires the services, views and commands; every registration is disposed with the extension. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const guides = new GuideService(vscode.Uri.joinPath(context.extensionUri, 'content'));
  const model = new GuideTreeModel(guides);
  const provider = new GuideTreeProvider(model);
  const view = vscode.window.createTreeView<TreeNode>('dialogueGuide.questions', { treeDataProvider: provider, showCollapseAll: true });
  const quotes = registerQuotesPanel(context.extensionUri, guides);
  const commands = new CommandManager();
  context.subscriptions.push(guides, model, provider, view, quotes.disposable, commands);

  commands.register(
    new ShowQuotesCommand(view, quotes.panel, () => model.roots),
    new CopyQuestionCommand(view),
    new SwitchLanguageCommand(guides),
    new ReloadGuidesCommand(guides),
    new OpenQuestionCommand(quotes.panel),
  );

  // A question picked inside the quotes panel is selected in the tree too.
  context.subscriptions.push(
    quotes.panel.onDidSelectQuestion(({ guideId, questionId }) => {
      const node = model.question(guideId, questionId);
      if (node && view.visible) void view.reveal(node, { select: true, focus: false });
    }),
  );

  await guides.reload();
}

export function deactivate(): void {}
