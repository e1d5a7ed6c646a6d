import * as vscode from 'vscode';
import { answersOf, reviewAnswers, type AnswerReview } from '../../core/answerReview';
import { allQuestions } from '../../core/guide';
import type { ReviewMark } from '../../core/guideTree';
import { parseStrategyDocument } from '../../core/strategyDocument';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import { BaseReader, type BaseText } from './baseReader';

/** The active strategy document compared with the review base, or why it cannot be. */
export interface ReviewState {
  readonly uri: vscode.Uri;
  readonly guideId: string;
  readonly base: string;
  readonly status: BaseText['kind'];
  /** The repository is a shallow clone: an unknown base may only be out of reach. */
  readonly shallow: boolean;
  /** Present when the base could be read (or the document is not in it: every answer is new). */
  readonly review: AnswerReview | undefined;
}

const REVIEW_DELAY_MS = 250;

/** The base ref from the settings: `dialogueGuide.review.base`, `HEAD` by default. */
export function reviewBase(uri?: vscode.Uri): string {
  return vscode.workspace.getConfiguration('dialogueGuide', uri).get<string>('review.base', 'HEAD').trim() || 'HEAD';
}

/**
 * Compares the active strategy document's answers with the same file at the review base,
 * question by question, and again whenever the document, the base or the repository changes.
 */
export class ReviewService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReviewState | undefined>();
  readonly onDidChange = this.changed.event;
  readonly reader = new BaseReader();

  private state: ReviewState | undefined;
  /** The last review of each document, so a diff stays whole after another document becomes active. */
  private readonly lastByDocument = new Map<string, ReviewState>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchedRepository: vscode.Disposable | undefined;

  constructor(private readonly documents: StrategyDocuments) {
    this.disposables.push(
      documents.onDidChangeActive(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dialogueGuide.review.base')) this.schedule();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
    );
    this.schedule();
  }

  get current(): ReviewState | undefined {
    return this.state;
  }

  /** The last review made of `document`, active or not. */
  reviewOf(document: string): ReviewState | undefined {
    return this.lastByDocument.get(document);
  }

  /** The review marks for the tree: changed, new and removed answers; undefined when there is no review. */
  get marks(): ReadonlyMap<string, ReviewMark> | undefined {
    const review = this.state?.review;
    return review && new Map(review.questions.map((q) => [q.questionId, q.change] as const));
  }

  /** Compares again now (after a commit, or when the base is changed). */
  async refresh(): Promise<ReviewState | undefined> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    // Git can fail in ways the reader does not foresee; review is then simply absent, never an error.
    const state = await this.compute(this.documents.active).catch(() => undefined);
    // A newer refresh started while this one waited for Git: its result wins.
    if (generation === this.generation) {
      this.state = state;
      if (state) this.lastByDocument.set(state.uri.toString(), state);
      this.changed.fire(state);
    }
    return this.state;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REVIEW_DELAY_MS);
  }

  private async compute(entry: ParsedDocument | undefined): Promise<ReviewState | undefined> {
    const guide = entry?.analysis.guide;
    if (!entry || !guide) return undefined;
    const base = reviewBase(entry.uri);
    const text = await this.reader.read(entry.uri, base);
    if ('repository' in text) this.watch(text.repository.state.onDidChange);
    const order = allQuestions(guide).map((q) => q.id);
    const current = answersOf(entry.parsed);
    let review: AnswerReview | undefined;
    if (text.kind === 'ok') {
      review = reviewAnswers(answersOf(parseStrategyDocument(text.text, entry.uri.toString())), current, order);
    } else if (text.kind === 'notInBase') {
      review = reviewAnswers(undefined, current, order);
    }
    return { uri: entry.uri, guideId: guide.id, base, status: text.kind, shallow: text.kind === 'unknownRef' && text.shallow, review };
  }

  /** A commit, checkout or fetch moves what the base names: compare again when the repository changes. */
  private watch(onDidChange: vscode.Event<void>): void {
    this.watchedRepository?.dispose();
    this.watchedRepository = onDidChange(() => this.schedule());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watchedRepository?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
