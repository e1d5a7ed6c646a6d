import * as vscode from 'vscode';
import { annotateTree, buildGuideTree, walkTree, type GuideNode, type TreeAnnotations, type TreeNode } from '../../core/guideTree';
import type { GuideService } from '../guideService';

/**
 * The tree's data: guide → themes → questions, with the active document's answer and review
 * marks layered on. Presentation lives in GuideTreeProvider.
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

  /** Replaces the marks; only the rows whose marks changed are refreshed. */
  annotate(annotations: TreeAnnotations): void {
    this.annotations = annotations;
    const changed = annotateTree(this.nodes, annotations);
    if (changed.length > 0) this.changed.fire(changed);
  }

  private rebuild(): void {
    this.nodes = buildGuideTree(this.guides.guides);
    this.byId.clear();
    for (const node of walkTree(this.nodes)) this.byId.set(node.id, node);
    annotateTree(this.nodes, this.annotations);
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
