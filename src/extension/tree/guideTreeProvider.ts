import * as vscode from 'vscode';
import type { QuestionNode, ThemeNode, TreeNode } from '../../core/guideTree';
import { questionCount } from '../counts';
import { markdownText } from '../documents/questionLenses';
import type { GuideTreeModel } from './guideTreeModel';

/** Presents the GuideTreeModel as VS Code tree items. */
export class GuideTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: GuideTreeModel) {
    this.subscription = model.onDidChangeData((nodes) => this.changed.fire(nodes ? [...nodes] : undefined));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return [...this.model.roots];
    if (node.kind === 'theme' && this.model.onlyChanged) {
      return node.children.filter((q) => q.review !== undefined && q.review !== 'unchanged');
    }
    return [...node.children];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'guide': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.contextValue = 'guide';
        item.iconPath = new vscode.ThemeIcon('book');
        return item;
      }
      case 'theme':
        return themeItem(node);
      case 'question':
        return questionItem(node);
    }
  }

  /**
   * Tooltips are built only when hovered: the full question, the guide's hint and its follow-up
   * questions as plain, untrusted Markdown, every character of the guide's text escaped.
   */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'question') {
      const tooltip = new vscode.MarkdownString();
      tooltip.isTrusted = false;
      tooltip.supportHtml = false;
      tooltip.appendText(`${node.number} ${node.text}`);
      // markdownText, not appendText: appendText's &nbsp; would keep a long hint from wrapping between words.
      if (node.hint !== undefined) tooltip.appendMarkdown(`\n\n${markdownText(vscode.l10n.t('Hint: {0}', node.hint))}`);
      if (node.probes.length > 0) {
        tooltip.appendMarkdown(`\n\n${markdownText(vscode.l10n.t('Follow-up questions:'))}`);
        for (const probe of node.probes) tooltip.appendMarkdown(`\n- ${markdownText(probe)}`);
      }
      item.tooltip = tooltip;
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function themeItem(node: ThemeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = 'theme';
  const total = node.children.length;
  item.description =
    node.answered === undefined
      ? questionCount(total)
      : vscode.l10n.t('{0}/{1} answered', node.answered, total);
  item.tooltip = `${node.label} — ${item.description}`;
  return item;
}

const ANSWER_ICON = {
  answered: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  empty: new vscode.ThemeIcon('circle-large-outline'),
  missing: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground')),
} as const;

function answerText(node: QuestionNode): string | undefined {
  switch (node.answer) {
    case 'answered':
      return vscode.l10n.t('answered');
    case 'empty':
      return vscode.l10n.t('not answered');
    case 'missing':
      return vscode.l10n.t('missing from the document');
    case undefined:
      return undefined;
  }
}

function reviewText(node: QuestionNode): string | undefined {
  switch (node.review) {
    case 'new':
      return vscode.l10n.t('new answer');
    case 'changed':
      return vscode.l10n.t('changed');
    case 'removed':
      return vscode.l10n.t('answer removed');
    case 'unchanged':
    case undefined:
      return undefined;
  }
}

function questionItem(node: QuestionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.contextValue = node.review && node.review !== 'unchanged' ? 'question.changed' : 'question';
  const review = reviewText(node);
  item.description = review ? `${node.number} · ${review}` : node.number;
  item.iconPath = node.answer ? ANSWER_ICON[node.answer] : new vscode.ThemeIcon('question');
  // Icons are not read aloud: the answer and review state are spelled out for screen readers.
  item.accessibilityInformation = { label: [node.number, node.label, answerText(node), review].filter(Boolean).join(', ') };
  item.command = { command: '_dialogueGuide.openQuestion', title: vscode.l10n.t('Open Question'), arguments: [node] };
  return item;
}
