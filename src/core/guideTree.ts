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
  readonly children: readonly [];
}

export type TreeNode = GuideNode | ThemeNode | QuestionNode;

/** Builds guide → theme → question nodes: the guide alone, the same whatever document is active. */
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
          parent: themeNode,
          children: [],
        });
      }
      themes.push(themeNode);
    }
    return guideNode;
  });
}

/** What a question's row shows of the active document. */
export interface QuestionMarks {
  readonly answer?: AnswerMark;
  readonly review?: ReviewMark;
}

/** A question's marks under some annotations; none for a question of another guide. */
export function questionMarks(annotations: TreeAnnotations, node: QuestionNode): QuestionMarks {
  if (node.guideId !== annotations.guideId) return {};
  return { answer: annotations.answers?.get(node.questionId), review: annotations.review?.get(node.questionId) };
}

/**
 * A theme's answered questions under some annotations; undefined when the document leaves the
 * theme out (its front matter chose others) or is not of this guide: no count is shown then.
 */
export function themeAnswered(annotations: TreeAnnotations, node: ThemeNode): number | undefined {
  const answers = node.children.map((q) => questionMarks(annotations, q).answer);
  return answers.some((a) => a !== undefined) ? answers.filter((a) => a === 'answered').length : undefined;
}

/** The nodes whose marks differ between two annotations, so a view redraws only those rows. */
export function nodesWithChangedMarks(roots: readonly GuideNode[], before: TreeAnnotations, after: TreeAnnotations): TreeNode[] {
  const changed: TreeNode[] = [];
  for (const theme of roots.flatMap((g) => g.children)) {
    for (const question of theme.children) {
      const [was, is] = [questionMarks(before, question), questionMarks(after, question)];
      if (was.answer !== is.answer || was.review !== is.review) changed.push(question);
    }
    if (themeAnswered(before, theme) !== themeAnswered(after, theme)) changed.push(theme);
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
