import * as vscode from 'vscode';
import type { GuideNode, TreeNode } from '../../core/guideTree';
import type { Navigator } from '../documents/navigator';
import type { QuotesPanel } from '../quotesPanel';
import type { Command } from './commandManager';
import { questionArgument } from './guideCommands';
import { t } from '../l10n';

/** Opens (or updates) the quotes panel for a question: the argument, the selection, or a pick. */
export class ShowQuotesCommand implements Command {
  readonly id = 'dialogueGuide.showQuotes';

  constructor(
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly panel: QuotesPanel,
    private readonly roots: () => readonly GuideNode[],
  ) {}

  /**
   * `arg` is a tree node, or `{ guideId, questionId, preserveFocus? }` (the CodeLens passes
   * `preserveFocus: true`: the quotes open beside the editor and the keyboard stays in it).
   */
  async execute(arg?: unknown): Promise<void> {
    const target = await this.target(arg);
    if (!target) return;
    const preserveFocus = isRecord(arg) && arg.preserveFocus === true;
    const editor = vscode.window.activeTextEditor;
    this.panel.show(target.guideId, target.questionId, preserveFocus ? { preserveFocus, beside: editor?.viewColumn } : {});
  }

  private async target(arg: unknown): Promise<{ guideId: string; questionId: string } | undefined> {
    if (isRecord(arg) && typeof arg.guideId === 'string' && typeof arg.questionId === 'string' && !('kind' in arg)) {
      return { guideId: arg.guideId, questionId: arg.questionId };
    }
    const node = questionArgument(arg, this.view);
    if (node) return node;
    // On a theme row: its quotes, beside its first question.
    const theme = typeof arg === 'object' && arg !== null && (arg as TreeNode).kind === 'theme' ? (arg as TreeNode) : undefined;
    if (theme?.children[0]?.kind === 'question') return theme.children[0];
    if (this.panel.current) return this.panel.current;
    const questions = this.roots().flatMap((g) => g.children.flatMap((t) => t.children));
    const pick = await vscode.window.showQuickPick(
      questions.map((q) => ({ label: `${q.number} ${q.label}`, detail: q.text, node: q })),
      { title: t('Show Quotes'), placeHolder: t('Choose a question'), matchOnDetail: true },
    );
    return pick?.node;
  }
}

/** Whether a command argument is an object whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * What a click on a question row does: reveals its section in the strategy document for its
 * guide, if there is one, in the group that shows it or the first, and shows its quotes in the
 * group beside it, never on top of it. Focus goes to the document, where the answer is typed.
 */
export class OpenQuestionCommand implements Command {
  readonly id = '_dialogueGuide.openQuestion';

  constructor(
    private readonly panel: QuotesPanel,
    private readonly navigator: Navigator,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    const node = arg as TreeNode | undefined;
    if (node?.kind !== 'question') return;
    const revealed = await this.navigator.revealQuestion(node.guideId, node.questionId, { viewColumn: vscode.ViewColumn.One });
    const beside = revealed.status === 'shown' ? revealed.editor.viewColumn : undefined;
    this.panel.show(node.guideId, node.questionId, { preserveFocus: true, beside });
  }
}
