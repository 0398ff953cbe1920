import { workerKills } from './support/chaos';
import { runScenario, scenarioTimeoutMs } from './support/scenario';

/** The worker killed with SIGKILL at random moments, repeatedly, and started again. */
describe('fault: the worker killed with SIGKILL', () => {
  it(
    'loses nothing and does nothing twice',
    async () => {
      const r = await runScenario('worker-kill', { postgres: 'shared' }, workerKills);
      expect(r.chaos.violations).toEqual([]);
      expect(r.invariants.violations).toEqual([]);
      expect(r.unexpectedExits).toEqual([]);
    },
    scenarioTimeoutMs(),
  );
});
