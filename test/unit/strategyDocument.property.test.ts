import { strategyDocumentProperties } from './helpers/strategyProperties';

/** Cases per property: a few hundred by default; `PROPERTY_RUNS=5000 npm run test:unit` digs deeper. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

describe('strategy documents, for any guide and any answers', function () {
  // Hundreds of generated documents, each scaffolded, answered, parsed and synced.
  this.timeout(120_000);

  for (const [name, check] of Object.entries(strategyDocumentProperties)) {
    it(name, () => check(RUNS));
  }
});
