import { runMochaSuites } from '../integration/runMocha';

/** The test entry for a multi-root window: `run-integration.mjs --workspace test/fixtures/multi-root --workspace-file team.code-workspace`. */
export function run(): Promise<void> {
  return runMochaSuites(__dirname);
}
