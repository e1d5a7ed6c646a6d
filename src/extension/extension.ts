import * as vscode from 'vscode';
import type { TreeNode } from '../core/guideTree';
import { AddThemeCommand } from './commands/addTheme';
import { CommandManager } from './commands/commandManager';
import { WorkspaceCoverage } from './coverage/workspaceCoverage';
import { registerCoveragePanel, type CoveragePanel } from './coveragePanel';
import { GoToSectionCommand, NextUnansweredCommand, PickStrategyDocumentCommand, PreviousUnansweredCommand } from './commands/documentCommands';
import { EndMeetingCommand, StartMeetingCommand } from './commands/meetingCommands';
import { CopyQuestionCommand, ReloadGuidesCommand, SwitchLanguageCommand } from './commands/guideCommands';
import { NewGuideCommand } from './commands/newGuide';
import { NewStrategyDocumentCommand } from './commands/newStrategyDocument';
import { InsertQuoteCommand, OpenQuestionCommand, ShowQuotesCommand } from './commands/quoteCommands';
import { CompareWithBaseCommand, FilterChangedCommand, PickReviewBaseCommand, StepChangedAnswerCommand } from './commands/reviewCommands';
import { ShowCoverageCommand } from './commands/showCoverage';
import { ExportStrategyDocumentCommand } from './commands/exportDocument';
import { registerSyncQuickFix, SyncDocumentCommand } from './commands/syncDocument';
import { registerMarkerQuickFixes, RepairMarkerCommand } from './documents/markerQuickFixes';
import { Navigator } from './documents/navigator';
import { registerProgressStatusBar } from './documents/progressStatusBar';
import { registerQuestionLenses } from './documents/questionLenses';
import { registerStrategyDiagnostics } from './documents/strategyDiagnostics';
import { StrategyDocuments } from './documents/strategyDocuments';
import { registerGuideFiles } from './guideFiles';
import { GuideService } from './guideService';
import { MeetingPanel } from './meeting/meetingPanel';
import { registerUiLanguage } from './l10n';
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
  readonly meeting: MeetingPanel;
  readonly coverage: WorkspaceCoverage;
  readonly coveragePanel: CoveragePanel;
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
  const coverage = new WorkspaceCoverage(documents, guides);
  const coveragePanel = registerCoveragePanel(context.extensionUri, coverage, navigator);
  const review = new ReviewService(documents, context.workspaceState);
  const meeting = new MeetingPanel(context.extensionUri, documents, guides);
  const follower = new TreeFollowsDocument(documents, model, view, navigator);
  const commands = new CommandManager();
  const showReview = () => {
    follower.setReview(reviewMarks(review.current), onlyChangedNote(review.current, model.onlyChanged));
    view.description = reviewSummary(review.current, review.asked);
  };
  context.subscriptions.push(
    // First: every string below is worded through it; the Danish bundle is read after activation.
    registerUiLanguage(context.extensionUri),
    guides,
    model,
    provider,
    view,
    quotes.disposable,
    documents,
    coverage,
    coveragePanel.disposable,
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
    registerMarkerQuickFixes(documents, guides),
    meeting,
    // End Meeting is offered while a meeting runs.
    meeting.onDidChangeRunning((running) => void vscode.commands.executeCommand('setContext', 'dialogueGuide.meetingRunning', running)),
    registerGuideFiles(guides),
  );

  commands.register(
    new ShowQuotesCommand(view, quotes.panel, () => model.roots),
    new OpenQuestionCommand(quotes.panel, navigator),
    new InsertQuoteCommand(documents, guides),
    new CopyQuestionCommand(view),
    new SwitchLanguageCommand(guides),
    new ReloadGuidesCommand(guides),
    new NewStrategyDocumentCommand(guides),
    new NewGuideCommand(guides),
    new NextUnansweredCommand(navigator),
    new PreviousUnansweredCommand(navigator),
    new GoToSectionCommand(navigator, view),
    new PickStrategyDocumentCommand(documents),
    new ShowCoverageCommand(coveragePanel.panel),
    new SyncDocumentCommand(documents),
    new AddThemeCommand(documents),
    new ExportStrategyDocumentCommand(documents, guides, review, context.extensionUri),
    new RepairMarkerCommand(documents, guides),
    new CompareWithBaseCommand(review, guides, documents, navigator, model, view),
    new StepChangedAnswerCommand(1, review, guides, model, view),
    new StepChangedAnswerCommand(-1, review, guides, model, view),
    new PickReviewBaseCommand(review, documents),
    new FilterChangedCommand(true, model, review),
    new FilterChangedCommand(false, model, review),
    new StartMeetingCommand(documents, meeting),
    new EndMeetingCommand(meeting),
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
  return { guides, model, view, quotes: quotes.panel, documents, review, meeting, coverage, coveragePanel: coveragePanel.panel };
}

export function deactivate(): void {}
