import { join } from 'node:path';
import { runMochaSuites } from '../integration/runMocha';

/**
 * Test entry for the runner's self-test: runs the suite folder named by `HARNESS_SUITE`
 * (`failing`, `throws-on-load`), each of which must make the runner exit non-zero.
 */
export function run(): Promise<void> {
  const suite = process.env.HARNESS_SUITE;
  if (!suite) return Promise.reject(new Error('HARNESS_SUITE is not set.'));
  return runMochaSuites(join(__dirname, suite));
}
