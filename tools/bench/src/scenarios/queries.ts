import autocannon from 'autocannon';
import { DEFAULT_DEADLINE_POLICY, taskKindsFor, WorkingDayCalendar } from '@banli/domain';
import {
  captureSql,
  createDataSource,
  explain,
  ProposalSearchRepository,
  SupervisionRepository,
  TaskQueryRepository,
} from '@banli/persistence';
import type { DataSource } from 'typeorm';
import type { Ctx } from '../context';
import { r1 } from '../context';
import { measure } from '../proc';
import { proposalId } from '../proposals';
import { underGoal } from '../report';
import { LatencySummary, ratio, summarize } from '../stats';

const UNITS = ['industry-it', 'human-resources', 'education', 'government-data', 'market-regulation'];
const INBOX_UNIT = 'education';
const SESSION = 'Q-1';
const ISO = `'YYYY-MM-DD"T"15:59:59.999"Z"'`;
const DATE = `'YYYY-MM-DD'`;
/** A day between 60 days ago and 59 days ahead, spread over the seeded rows (about half overdue). */
const day = (expr: string) => `((now() AT TIME ZONE 'UTC') + ((${expr}) % 120 - 60) * interval '1 day')`;
/** One seeded proposal in KEY_EVERY is a key proposal (its tasks and deadlines carry the mark too). */
const KEY_EVERY = 20;

/** The four list pages: what the API is asked, and the same through the repository directly. */
interface Page {
  name: string;
  label: string;
  path: string;
  user: string;
  direct(ds: DataSource): Promise<{ items: unknown[]; total: number }>;
}

function pages(): Page[] {
  const calendar = WorkingDayCalendar.official();
  const policy = { dueSoonWorkingDays: DEFAULT_DEADLINE_POLICY.dueSoonWorkingDays };
  const now = () => new Date();
  return [
    {
      name: 'inbox',
      label: 'inbox (unit, overdue, first 50 by deadline)',
      path: '/api/tasks?status=open&overdue=true&sort=dueAt&page=1&pageSize=50',
      user: `${INBOX_UNIT}-cohandler`,
      // What TasksService asks for the co-handler (scope=mine); any due-soon cutoff serves: it changes the counts, not the plan.
      direct: (ds) =>
        new TaskQueryRepository(ds).inbox({
          unitId: INBOX_UNIT,
          status: 'open',
          overdue: true,
          kinds: taskKindsFor({ roles: ['co-handler'] }),
          sort: 'dueAt',
          page: 1,
          pageSize: 50,
          now: now().toISOString(),
          dueSoonUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        }),
    },
    {
      name: 'overdue',
      label: 'supervisor overdue view (first 50)',
      path: '/api/supervision/deadlines?state=overdue&page=1&pageSize=50',
      user: 'supervisor',
      direct: (ds) =>
        new SupervisionRepository(ds).deadlines({ state: 'overdue', page: 1, pageSize: 50 }, calendar, policy, now()),
    },
    {
      name: 'dueSoon',
      label: 'supervisor due-soon view (first 50)',
      path: '/api/supervision/deadlines?state=due-soon&page=1&pageSize=50',
      user: 'supervisor',
      direct: (ds) =>
        new SupervisionRepository(ds).deadlines({ state: 'due-soon', page: 1, pageSize: 50 }, calendar, policy, now()),
    },
    {
      name: 'proposals',
      label: "proposal list (a unit's, first 50)",
      path: '/api/proposals?page=1&pageSize=50',
      user: `${INBOX_UNIT}-cohandler`,
      direct: (ds) => new ProposalSearchRepository(ds).search({ unitId: INBOX_UNIT, page: 1, pageSize: 50 }),
    },
  ];
}

/**
 * The list pages on a large read model: proposals, tasks and deadlines seeded straight into
 * PostgreSQL with INSERT … SELECT generate_series, each row cloned from a real proposal the
 * intake left in consultation (so every column holds what the projection writes), one in 20 a
 * key proposal, deadlines spread over four months around today. At each data size
 * (`--query-sizes`, tasks; default `--query-tasks`), growing the same data set: EXPLAIN
 * (ANALYZE, BUFFERS) of every statement of the four pages (the scenario fails if a page's plan
 * sorts every match), then at concurrency 16 with autocannon: a unit's overdue inbox, the
 * supervisors' overdue and due-soon views, and a unit's proposal list (first pages of 50).
 * Baselines: the same repository method called directly (no HTTP, no API) by 16 concurrent
 * callers, and a bare HTTP round trip (GET /api/health).
 */
