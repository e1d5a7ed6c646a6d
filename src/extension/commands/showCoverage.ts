import type { CoveragePanel } from '../coveragePanel';
import type { CommandAction } from './commandManager';

/** Opens the Coverage view: every strategy document of the workspace, theme by theme. */
export class ShowCoverageCommand implements CommandAction {
  constructor(private readonly panel: CoveragePanel) {}
  execute(): void {
    this.panel.show();
  }
}
