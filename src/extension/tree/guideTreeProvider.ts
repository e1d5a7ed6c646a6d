import * as vscode from 'vscode';
import type { QuestionMarks, QuestionNode, ThemeNode, TreeNode } from '../../core/guideTree';
import { questionCount } from '../counts';
import { markdownText } from '../documents/questionLenses';
import type { GuideTreeModel } from './guideTreeModel';
import { onDidChangeUiLanguage, t } from '../l10n';

/** Presents the GuideTreeModel as VS Code tree items. */
export class GuideTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: GuideTreeModel) {
    this.subscription = vscode.Disposable.from(
      model.onDidChangeData((nodes) => this.changed.fire(nodes ? [...nodes] : undefined)),
      // Descriptions and tooltips are worded afresh in the new language.
      onDidChangeUiLanguage(() => this.changed.fire(undefined)),
    );
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return [...this.model.roots];
    if (node.kind === 'theme' && this.model.onlyChanged) {
      return node.children.filter((q) => isChanged(this.model.marks(q)));
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
        return themeItem(node, this.model.answered(node));
      case 'question':
        return questionItem(node, this.model.marks(node));
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
      if (node.hint !== undefined) tooltip.appendMarkdown(`\n\n${markdownText(t('Hint: {0}', node.hint))}`);
      if (node.probes.length > 0) {
        tooltip.appendMarkdown(`\n\n${markdownText(t('Follow-up questions:'))}`);
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

function isChanged({ review }: QuestionMarks): boolean {
  return review !== undefined && review !== 'unchanged';
}

function themeItem(node: ThemeNode, answered: number | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = 'theme';
  const total = node.children.length;
  item.description =
    answered === undefined
      ? questionCount(total)
      : t('{0}/{1} answered', answered, total);
  item.tooltip = `${node.label} — ${item.description}`;
  return item;
}

const ANSWER_ICON = {
  answered: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  empty: new vscode.ThemeIcon('circle-large-outline'),
  missing: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground')),
} as const;

function answerText({ answer }: QuestionMarks): string | undefined {
  switch (answer) {
    case 'answered':
      return t('answered');
    case 'empty':
      return t('not answered');
    case 'missing':
      return t('missing from the document');
    case undefined:
      return undefined;
  }
}

function reviewText({ review }: QuestionMarks): string | undefined {
  switch (review) {
    case 'new':
      return t('new answer');
    case 'changed':
      return t('changed');
    case 'removed':
      return t('answer removed');
    case 'unchanged':
    case undefined:
      return undefined;
  }
}

function questionItem(node: QuestionNode, marks: QuestionMarks): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.contextValue = isChanged(marks) ? 'question.changed' : 'question';
  const review = reviewText(marks);
  item.description = review ? `${node.number} · ${review}` : node.number;
  item.iconPath = marks.answer ? ANSWER_ICON[marks.answer] : new vscode.ThemeIcon('question');
  // Icons are not read aloud: the answer and review state are spelled out for screen readers.
  item.accessibilityInformation = { label: [node.number, node.label, answerText(marks), review].filter(Boolean).join(', ') };
  item.command = { command: '_dialogueGuide.openQuestion', title: t('Open Question'), arguments: [node] };
  return item;
}
