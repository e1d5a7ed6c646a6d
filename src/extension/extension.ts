import * as vscode from 'vscode';
import type { TreeNode } from '../core/guideTree';
import { CommandManager } from './commands/commandManager';
import { GoToSectionCommand, NextUnansweredCommand, PickStrategyDocumentCommand, PreviousUnansweredCommand } from './commands/documentCommands';
import { CopyQuestionCommand, ReloadGuidesCommand, SwitchLanguageCommand } from './commands/guideCommands';
import { OpenQuestionCommand, ShowQuotesCommand } from './commands/quoteCommands';
import { CompareWithBaseCommand, FilterChangedCommand, PickReviewBaseCommand, StepChangedAnswerCommand } from './commands/reviewCommands';
import { registerMarkerQuickFixes, RepairMarkerCommand } from './documents/markerQuickFixes';
import { Navigator } from './documents/navigator';
import { registerProgressStatusBar } from './documents/progressStatusBar';
import { registerQuestionLenses } from './documents/questionLenses';
import { registerStrategyDiagnostics } from './documents/strategyDiagnostics';
import { registerSyncQuickFix } from './documents/syncQuickFix';
import { StrategyDocuments } from './documents/strategyDocuments';
import { registerGuideFiles } from './guideFiles';
import { GuideService } from './guideService';
import { onDidChangeUiLanguage, registerUiLanguage } from './l10n';
import { Lazy, lazyCommand } from './lazy';
import type { CoveragePanel, MeetingPanel, WorkspaceCoverage } from './onFirstUse';
import type { ExportHost } from './commands/exportDocument';
import { registerQuotesPanel, type QuotesPanel } from './quotesPanel';
import { registerAnswerDiffProvider } from './review/answerDiff';
import { onlyChangedNote, reviewSummary } from './review/reviewMessages';
import { ReviewService, reviewMarks } from './review/reviewService';
import { GuideTreeModel } from './tree/guideTreeModel';
import { GuideTreeProvider } from './tree/guideTreeProvider';
import { StrategyDocumentsView } from './tree/strategyDocumentsView';
import { TreeFollowsDocument } from './tree/treeFollowsDocument';
import { COVERAGE_VIEW_TYPE } from '../webview/coverageMessages';

/** What `activate` returns: the live services, for the integration tests (not a public API). */
export interface DialogueGuideInternals {
  readonly guides: GuideService;
  readonly model: GuideTreeModel;
  readonly view: vscode.TreeView<TreeNode>;
  readonly quotes: QuotesPanel;
  readonly documents: StrategyDocuments;
  readonly review: ReviewService;
  /** The features loaded on first use, loading them if they are not yet. */
  meeting(): Promise<MeetingPanel>;
  coverage(): Promise<WorkspaceCoverage>;
  coveragePanel(): Promise<CoveragePanel>;
}

/** The features whose code loads when one is first used (onFirstUse.ts). */
export type Features = typeof import('./onFirstUse');

/** What the host the extension runs in loads, and how: each is a bundle of its own, loaded on first use. */
export interface HostModules extends ExportHost {
  readonly loadFeatures: () => Promise<Features>;
}

/**
 * Wires the services, views and commands; every registration is disposed with the extension.
 * Reads no file and awaits nothing: the built-in guide is in the bundle, and guide folders load
 * after. `host` loads the features of onFirstUse.ts and the exporter the first time one is used;
 * each entry passes its own (main.ts for Node, web/browser.ts for the web worker).
 */
