import * as vscode from 'vscode';
import type { TreeNode } from '../core/guideTree';
import { AddThemeCommand } from './commands/addTheme';
import { CommandManager } from './commands/commandManager';
import { GoToSectionCommand, NextUnansweredCommand, PickStrategyDocumentCommand, PreviousUnansweredCommand } from './commands/documentCommands';
import { CopyQuestionCommand, ReloadGuidesCommand, SwitchLanguageCommand } from './commands/guideCommands';
import { NewStrategyDocumentCommand } from './commands/newStrategyDocument';
import { OpenQuestionCommand, ShowQuotesCommand } from './commands/quoteCommands';
import { CompareWithBaseCommand, FilterChangedCommand, PickReviewBaseCommand, StepChangedAnswerCommand } from './commands/reviewCommands';
import { ExportStrategyDocumentCommand } from './commands/exportDocument';
import { registerSyncQuickFix, SyncDocumentCommand } from './commands/syncDocument';
import { registerMarkerQuickFixes, RepairMarkerCommand } from './documents/markerQuickFixes';
import { Navigator } from './documents/navigator';
import { registerProgressStatusBar } from './documents/progressStatusBar';
import { registerQuestionLenses } from './documents/questionLenses';
import { registerStrategyDiagnostics } from './documents/strategyDiagnostics';
import { StrategyDocuments } from './documents/strategyDocuments';
import { GuideService } from './guideService';
import { registerQuotesPanel, type QuotesPanel } from './quotesPanel';
import { registerAnswerDiffProvider } from './review/answerDiff';
import { onlyChangedNote, reviewSummary } from './review/reviewMessages';
import { ReviewService, reviewMarks } from './review/reviewService';
import { GuideTreeModel } from './tree/guideTreeModel';
import { GuideTreeProvider } from './tree/guideTreeProvider';
import { StrategyDocumentsView } from './tree/strategyDocumentsView';
import { TreeFollowsDocument } from './tree/treeFollowsDocument';

/** What `activate` returns: the live services, for the integration tests (not a public API). */
export interface DialogueGuideInternals {
  readonly guides: GuideService;
  readonly model: GuideTreeModel;
  readonly view: vscode.TreeView<TreeNode>;
  readonly quotes: QuotesPanel;
  readonly documents: StrategyDocuments;
  readonly review: ReviewService;
}

/**
 * Wires the services, views and commands; every registration is disposed with the extension.
 * Reads no file and awaits nothing: the built-in guide is in the bundle, and guide folders load after.
 */
export function activate(context: vscode.ExtensionContext): DialogueGuideInternals {
  const guides = new GuideService(context.extensionUri);
  const model = new GuideTreeModel(guides);
  const provider = new GuideTreeProvider(model);
  const view = vscode.window.createTreeView<TreeNode>('dialogueGuide.questions', { treeDataProvider: provider, showCollapseAll: true });
  const documents = new StrategyDocuments(guides);
  const navigator = new Navigator(documents);
  const quotes = registerQuotesPanel(context.extensionUri, guides, navigator);
  const documentsView = new StrategyDocumentsView(documents);
  const review = new ReviewService(documents, context.workspaceState);
  const follower = new TreeFollowsDocument(documents, model, view, navigator);
  const commands = new CommandManager();
  const showReview = () => {
    follower.setReview(reviewMarks(review.current), onlyChangedNote(review.current, model.onlyChanged));
    view.description = reviewSummary(review.current, review.asked);
  };
  context.subscriptions.push(
    guides,
    model,
    provider,
    view,
    quotes.disposable,
    documents,
    commands,
    documentsView,
    vscode.window.registerTreeDataProvider('dialogueGuide.documents', documentsView),
    follower,
    review,
    registerAnswerDiffProvider(documents, review),
    // Review marks ride on the same tree rows as answer marks; the count goes in the title bar.
    review.onDidChange(showReview),
    // The filter rebuilds the whole tree (no nodes named): its note may change.
    model.onDidChangeData((nodes) => nodes === undefined && showReview()),
    registerStrategyDiagnostics(documents),
    registerProgressStatusBar(documents),
    registerQuestionLenses(documents),
    registerSyncQuickFix(),
    registerMarkerQuickFixes(documents),
  );

  commands.register(
    new ShowQuotesCommand(view, quotes.panel, () => model.roots),
    new OpenQuestionCommand(quotes.panel, navigator),
    new CopyQuestionCommand(view),
    new SwitchLanguageCommand(guides),
    new ReloadGuidesCommand(guides),
    new NewStrategyDocumentCommand(guides),
    new NextUnansweredCommand(navigator),
    new PreviousUnansweredCommand(navigator),
    new GoToSectionCommand(navigator, view),
    new PickStrategyDocumentCommand(documents),
    new SyncDocumentCommand(documents),
    new AddThemeCommand(documents),
    new ExportStrategyDocumentCommand(documents, guides, review, context.extensionUri),
    new RepairMarkerCommand(documents),
    new CompareWithBaseCommand(review, guides, documents, navigator, model, view),
    new StepChangedAnswerCommand(1, review, guides, model, view),
    new StepChangedAnswerCommand(-1, review, guides, model, view),
    new PickReviewBaseCommand(review, documents),
    new FilterChangedCommand(true, model, review),
    new FilterChangedCommand(false, model, review),
  );

  // A question picked inside the quotes panel is selected in the tree too.
  context.subscriptions.push(
    quotes.panel.onDidSelectQuestion(({ guideId, questionId }) => {
      const node = model.question(guideId, questionId);
      if (node && view.visible) void view.reveal(node, { select: true, focus: false });
    }),
  );

  // The tree shows the built-in guide now; the configured guide folders join it when read.
  void guides.reload();
  return { guides, model, view, quotes: quotes.panel, documents, review };
}

export function deactivate(): void {}
