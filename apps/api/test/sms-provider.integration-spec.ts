import { execSql } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { eventually, TestAliyunSmsServer } from './support/notification-servers';
import { startStack, Stack } from './support/stack';
import { assignedWithLead } from './support/proposals';

/**
 * SMS through a real provider's HTTP API, end to end: a supervisor's 催办 goes out by SMS to
 * the reminded unit's users through Alibaba Cloud SMS (here a local server that checks every
 * request's signature as the provider documents it); a refused send is retried with backoff
 * like any other delivery, with a fresh signature, and recorded.
 */
describe.each(testDatabases())('SMS through Alibaba Cloud SMS ($name)', ({ name, config }) => {
  let stack: Stack;
  const gateway = new TestAliyunSmsServer('LTAI-banli-it', 'banli-integration-secret');
  const users: Record<string, UserClient> = {};

  beforeAll(async () => {
    await gateway.start();
    stack = await startStack(config, {
      notificationEnv: {
        BANLI_SMS_PROVIDER: 'aliyun',
        BANLI_SMS_ALIYUN_ENDPOINT: gateway.url,
        BANLI_SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI-banli-it',
        BANLI_SMS_ALIYUN_ACCESS_KEY_SECRET: 'banli-integration-secret',
        BANLI_SMS_ALIYUN_SIGN_NAME: 'X市政协',
        BANLI_SMS_ALIYUN_TEMPLATE_CODE: 'SMS_123456789',
        BANLI_SMS_TIMEOUT_MS: '5000',
      },
    });
    for (const u of ['registrar', 'officer', 'supervisor']) users[u] = await as(stack, u);
  });
  afterAll(async () => {
    await stack?.close();
    await gateway.stop();
  });

  it('sends a 催办 by SMS, signed; a refusal is retried and the attempt recorded', async () => {
    const number = `sms${Date.now().toString(36)}${name === 'postgres' ? 'p' : 's'}`;
    const id = `8-2_${number}`;
    await assignedWithLead(users, 'industry-it', ['education'], { number, title: '关于短信通知的提案' });
    // The gateway refuses the first send (a provider's rate limit), then accepts.
    gateway.refusals.push('isv.BUSINESS_LIMIT_CONTROL');
    await users['supervisor']
      .post(`/api/proposals/${id}/reminders`, { unitId: 'education', message: '请抓紧报送会办意见' })
      .expect(200);

    const rows = await eventually(async () => {
      const { rows } = await execSql(
        stack.dataSource,
        `SELECT d."id", d."target", d."status", d."attempts", d."last_error" FROM "notification_delivery" d
         JOIN "notification_outbox" o ON o."id" = d."outbox_id"
         WHERE o."proposal_id" = :id AND o."kind" = 'reminder-notice' AND d."channel" = 'sms'`,
        { id },
      );
      return rows.length > 0 && rows.every((r) => r['status'] === 'sent') ? rows : undefined;
    }, 'every SMS of the 催办 sent');
    const targets = rows.map((r) => String(r['target']));
    expect(targets.every((t) => /^1380057\d{4}$/.test(t))).toBe(true);
    // One delivery was refused once and sent on its second attempt; the others on their first.
    expect(rows.map((r) => Number(r['attempts'])).sort()).toEqual([...targets.map(() => 1).slice(1), 2].sort());
    const retried = rows.find((r) => Number(r['attempts']) === 2);
    const attempts = await execSql(
      stack.dataSource,
      `SELECT "error" FROM "notification_delivery_attempt" WHERE "delivery_id" = :d ORDER BY "attempt"`,
      { d: retried?.['id'] },
    );
    expect(String(attempts.rows[0]?.['error'])).toMatch(/isv\.BUSINESS_LIMIT_CONTROL/);

    // What the gateway received: every request signed right, the 催办 text in the template's variable.
    const mine = gateway.received.filter((r) => targets.includes(r.params['PhoneNumbers'] as string));
    expect(mine.map((r) => r.code).sort()).toEqual([...targets.map(() => 'OK'), 'isv.BUSINESS_LIMIT_CONTROL'].sort());
    expect(mine.every((r) => r.code !== 'SignatureDoesNotMatch')).toBe(true);
    const sent = mine.find((r) => r.code === 'OK');
    expect(sent?.params).toMatchObject({ Action: 'SendSms', SignName: 'X市政协', TemplateCode: 'SMS_123456789' });
    expect(JSON.parse(sent?.params['TemplateParam'] ?? '{}').content).toContain('催办');
  });
});
