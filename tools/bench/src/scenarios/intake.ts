import { sleep } from '@banli/testing';
import type { Ctx } from '../context';
import { r1, range } from '../context';
import { measure } from '../proc';
import { assignment, CO_HANDLERS, openSession, proposalId, registration } from '../proposals';
import { underGoal } from '../report';
import { forEachLimited, ratio } from '../stats';
import { BENCH_TASK_QUEUE } from '../system';

/** Units with open tasks in consultation: the lead unit (contact, draft) and each co-handler (opinion). */
export const UNITS_WITH_TASKS = CO_HANDLERS.length + 1;
const IMPORT_CHUNK = 1_000;
/** The API's MAX_ASSIGNMENT_ROWS: one bulk assignment request per this many proposals. */
const ASSIGNMENT_CHUNK = 1_000;

/**
 * Session intake in the office's two bulk steps, each one workflow update per proposal: the
 * committee imports the session accepted (POST /api/proposals/import?accept=true: registration
 * and 立案 in one update-with-start), then the office assigns them (lead + three co-handlers)
 * through POST /api/proposals/assignments (one `assign` update each), until the read model
 * holds every one in consultation with its four open tasks. Both requests go one chunk at a
 * time; the API keeps 16 rows in flight towards Temporal. Baseline: N no-op workflows started
 * (and completed) at the client concurrency on the same server.
 */
export async function intake(ctx: Ctx): Promise<void> {
  const sizes = ctx.args.intakeSizes ?? [ctx.args.sizes.intake];
  const first = ctx.intakeSession;
  for (const [k, n] of sizes.entries()) {
    // One session per size (B-1, B-2, …); the later scenarios use the last, whose size is
    // `sizes.intake` (parseArgs sets it to the last of --intake-sizes).
    const session = k === 0 ? first : first.replace(/-\d+$/, `-${k + 1}`);
    await intakeAt(ctx, n, session, sizes.length > 1);
    ctx.intakeSession = session;
  }
}

