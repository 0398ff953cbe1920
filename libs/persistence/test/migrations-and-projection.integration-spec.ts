import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { projectedStateOf } from '@banli/contracts';
import type { HandlingProjection } from '@banli/contracts';
import { newHandlingState } from '@banli/domain';
import type { Deadline, HandlingSettings, HandlingState } from '@banli/domain';
import { DEFAULT_DEADLINE_POLICY } from '@banli/domain';
import {
  createDataSource,
  POSTGRES_MIGRATIONS,
  SQLITE_MIGRATIONS,
  DeadlineEntity,
  ProposalAccessEntity,
  ProposalEventEntity,
  ProposalProjectionRepository,
  ProposalQueryRepository,
  ReplySignatureRepository,
  runMigrations,
  TaskEntity,
} from '../src';
import { testDatabases } from '@banli/testing';

const HOSTILE_TITLE = "关于<script>alert('x')</script>的提案; DROP TABLE proposal; --";

function projection(id: string, version: number, overrides: Partial<HandlingProjection> = {}): HandlingProjection {
  return {
    proposalId: id,
    workflowId: `proposal-${id}`,
    version,
    stage: 'registered',
    receivedAt: '2026-03-08T02:00:00.000Z',
    assignedUnitIds: [],
    keyProposal: false,
    tasks: [],
    deadlines: [],
    events: [],
    ...overrides,
  };
}

const DEFAULT_SETTINGS: HandlingSettings = {
  policy: { ...DEFAULT_DEADLINE_POLICY },
  replyClasses: ['A', 'B', 'C'],
  followUpClasses: ['B'],
  registrationUnitId: 'committee',
  assigningUnitId: 'gov-office',
  contactRequiredFor: 'key',
};

const registration = (number: string) => ({
  kind: 'proposal' as const,
  sessionCode: '8-2',
  sessionName: '市政协八届二次会议',
  number,
  title: HOSTILE_TITLE,
  proposers: [{ name: '李明', lead: true }],
  body: '正文',
  suggestionPoints: [{ seq: 1, text: '建议一' }],
});

