import * as vscode from 'vscode';
import { buildGuideTree, nodesWithChangedMarks, questionMarks, themeAnswered, walkTree, type GuideNode, type QuestionMarks, type QuestionNode, type ThemeNode, type TreeAnnotations, type TreeNode } from '../../core/guideTree';
import type { GuideService } from '../guideService';

/**
 * The tree's data: guide → themes → questions, and the active document's answer and review
 * marks, from which each row's state is derived when it is drawn. Presentation lives in
 * GuideTreeProvider.
 */
export class GuideTreeModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<readonly TreeNode[] | undefined>();
  /** Fires the nodes whose marks changed, or undefined when the whole tree was rebuilt. */
  readonly onDidChangeData = this.changed.event;

  private nodes: GuideNode[] = [];
  private readonly byId = new Map<string, TreeNode>();
  private annotations: TreeAnnotations = { guideId: undefined };
  private filterChanged = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly guides: GuideService) {
    this.subscription = guides.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  get roots(): readonly GuideNode[] {
    return this.nodes;
  }

  /** True while the tree shows only questions whose answer changed since the review base. */
  get onlyChanged(): boolean {
    return this.filterChanged;
  }

  set onlyChanged(value: boolean) {
    this.filterChanged = value;
    this.changed.fire(undefined);
  }

  /** The node for a question of a guide. */
  question(guideId: string, questionId: string): TreeNode | undefined {
    return this.byId.get(`question:${guideId}/${questionId}`);
  }

  /** A question's answer and review marks. */
  marks(node: QuestionNode): QuestionMarks {
    return questionMarks(this.annotations, node);
  }

  /** A theme's answered questions, or undefined when the active document does not cover it. */
  answered(node: ThemeNode): number | undefined {
    return themeAnswered(this.annotations, node);
  }

  /** Replaces the marks; only the rows whose marks changed are refreshed. */
  annotate(annotations: TreeAnnotations): void {
    const changed = nodesWithChangedMarks(this.nodes, this.annotations, annotations);
    this.annotations = annotations;
    if (changed.length > 0) this.changed.fire(changed);
  }

  private rebuild(): void {
    this.nodes = buildGuideTree(this.guides.guides);
    this.byId.clear();
    for (const node of walkTree(this.nodes)) this.byId.set(node.id, node);
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