/** One intake of n proposals into its own session, beside its own no-op baseline. */
async function intakeAt(ctx: Ctx, n: number, session: string, curve: boolean): Promise<void> {
  const { system, api, args } = ctx;
  const c = args.concurrency;
  await openSession(api, session);

  ctx.log(`intake baseline: ${n} no-op workflows at concurrency ${c}`);
  const base = await measure({ temporal: system.temporal.pid, benchWorker: system.benchWorker.pid }, () =>
    forEachLimited(range(n), c, async (i) => {
      await system.client.workflow.execute('noopWorkflow', {
        taskQueue: BENCH_TASK_QUEUE,
        workflowId: `noop-${ctx.runId}-${i}`,
        args: [],
      });
    }),
  );

  ctx.log(`intake: ${n} proposals imported accepted, then assigned in bulk`);
  if (args.profile) {
    system.worker.signal('SIGWINCH');
    system.api.signal('SIGWINCH');
  }
  const phases: Record<string, number> = {};
  const phase = async (name: string, fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    phases[name] = r1((performance.now() - t) / 1000);
  };
  const run = await measure(
    { temporal: system.temporal.pid, worker: system.worker.pid, api: system.api.pid },
    async () => {
      await phase('importAcceptS', async () => {
        for (let from = 0; from < n; from += IMPORT_CHUNK) {
          const rows = range(Math.min(IMPORT_CHUNK, n - from), from).map((i) => registration(session, i));
          const res = await api.post('/api/proposals/import?accept=true', 'registrar', { proposals: rows });
          // A 503 retried by the client re-sends the file: rows done by the first attempt answer `unchanged`.
          const report = res.body as {
            created: number;
            unchanged: number;
            failed: number;
            rows: { error?: unknown }[];
          };
          if (report.failed !== 0 || report.created + report.unchanged !== rows.length) {
            throw new Error(
              `import of ${rows.length} rows: ${report.created} created, ${report.unchanged} unchanged, ${report.failed} failed: ${JSON.stringify(report.rows.find((r) => r.error))}`,
            );
          }
        }
      });
      await phase('assignS', async () => {
        for (let from = 0; from < n; from += ASSIGNMENT_CHUNK) {
          const rows = range(Math.min(ASSIGNMENT_CHUNK, n - from), from).map((i) => ({
            proposalId: proposalId(session, i),
            ...assignment,
          }));
          // Retried after a 503 with the same key: rows assigned by the first attempt are the same updates.
          const res = await api.post('/api/proposals/assignments', 'officer', { assignments: rows });
          const report = res.body as { assigned: number; refused: number; rows: { error?: unknown }[] };
          if (report.assigned !== rows.length) {
            throw new Error(
              `bulk assignment of ${rows.length} rows: ${report.assigned} assigned, ${report.refused} refused: ${JSON.stringify(report.rows.find((r) => r.error))}`,
            );
          }
        }
      });
      await phase('readModelS', () => waitForConsultation(ctx, session, n));
    },
  );
  if (args.profile) {
    system.worker.signal('SIGWINCH');
    system.api.signal('SIGWINCH');
  }

  const intakeS = run.ms / 1000;
  const baseS = base.ms / 1000;
  const perProposalMs = (s: number) => r1((s * 1000) / n);
  const details = {
    proposals: n,
    session,
    concurrency: c,
    seconds: r1(intakeS),
    phases,
    retried503: api.retried503,
    processes: run.usage,
    cpuMsPerProposal: Object.fromEntries(Object.entries(run.usage).map(([k, u]) => [k, perProposalMs(u.cpuSeconds)])),
    load: run.load,
    baseline: {
      seconds: r1(baseS),
      processes: base.usage,
      cpuMsPerWorkflow: Object.fromEntries(
        Object.entries(base.usage).map(([k, u]) => [k, perProposalMs(u.cpuSeconds)]),
      ),
      load: base.load,
    },
  };
  // With --intake-sizes, `intake` holds the last size and `intakeCurve` every size in order.
  ctx.details['intake'] = details;
  if (curve) ctx.details['intakeCurve'] = [...((ctx.details['intakeCurve'] as unknown[] | undefined) ?? []), details];
  const full = !args.quick;
  ctx.figures.push(
    {
      scenario: 'intake',
      name: `${n} proposals to consultation (tasks open for 4 units each)`,
      value: r1(intakeS),
      unit: 's',
      baseline: { name: `${n} no-op workflows`, value: r1(baseS) },
      ratio: ratio(intakeS, baseS),
      goal: n === 5_000 ? '< 120 s' : '< 120 s for 5,000',
      ...(full ? underGoal(intakeS * (5_000 / n), 120, 's') : {}),
    },
    {
      scenario: 'intake',
      name: curve ? `${n} proposals: ratio to baseline` : 'ratio to baseline',
      value: ratio(intakeS, baseS),
      unit: '×',
      goal: '≤ 2×',
      ...(full ? underGoal(ratio(intakeS, baseS), 2, '×') : {}),
    },
    ...(['importAcceptS', 'assignS'] as const).map((p) => ({
      scenario: 'intake',
      name:
        (curve ? `${n} proposals, ` : '') +
        (p === 'importAcceptS'
          ? 'phase: import accepted (registration + 立案, one update each)'
          : 'phase: bulk assignment (one update each)'),
      value: phases[p] ?? 0,
      unit: 's',
      baseline: { name: `${n} no-op workflows`, value: r1(baseS) },
      ratio: ratio(phases[p] ?? 0, baseS),
    })),
    {
      scenario: 'intake',
      name: `${curve ? `${n} proposals: ` : ''}CPU per proposal (Temporal + worker + API)`,
      value: perProposalMs(
        (run.usage['temporal']?.cpuSeconds ?? 0) +
          (run.usage['worker']?.cpuSeconds ?? 0) +
          (run.usage['api']?.cpuSeconds ?? 0),
      ),
      unit: 'ms',
      baseline: {
        name: 'per no-op workflow (Temporal + bench worker)',
        value: perProposalMs((base.usage['temporal']?.cpuSeconds ?? 0) + (base.usage['benchWorker']?.cpuSeconds ?? 0)),
      },
    },
  );
}

async function waitForConsultation(ctx: Ctx, session: string, n: number, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await ctx.system.db.query(
      `SELECT count(*)::int AS "ready" FROM "proposal" p
       WHERE p."session_code" = $1 AND p."stage" = 'consultation'
         AND (SELECT count(DISTINCT t."unit_id") FROM "task" t WHERE t."proposal_id" = p."id" AND t."status" = 'open') = $2`,
      [session, UNITS_WITH_TASKS],
    );
    const ready = Number(rows[0]?.ready ?? 0);
    if (ready === n) return;
    if (Date.now() > deadline) {
      ctx.problems.push(
        `intake: only ${ready} of ${n} proposals reached consultation with open tasks for ${UNITS_WITH_TASKS} units`,
      );
      return;
    }
    await sleep(200);
  }
}
