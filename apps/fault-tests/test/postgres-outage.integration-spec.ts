import { postgresOutage } from './support/chaos';
import { runScenario, scenarioTimeoutMs } from './support/scenario';

/**
 * PostgreSQL stopped for 30 seconds mid-run (a private server of the test's own, never the
 * machine's shared cluster): the API answers 503 meanwhile, activities retry, and the read
 * model converges once it is back.
 */
describe('fault: PostgreSQL stopped for 30 seconds', () => {
  it(
    'answers 503 meanwhile, then converges, losing nothing',
    async () => {
      const r = await runScenario('postgres-outage', { postgres: 'private' }, postgresOutage);
      expect(r.chaos.violations).toEqual([]);
      expect(r.invariants.violations).toEqual([]);
      expect(r.unexpectedExits).toEqual([]);
    },
    scenarioTimeoutMs(),
  );
});
