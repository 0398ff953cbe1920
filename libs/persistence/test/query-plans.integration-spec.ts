import type { DataSource } from 'typeorm';
import type { HandlingProjection } from '@banli/contracts';
import { DEFAULT_DEADLINE_POLICY, dueSoonBefore, WorkingDayCalendar } from '@banli/domain';
import {
  captureSql,
  COUNT_LIMIT,
  createDataSource,
  DeadlineEntity,
  explain,
  ProposalAccessEntity,
  ProposalEntity,
  ProposalProjectionRepository,
  ProposalSearchRepository,
  runMigrations,
  SupervisionRepository,
  TaskEntity,
  TaskQueryRepository,
} from '../src';
import type { DatabaseConfig } from '../src';
import { createPostgresDatabase, dropPostgresDatabase, sqliteTestFile } from '@banli/testing';

/*
 * The four list pages (the inbox, the supervisors' overdue and due-soon views, the proposal
 * list) must take their first page off an index: with a few thousand rows and fresh
 * statistics, EXPLAIN of each page's query shows no sort of every match (PostgreSQL: no Sort
 * or Incremental Sort node over the scan; SQLite: no "USE TEMP B-TREE FOR ORDER BY"). The
 * statements explained are the ones the repositories send (captured), not copies.
 */

const UNITS = ['education', 'industry-it', 'human-resources', 'market-regulation', 'government-data'];
const NOW = new Date('2026-06-01T02:00:00.000Z');
const DAY = 86_400_000;
const PROPOSALS = 3000;
const calendar = WorkingDayCalendar.official();
const policy = { dueSoonWorkingDays: DEFAULT_DEADLINE_POLICY.dueSoonWorkingDays };

const iso = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY).toISOString();

async function insertChunked<T>(dataSource: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await dataSource.getRepository(entity).insert(rows.slice(i, i + 100) as never);
  }
}

/** PROPOSALS open proposals (1 in 20 key), 3 tasks and 4 deadlines each, deadlines around NOW. */
async function seed(dataSource: DataSource): Promise<void> {
  const proposals: ProposalEntity[] = [];
  const tasks: TaskEntity[] = [];
  const deadlines: DeadlineEntity[] = [];
  const access: ProposalAccessEntity[] = [];
  for (let g = 0; g < PROPOSALS; g++) {
    const id = `P-1_${String(g).padStart(6, '0')}`;
    const key = g % 20 === 0 ? 1 : 0;
    const due = (k: number) => iso(((g * 7 + k * 13) % 120) - 60);
    const unit = (k: number) => UNITS[(g + k) % UNITS.length] as string;
    proposals.push(
      Object.assign(new ProposalEntity(), {
        id,
        workflowId: `proposal-${id}`,
        kind: 'proposal',
        sessionCode: 'P-1',
        sessionName: '计划测试会议',
        number: String(g).padStart(6, '0'),
        title: `关于第${g}项的提案`,
        body: '正文',
        proposers: [{ name: '李明', lead: true }],
        suggestionPoints: [],
        stage: 'consultation',
        receivedAt: iso(-90),
        leadUnitId: unit(0),
        assignedUnitIds: [unit(0), unit(1), unit(2)],
        keyProposal: key,
        keyLeaders: key ? ['王主席'] : null,
        nextDueAt: g % 10 === 0 ? null : due(0),
        closedAt: null,
        handlingState: null,
        projectionVersion: 3,
        updatedAt: iso(-1),
      }),
    );
    for (let k = 0; k < 3; k++) {
      access.push(Object.assign(new ProposalAccessEntity(), { proposalId: id, unitId: unit(k), grantedAt: iso(-80) }));
      tasks.push(
        Object.assign(new TaskEntity(), {
          id: `${id}/opinion/${unit(k)}`,
          proposalId: id,
          kind: k === 0 ? 'draft' : 'opinion',
          unitId: unit(k),
          status: g % 9 === 0 ? 'closed' : 'open',
          deadlineKey: `${k === 0 ? 'reply' : 'opinion'}:${unit(k)}`,
          dueAt: g % 50 === 1 ? null : due(k),
          round: 1,
          openedAt: iso(-80),
          closedAt: g % 9 === 0 ? iso(-2) : null,
          keyProposal: key,
          projectionVersion: 3,
        }),
      );
    }
    for (const [k, kind] of ['reply', 'opinion', 'objection', 'feedback'].entries()) {
      deadlines.push(
        Object.assign(new DeadlineEntity(), {
          proposalId: id,
          key: `${kind}:${unit(k)}`,
          kind,
          unitId: unit(k),
          status: g % 9 === 0 ? 'met' : 'running',
          dueAt: due(k),
          endDate: due(k).slice(0, 10),
          provisional: 0,
          remindersSent: 0,
          escalations: 0,
          extended: 0,
          explanation: null,
          metAt: null,
          keyProposal: key,
          projectionVersion: 3,
        }),
      );
    }
  }
  await insertChunked(dataSource, ProposalEntity, proposals);
  await insertChunked(dataSource, ProposalAccessEntity, access);
  await insertChunked(dataSource, TaskEntity, tasks);
  await insertChunked(dataSource, DeadlineEntity, deadlines);
  await dataSource.query('ANALYZE');
}

