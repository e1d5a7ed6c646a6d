import type { CoveragePanel } from '../coveragePanel';
import type { Command } from './commandManager';

/** Opens the Coverage view: every strategy document of the workspace, theme by theme. */
export class ShowCoverageCommand implements Command {
  readonly id = 'dialogueGuide.showCoverage';
  constructor(private readonly panel: CoveragePanel) {}
  execute(): void {
    this.panel.show();
  }
}
