import { execSql } from '@banli/persistence';
import { createPostgresDatabase, dropPostgresDatabase, testDatabases } from '@banli/testing';
import { createDigestActivities } from '@banli/worker';
import { as, UserClient } from './support/api-client';
import { eventually } from './support/notification-servers';
import { startStack, Stack } from './support/stack';
import { assignedWithLead } from './support/proposals';

/**
 * The supervisors' digest (督办日报) on the real stack: written by the daily digest run on
 * working days only, one a day, to the supervisors alone, listing what is overdue by the unit
 * holding it and what falls due this week. Deadlines are moved in the read model (standing in
 * for time passing), and the run is given its day.
 */
describe.each(testDatabases())("the supervisors' digest ($name)", ({ name, config }) => {
  let stack: Stack;
  const users: Record<string, UserClient> = {};
  const number = `sd${Date.now().toString(36)}${name === 'postgres' ? 'p' : 's'}`;
  const id = `8-2_${number}`;
  // Monday 7 December 2026, 08:30 in Shanghai; the week ends on Sunday 13 December.
  const MONDAY = '2026-12-07T00:30:00.000Z';
  const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

  const moveDeadline = async (key: string, date: string) => {
    const { affected } = await execSql(
      stack.dataSource,
      `UPDATE "deadline" SET "due_at" = :dueAt, "end_date" = :date WHERE "proposal_id" = :id AND "key" = :key`,
      { dueAt: endOf(date), date, id, key },
    );
    expect([key, affected]).toEqual([key, 1]);
  };

  // The digest covers every proposal of the city, so on PostgreSQL this file has a database of its
  // own: other files' proposals (in the run's shared one) would be overdue or due this week too.
  let ownDatabase: string | undefined;

  beforeAll(async () => {
    if (config.type === 'postgres') ownDatabase = await createPostgresDatabase('banli_digest');
    stack = await startStack(ownDatabase ? { type: 'postgres', url: ownDatabase, poolSize: 5 } : config);
    for (const u of ['registrar', 'officer', 'supervisor', 'education-cohandler']) users[u] = await as(stack, u);
    await assignedWithLead(users, 'industry-it', ['education'], { number, title: '关于督办日报的提案' });
    const detail = (await users['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    // Every running deadline far off, then: education's opinion was due Wednesday 2 December
    // (3 working days overdue on Monday 7th), the reply falls due on Thursday 10th.
    for (const d of detail.deadlines as { key: string; status: string }[])
      if (d.status === 'running') await moveDeadline(d.key, '2027-06-30');
    await moveDeadline('opinion:education', '2026-12-02');
    await moveDeadline('reply:industry-it', '2026-12-10');
  });
  afterAll(async () => {
    await stack?.close();
    if (ownDatabase) await dropPostgresDatabase(ownDatabase);
  });

  it('is written on a working day, once, with what is overdue by unit and what falls due this week', async () => {
    const digest = createDigestActivities(stack.dataSource);
    const result = await digest.writeDailyDigests({ at: MONDAY });
    expect(result).toMatchObject({ date: '2026-12-07', supervisorDigests: 1 });
    const row = (
      await execSql(
        stack.dataSource,
        `SELECT "unit_id", "payload" FROM "notification_outbox" WHERE "kind" = 'supervisor-digest'`,
      )
    ).rows;
    expect(row.map((r) => r['unit_id'])).toEqual(['gov-office']);
    const payload = JSON.parse(String(row[0]?.['payload']));
    expect(payload).toMatchObject({ date: '2026-12-07', weekEnd: '2026-12-13', overdueCount: 1, dueThisWeekCount: 1 });
    expect(payload.overdueByUnit).toEqual([
      expect.objectContaining({ unitId: 'education', count: 1, mostWorkingDaysOverdue: 3 }),
    ]);
    expect(payload.dueThisWeek).toEqual([
      expect.objectContaining({ proposalId: id, kind: 'reply', unitId: 'industry-it', dueDate: '2026-12-10' }),
    ]);

    // The supervisor reads it in the app; nobody else does (the officer sits in the same office).
    const notice = await eventually(async () => {
      const page = (await users['supervisor'].get('/api/notifications').expect(200)).body;
      return page.items.find((i: { kind: string }) => i.kind === 'supervisor-digest');
    }, "the supervisor's digest");
    expect(notice.title).toBe('【督办日报】2026年12月7日：1项逾期（1个单位），本周1项到期');
    expect(notice.body).toContain('1. X市教育局：逾期1项，最长逾期3个工作日');
    expect(notice.body).toContain(
      `第${number}号提案《关于督办日报的提案》：答复（X市工业和信息化局），2026年12月10日到期，还剩3个工作日`,
    );
    for (const other of ['officer', 'education-cohandler']) {
      const page = (await users[other].get('/api/notifications?pageSize=200').expect(200)).body;
      expect(page.items.filter((i: { kind: string }) => i.kind === 'supervisor-digest')).toEqual([]);
    }

    // Run again the same day: nothing new.
    expect(await digest.writeDailyDigests({ at: MONDAY })).toMatchObject({ supervisorDigests: 0 });
  });

  it('is not written on a weekend or a holiday', async () => {
    const digest = createDigestActivities(stack.dataSource);
    // Saturday 12 December 2026, and National Day 2026 (a Thursday).
    for (const [at, date] of [
      ['2026-12-12T00:30:00.000Z', '2026-12-12'],
      ['2026-10-01T00:30:00.000Z', '2026-10-01'],
    ]) {
      const result = await digest.writeDailyDigests({ at });
      expect(result).toEqual({ date, units: 0, tasks: 0, added: 0, skipped: 'not-a-working-day' });
      const rows = await execSql(
        stack.dataSource,
        `SELECT "id" FROM "notification_outbox" WHERE "kind" = 'supervisor-digest' AND "id" LIKE :like`,
        { like: `%/${date}` },
      );
      expect(rows.rows).toEqual([]);
    }
  });
});
