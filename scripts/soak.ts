// Runs the strategy document properties of the unit tests 10,000 times each and prints how long it took.
import { strategyDocumentProperties } from '../test/unit/helpers/strategyProperties';

const RUNS = 10_000;

const total = performance.now();
for (const [name, check] of Object.entries(strategyDocumentProperties)) {
  const start = performance.now();
  check(RUNS);
  console.log(`${((performance.now() - start) / 1000).toFixed(1).padStart(6)} s  ${RUNS} runs: ${name}`);
}
console.log(`${((performance.now() - total) / 1000).toFixed(1).padStart(6)} s  in all`);
