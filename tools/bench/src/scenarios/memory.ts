import type { Ctx } from '../context';
import { r1 } from '../context';
import { memoryMiB } from '../proc';
import { underGoal } from '../report';
import { driveToClosed } from './drive';

/** The small workflow cache the correctness run uses: fewer than the proposals in flight, so workflows are evicted and replayed. */
export const SMALL_CACHE = 8;

/**
 * Worker memory: the worker's peak RSS (VmHWM) over its life so far — it started with the run
 * and has every intake proposal open. Then the worker is restarted with a workflow cache smaller
 * than the proposals in flight and carries proposals to closed; every one must end closed.
 */
export async function memory(ctx: Ctx): Promise<void> {
  const { system, args } = ctx;
  const open = await system.db.query(`SELECT count(*)::int AS n FROM "proposal" WHERE "closed_at" IS NULL`);
  const mem = memoryMiB(system.worker.pid);
  const apiMem = memoryMiB(system.api.pid);
  const tempMem = memoryMiB(system.temporal.pid);
  const n = args.sizes.smallCacheProposals;
  const users = 16;
  ctx.log(
    `memory: worker peak ${Math.round(mem.hwm)} MiB with ${open.rows[0]?.n} open proposals; ${n} proposals to closed with maxCachedWorkflows=${SMALL_CACHE}`,
  );
  await system.restartWorker({ BANLI_WORKER_MAX_CACHED_WORKFLOWS: String(SMALL_CACHE) });
  const o = await driveToClosed(ctx, 'M-1', n, users);
  const smallCachePeak = memoryMiB(system.worker.pid).hwm;
  await system.restartWorker({ BANLI_WORKER_MAX_CACHED_WORKFLOWS: '' });
  if (o.failed.length)
    ctx.problems.push(`memory: ${o.failed.length} proposals failed with a small cache, e.g. ${o.failed[0]}`);
  if (o.closed !== n) ctx.problems.push(`memory: ${o.closed} of ${n} proposals closed with a small cache`);
  ctx.details['memory'] = {
    openProposals: Number(open.rows[0]?.n ?? 0),
    worker: { peakRssMiB: Math.round(mem.hwm), rssMiB: Math.round(mem.rss) },
    api: { peakRssMiB: Math.round(apiMem.hwm) },
    temporal: { peakRssMiB: Math.round(tempMem.hwm) },
    smallCache: {
      maxCachedWorkflows: SMALL_CACHE,
      users,
      proposals: n,
      closed: o.closed,
      failed: o.failed.slice(0, 20),
      seconds: r1(o.seconds),
      workerPeakRssMiB: Math.round(smallCachePeak),
    },
  };
  ctx.figures.push(
    {
      scenario: 'memory',
      name: `worker peak RSS, ${open.rows[0]?.n} open proposals`,
      value: Math.round(mem.hwm),
      unit: 'MiB',
      goal: '< 1024 MiB',
      ...(!args.quick ? underGoal(mem.hwm, 1024, 'MiB') : {}),
    },
    {
      scenario: 'memory',
      name: `closed correctly with maxCachedWorkflows=${SMALL_CACHE}, ${users} in flight`,
      value: o.closed,
      unit: `of ${n}`,
      goal: 'all',
      met: o.closed === n,
    },
  );
}