export function activate(context: vscode.ExtensionContext, host: HostModules): DialogueGuideInternals {
  const guides = new GuideService(context.extensionUri);
  const model = new GuideTreeModel(guides);
  const provider = new GuideTreeProvider(model);
  const view = vscode.window.createTreeView<TreeNode>('dialogueGuide.questions', { treeDataProvider: provider, showCollapseAll: true });
  const documents = new StrategyDocuments(guides);
  const navigator = new Navigator(documents);
  const quotes = registerQuotesPanel(context.extensionUri, guides, navigator);
  const documentsView = new StrategyDocumentsView(documents);
  const review = new ReviewService(documents, context.workspaceState);
  const features = new Lazy(host.loadFeatures);
  const meeting = new Lazy(async () => {
    const panel = new (await features.get()).MeetingPanel(context.extensionUri, documents, guides);
    // End Meeting is offered while a meeting runs.
    context.subscriptions.push(panel.onDidChangeRunning((running) => void vscode.commands.executeCommand('setContext', 'dialogueGuide.meetingRunning', running)));
    return panel;
  });
  const coverage = new Lazy(async () => {
    const { WorkspaceCoverage, CoveragePanel } = await features.get();
    const table = new WorkspaceCoverage(documents, guides);
    const panel = new CoveragePanel(context.extensionUri, table, navigator);
    return { table, panel, dispose: () => vscode.Disposable.from(panel, table).dispose() };
  });
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
    features,
    meeting,
    coverage,
    // An open Coverage panel survives a window reload; its code loads when VS Code restores one.
    vscode.window.registerWebviewPanelSerializer(COVERAGE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => (await coverage.get()).panel.restore(panel),
    }),
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
    // The tree's message and title are worded when set: a new interface language words them again.
    onDidChangeUiLanguage(showReview),
    registerStrategyDiagnostics(documents),
    registerProgressStatusBar(documents),
    registerQuestionLenses(documents),
    registerSyncQuickFix(),
    registerMarkerQuickFixes(documents, guides),
    registerGuideFiles(guides),
  );

  commands.register(
    new ShowQuotesCommand(view, quotes.panel, () => model.roots),
    new OpenQuestionCommand(quotes.panel, navigator),
    lazyCommand('dialogueGuide.insertQuote', async () => new (await features.get()).InsertQuoteCommand(documents, guides)),
    new CopyQuestionCommand(view),
    new SwitchLanguageCommand(guides),
    new ReloadGuidesCommand(guides),
    lazyCommand('dialogueGuide.newStrategyDocument', async () => new (await features.get()).NewStrategyDocumentCommand(guides)),
    lazyCommand('dialogueGuide.newGuide', async () => new (await features.get()).NewGuideCommand(guides)),
    new NextUnansweredCommand(navigator),
    new PreviousUnansweredCommand(navigator),
    new GoToSectionCommand(navigator, view),
    new PickStrategyDocumentCommand(documents),
    lazyCommand('dialogueGuide.showCoverage', async () => new (await features.get()).ShowCoverageCommand((await coverage.get()).panel)),
    lazyCommand('dialogueGuide.syncDocument', async () => new (await features.get()).SyncDocumentCommand(documents)),
    lazyCommand('dialogueGuide.addTheme', async () => new (await features.get()).AddThemeCommand(documents)),
    lazyCommand('dialogueGuide.exportDocument', async () => new (await features.get()).ExportStrategyDocumentCommand(documents, guides, review, context.extensionUri, host)),
    new RepairMarkerCommand(documents, guides),
    new CompareWithBaseCommand(review, guides, documents, navigator, model, view),
    new StepChangedAnswerCommand(1, review, guides, model, view),
    new StepChangedAnswerCommand(-1, review, guides, model, view),
    new PickReviewBaseCommand(review, documents),
    new FilterChangedCommand(true, model, review),
    new FilterChangedCommand(false, model, review),
    lazyCommand('dialogueGuide.startMeeting', async () => new (await features.get()).StartMeetingCommand(documents, await meeting.get())),
    lazyCommand('dialogueGuide.endMeeting', async () => new (await features.get()).EndMeetingCommand(await meeting.get())),
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
  return {
    guides,
    model,
    view,
    quotes: quotes.panel,
    documents,
    review,
    meeting: () => meeting.get(),
    coverage: async () => (await coverage.get()).table,
    coveragePanel: async () => (await coverage.get()).panel,
  };
}

export function deactivate(): void {}