describe.each(testDatabases())('persistence on $name', ({ config }) => {
  let dataSource: DataSource;
  let seq = 0;
  const newId = () => {
    const n = `${Date.now()}${++seq}`;
    return { id: `8-2_${n}`, number: n };
  };

  beforeAll(async () => {
    dataSource = createDataSource(config);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('creates the schema by migrations, and a second run finds nothing to do', async () => {
    await runMigrations(dataSource);
    expect(await runMigrations(dataSource)).toEqual([]);
    const applied = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    const dialect = config.type === 'postgres' ? 'Postgres' : 'Sqlite';
    // Every registered migration ran, in the order of its timestamp; the first ones by name, so
    // a registry that lost them would show.
    const registered = (config.type === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).map((m) => m.name);
    const byTimestamp = [...registered].sort((a, b) => Number(/\d{13}$/.exec(a)?.[0]) - Number(/\d{13}$/.exec(b)?.[0]));
    expect(applied.map((r: { name: string }) => r.name)).toEqual(byTimestamp);
    expect(byTimestamp.slice(0, 3)).toEqual([
      `InitialSchema${dialect}1764140000000`,
      `HandlingReadModel${dialect}1764150000000`,
      `PeopleAndAccess${dialect}1764160000000`,
    ]);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('registers every migration file of the dialect', () => {
    const dir = config.type === 'postgres' ? 'postgres' : 'sqlite';
    const files = readdirSync(join(__dirname, '../src/lib/migrations', dir)).filter((f) => /^\d{13}-.*\.ts$/.test(f));
    const registered = (config.type === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).map(
      (m) => /\d{13}$/.exec(m.name)?.[0],
    );
    expect(files.map((f) => f.slice(0, 13)).sort()).toEqual([...registered].sort());
  });

  it('lets several replicas migrate at once without failing', async () => {
    const replicas = [createDataSource(config), createDataSource(config), createDataSource(config)];
    await Promise.all(replicas.map((r) => r.initialize()));
    try {
      const results = await Promise.all(replicas.map((r) => runMigrations(r)));
      expect(results.flat()).toEqual([]);
    } finally {
      await Promise.all(replicas.map((r) => r.destroy()));
    }
  });

  it('writes a projection once however often it is retried, and never goes back a version', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const { id, number } = newId();
    const registered = projection(id, 1, {
      registration: registration(number),
      events: [{ seq: 1, type: 'registered', at: '2026-03-08T02:00:00.000Z', data: { sessionCode: '8-2', number } }],
      tasks: [{ id: `${id}/review-registration/committee`, kind: 'review-registration', unitId: 'committee' }],
    });
    const assigned = projection(id, 3, {
      stage: 'consultation',
      leadUnitId: 'industry-it',
      events: [
        {
          seq: 2,
          type: 'assigned',
          at: '2026-03-09T02:00:00.000Z',
          actor: { userId: 'u1', unitId: 'gov-office' },
          data: { mode: 'lead', replyingUnitIds: ['industry-it'], coHandlerUnitIds: ['education'] },
        },
      ],
      tasks: [
        {
          id: `${id}/opinion/education`,
          kind: 'opinion',
          unitId: 'education',
          dueAt: '2026-04-09T15:59:59.999Z',
          deadlineKey: 'opinion:education',
        },
      ],
    });
    await repo.project(registered);
    await repo.project(registered);
    await repo.project(assigned);
    await repo.project(assigned);
    await repo.project(registered); // a late retry of an older write

    const row = await new ProposalQueryRepository(dataSource).findById(id);
    expect(row).toMatchObject({ stage: 'consultation', projectionVersion: 3, leadUnitId: 'industry-it' });
    // Text is stored as text: markup and SQL come back byte for byte.
    expect(row?.title).toBe(HOSTILE_TITLE);
    const tasks = await dataSource.getRepository(TaskEntity).find({ where: { proposalId: id }, order: { id: 'ASC' } });
    expect(tasks.map((t) => [t.kind, t.status])).toEqual([
      ['opinion', 'open'],
      ['review-registration', 'closed'],
    ]);
    const events = await dataSource
      .getRepository(ProposalEventEntity)
      .find({ where: { proposalId: id }, order: { seq: 'ASC' } });
    expect(events.map((e) => [e.seq, e.type, e.actorUnitId])).toEqual([
      [1, 'registered', null],
      [2, 'assigned', 'gov-office'],
    ]);
    expect(await dataSource.getRepository(DeadlineEntity).countBy({ proposalId: id })).toBe(0);
  });

  it('keeps the handling state of the newest version, without deadline explanations', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const { id, number } = newId();
    const state = (version: number, stage: HandlingState['stage']): HandlingState => ({
      ...newHandlingState(id, registration(number), DEFAULT_SETTINGS, '2026-03-08T02:00:00.000Z'),
      version,
      stage,
      deadlines: {
        'reply:industry-it': {
          key: 'reply:industry-it',
          kind: 'reply',
          unitId: 'industry-it',
          plan: { start: '2026-03-09T02:00:00.000Z', rule: { unit: 'months', amount: 3 } },
          status: 'running',
          dueAt: '2026-06-09T15:59:59.999Z',
          explanation: { text: 'three months' } as NonNullable<Deadline['explanation']>,
          reminderAt: [],
          remindersSent: 0,
          escalations: 0,
        },
      },
    });
    await repo.project(
      projection(id, 1, { registration: registration(number), state: projectedStateOf(state(1, 'registered')) }),
    );
    await repo.project(projection(id, 3, { stage: 'consultation', state: projectedStateOf(state(3, 'consultation')) }));
    await repo.project(projection(id, 2, { stage: 'assignment', state: projectedStateOf(state(2, 'assignment')) }));

    const row = await new ProposalQueryRepository(dataSource).findById(id);
    expect(row?.handlingState).toMatchObject({ proposalId: id, version: 3, stage: 'consultation' });
    expect(row?.handlingState).not.toHaveProperty('pendingEvents');
    expect(row?.handlingState?.deadlines['reply:industry-it']).toMatchObject({
      status: 'running',
      dueAt: '2026-06-09T15:59:59.999Z',
    });
    expect(row?.handlingState?.deadlines['reply:industry-it']).not.toHaveProperty('explanation');
  });

  it('gives every unit ever assigned read access, once each', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const { id, number } = newId();
    await repo.project(projection(id, 1, { registration: registration(number) }));
    await repo.project(projection(id, 2, { assignedUnitIds: ['industry-it', 'education', 'industry-it'] }));
    await repo.project(projection(id, 3, { assignedUnitIds: ['industry-it', 'human-resources'] }));
    await repo.project(projection(id, 3, { assignedUnitIds: ['industry-it', 'human-resources'] }));

    const access = await dataSource.getRepository(ProposalAccessEntity).find({ where: { proposalId: id } });
    expect(access.map((a) => a.unitId).sort()).toEqual(['education', 'human-resources', 'industry-it']);
    const reads = new ProposalQueryRepository(dataSource);
    expect(await reads.isAccessibleTo(id, 'education')).toBe(true);
    expect(await reads.isAccessibleTo(id, 'market-regulation')).toBe(false);
  });

  it('keeps one row per session and number', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const { id, number } = newId();
    await repo.project(projection(id, 1, { registration: registration(number) }));
    await expect(
      dataSource.query(
        `INSERT INTO proposal (id, workflow_id, kind, session_code, session_name, number, title, body, proposers,
           suggestion_points, stage, received_at, projection_version, updated_at)
         VALUES ('other', 'w', 'proposal', '8-2', 's', '${number}', 't', 'b', '[]', '[]', 'registered', 'x', 1, 'x')`,
      ),
    ).rejects.toThrow(/unique|UNIQUE/);
  });

  it('allocates document numbers per issuer and year: consecutive, never duplicated, the same on retry', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const signatures = new ReplySignatureRepository(dataSource);
    const issuer = `U${Date.now().toString(36)}`;
    const ids = Array.from({ length: 50 }, () => newId());
    for (const { id, number } of ids) await repo.project(projection(id, 1, { registration: registration(number) }));
    const sign = (id: string, signedAt = '2026-07-05T02:00:00.000Z') =>
      signatures.sign({ proposalId: id, unitId: issuer, round: 1, draftVersion: 1, signedBy: 'signer', signedAt });

    const numbers = await Promise.all(ids.map(({ id }) => sign(id)));
    const sequence = numbers.map((n) => Number(/\u3015(\d+)号$/.exec(n.documentNumber)?.[1])).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 50 }, (_v, i) => i + 1));
    expect(numbers[0].documentNumber).toMatch(new RegExp(`^${issuer}\u30142026\u3015\\d+号$`));

    expect(await sign(ids[0].id)).toEqual(numbers[0]); // a retried sign-off keeps its number
    // 31 Dec 20:00 UTC is already 1 January in Shanghai: the next year's pool, from 1.
    const { id, number } = newId();
    await repo.project(projection(id, 1, { registration: registration(number) }));
    expect((await sign(id, '2026-12-31T20:00:00.000Z')).documentNumber).toBe(`${issuer}\u30142027\u30151号`);
  });
});
