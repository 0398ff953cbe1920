import { apiKills } from './support/chaos';
import { runScenario, scenarioTimeoutMs } from './support/scenario';

/**
 * The API killed with SIGKILL mid-request and started again; the clients retry with their
 * Idempotency-Keys, so each action is applied once and a retry gets the first answer.
 */
describe('fault: the API killed mid-request', () => {
  it(
    'loses nothing and does nothing twice',
    async () => {
      const r = await runScenario('api-kill', { postgres: 'shared' }, apiKills);
      expect(r.chaos.violations).toEqual([]);
      expect(r.invariants.violations).toEqual([]);
      expect(r.unexpectedExits).toEqual([]);
      // The kills landed mid-request: clients saw dropped connections and retried them.
      expect(r.client.byOutcome['network'] ?? 0).toBeGreaterThan(0);
    },
    scenarioTimeoutMs(),
  );
});
