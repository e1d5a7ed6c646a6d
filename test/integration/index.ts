import { runMochaSuites } from './runMocha';

/** The extension-host test entry (`extensionTestsPath`): runs every `*.test.js` beside it. */
export function run(): Promise<void> {
  return runMochaSuites(__dirname);
}
