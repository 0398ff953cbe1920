import type { Ctx } from '../context';
import { r1 } from '../context';
import { measure } from '../proc';
import { driveToClosed } from './drive';

/** End-to-end throughput: proposals carried from import to a signed, rated reply, per second. */
export async function e2e(ctx: Ctx): Promise<void> {
  const { system, args } = ctx;
  const n = args.sizes.e2eProposals;
  const users = args.sizes.e2eUsers;
  ctx.log(`e2e: ${users} simulated users carry ${n} proposals to a signed, rated reply`);
  const run = await measure({ temporal: system.temporal.pid, worker: system.worker.pid, api: system.api.pid }, () =>
    driveToClosed(ctx, 'E-1', n, users),
  );
  const o = run.result;
  if (o.failed.length) ctx.problems.push(`e2e: ${o.failed.length} proposals failed, e.g. ${o.failed[0]}`);
  if (o.closed !== n) ctx.problems.push(`e2e: ${o.closed} of ${n} proposals closed`);
  const perSecond = Math.round((o.closed / o.seconds) * 1000) / 1000;
  ctx.details['e2e'] = {
    proposals: n,
    users,
    seconds: r1(o.seconds),
    completed: o.completed,
    closed: o.closed,
    failed: o.failed.slice(0, 20),
    proposalsPerSecond: perSecond,
    processes: run.usage,
    cpuMsPerProposal: Object.fromEntries(
      Object.entries(run.usage).map(([k, u]) => [k, Math.round((u.cpuSeconds * 1000) / n)]),
    ),
    load: run.load,
  };
  ctx.figures.push({
    scenario: 'e2e',
    name: `proposals closed per second (${users} users, ${n} proposals, 14 requests each)`,
    value: perSecond,
    unit: '/s',
  });
}
