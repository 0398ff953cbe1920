import { DataSource } from 'typeorm';
import { createPostgresDatabase, dropPostgresDatabase, sqliteTestFile } from '@banli/testing';
import {
  CommitteeSessionRepository,
  DatabaseConfig,
  dataSourceOptions,
  execSql,
  POSTGRES_MIGRATIONS,
  runMigrations,
  SQLITE_MIGRATIONS,
} from '../src';

const ADMIN = { userId: 'admin', unitId: 'gov-office' };
const FIELDS = { name: '市政协八届三次会议', term: 8, meeting: 3, year: 2027, startsOn: null, endsOn: null };

describe.each(['postgres', 'sqlite'] as const)('committee sessions on %s', (type) => {
  let config: DatabaseConfig;
  let pgUrl: string | undefined;
  let dataSource: DataSource;
  let sut: CommitteeSessionRepository;

  const proposal = (id: string, sessionCode: string, sessionName: string, receivedAt: string) =>
    execSql(
      dataSource,
      `INSERT INTO "proposal" ("id", "workflow_id", "kind", "session_code", "session_name", "number", "title", "body",
         "proposers", "suggestion_points", "stage", "received_at", "projection_version", "updated_at")
       VALUES (:id, :id, 'proposal', :sessionCode, :sessionName, :id, '题', '正文', '[]', '[]', 'registered', :receivedAt, 1, :receivedAt)`,
      { id, sessionCode, sessionName, receivedAt },
    );
  const audit = async () =>
    (await execSql(dataSource, `SELECT "actor_user_id", "type" FROM "admin_event" ORDER BY "at"`)).rows;

  beforeAll(async () => {
    if (type === 'postgres') {
      pgUrl = await createPostgresDatabase('banli_test_sessions');
      config = { type, url: pgUrl, poolSize: 2 };
    } else {
      config = { type, file: sqliteTestFile() };
    }
    // A database as deployed before sessions were managed, holding proposals of two sessions.
    const all = type === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
    dataSource = new DataSource({ ...dataSourceOptions(config), migrations: all.slice(0, -1) });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await proposal('8-2_1', '8-2', '市政协八届二次会议', '2026-01-21T02:00:00.000Z');
    await proposal('8-2_2', '8-2', '市政协八届二次会议', '2026-01-22T02:00:00.000Z');
    await proposal('7-5_1', '7-5', '市政协七届五次会议', '2024-01-20T02:00:00.000Z');
    await dataSource.destroy();
    dataSource = new DataSource(dataSourceOptions(config));
    await dataSource.initialize();
    await runMigrations(dataSource);
    sut = new CommitteeSessionRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (pgUrl) await dropPostgresDatabase(pgUrl);
  });

  it('turns the session codes proposals carry into open sessions, under the names they were registered with', async () => {
    expect(await sut.list()).toEqual([
      expect.objectContaining({ code: '8-2', name: '市政协八届二次会议', year: 2026, status: 'open', term: null }),
      expect.objectContaining({ code: '7-5', name: '市政协七届五次会议', year: 2024, status: 'open' }),
    ]);
    expect(await sut.load([])).toBe(false);
  });

  it('creates, changes, closes and reopens a session, each change audited in its transaction', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 2, minute));
    await expect(sut.create(ADMIN, '8-3', FIELDS, at(1))).resolves.toMatchObject({ code: '8-3', status: 'open' });
    await expect(sut.create(ADMIN, '8-3', FIELDS, at(2))).rejects.toMatchObject({ code: 'ALREADY_DONE' });
    await sut.update(ADMIN, '8-3', { ...FIELDS, startsOn: '2027-01-19', endsOn: '2027-01-23' }, at(3));
    await expect(sut.setStatus(ADMIN, '8-3', 'closed', at(4))).resolves.toMatchObject({ status: 'closed' });
    await expect(sut.setStatus(ADMIN, '8-3', 'closed', at(5))).rejects.toMatchObject({ code: 'ALREADY_DONE' });
    await sut.setStatus(ADMIN, '8-3', 'open', at(6));
    await expect(sut.find('8-3')).resolves.toMatchObject({ startsOn: '2027-01-19', endsOn: '2027-01-23', status: 'open' });
    await expect(sut.setStatus(ADMIN, 'nope', 'closed')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sut.update(ADMIN, 'nope', FIELDS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await audit()).toEqual(
      [
        'committee-session-created',
        'committee-session-updated',
        'committee-session-closed',
        'committee-session-reopened',
      ].map((t) => ({ actor_user_id: 'admin', type: t })),
    );
  });

  it('keeps the name of a session its proposals were registered under', async () => {
    await expect(sut.update(ADMIN, '8-2', { ...FIELDS, name: '八届二次', year: 2026 })).rejects.toMatchObject({
      code: 'ALREADY_DONE',
    });
    await sut.update(ADMIN, '8-2', { ...FIELDS, name: '市政协八届二次会议', year: 2026, term: 8, meeting: 2 });
    await expect(sut.find('8-2')).resolves.toMatchObject({ name: '市政协八届二次会议', term: 8, meeting: 2 });
  });
});
