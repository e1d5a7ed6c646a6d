/**
 * The features whose code loads the first time one is used, not at activation: meetings, coverage,
 * export, sync, Insert Quote and the drafting wizards. This module is a bundle of its own (dist/features.js, and
 * dist/web/features.js for the web worker: scripts/build.mjs, the plugin `onFirstUseBundle`), so
 * that activation parses only what the tree, the editor features and review need. The state these
 * share with the rest (the interface language, the web's YAML parser) is kept on the global object,
 * since this bundle carries its own copy of those modules.
 */
export { AddThemeCommand } from './commands/addTheme';
export { ExportStrategyDocumentCommand } from './commands/exportDocument';
export { InsertQuoteCommand } from './commands/insertQuote';
export { EndMeetingCommand, StartMeetingCommand } from './commands/meetingCommands';
export { NewGuideCommand } from './commands/newGuide';
export { NewStrategyDocumentCommand } from './commands/newStrategyDocument';
export { ShowCoverageCommand } from './commands/showCoverage';
export { SyncDocumentCommand } from './commands/syncDocument';
export { WorkspaceCoverage } from './coverage/workspaceCoverage';
export { CoveragePanel } from './coveragePanel';
export { MeetingPanel } from './meeting/meetingPanel';
