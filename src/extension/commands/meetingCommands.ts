import * as vscode from 'vscode';
import { t } from '../l10n';
import type { StrategyDocuments } from '../documents/strategyDocuments';
import type { MeetingPanel } from '../meeting/meetingPanel';
import type { CommandAction } from './commandManager';

const MINUTE_MS = 60_000;
const TIMER_CHOICES = [3, 5, 10, 15];

/**
 * Opens the meeting view over a strategy document: the argument (the Strategy Documents view's
 * item), the active one, or a pick. Asks for a time per question unless `options.minutesPerQuestion`
 * says (0 for none). Arguments `(uri?, options?)`.
 */
export class StartMeetingCommand implements CommandAction {
  constructor(
    private readonly documents: StrategyDocuments,
    private readonly meeting: MeetingPanel,
  ) {}

  async execute(arg?: unknown, options?: unknown): Promise<boolean> {
    const uri = arg instanceof vscode.Uri ? arg : (this.documents.active?.uri ?? (await this.pick()));
    if (!uri) return false;
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      void vscode.window.showErrorMessage(t('{0} cannot be opened, so there is no meeting to hold over it.', vscode.workspace.asRelativePath(uri)));
      return false;
    }
    const running = this.meeting.documentUri;
    if (running) {
      const again = t('End It and Start Again');
      const choice = await vscode.window.showWarningMessage(
        t('A meeting over {0} is running. End it and start a new one over {1}?', vscode.workspace.asRelativePath(running), vscode.workspace.asRelativePath(uri)),
        { modal: true },
        again,
      );
      if (choice !== again) {
        this.meeting.reveal();
        return false;
      }
    }
    await this.documents.activate(uri);
    const entry = this.documents.get(uri);
    const file = vscode.workspace.asRelativePath(uri);
    if (!entry?.analysis.guide) {
      void vscode.window.showWarningMessage(t('{0} names no guide that is loaded, so there are no questions to meet over.', file));
      return false;
    }
    const given = typeof options === 'object' && options !== null ? (options as { minutesPerQuestion?: unknown }).minutesPerQuestion : undefined;
    const minutes = typeof given === 'number' && given >= 0 ? given : await this.askMinutes(entry.analysis.total);
    if (minutes === undefined) return false;
    const result = await this.meeting.start(uri, minutes > 0 ? minutes * MINUTE_MS : undefined);
    if (result === 'noQuestions') void vscode.window.showWarningMessage(t('{0} covers no questions of its guide.', file));
    return result === 'started';
  }

  private async pick(): Promise<vscode.Uri | undefined> {
    const uris = await this.documents.findAll();
    if (uris.length === 0) {
      void vscode.window.showInformationMessage(t('The workspace has no strategy documents yet. Create one with "New Strategy Document".'));
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      uris.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: t('Start Meeting'), placeHolder: t('Which strategy document is the meeting about?') },
    );
    return pick?.uri;
  }

  /** The minutes per question, 0 for no timer; undefined when the pick is dismissed. */
  private async askMinutes(questions: number): Promise<number | undefined> {
    const pick = await vscode.window.showQuickPick(
      [
        { label: t('No timer'), minutes: 0 },
        ...TIMER_CHOICES.map((minutes) => ({
          label: t('{0} minutes per question', minutes),
          description: t('{0} minutes for {1} questions', minutes * questions, questions),
          minutes,
        })),
      ],
      { title: t('Start Meeting'), placeHolder: t('A timer for each question? It only shows when a question runs over.') },
    );
    return pick?.minutes;
  }
}

/** Ends the running meeting and shows its summary; writes nothing to the document. */
export class EndMeetingCommand implements CommandAction {
  constructor(private readonly meeting: MeetingPanel) {}
  execute(): Promise<void> {
    return this.meeting.end();
  }
}
