import type { Ctx } from '../context';
import { range } from '../context';
import { openSession, proposalId, Step, stepsToClosed } from '../proposals';
import { forEachLimited } from '../stats';

export interface DriveOutcome {
  completed: number;
  failed: string[];
  seconds: number;
  /** Proposals whose read model says `closed` at the end. */
  closed: number;
}

/**
 * `users` simulated users, each carrying one proposal at a time from registration to a signed,
 * rated reply through the HTTP API; then every proposal's stage is read back.
 */
export async function driveToClosed(ctx: Ctx, session: string, count: number, users: number): Promise<DriveOutcome> {
  const failed: string[] = [];
  let completed = 0;
  await openSession(ctx.api, session);
  const t = performance.now();
  await forEachLimited(range(count), users, async (i) => {
    try {
      const steps = stepsToClosed(session, i);
      for (let k = 0; k < steps.length;) {
        const group = steps[k]?.group;
        const batch: Step[] = [];
        while (k < steps.length && (batch.length === 0 || (group && steps[k]?.group === group)))
          batch.push(steps[k++] as Step);
        await Promise.all(batch.map((s) => ctx.api.post(s.path, s.user, s.body)));
      }
      completed++;
    } catch (e) {
      failed.push(`${proposalId(session, i)}: ${(e as Error).message.slice(0, 300)}`);
    }
  });
  const seconds = (performance.now() - t) / 1000;
  let closed = 0;
  await forEachLimited(range(count), 8, async (i) => {
    const res = await ctx.api.get(`/api/proposals/${proposalId(session, i)}`, 'registrar');
    if ((res.body as { stage?: string }).stage === 'closed') closed++;
  });
  return { completed, failed, seconds, closed };
}
