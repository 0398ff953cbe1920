import request from 'supertest';
import { createPostgresDatabase, dropPostgresDatabase, sqliteTestFile } from '@banli/testing';
import type { DatabaseConfig } from '@banli/persistence';
import { execSql } from '@banli/persistence';
import { as, UserClient } from './support/api-client';
import { assignedToOne } from './support/proposals';
import { startStack, Stack } from './support/stack';

const UNIT = 'market-regulation';

interface Deadline {
  key: string;
  endDate: string | null;
  provisional: boolean;
  due: { provisional?: true };
  explanation: { calendarVersion: string } | null;
}

function ics(events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Banli//test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e.split('\n'), 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const compact = (date: string) => date.replaceAll('-', '');

/**
 * Loading the next year's notice: a proposal assigned in December has its reply deadline in
 * the next year, provisional; an admin loads the notice as iCalendar through the API, and the
 * deadline becomes final and moves, listed in the version's report. Each database here is
 * the test's own: a loaded calendar would change every other test's deadlines.
 */
describe.each([
  [
    'postgres',
    async (): Promise<DatabaseConfig> => ({
      type: 'postgres',
      url: await createPostgresDatabase('banli_calendar'),
      poolSize: 5,
    }),
  ],
  ['sqlite', async (): Promise<DatabaseConfig> => ({ type: 'sqlite', file: sqliteTestFile() })],
])('calendars (%s)', (_name, database) => {
  let stack: Stack;
  let config: DatabaseConfig;
  const u: Record<string, UserClient> = {};

  beforeAll(async () => {
    config = await database();
    stack = await startStack(config);
    for (const name of ['admin', 'registrar', 'officer', 'supervisor']) {
      u[name] = await as(stack, name);
    }
  });
  afterAll(async () => {
    await stack?.close();
    if (config?.type === 'postgres') await dropPostgresDatabase(config.url);
  });

  const replyDeadline = async (id: string): Promise<Deadline> => {
    const detail = (await u['supervisor'].get(`/api/proposals/${id}`).expect(200)).body as { deadlines: Deadline[] };
    return detail.deadlines.find((d) => d.key === `reply:${UNIT}`) as Deadline;
  };
  const postCalendar = (token: string, body: string, type: string) =>
    request(stack.url)
      .post('/api/admin/calendars')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', type)
      .send(body);

  it('makes a provisional deadline of next year final, moves it and reports it', async () => {
    const id = await assignedToOne(u, UNIT);
    const before = await replyDeadline(id);
    const nextYear = Number((before.endDate as string).slice(0, 4));
    // The deadline's year has no notice: provisional, in its explanation and its due status.
    expect(before).toMatchObject({ provisional: true, due: { provisional: true } });
    const status = (await u['admin'].get('/api/admin/calendars/status').expect(200)).body;
    expect(status.years).toContainEqual({ year: nextYear, published: false });

    const notice = ics([
      `UID:1\nSUMMARY:元旦（休）\nDTSTART;VALUE=DATE:${nextYear}0101`,
      `UID:2\nSUMMARY:测试假日\nCATEGORIES:HOLIDAY\nDTSTART;VALUE=DATE:${compact(before.endDate as string)}`,
    ]);
    // Only an admin loads calendars; an ambiguous event is refused with its line; neither stores anything.
    await postCalendar(await stack.token('supervisor'), notice, 'text/calendar').expect(403);
    const ambiguous = await postCalendar(
      await stack.token('admin'),
      ics([`UID:1\nSUMMARY:元旦（班）\nCATEGORIES:HOLIDAY\nDTSTART;VALUE=DATE:${nextYear}0102`]),
      'text/calendar',
    ).expect(422);
    expect(ambiguous.body.error.details).toEqual([{ field: 'line 4', message: expect.stringContaining('ambiguous') }]);
    expect((await u['admin'].get('/api/admin/calendars').expect(200)).body).toEqual([]);

    const loaded = await postCalendar(await stack.token('admin'), notice, 'text/calendar')
      .query({ label: `gov-${nextYear}` })
      .expect(200);
    expect(loaded.body).toMatchObject({
      created: true,
      replanStarted: true,
      version: { seq: 1, label: `gov-${nextYear}`, kind: 'notice', format: 'ics', source: 'api', years: [nextYear] },
    });
    const seq = loaded.body.version.seq as number;

    let report = (await u['admin'].get(`/api/admin/calendars/${seq}/report`).expect(200)).body;
    for (let i = 0; i < 100 && !report.changes.some((c: { proposalId: string }) => c.proposalId === id); i++) {
      await new Promise((r) => setTimeout(r, 100));
      report = (await u['admin'].get(`/api/admin/calendars/${seq}/report`).expect(200)).body;
    }
    const after = await replyDeadline(id);
    expect(after.provisional).toBe(false);
    expect(after.due).not.toHaveProperty('provisional');
    expect((after.endDate as string) > (before.endDate as string)).toBe(true);
    expect(after.explanation?.calendarVersion).toBe(loaded.body.version.calendarVersion);
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        proposalId: id,
        deadlineKey: `reply:${UNIT}`,
        oldEndDate: before.endDate,
        newEndDate: after.endDate,
        oldProvisional: true,
        newProvisional: false,
        moved: true,
      }),
    );

    // The same content again is the same version; the load is in the admin audit trail.
    const again = await postCalendar(await stack.token('admin'), notice, 'text/calendar')
      .query({ label: `gov-${nextYear}` })
      .expect(200);
    expect(again.body).toMatchObject({ created: false, version: { seq } });
    expect((await u['admin'].get('/api/admin/calendars').expect(200)).body).toHaveLength(1);
    const audit = await execSql(
      stack.dataSource,
      `SELECT "type", "data" FROM "admin_event" WHERE "type" = 'calendar.loaded'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect((await u['admin'].get('/api/admin/calendars/status').expect(200)).body.years).toContainEqual({
      year: nextYear,
      published: true,
    });
  });

  it('takes local days off as JSON, and refuses what is not a calendar', async () => {
    const token = await stack.token('admin');
    const body = JSON.stringify({ label: 'typhoon-test', localHolidays: { '2027-07-15': '台风停工' } });
    const loaded = await postCalendar(token, body, 'application/json').expect(200);
    expect(loaded.body.version).toMatchObject({ kind: 'days-off', localDaysOff: ['2027-07-15'], format: 'json' });
    const bad = await postCalendar(token, JSON.stringify({ label: 'x', holidays: {} }), 'application/json').expect(422);
    expect(bad.body.error.details).toEqual([{ field: 'holidays', message: expect.any(String) }]);
    await postCalendar(token, 'hello', 'text/plain').expect(400);
    await u['admin'].get('/api/admin/calendars/99/report').expect(404);
  });
});
