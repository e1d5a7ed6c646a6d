import { runMochaSuites } from '../integration/runMocha';

/** The test entry for a window in Restricted Mode (code-server started without trusting the folder). */
export function run(): Promise<void> {
  return runMochaSuites(__dirname);
}
