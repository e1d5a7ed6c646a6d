import * as vscode from 'vscode';
import { reviewDocument, type AnswerReview } from '../../core/answerReview';
import type { ReviewMark } from '../../core/guideTree';
import { parseStrategyDocument } from '../../core/strategyDocument';
import type { ParsedDocument, StrategyDocuments } from '../documents/strategyDocuments';
import { BaseReader } from './baseReader';

/** Why a document cannot be compared with the review base. */
export type ReviewUnavailable =
  /** `shallow`: the repository is a shallow clone, so the base may only be out of reach. */
  | { readonly kind: 'unknownRef'; readonly shallow: boolean }
  | { readonly kind: 'notRepository' | 'noGit' | 'gitNotInHost' | 'untrusted' };

/**
 * The active strategy document compared with the review base (`ready`; a document not in the base
 * yet is a review whose answers are all new), or why it cannot be (`unavailable`).
 */
export type ReviewState = {
  readonly uri: vscode.Uri;
  readonly guideId: string;
  readonly base: string;
} & ({ readonly status: 'ready'; readonly review: AnswerReview } | { readonly status: 'unavailable'; readonly reason: ReviewUnavailable });

/** A review that compared, as the commands that step through or diff answers need it. */
export type ReadyReview = Extract<ReviewState, { status: 'ready' }>;

/** A review that could not compare, with the reason. */
export type UnavailableReview = Extract<ReviewState, { status: 'unavailable' }>;

/** The review marks for the tree: changed, new and removed answers; undefined when there is no review. */
export function reviewMarks(state: ReviewState | undefined): ReadonlyMap<string, ReviewMark> | undefined {
  return state?.status === 'ready' ? new Map(state.review.questions.map((q) => [q.questionId, q.change] as const)) : undefined;
}

const REVIEW_DELAY_MS = 250;

/** Where a personal base is kept in the workspace state: a base per workspace folder (key: its URI; '' outside any folder). */
const CHOSEN_BASES_KEY = 'review.chosenBases';

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
  private askedFor = false;

  /** `personal` is the extension's workspace state, where the base a user chooses is kept (never in a committed file). */
  constructor(
    private readonly documents: StrategyDocuments,
    private readonly personal: vscode.Memento,
  ) {
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

  /**
   * True once the user has asked for review in this window (a review command, or a base chosen).
   * Until then a document in a folder without Git is only being drafted, and the tree says nothing about Git.
   */
  get asked(): boolean {
    return this.askedFor || this.chosenBase(this.documents.active?.uri) !== undefined;
  }

  /** Records that the user asked for review, so the tree's title says why one cannot compare. */
  ask(): void {
    if (this.askedFor) return;
    this.askedFor = true;
    this.changed.fire(this.state);
  }

  /** The base the user chose for `uri`'s workspace folder with Choose Review Base, if any. */
  chosenBase(uri: vscode.Uri | undefined): string | undefined {
    return this.personal.get<Record<string, string>>(CHOSEN_BASES_KEY, {})[folderKey(uri)];
  }

  /** The base `uri` is compared with: the user's own choice, else the team's setting. */
  base(uri: vscode.Uri | undefined): string {
    return this.chosenBase(uri) ?? this.settingBase(uri);
  }

  /** The team's default base, which a workspace may commit: `dialogueGuide.review.base`, `HEAD` when unset. */
  settingBase(uri: vscode.Uri | undefined): string {
    return vscode.workspace.getConfiguration('dialogueGuide', uri).get<string>('review.base', 'HEAD').trim() || 'HEAD';
  }

  /** Keeps `base` as the user's choice for `uri`'s workspace folder (undefined: follow the setting again), and compares again. */
  async chooseBase(uri: vscode.Uri | undefined, base: string | undefined): Promise<ReviewState | undefined> {
    const chosen = { ...this.personal.get<Record<string, string>>(CHOSEN_BASES_KEY, {}) };
    if (base === undefined) delete chosen[folderKey(uri)];
    else chosen[folderKey(uri)] = base;
    await this.personal.update(CHOSEN_BASES_KEY, chosen);
    this.askedFor = true;
    return this.refresh();
  }

  /** The last review made of `document`, active or not. */
  reviewOf(document: string): ReviewState | undefined {
    return this.lastByDocument.get(document);
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
    const base = this.base(entry.uri);
    const text = await this.reader.read(entry.uri, base);
    if ('repository' in text) this.watch(text.repository.state.onDidChange);
    const of = { uri: entry.uri, guideId: guide.id, base };
    switch (text.kind) {
      case 'ok':
        return { ...of, status: 'ready', review: reviewDocument(entry.parsed, parseStrategyDocument(text.text, entry.uri.toString()), guide) };
      case 'notInBase':
        return { ...of, status: 'ready', review: reviewDocument(entry.parsed, undefined, guide) };
      case 'unknownRef':
        return { ...of, status: 'unavailable', reason: { kind: 'unknownRef', shallow: text.shallow } };
      default:
        return { ...of, status: 'unavailable', reason: { kind: text.kind } };
    }
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

function folderKey(uri: vscode.Uri | undefined): string {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString()) ?? '';
}
