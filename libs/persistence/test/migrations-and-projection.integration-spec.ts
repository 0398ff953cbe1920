import type { DataSource } from 'typeorm';
import type { ProposalProjection } from '@banli/contracts';
import {
  createDataSource,
  ProposalProjectionRepository,
  ProposalQueryRepository,
  runMigrations,
} from '../src';
import { testDatabases } from '@banli/testing';

const projection = (id: string, version: number, stage: ProposalProjection['stage']): ProposalProjection => ({
  proposalId: id,
  workflowId: `proposal-${id}`,
  stage,
  version,
  receivedAt: '2026-03-08T02:00:00.000Z',
  registration: {
    kind: 'proposal',
    sessionCode: '8-2',
    sessionName: '市政协八届二次会议',
    number: id.split('_')[1],
    title: "关于<script>alert('x')</script>的提案; DROP TABLE proposal; --",
    proposers: [{ name: '李明', lead: true }],
    body: '正文',
    suggestionPoints: [{ seq: 1, text: '建议一' }],
  },
});

describe.each(testDatabases())('persistence on $name', ({ config }) => {
  let dataSource: DataSource;

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
    expect(applied.map((r: { name: string }) => r.name)).toEqual([
      config.type === 'postgres' ? 'InitialSchemaPostgres1764140000000' : 'InitialSchemaSqlite1764140000000',
    ]);
    expect(await dataSource.showMigrations()).toBe(false);
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

  it('writes a projection once, however often it is retried, and never goes back a version', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const queries = new ProposalQueryRepository(dataSource);
    const id = `8-2_${Date.now()}`;

    await repo.upsert(projection(id, 1, 'registered'));
    await repo.upsert(projection(id, 1, 'registered'));
    await repo.upsert(projection(id, 3, 'consultation'));
    await repo.upsert(projection(id, 2, 'assignment')); // a late retry of an older write

    const rows = await dataSource.query(`SELECT count(*) AS n FROM proposal WHERE id = '${id}'`);
    expect(Number(rows[0].n)).toBe(1);
    const row = await queries.findById(id);
    expect(row).toMatchObject({ stage: 'consultation', projectionVersion: 3 });
    // Text is stored as text: markup and SQL come back byte for byte.
    expect(row?.title).toBe("关于<script>alert('x')</script>的提案; DROP TABLE proposal; --");
    expect(row?.proposers).toEqual([{ name: '李明', lead: true }]);
  });

  it('keeps one row per session and number', async () => {
    const repo = new ProposalProjectionRepository(dataSource);
    const number = `${Date.now()}`;
    await repo.upsert(projection(`8-2_${number}`, 1, 'registered'));
    await expect(
      dataSource.query(
        `INSERT INTO proposal (id, workflow_id, kind, session_code, session_name, number, title, body, proposers,
           suggestion_points, stage, received_at, projection_version, updated_at)
         VALUES ('other', 'w', 'proposal', '8-2', 's', '${number}', 't', 'b', '[]', '[]', 'registered', 'x', 1, 'x')`,
      ),
    ).rejects.toThrow(/unique|UNIQUE/);
  });
});
