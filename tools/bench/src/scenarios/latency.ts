import type { Ctx } from '../context';
import { range } from '../context';
import { CO_HANDLERS, opinion, proposalId } from '../proposals';
import { underGoal } from '../report';
import { forEachLimited, LatencySummary, ratio, summarize } from '../stats';
import { BENCH_TASK_QUEUE } from '../system';

/**
 * Task completion latency: a co-handler's opinion through POST /api/proposals/:id/opinions
 * (validation, authorisation, workflow update, read-model write, response), one at a time and
 * 16 at a time, each on a proposal the intake left in consultation. Baseline: a bare update
 * round-trip on a minimal workflow (bench worker) at the same concurrency, interleaved with them.
 */
/** Opinions at concurrency 16 measured, then as many bare updates, in blocks of this size. */
const BLOCK = 64;

export async function latency(ctx: Ctx): Promise<void> {
  const { system, api, args } = ctx;
  const n = args.sizes.intake;
  const serial = args.sizes.latencySerial;
  const concurrent = args.sizes.latencyConcurrent;
  if (serial + concurrent > n * CO_HANDLERS.length) throw new Error('latency: more opinions than the intake has open');
  // Unit-major: consecutive samples are on different proposals (as different users would be).
  const pairs = range(serial + concurrent).map((k) => ({
    id: proposalId(ctx.intakeSession, k % n),
    unit: CO_HANDLERS[Math.floor(k / n)] as string,
  }));
  for (const u of CO_HANDLERS) await api.token(`${u}-cohandler`);

  const submit = async (p: { id: string; unit: string }) =>
    (await api.post(`/api/proposals/${p.id}/opinions`, `${p.unit}-cohandler`, opinion(p.unit), [200])).ms;

  // Warm both paths (JIT, connections) before measuring.
  const bench = await Promise.all(
    range(16).map((i) =>
      system.client.workflow.start('updateWorkflow', {
        taskQueue: BENCH_TASK_QUEUE,
        workflowId: `upd-${ctx.runId}-${i}`,
        args: [],
      }),
    ),
  );
  const bump = async (i: number) => {
    const t = performance.now();
    await (bench[i % 16] as (typeof bench)[number]).executeUpdate('bump', { args: [1] });
    return performance.now() - t;
  };
  for (const i of range(20)) await bump(i);

  ctx.log(`latency: ${serial} opinions one at a time, ${concurrent} at concurrency 16`);
  // Interleaved with the baseline (one opinion then one bare update; at 16, a block of 64 of
  // each in turn), so that both see the same load when the machine is shared.
  const http1: number[] = [];
  const base1: number[] = [];
  for (const p of pairs.slice(0, serial)) {
    http1.push(await submit(p));
    base1.push(await bump(0));
  }
  const http16: number[] = [];
  const base16: number[] = [];
  const rest = pairs.slice(serial);
  for (let from = 0; from < rest.length; from += BLOCK) {
    const block = rest.slice(from, from + BLOCK);
    await forEachLimited(block, 16, async (p) => void http16.push(await submit(p)));
    await forEachLimited(range(block.length, from), 16, async (i) => void base16.push(await bump(i)));
  }
  await Promise.all(bench.map((h) => h.executeUpdate('finish')));

  const s = { c1: summarize(http1), c16: summarize(http16) };
  const b = { c1: summarize(base1), c16: summarize(base16) };
  ctx.details['latency'] = { opinion: s, bareUpdate: b };
  const full = !args.quick;
  const row = (label: string, x: LatencySummary, y: LatencySummary) => [
    {
      scenario: 'latency',
      name: `opinion p50, ${label}`,
      value: x.p50,
      unit: 'ms',
      baseline: { name: 'bare update p50', value: y.p50 },
      ratio: ratio(x.p50, y.p50),
      goal: '< 100 ms',
      ...(full ? underGoal(x.p50, 100, 'ms') : {}),
    },
    {
      scenario: 'latency',
      name: `opinion p95, ${label}`,
      value: x.p95,
      unit: 'ms',
      baseline: { name: 'bare update p95', value: y.p95 },
      ratio: ratio(x.p95, y.p95),
      goal: '≤ 2× baseline',
      ...(full ? underGoal(ratio(x.p95, y.p95), 2, '×') : {}),
    },
    {
      scenario: 'latency',
      name: `opinion p99, ${label}`,
      value: x.p99,
      unit: 'ms',
      baseline: { name: 'bare update p99', value: y.p99 },
      ratio: ratio(x.p99, y.p99),
    },
  ];
  ctx.figures.push(...row('concurrency 1', s.c1, b.c1), ...row('concurrency 16', s.c16, b.c16));
}
