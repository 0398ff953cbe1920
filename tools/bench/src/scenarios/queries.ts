import autocannon from 'autocannon';
import { taskKindsFor } from '@banli/domain';
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

/**
 * Inbox and supervision queries on a large read model: N proposals and M tasks seeded straight
 * into PostgreSQL with INSERT … SELECT generate_series, each row cloned from a real proposal
 * the intake left in consultation (so every column holds what the projection writes), with
 * deadlines spread over four months around today. Then, at concurrency 16 with autocannon:
 * a unit's inbox (first page of 50, by deadline, overdue only) and the supervisors' overdue
 * view. Baselines: the same SQL run directly through `pg` at concurrency 16, and a bare HTTP
 * round trip (GET /api/health) with autocannon.
 */
export async function queries(ctx: Ctx): Promise<void> {
  const { system, args } = ctx;
  const n = args.sizes.queryProposals;
  const tasksPer = Math.max(1, Math.round(args.sizes.queryTasks / n));
  const template = proposalId(ctx.intakeSession, args.sizes.intake - 1);
  ctx.log(`queries: seeding ${n} proposals and ${n * tasksPer} tasks (cloned from ${template})`);
  const seedT = performance.now();
  await seed(ctx, template, n, tasksPer);
  const seedS = r1((performance.now() - seedT) / 1000);
  const counts = (
    await system.db.query(
      `SELECT (SELECT count(*) FROM proposal)::int AS p, (SELECT count(*) FROM task)::int AS t, (SELECT count(*) FROM deadline)::int AS d`,
    )
  ).rows[0];

  const now = new Date().toISOString();
  // Any instant serves as the due-soon cutoff: it changes the counts, not the plan.
  const soon = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const inboxSql = inboxQueries(now, soon);
  const supSql = supervisionQueries(now);
  const plans: Record<string, string> = {};
  for (const [name, q] of [
    ...inboxSql.map((q, i) => [`inbox-${i + 1}`, q] as const),
    ...supSql.map((q, i) => [`overdue-${i + 1}`, q] as const),
  ]) {
    const res = await system.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
    plans[name] = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  }

  const seconds = args.sizes.loadSeconds;
  const [handlerToken, supervisorToken] = [
    await ctx.api.token(`${INBOX_UNIT}-cohandler`),
    await ctx.api.token('supervisor'),
  ];
  const inboxPath = '/api/tasks?status=open&overdue=true&sort=dueAt&page=1&pageSize=50';
  const overduePath = '/api/supervision/deadlines?state=overdue&page=1&pageSize=50';
  // Check the pages are real before loading them.
  const inboxPage = (await ctx.api.get(inboxPath, `${INBOX_UNIT}-cohandler`)).body as {
    items: unknown[];
    total: number;
  };
  const overduePage = (await ctx.api.get(overduePath, 'supervisor')).body as { items: unknown[]; total: number };
  if (inboxPage.items.length !== 50)
    ctx.problems.push(`queries: the inbox page holds ${inboxPage.items.length} tasks, not 50`);
  if (overduePage.items.length !== 50)
    ctx.problems.push(`queries: the overdue page holds ${overduePage.items.length} deadlines, not 50`);

  ctx.log(`queries: autocannon, 16 connections, ${seconds} s each`);
  const pids = { api: system.api.pid, postgres: undefined };
  const health = await cannon(`${system.apiUrl}/api/health`, undefined, seconds);
  // With --profile, the API's CPU profile of the two query loads (the intake's is separate).
  if (args.profile) system.api.signal('SIGWINCH');
  const inbox = await measure(pids, () => cannon(`${system.apiUrl}${inboxPath}`, handlerToken, seconds));
  const overdue = await measure(pids, () => cannon(`${system.apiUrl}${overduePath}`, supervisorToken, seconds));
  if (args.profile) system.api.signal('SIGWINCH');
  const inboxRaw = await sqlLoad(ctx, inboxSql, seconds);
  const overdueRaw = await sqlLoad(ctx, supSql, seconds);

  ctx.details['queries'] = {
    seeded: {
      ...counts,
      seconds: seedS,
      inboxUnit: INBOX_UNIT,
      inboxTotal: inboxPage.total,
      overdueTotal: overduePage.total,
    },
    health,
    inbox: { ...inbox.result, apiCpuSeconds: inbox.usage['api']?.cpuSeconds, sql: inboxRaw },
    overdue: { ...overdue.result, apiCpuSeconds: overdue.usage['api']?.cpuSeconds, sql: overdueRaw },
    plans,
  };
  const full = !args.quick;
  for (const [label, http, raw] of [
    ['inbox (unit, overdue, first 50 by deadline)', inbox.result, inboxRaw],
    ['supervisor overdue view (first 50)', overdue.result, overdueRaw],
  ] as const) {
    const base = raw.latency.p95 + health.latency.p95;
    ctx.figures.push(
      {
        scenario: 'queries',
        name: `${label} p50`,
        value: http.latency.p50,
        unit: 'ms',
        baseline: { name: 'same SQL direct p50', value: raw.latency.p50 },
        ratio: ratio(http.latency.p50, raw.latency.p50),
      },
      {
        scenario: 'queries',
        name: `${label} p95`,
        value: http.latency.p95,
        unit: 'ms',
        baseline: { name: 'SQL p95 + bare HTTP p95', value: r1(base) },
        ratio: ratio(http.latency.p95, base),
        goal: '< 50 ms and ≤ 2× baseline',
        ...(full
          ? combine(underGoal(http.latency.p95, 50, 'ms'), underGoal(ratio(http.latency.p95, base), 2, '×'))
          : {}),
      },
      {
        scenario: 'queries',
        name: `${label} requests/s`,
        value: http.requestsPerSecond,
        unit: 'req/s',
        baseline: { name: 'same SQL direct', value: raw.requestsPerSecond },
        ratio: ratio(http.requestsPerSecond, raw.requestsPerSecond),
      },
    );
  }
  ctx.figures.push({
    scenario: 'queries',
    name: 'bare HTTP round trip (GET /api/health) p95',
    value: health.latency.p95,
    unit: 'ms',
  });
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

interface Sql {
  text: string;
  values: unknown[];
}

/**
 * What GET /api/tasks runs for the co-handler (TaskQueryRepository.inbox, scope=mine): the
 * page, its total, the counts, over the task kinds the domain gives that role.
 */
function inboxQueries(now: string, soon: string): Sql[] {
  const kinds = taskKindsFor({ roles: ['co-handler'] });
  const inKinds = kinds.map((_, i) => `$${i + 4}`).join(', ');
  const where = `t."unit_id" = $1 AND t."status" = $2 AND t."due_at" < $3 AND t."kind" IN (${inKinds})`;
  const next = kinds.length + 4;
  return [
    {
      text: `SELECT t."id", t."proposal_id", t."kind", t."unit_id", t."status", t."deadline_key", t."due_at", t."round",
              t."opened_at", t."closed_at", p."title", p."stage", p."session_name", p."number", p."key_proposal"
       FROM "task" t JOIN "proposal" p ON p."id" = t."proposal_id"
       WHERE ${where}
       ORDER BY p."key_proposal" DESC, t."due_at" ASC NULLS LAST, t."id" ASC LIMIT $${next} OFFSET $${next + 1}`,
      values: [INBOX_UNIT, 'open', now, ...kinds, 50, 0],
    },
    { text: `SELECT count(*) AS "n" FROM "task" t WHERE ${where}`, values: [INBOX_UNIT, 'open', now, ...kinds] },
    {
      text: `SELECT count(*) AS "open", sum(CASE WHEN t."due_at" < $1 THEN 1 ELSE 0 END) AS "overdue",
              sum(CASE WHEN t."due_at" >= $1 AND t."due_at" <= $2 THEN 1 ELSE 0 END) AS "due_soon"
       FROM "task" t WHERE t."unit_id" = $3 AND t."kind" IN (${kinds.map((_, i) => `$${i + 4}`).join(', ')}) AND t."status" = 'open'`,
      values: [now, soon, INBOX_UNIT, ...kinds],
    },
  ];
}

/** What GET /api/supervision/deadlines?state=overdue runs (SupervisionRepository.deadlines). */
function supervisionQueries(now: string): Sql[] {
  const kinds = ['opinion', 'contact', 'reply', 'follow-up', 'publication'];
  const from = `FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id"
    WHERE d."status" = 'running' AND d."due_at" IS NOT NULL AND d."kind" IN ($1, $2, $3, $4, $5) AND d."due_at" < $6`;
  return [
    {
      text: `SELECT d."proposal_id", d."key", d."kind", d."unit_id", d."due_at", d."end_date", d."provisional", d."extended",
              d."escalations", p."session_code", p."session_name", p."number", p."title", p."stage", p."key_proposal",
              p."key_leaders", p."lead_unit_id" ${from}
       ORDER BY p."key_proposal" DESC, d."due_at" ASC, d."proposal_id" ASC, d."key" ASC LIMIT $7 OFFSET $8`,
      values: [...kinds, now, 50, 0],
    },
    { text: `SELECT count(*) AS "n" ${from}`, values: [...kinds, now] },
  ];
}

/** The same statements straight through pg, 16 clients, each "request" running them in order. */
async function sqlLoad(ctx: Ctx, statements: Sql[], seconds: number): Promise<LoadResult> {
  const samples: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      const client = await ctx.system.db.connect();
      try {
        while (Date.now() < end) {
          const t = performance.now();
          for (const s of statements) await client.query(s.text, s.values);
          samples.push(performance.now() - t);
        }
      } finally {
        client.release();
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

/** INSERT INTO t SELECT (each column, or its override) FROM t src CROSS JOIN generate_series(1, n) g WHERE … */
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
     SELECT ${exprs.join(', ')} FROM "${table}" src CROSS JOIN generate_series(1, $1::int) g ${extraFrom} WHERE ${where}`,
    params,
  );
}

async function seed(ctx: Ctx, template: string, n: number, tasksPer: number): Promise<void> {
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
    },
    `src."id" = $2`,
    [n, template],
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
    },
    `src."id" = (SELECT min("id") FROM "task" WHERE "proposal_id" = $2 AND "status" = 'open')`,
    [n, template],
    `CROSS JOIN generate_series(1, ${tasksPer}) k`,
  );
  await clone(
    ctx,
    'deadline',
    {
      proposal_id: id,
      due_at: `CASE WHEN src."due_at" IS NULL THEN NULL ELSE to_char(${day('g')}, ${ISO}) END`,
      end_date: `CASE WHEN src."end_date" IS NULL THEN NULL ELSE to_char(${day('g')}, ${DATE}) END`,
    },
    `src."proposal_id" = $2`,
    [n, template],
  );
  await clone(ctx, 'proposal_access', { proposal_id: id }, `src."proposal_id" = $2`, [n, template]);
  await clone(
    ctx,
    'handling_record',
    {
      proposal_id: id,
      session_code: `'${SESSION}'`,
      end_date: `CASE WHEN src."end_date" IS NULL THEN NULL ELSE to_char(${day('g')}, ${DATE}) END`,
    },
    `src."proposal_id" = $2`,
    [n, template],
  );
  await ctx.system.db.query('ANALYZE');
}
