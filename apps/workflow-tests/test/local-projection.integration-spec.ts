import { temporal } from '@temporalio/proto';
import { PROPOSAL_WORKFLOW_PATCHES } from '@banli/contracts';
import { ProposalEntity } from '@banli/persistence';
import { localActivityMarkers, patchMarkers, scheduledActivityInputs } from './support/history-fixtures';
import {
  Harness,
  people,
  ProposalDriver,
  saveHistoryFixture,
  startHarness,
  startProposal,
} from './support/workflow-harness';

const T = temporal.api.enums.v1.EventType;

/**
 * The projection runs as a local activity inside the workflow task (patch `local-projection`,
 * README "How an action is answered"): an action answers in the workflow task that applied it,
 * the read model already showing it; when the local attempts fail (the database unreachable),
 * the regular `projectProposal` activity takes over and retries until the database is back.
 */
describe('the projection as a local activity', () => {
  let h: Harness;
  /** While set, every projection write fails, as it would with the database down. */
  let databaseDown = false;
  let failedWrites = 0;

  beforeAll(async () => {
    h = await startHarness({
      wrapActivities: (real) => ({
        async projectProposal(projection) {
          if (databaseDown) {
            failedWrites++;
            throw new Error('connect ECONNREFUSED 127.0.0.1:5432 (simulated outage)');
          }
          return real.projectProposal(projection);
        },
      }),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const readModel = (p: ProposalDriver) =>
    h.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: p.proposalId });

  async function registered(p: ProposalDriver): Promise<void> {
    for (const until = Date.now() + 10_000; (await p.state()).projectedVersion < 1;) {
      if (Date.now() > until) throw new Error('the registration was not projected');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The history events from the update's acceptance to its completion. */
  async function updateEvents(p: ProposalDriver): Promise<temporal.api.enums.v1.EventType[]> {
    const events = (await p.handle.fetchHistory()).events ?? [];
    const from = events.findIndex((e) => e.eventType === T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    const to = events.findIndex((e) => e.eventType === T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    return events.slice(from, to + 1).map((e) => e.eventType as temporal.api.enums.v1.EventType);
  }

  it('answers an action in the workflow task that applied it, with the read model already showing it', async () => {
    const p = await startProposal(h);
    const result = await p.act('review', people.registrar, { decision: 'accept' });

    // Read at once, without waiting: the answer means the read model shows the action.
    const row = await readModel(p);
    expect(result.stage).toBe('assignment');
    expect([row.stage, row.projectionVersion]).toEqual([result.stage, result.version]);

    const history = await p.handle.fetchHistory();
    expect(patchMarkers(history)).toContain(PROPOSAL_WORKFLOW_PATCHES.localProjection);
    // Nothing went through the server's activity queue: the registration's and the review's
    // projections are local activity markers, with nothing recorded but an empty result.
    expect(scheduledActivityInputs(history, 'projectProposal')).toEqual([]);
    const markers = localActivityMarkers(history).filter((m) => m.type === 'projectProposal');
    expect(markers).toHaveLength(2);
    expect(markers.map((m) => m.resultBytes)).toEqual([0, 0]);
    // Accepted and completed in one workflow task: no task completes between the two.
    const between = await updateEvents(p);
    expect(between).toContain(T.EVENT_TYPE_MARKER_RECORDED);
    expect(between).not.toContain(T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  });

  it('falls back to the regular activity when the local attempts fail, and answers once the database is back', async () => {
    const p = await startProposal(h);
    await registered(p);
    databaseDown = true;
    failedWrites = 0;
    const acting = p.act('review', people.registrar, { decision: 'accept' });
    let settled = false;
    void acting.then(
      () => (settled = true),
      () => (settled = true),
    );

    // Three local attempts, then the regular activity's first attempt: all fail.
    for (const until = Date.now() + 15_000; failedWrites < 4;) {
      if (Date.now() > until) throw new Error(`only ${failedWrites} projection attempts failed`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(settled).toBe(false);
    expect((await readModel(p)).stage).toBe('registered');

    databaseDown = false;
    const result = await acting;
    const row = await readModel(p);
    expect([row.stage, row.projectionVersion]).toEqual(['assignment', result.version]);

    const history = await p.handle.fetchHistory();
    // The registration's projection was local; the review's local attempts failed (their
    // marker records the failure) and the regular activity wrote it, retried by the server.
    expect(scheduledActivityInputs(history, 'projectProposal')).toHaveLength(1);
    const markers = localActivityMarkers(history).filter((m) => m.type === 'projectProposal');
    expect(markers.map((m) => m.failed)).toEqual([false, true]);
    const events = (history.events ?? []).map((e) => e.eventType);
    expect(events).toContain(T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    const started = (history.events ?? []).find((e) => e.eventType === T.EVENT_TYPE_ACTIVITY_TASK_STARTED);
    expect(started?.activityTaskStartedEventAttributes?.attempt).toBeGreaterThanOrEqual(2);
    await saveHistoryFixture(p, 'projection-fallback');
  });
});
