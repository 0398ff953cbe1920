import { execSql } from '@banli/persistence';
import { createPostgresDatabase, dropPostgresDatabase, testDatabases } from '@banli/testing';
import { createDigestActivities } from '@banli/worker';
import { as, UserClient } from './support/api-client';
import { eventually } from './support/notification-servers';
import { assignedWithLead } from './support/proposals';
import { startStack, Stack } from './support/stack';

/**
 * 领办领导 who are users: a key proposal's leaders may be chosen from the users with the
 * supervisor role (besides names), and each such leader receives a daily digest of the key
 * proposals they lead, alone (not the rest of their unit).
 */
describe.each(testDatabases())('key proposals led by users ($name)', ({ name, config }) => {
  let stack: Stack;
  const users: Record<string, UserClient> = {};
  const number = `kl${Date.now().toString(36)}${name === 'postgres' ? 'p' : 's'}`;
  const id = `8-2_${number}`;
  // Monday 7 December 2026, 08:30 in Shanghai.
  const MONDAY = '2026-12-07T00:30:00.000Z';
  // The digest covers every key proposal of the city: on PostgreSQL a database of its own.
  let ownDatabase: string | undefined;

  beforeAll(async () => {
    if (config.type === 'postgres') ownDatabase = await createPostgresDatabase('banli_leaders');
    stack = await startStack(ownDatabase ? { type: 'postgres', url: ownDatabase, poolSize: 5 } : config);
    for (const u of ['registrar', 'officer', 'supervisor', 'admin', 'lead-handler', 'education-cohandler']) {
      users[u] = await as(stack, u);
    }
    await assignedWithLead(users, 'industry-it', ['education'], { number, title: '关于领办督办的提案' });
  });
  afterAll(async () => {
    await stack?.close();
    if (ownDatabase) await dropPostgresDatabase(ownDatabase);
  });

  it('links only enabled users with the supervisor role; refused ones change nothing', async () => {
    for (const [leaderUserIds, message] of [
      [['officer'], 'does not hold the role supervisor'],
      [['nobody-here'], 'No such user: nobody-here'],
    ] as const) {
      const refused = await users['supervisor']
        .post(`/api/proposals/${id}/key`, { leaders: ['张副市长'], leaderUserIds })
        .expect(422);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.details).toEqual([
        expect.objectContaining({ field: 'leaderUserIds[0]', message: expect.stringContaining(message) }),
      ]);
    }
    // No leader at all, neither named nor linked.
    await users['supervisor'].post(`/api/proposals/${id}/key`, { leaders: [], leaderUserIds: [] }).expect(422);
    const detail = (await users['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    expect(detail.keyProposal).toBe(false);
    // A bureau may not mark a proposal key at all.
    await users['lead-handler']
      .post(`/api/proposals/${id}/key`, { leaders: [], leaderUserIds: ['supervisor'] })
      .expect(403);
  });

  it('names a linked leader by display name, beside the names given', async () => {
    await users['officer']
      .post(`/api/proposals/${id}/key`, { leaders: ['张副市长'], leaderUserIds: ['supervisor'] })
      .expect(200);
    const detail = (await users['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    expect(detail).toMatchObject({
      keyProposal: true,
      keyLeaders: ['张副市长', '市府办督办员'],
      keyLeaderUserIds: ['supervisor'],
    });
    // Who may be chosen: the enabled users with the supervisor role (the demo city has one).
    const candidates = (await users['officer'].get('/api/people/key-leaders').expect(200)).body;
    expect(candidates).toEqual([
      { id: 'supervisor', displayName: '市府办督办员', unitId: 'gov-office', enabled: true },
    ]);
  });

  it('sends each linked leader, and nobody else, the digest of their key proposals on working days', async () => {
    const digest = createDigestActivities(stack.dataSource);
    const result = await digest.writeDailyDigests({ at: MONDAY });
    expect(result).toMatchObject({ date: '2026-12-07', leaderDigests: 1 });
    const rows = (
      await execSql(
        stack.dataSource,
        `SELECT "id", "unit_id" FROM "notification_outbox" WHERE "kind" = 'leader-digest'`,
      )
    ).rows;
    expect(rows.map((r) => [r['id'], r['unit_id']])).toEqual([['leader-digest/supervisor/2026-12-07', 'gov-office']]);

    const notice = await eventually(async () => {
      const page = (await users['supervisor'].get('/api/notifications?pageSize=200').expect(200)).body;
      return page.items.find((i: { kind: string }) => i.kind === 'leader-digest');
    }, "the leader's digest");
    expect(notice.title).toBe('【重点提案】2026年12月7日：您领办的重点提案1件');
    expect(notice.body).toContain(
      `市政协八届二次会议第${number}号提案《关于领办督办的提案》：会办中，主办单位X市工业和信息化局`,
    );
    expect(notice.body).toContain('X市教育局会办意见：');
    // The officer and the admin sit in the same office: not theirs.
    for (const other of ['officer', 'admin', 'lead-handler']) {
      const page = (await users[other].get('/api/notifications?pageSize=200').expect(200)).body;
      expect(page.items.filter((i: { kind: string }) => i.kind === 'leader-digest')).toEqual([]);
    }

    // Once a day; none on a Saturday.
    expect(await digest.writeDailyDigests({ at: MONDAY })).toMatchObject({ leaderDigests: 0 });
    expect(await digest.writeDailyDigests({ at: '2026-12-12T00:30:00.000Z' })).toMatchObject({
      skipped: 'not-a-working-day',
    });
  });
});
