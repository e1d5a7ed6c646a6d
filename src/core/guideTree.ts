import type { AnswerChange } from './answerReview';
import type { Guide } from './guide';
import type { AnswerState } from './strategyDocument';

/** How a question stands in the strategy document being worked on. */
export type AnswerMark = AnswerState;

/** How a question's answer compares with the review base. */
export type ReviewMark = AnswerChange;

/** What the tree shows on top of the guide itself: marks for one guide's questions. */
export interface TreeAnnotations {
  readonly guideId: string | undefined;
  readonly answers?: ReadonlyMap<string, AnswerMark>;
  readonly review?: ReadonlyMap<string, ReviewMark>;
}

interface NodeBase {
  /** Stable across reloads and language switches: documents and reveal() rely on it. */
  readonly id: string;
  readonly guideId: string;
  readonly label: string;
  readonly parent: TreeNode | undefined;
}

export interface GuideNode extends NodeBase {
  readonly kind: 'guide';
  readonly children: readonly ThemeNode[];
}

export interface ThemeNode extends NodeBase {
  readonly kind: 'theme';
  readonly themeId: string;
  /** Answered questions, when a strategy document for this guide is active. */
  answered: number | undefined;
  readonly children: readonly QuestionNode[];
}

export interface QuestionNode extends NodeBase {
  readonly kind: 'question';
  readonly themeId: string;
  readonly questionId: string;
  readonly number: string;
  readonly text: string;
  /** The guide's hint and follow-up questions, for the tooltip. */
  readonly hint: string | undefined;
  readonly probes: readonly string[];
  answer: AnswerMark | undefined;
  review: ReviewMark | undefined;
  readonly children: readonly [];
}

export type TreeNode = GuideNode | ThemeNode | QuestionNode;

/** Builds guide → theme → question nodes. Annotations are applied to these same objects later. */
export function buildGuideTree(guides: readonly Guide[]): GuideNode[] {
  return guides.map((guide) => {
    const themes: ThemeNode[] = [];
    const guideNode: GuideNode = { kind: 'guide', id: `guide:${guide.id}`, guideId: guide.id, label: guide.title, parent: undefined, children: themes };
    for (const theme of guide.themes) {
      const questions: QuestionNode[] = [];
      const themeNode: ThemeNode = {
        kind: 'theme',
        id: `theme:${guide.id}/${theme.id}`,
        guideId: guide.id,
        themeId: theme.id,
        label: theme.title,
        answered: undefined,
        parent: guideNode,
        children: questions,
      };
      for (const question of theme.questions) {
        questions.push({
          kind: 'question',
          id: `question:${guide.id}/${question.id}`,
          guideId: guide.id,
          themeId: theme.id,
          questionId: question.id,
          label: question.label,
          number: question.number,
          text: question.text,
          hint: question.hint,
          probes: question.probes ?? [],
          answer: undefined,
          review: undefined,
          parent: themeNode,
          children: [],
        });
      }
      themes.push(themeNode);
    }
    return guideNode;
  });
}

/**
 * Sets answer and review marks on the tree's own nodes and returns the nodes whose marks changed,
 * so a view refreshes only those rows. Questions of other guides lose their marks.
 */
export function annotateTree(roots: readonly GuideNode[], annotations: TreeAnnotations): TreeNode[] {
  const changed: TreeNode[] = [];
  for (const theme of roots.flatMap((g) => g.children)) {
    const own = theme.guideId === annotations.guideId;
    for (const question of theme.children) {
      const answer = own ? annotations.answers?.get(question.questionId) : undefined;
      const review = own ? annotations.review?.get(question.questionId) : undefined;
      if (answer !== question.answer || review !== question.review) {
        question.answer = answer;
        question.review = review;
        changed.push(question);
      }
    }
    // A theme the document leaves out (its front matter chose others) has no marks and no count.
    const inScope = theme.children.some((q) => q.answer !== undefined);
    const answered = inScope ? theme.children.filter((q) => q.answer === 'answered').length : undefined;
    if (answered !== theme.answered) {
      theme.answered = answered;
      changed.push(theme);
    }
  }
  return changed;
}

/** Every node of a tree, depth first, for lookups by id. */
export function* walkTree(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const node of nodes) {
    yield node;
    yield* walkTree(node.children);
  }
}