export async function queries(ctx: Ctx): Promise<void> {
  const { system, args } = ctx;
  const tasksPer = Math.max(1, Math.round(args.sizes.queryTasks / args.sizes.queryProposals));
  const sizes = args.querySizes?.length ? [...args.querySizes].sort((a, b) => a - b) : [args.sizes.queryTasks];
  const template = proposalId(ctx.intakeSession, args.sizes.intake - 1);
  const ds = createDataSource({ type: 'postgres', url: system.databaseUrl, poolSize: 16 });
  await ds.initialize();
  const tokens = new Map<string, string>();
  for (const u of [`${INBOX_UNIT}-cohandler`, 'supervisor']) tokens.set(u, await ctx.api.token(u));
  const results: Record<string, unknown>[] = [];
  const full = !args.quick;
  let seeded = 0;
  try {
    for (const size of sizes) {
      const target = Math.max(1, Math.round(size / tasksPer));
      ctx.log(`queries: seeding up to ${target} proposals and ${target * tasksPer} tasks (cloned from ${template})`);
      const seedT = performance.now();
      if (target > seeded) await seed(ctx, template, seeded + 1, target, tasksPer);
      seeded = Math.max(seeded, target);
      const seedS = r1((performance.now() - seedT) / 1000);
      const counts = (
        await system.db.query(
          `SELECT (SELECT count(*) FROM proposal)::int AS p, (SELECT count(*) FROM task)::int AS t, (SELECT count(*) FROM deadline)::int AS d`,
        )
      ).rows[0];
      const at = await measureSize(ctx, ds, tokens);
      results.push({ size, seeded: { ...counts, seconds: seedS }, ...at.details });
      const suffix = sizes.length > 1 ? ` @ ${size.toLocaleString('en-US')} tasks` : '';
      for (const page of pages()) {
        const http = at.http[page.name] as LoadResult;
        const raw = at.direct[page.name] as LoadResult;
        const base = raw.latency.p95 + at.health.latency.p95;
        ctx.figures.push(
          {
            scenario: 'queries',
            name: `${page.label} p50${suffix}`,
            value: http.latency.p50,
            unit: 'ms',
            baseline: { name: 'repository direct p50', value: raw.latency.p50 },
            ratio: ratio(http.latency.p50, raw.latency.p50),
          },
          {
            scenario: 'queries',
            name: `${page.label} p95${suffix}`,
            value: http.latency.p95,
            unit: 'ms',
            baseline: { name: 'repository direct p95 + bare HTTP p95', value: r1(base) },
            ratio: ratio(http.latency.p95, base),
            goal: '< 50 ms and ≤ 2× baseline',
            ...(full
              ? combine(underGoal(http.latency.p95, 50, 'ms'), underGoal(ratio(http.latency.p95, base), 2, '×'))
              : {}),
          },
          {
            scenario: 'queries',
            name: `${page.label} requests/s${suffix}`,
            value: http.requestsPerSecond,
            unit: 'req/s',
            baseline: { name: 'repository direct', value: raw.requestsPerSecond },
            ratio: ratio(http.requestsPerSecond, raw.requestsPerSecond),
          },
        );
      }
      ctx.figures.push({
        scenario: 'queries',
        name: `bare HTTP round trip (GET /api/health) p95${suffix}`,
        value: at.health.latency.p95,
        unit: 'ms',
      });
    }
  } finally {
    await ds.destroy();
  }
  ctx.details['queries'] = { inboxUnit: INBOX_UNIT, keyEvery: KEY_EVERY, sizes: results };
}

/** One data size: the plans, the pages checked, then each page under load beside its baseline. */
async function measureSize(ctx: Ctx, ds: DataSource, tokens: Map<string, string>) {
  const { system, args } = ctx;
  const seconds = args.sizes.loadSeconds;
  const plans: Record<string, { sql: string; text: string; plan: unknown; fullSorts: string[] }[]> = {};
  const totals: Record<string, unknown> = {};
  for (const page of pages()) {
    const { statements } = await captureSql(() => page.direct(ds));
    plans[page.name] = [];
    for (const s of statements) {
      const p = await explain(ds, s, true);
      plans[page.name]?.push(p);
      if (p.fullSorts.length)
        ctx.problems.push(
          `queries: the ${page.name} page's plan sorts every match (${p.fullSorts.join('; ')}):\n${p.text}`,
        );
    }
    const body = (await ctx.api.get(page.path, page.user)).body as {
      items: unknown[];
      total: number;
      totalCapped?: boolean;
    };
    totals[page.name] = { total: body.total, totalCapped: body.totalCapped ?? false };
    if (body.items.length !== 50)
      ctx.problems.push(`queries: the ${page.name} page holds ${body.items.length} rows, not 50`);
  }
  ctx.log(`queries: autocannon, 16 connections, ${seconds} s each`);
  const health = await cannon(`${system.apiUrl}/api/health`, undefined, seconds);
  const pids = { api: system.api.pid, postgres: undefined };
  const http: Record<string, LoadResult & { apiCpuSeconds?: number }> = {};
  const direct: Record<string, LoadResult> = {};
  // With --profile, the API's CPU profile of the query loads (the intake's is separate).
  if (args.profile) system.api.signal('SIGWINCH');
  for (const page of pages()) {
    const m = await measure(pids, () => cannon(`${system.apiUrl}${page.path}`, tokens.get(page.user), seconds));
    http[page.name] = { ...m.result, apiCpuSeconds: m.usage['api']?.cpuSeconds };
  }
  if (args.profile) system.api.signal('SIGWINCH');
  for (const page of pages()) direct[page.name] = await directLoad(() => page.direct(ds), seconds);
  return { health, http, direct, details: { totals, health, http, direct, plans } };
}

