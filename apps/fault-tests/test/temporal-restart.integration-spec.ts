import { temporalRestarts } from './support/chaos';
import { runScenario, scenarioTimeoutMs } from './support/scenario';

/** The Temporal dev server stopped (SIGTERM or SIGKILL) and started again on its database file. */
describe('fault: the Temporal server stopped and restarted', () => {
  it(
    'loses nothing and does nothing twice',
    async () => {
      const r = await runScenario('temporal-restart', { postgres: 'shared' }, temporalRestarts);
      expect(r.chaos.violations).toEqual([]);
      expect(r.invariants.violations).toEqual([]);
      expect(r.unexpectedExits).toEqual([]);
    },
    scenarioTimeoutMs(),
  );
});