const DATABASES: { name: string; make(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> }[] = [
  {
    name: 'postgres',
    make: async () => {
      // A database of its own: the plans depend on the statistics of exactly these rows.
      const url = await createPostgresDatabase('banli_plans');
      return { config: { type: 'postgres', url, poolSize: 4 }, drop: () => dropPostgresDatabase(url) };
    },
  },
  {
    name: 'sqlite',
    make: async () => ({ config: { type: 'sqlite', file: sqliteTestFile() }, drop: async () => undefined }),
  },
];

describe.each(DATABASES)('the list pages on $name', ({ make }) => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await make();
    drop = db.drop;
    dataSource = createDataSource(db.config);
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seed(dataSource);
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  /** The page's statements (those with OFFSET) and the others (totals, counts). */
  async function plansOf(work: () => Promise<unknown>) {
    const { statements } = await captureSql(work);
    const plans = await Promise.all(statements.map((s) => explain(dataSource, s)));
    const pages = plans.filter((p) => /OFFSET/.test(p.sql));
    expect(pages.length).toBeGreaterThan(0);
    return { pages, others: plans.filter((p) => !pages.includes(p)) };
  }

  const pages: [string, (ds: DataSource) => () => Promise<unknown>][] = [
    [
      "a co-handler's overdue inbox",
      (ds) => () =>
        new TaskQueryRepository(ds).inbox({
          unitId: 'education',
          status: 'open',
          overdue: true,
          kinds: ['opinion', 'draft'],
          sort: 'dueAt',
          page: 1,
          pageSize: 50,
          now: NOW.toISOString(),
          dueSoonUntil: iso(7),
        }),
    ],
    [
      "a unit's whole open inbox",
      (ds) => () =>
        new TaskQueryRepository(ds).inbox({
          unitId: 'education',
          status: 'open',
          sort: 'dueAt',
          page: 1,
          pageSize: 50,
          now: NOW.toISOString(),
          dueSoonUntil: iso(7),
        }),
    ],
    [
      "a unit's open inbox by when each task was received, newest first",
      (ds) => () =>
        new TaskQueryRepository(ds).inbox({
          unitId: 'education',
          status: 'open',
          sort: '-openedAt',
          page: 1,
          pageSize: 50,
          now: NOW.toISOString(),
          dueSoonUntil: iso(7),
        }),
    ],
    [
      "the supervisors' overdue view",
      (ds) => () =>
        new SupervisionRepository(ds).deadlines({ state: 'overdue', page: 1, pageSize: 50 }, calendar, policy, NOW),
    ],
    [
      "the supervisors' due-soon view",
      (ds) => () =>
        // 20 working days ahead: with the default 5, the key proposals' part is a few dozen rows,
        // which PostgreSQL rightly sorts in memory after a bitmap scan on data this small.
        new SupervisionRepository(ds).deadlines(
          { state: 'due-soon', page: 1, pageSize: 50 },
          calendar,
          {
            dueSoonWorkingDays: 20,
          },
          NOW,
        ),
    ],
    ['the proposal list', (ds) => () => new ProposalSearchRepository(ds).search({ page: 1, pageSize: 50 })],
    [
      "a unit's proposal list",
      (ds) => () => new ProposalSearchRepository(ds).search({ unitId: 'education', page: 1, pageSize: 50 }),
    ],
  ];

  it.each(pages)('serves %s from an index, without sorting every match', async (_name, run) => {
    const { pages, others } = await plansOf(run(dataSource));
    for (const page of pages) {
      expect({ sql: page.sql, plan: page.text, sorts: page.fullSorts }).toEqual({
        sql: page.sql,
        plan: page.text,
        sorts: [],
      });
      if (dataSource.options.type === 'postgres') expect(page.text).toMatch(/Index Scan|Index Only Scan/);
      else
        expect(page.text).toMatch(
          /USING (COVERING )?INDEX ix_(task_inbox_page|task_inbox_received|deadline_supervised_page|proposal_list_page)/,
        );
    }
    // The totals and counts stop at COUNT_LIMIT + 1 rows: none sorts, each is limited.
    for (const p of others.filter((x) => /count\(\*\)/.test(x.sql) && !/key_proposal" = 1$/.test(x.sql.trim()))) {
      expect(p.fullSorts).toEqual([]);
      expect(p.sql).toContain(`LIMIT ${COUNT_LIMIT + 1}`);
    }
  });

  it('still returns the same rows in the same order as sorting by the joined proposal', async () => {
    const inbox = await new TaskQueryRepository(dataSource).inbox({
      unitId: 'education',
      status: 'open',
      sort: 'dueAt',
      page: 2,
      pageSize: 50,
      now: NOW.toISOString(),
      dueSoonUntil: iso(7),
    });
    const expected = await dataSource.query(
      `SELECT t."id" FROM "task" t JOIN "proposal" p ON p."id" = t."proposal_id"
       WHERE t."unit_id" = 'education' AND t."status" = 'open'
       ORDER BY p."key_proposal" DESC, CASE WHEN t."due_at" IS NULL THEN 1 ELSE 0 END, t."due_at" ASC, t."id" ASC
       LIMIT 50 OFFSET 50`,
    );
    expect(inbox.items.map((t) => t.id)).toEqual(expected.map((r: { id: string }) => r.id));

    const overdue = await new SupervisionRepository(dataSource).deadlines(
      { state: 'overdue', page: 1, pageSize: 300 },
      calendar,
      policy,
      NOW,
    );
    const expectedDeadlines = await dataSource.query(
      `SELECT d."proposal_id", d."key" FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id"
       WHERE p."closed_at" IS NULL AND d."status" = 'running' AND d."due_at" IS NOT NULL
         AND d."kind" IN ('opinion', 'contact', 'reply', 'follow-up', 'publication') AND d."due_at" < $1
       ORDER BY p."key_proposal" DESC, d."due_at" ASC, d."proposal_id" ASC, d."key" ASC LIMIT 300`.replace(
        '$1',
        dataSource.options.type === 'postgres' ? '$1' : '?',
      ),
      [NOW.toISOString()],
    );
    expect(overdue.items.map((d) => `${d.proposalId}|${d.deadlineKey}`)).toEqual(
      expectedDeadlines.map((r: { proposal_id: string; key: string }) => `${r.proposal_id}|${r.key}`),
    );
    // Key proposals first, then the non-key ones: the page crosses from one to the other.
    expect(overdue.items[0]?.keyProposal).toBe(true);
    expect(overdue.items.at(-1)?.keyProposal).toBe(false);

    const list = await new ProposalSearchRepository(dataSource).search({ page: 1, pageSize: 200 });
    const expectedList = await dataSource.query(
      `SELECT p."id" FROM "proposal" p ORDER BY p."key_proposal" DESC,
         CASE WHEN p."next_due_at" IS NULL THEN 1 ELSE 0 END, p."next_due_at" ASC, p."id" ASC LIMIT 200`,
    );
    expect(list.items.map((p) => p.id)).toEqual(expectedList.map((r: { id: string }) => r.id));
  });

  it("counts an overdue inbox's total and its overdue count once, all counts in one statement beside the page", async () => {
    const { statements } = await captureSql(() =>
      new TaskQueryRepository(dataSource).inbox({
        unitId: 'education',
        status: 'open',
        overdue: true,
        kinds: ['opinion', 'draft'],
        sort: 'dueAt',
        page: 1,
        pageSize: 50,
        now: NOW.toISOString(),
        dueSoonUntil: iso(7),
      }),
    );
    // The page, and one statement counting open, overdue (= the total) and due soon.
    expect(statements).toHaveLength(2);
    const counts = statements.filter((s) => /count\(\*\)/.test(s.sql));
    expect(counts).toHaveLength(1);
    expect(counts[0]?.sql.match(/count\(\*\)/g)).toHaveLength(3);
  });

  it('caps totals and counts at COUNT_LIMIT and says so', async () => {
    const overdue = await new SupervisionRepository(dataSource).deadlines(
      { state: 'overdue', page: 1, pageSize: 10 },
      calendar,
      policy,
      NOW,
    );
    expect(overdue).toMatchObject({ total: COUNT_LIMIT, totalCapped: true });
    const list = await new ProposalSearchRepository(dataSource).search({ page: 1, pageSize: 10 });
    expect(list).toMatchObject({ total: COUNT_LIMIT, totalCapped: true });
    // The due-soon total reads a due_at range; it counts exactly what the rule (last day before) says.
    const dueSoon = await new SupervisionRepository(dataSource).deadlines(
      { state: 'due-soon', page: 1, pageSize: 10 },
      calendar,
      policy,
      NOW,
    );
    const before = dueSoonBefore(calendar, '2026-06-01', policy);
    const [{ n: dueSoonByHand }] = await dataSource.query(
      `SELECT count(*) AS "n" FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id"
       WHERE p."closed_at" IS NULL AND d."status" = 'running' AND d."due_at" IS NOT NULL
         AND d."kind" IN ('opinion', 'contact', 'reply', 'follow-up', 'publication')
         AND d."due_at" >= '${NOW.toISOString()}' AND d."end_date" < '${before}'`,
    );
    expect(Number(dueSoonByHand)).toBeGreaterThan(0);
    expect(dueSoon).toMatchObject({ total: Number(dueSoonByHand), totalCapped: false });
    const session = await new ProposalSearchRepository(dataSource).search({
      q: '第12项',
      page: 1,
      pageSize: 10,
    });
    expect(session.totalCapped).toBe(false);
    const inbox = await new TaskQueryRepository(dataSource).inbox({
      unitId: 'education',
      status: 'open',
      overdue: true,
      sort: 'dueAt',
      page: 1,
      pageSize: 10,
      now: NOW.toISOString(),
      dueSoonUntil: iso(7),
    });
    const [{ n }] = await dataSource.query(
      `SELECT count(*) AS "n" FROM "task" WHERE "unit_id" = 'education' AND "status" = 'open' AND "due_at" < '${NOW.toISOString()}'`,
    );
    expect(inbox).toMatchObject({ total: Number(n), totalCapped: false });
    expect(inbox.counts).toMatchObject({
      open: COUNT_LIMIT,
      openCapped: true,
      overdue: Number(n),
      overdueCapped: false,
    });
  });

  it("moves a proposal's tasks and deadlines with it when it is marked key and unmarked, in the projection", async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const id = 'P-2_000001';
    const at = (v: number, keyProposal: boolean): HandlingProjection => ({
      proposalId: id,
      workflowId: `proposal-${id}`,
      version: v,
      stage: 'consultation',
      receivedAt: iso(-10),
      assignedUnitIds: ['education', 'industry-it'],
      leadUnitId: 'industry-it',
      keyProposal,
      ...(v === 1
        ? {
            registration: {
              kind: 'proposal',
              sessionCode: 'P-2',
              sessionName: '计划测试会议二',
              number: '000001',
              title: '关于重点的提案',
              body: '正文',
              proposers: [{ name: '李明', lead: true }],
              suggestionPoints: [],
            },
          }
        : {}),
      // Version 3 closes the opinion task: a closed task follows the mark too.
      tasks: [
        ...(v < 3 ? [{ id: `${id}/opinion/education`, kind: 'opinion', unitId: 'education', dueAt: iso(-3) }] : []),
        { id: `${id}/draft/industry-it`, kind: 'draft', unitId: 'industry-it', dueAt: iso(-2) },
      ] as HandlingProjection['tasks'],
      deadlines: [
        {
          key: 'reply:industry-it',
          kind: 'reply',
          unitId: 'industry-it',
          plan: { start: iso(-10), rule: { unit: 'months', amount: 3 } },
          status: 'running',
          dueAt: iso(-2),
          reminderAt: [],
          remindersSent: 0,
          escalations: 0,
        },
      ] as HandlingProjection['deadlines'],
      events: [],
    });
    const keys = async () => ({
      tasks: (await dataSource.getRepository(TaskEntity).find({ where: { proposalId: id }, order: { id: 'ASC' } })).map(
        (t) => [t.status, t.keyProposal],
      ),
      deadlines: (await dataSource.getRepository(DeadlineEntity).findBy({ proposalId: id })).map((d) => d.keyProposal),
    });
    const firstOf = async (state: 'overdue') =>
      (await new SupervisionRepository(dataSource).deadlines({ state, page: 1, pageSize: 1 }, calendar, policy, NOW))
        .items[0]?.proposalId;

    await repo.project(at(1, false));
    expect(await keys()).toEqual({
      tasks: [
        ['open', 0],
        ['open', 0],
      ],
      deadlines: [0],
    });
    await repo.project(at(2, true));
    expect(await keys()).toEqual({
      tasks: [
        ['open', 1],
        ['open', 1],
      ],
      deadlines: [1],
    });
    await repo.project(at(3, true));
    expect(await keys()).toEqual({
      tasks: [
        ['open', 1],
        ['closed', 1],
      ],
      deadlines: [1],
    });
    // Now key, and overdue by 2 days: among the key proposals' overdue deadlines, by deadline.
    const inbox = await new TaskQueryRepository(dataSource).inbox({
      unitId: 'industry-it',
      status: 'open',
      sort: 'dueAt',
      page: 1,
      pageSize: 500,
      now: NOW.toISOString(),
      dueSoonUntil: iso(7),
    });
    const mine = inbox.items.findIndex((t) => t.proposalId === id);
    expect(inbox.items.slice(0, mine + 1).every((t) => t.proposal.keyProposal)).toBe(true);
    await repo.project(at(4, false));
    expect(await keys()).toEqual({
      tasks: [
        ['open', 0],
        ['closed', 0],
      ],
      deadlines: [0],
    });
    // A late retry of an older version changes nothing.
    await repo.project(at(2, true));
    expect(await keys()).toEqual({
      tasks: [
        ['open', 0],
        ['closed', 0],
      ],
      deadlines: [0],
    });
    expect(await firstOf('overdue')).not.toBe(id);
  });
});