function combine(
  a: { met: boolean; missedBy?: string },
  b: { met: boolean; missedBy?: string },
): { met: boolean; missedBy?: string } {
  const missed = [a.missedBy, b.missedBy].filter(Boolean).join('; ');
  return { met: a.met && b.met, ...(missed ? { missedBy: missed } : {}) };
}

export interface LoadResult {
  latency: LatencySummary;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function cannon(url: string, token: string | undefined, seconds: number): Promise<LoadResult> {
  const samples: number[] = [];
  const instance = autocannon({
    url,
    connections: 16,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => samples.push(ms));
  const result = await instance;
  return {
    latency: summarize(samples),
    requestsPerSecond: r1(result.requests.total / (result.duration || seconds)),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The repository method itself, 16 callers at once on a pool of 16 (as the API's), for `seconds`. */
async function directLoad(call: () => Promise<unknown>, seconds: number): Promise<LoadResult> {
  const samples: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await call();
        samples.push(performance.now() - t);
      }
    }),
  );
  return {
    latency: summarize(samples),
    requestsPerSecond: r1(samples.length / seconds),
    requests: samples.length,
    non2xx: 0,
    errors: 0,
  };
}

async function columns(ctx: Ctx, table: string): Promise<string[]> {
  const { rows } = await ctx.system.db.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r: { column_name: string }) => r.column_name);
}

/** INSERT INTO t SELECT (each column, or its override) FROM t src CROSS JOIN generate_series(from, to) g WHERE … ($3 is the template) */
async function clone(
  ctx: Ctx,
  table: string,
  overrides: Record<string, string>,
  where: string,
  params: unknown[],
  extraFrom = '',
): Promise<void> {
  const cols = await columns(ctx, table);
  const exprs = cols.map((c) => overrides[c] ?? `src."${c}"`);
  await ctx.system.db.query(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')})
     SELECT ${exprs.join(', ')} FROM "${table}" src CROSS JOIN generate_series($1::int, $2::int) g ${extraFrom} WHERE ${where}`,
    params,
  );
}

async function seed(ctx: Ctx, template: string, from: number, to: number, tasksPer: number): Promise<void> {
  const key = `CASE WHEN g % ${KEY_EVERY} = 0 THEN 1 ELSE 0 END`;
  const id = `'${SESSION}_' || lpad(g::text, 6, '0')`;
  const units = `(ARRAY[${UNITS.map((u) => `'${u}'`).join(',')}])`;
  await clone(
    ctx,
    'proposal',
    {
      id,
      workflow_id: `'proposal-' || ${id}`,
      session_code: `'${SESSION}'`,
      session_name: `'查询基准会议'`,
      number: `lpad(g::text, 6, '0')`,
      title: `src."title" || ' #' || g`,
      next_due_at: `to_char(${day('g')}, ${ISO})`,
      key_proposal: key,
    },
    `src."id" = $3`,
    [from, to, template],
  );
  // Tasks: one row per (proposal, k), spread over the units and four months of deadlines; all
  // opinions, so that the co-handler's inbox (the kinds the domain gives that role) lists them.
  await clone(
    ctx,
    'task',
    {
      id: `${id} || ':bench:' || k`,
      proposal_id: id,
      kind: `'opinion'`,
      unit_id: `${units}[1 + (g + k) % ${UNITS.length}]`,
      status: `'open'`,
      due_at: `to_char(${day('g * 7 + k * 13')}, ${ISO})`,
      key_proposal: key,
    },
    `src."id" = (SELECT min("id") FROM "task" WHERE "proposal_id" = $3 AND "status" = 'open')`,
    [from, to, template],
    `CROSS JOIN generate_series(1, ${tasksPer}) k`,
  );
  await clone(
    ctx,
    'deadline',
    {
      proposal_id: id,
      due_at: `CASE WHEN src."due_at" IS NULL THEN NULL ELSE to_char(${day('g')}, ${ISO}) END`,
      end_date: `CASE WHEN src."end_date" IS NULL THEN NULL ELSE to_char(${day('g')}, ${DATE}) END`,
      key_proposal: key,
    },
    `src."proposal_id" = $3`,
    [from, to, template],
  );
  await clone(ctx, 'proposal_access', { proposal_id: id }, `src."proposal_id" = $3`, [from, to, template]);
  await clone(
    ctx,
    'handling_record',
    {
      proposal_id: id,
      session_code: `'${SESSION}'`,
      end_date: `CASE WHEN src."end_date" IS NULL THEN NULL ELSE to_char(${day('g')}, ${DATE}) END`,
    },
    `src."proposal_id" = $3`,
    [from, to, template],
  );
  await ctx.system.db.query('ANALYZE');
}
