import type { DataSource } from 'typeorm';
import request from 'supertest';
import { notificationConfigFromEnv } from '@banli/config';
import type { DailyDigestResult } from '@banli/contracts';
import {
  addWorkingDays,
  endOfShanghaiDay,
  toShanghaiDate,
  workingDaysBetween,
  WorkingDayCalendar,
} from '@banli/domain';
import { createDataSource, execSql, NotificationOutboxRepository } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import {
  chineseDate,
  createDigestActivities,
  createNotificationRelay,
  ensureDailyDigestSchedule,
  NotificationRelay,
  silentRelayLogger,
  verifyWebhookSignature,
} from '@banli/worker';
import { as, UserClient } from './support/api-client';
import { draftOf } from './support/proposals';
import { eventually, freePort, TestSmtpServer, TestWebhookReceiver } from './support/notification-servers';
import { startStack, Stack, TEST_NOTIFICATION_ENV } from './support/stack';

const SECRET = 'webhook-secret-of-the-integration-tests';
const SESSION = '市政协八届二次会议';
const calendar = WorkingDayCalendar.official();

interface DeliveryRow {
  id: string;
  outbox_id: string;
  channel: string;
  recipient: string;
  target: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

/**
 * Notifications end to end, on the real stack (API, worker, relay) with a real SMTP server
 * (`smtp-server`, messages read back with `mailparser`) and a real HTTP webhook receiver.
 */
describe.each(testDatabases())('notifications that reach people ($name)', ({ name, config }) => {
  let stack: Stack;
  let smtp: TestSmtpServer;
  const receiver = new TestWebhookReceiver();
  const users: Record<string, UserClient> = {};
  // Unique per database: both stacks share one Temporal server, where the number names the workflow.
  const base = `${Date.now()}${name === 'postgres' ? 1 : 2}`;
  const numberOf = (n: number) => `${base}${n}`;
  let assigned = '';
  let opinionDueAt = '';

  const deliveries = async (outboxId: string): Promise<DeliveryRow[]> =>
    (
      await execSql(
        stack.dataSource,
        `SELECT "id", "outbox_id", "channel", "recipient", "target", "status", "attempts", "last_error"
         FROM "notification_delivery" WHERE "outbox_id" = :outboxId ORDER BY "channel", "recipient"`,
        { outboxId },
      )
    ).rows.map((r) => ({ ...r, attempts: Number(r['attempts']) }) as unknown as DeliveryRow);

  const outboxCreatedAt = async (id: string): Promise<string> =>
    String(
      (await execSql(stack.dataSource, `SELECT "created_at" FROM "notification_outbox" WHERE "id" = :id`, { id }))
        .rows[0]['created_at'],
    );

  async function assignedProposal(n: number, title: string): Promise<string> {
    const number = numberOf(n);
    const id = `8-2_${number}`;
    await users['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: SESSION,
        number,
        title,
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议一' }],
      })
      .expect(201);
    await users['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await users['officer']
      .post(`/api/proposals/${id}/assignment`, {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['human-resources', 'education'],
      })
      .expect(200);
    return id;
  }

  const deadlineOf = async (id: string, key: string): Promise<string> => {
    const detail = (await users['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    const d = detail.deadlines.find((x: { key: string }) => x.key === key);
    if (!d?.dueAt) throw new Error(`no deadline ${key}`);
    return d.dueAt as string;
  };

  beforeAll(async () => {
    smtp = new TestSmtpServer(await freePort());
    await smtp.start();
    await receiver.start();
    // Co-handling opinions due in 2 working days, so the daily digest has something due soon.
    process.env['BANLI_DEADLINE_POLICY'] = JSON.stringify({ opinion: { unit: 'working-days', amount: 2 } });
    stack = await startStack(config, {
      notificationEnv: {
        SMTP_URL: smtp.url,
        SMTP_FROM: '办理系统 <noreply@banli.local>',
        BANLI_WEBHOOK_URL: receiver.url,
        BANLI_WEBHOOK_SECRET: SECRET,
        BANLI_SMS_PROVIDER: 'log',
        // Enough attempts to ride out the SMTP outage below even on a slow machine (200 ms…2 s waits: 5 s).
        BANLI_NOTIFY_MAX_ATTEMPTS: '6',
      },
      digestSchedule: true,
    });
    for (const u of [
      'registrar',
      'officer',
      'supervisor',
      'admin',
      'lead-handler',
      'lead-reviewer',
      'lead-signer',
      'education-cohandler',
      'education-handler',
      'human-resources-cohandler',
      'market-regulation-handler',
    ]) {
      users[u] = await as(stack, u);
    }
  });

  afterAll(async () => {
    delete process.env['BANLI_DEADLINE_POLICY'];
    await stack?.close();
    await smtp?.stop();
    await receiver.stop();
  });

  it('tells every assigned unit: in-app, by e-mail over SMTP, and by one signed webhook call per unit', async () => {
    assigned = await assignedProposal(1, '关于推进智慧教育的提案');
    // The projection hands the assignment to the outbox with its audit event: one row per unit.
    const outboxIds = (
      await execSql(
        stack.dataSource,
        `SELECT "id" FROM "notification_outbox" WHERE "proposal_id" = :id AND "kind" = 'assigned' ORDER BY "id"`,
        { id: assigned },
      )
    ).rows.map((r) => String(r['id']));
    expect(outboxIds.map((o) => o.split('/').pop()).sort()).toEqual(['education', 'human-resources', 'industry-it']);
    const educationRow = outboxIds.find((o) => o.endsWith('/education')) as string;
    opinionDueAt = await deadlineOf(assigned, 'opinion:education');
    const objectionDueAt = await deadlineOf(assigned, 'objection:education');
    const ref = `${SESSION}第${numberOf(1)}号提案《关于推进智慧教育的提案》`;

    // E-mail: one per user of the unit (each demo user has an address), as the SMTP server got it.
    const emails = await eventually(async () => {
      const rows = (await deliveries(educationRow)).filter((d) => d.channel === 'email');
      return rows.length === 4 && rows.every((d) => d.status === 'sent') ? rows : undefined;
    }, 'the e-mails to the education bureau');
    expect(emails.map((d) => d.target).sort()).toEqual([
      'education-cohandler@demo.banli.local',
      'education-handler@demo.banli.local',
      'education-reviewer@demo.banli.local',
      'education-signer@demo.banli.local',
    ]);
    for (const d of emails) {
      const got = smtp.received.filter((m) => m.deliveryId === d.id);
      expect(got).toHaveLength(1);
      expect(got[0].envelopeTo).toEqual([d.target]);
    }
    // The run's PostgreSQL database is shared with other test files, whose notices this relay
    // delivers too: take this row's delivery to the co-handler.
    const toCoHandler = emails.find((d) => d.target === 'education-cohandler@demo.banli.local');
    const mail = smtp.received.find((m) => m.deliveryId === toCoHandler?.id)?.mail;
    expect(mail?.subject).toBe(`【交办】${ref}已交由贵单位会办`);
    expect(mail?.from?.value).toEqual([{ name: '办理系统', address: 'noreply@banli.local' }]);
    expect(mail?.headers.get('x-banli-event')).toBe('assigned');
    expect(mail?.text?.trim().split('\n')).toEqual([
      'X市教育局：',
      `${ref}已交由贵单位会办。`,
      '主办单位：X市工业和信息化局；会办单位：X市人力资源和社会保障局、X市教育局。',
      // Earliest first: here the opinion (2 working days) is due before the objection window closes.
      `办理时限：${[
        [opinionDueAt, `会办意见${chineseDate(opinionDueAt)}前`],
        [objectionDueAt, `申请调整${chineseDate(objectionDueAt)}前`],
      ]
        .sort()
        .map(([, text]) => text)
        .join('；')}。`,
      '如交办有误，请在申请调整期限内提出调整申请。',
      '（本通知由办理系统自动发送，请登录系统办理。）',
    ]);
    const lead = await eventually(
      () =>
        smtp.received.find(
          (m) => m.envelopeTo.includes('lead-handler@demo.banli.local') && m.mail.subject?.includes(ref),
        ),
      'the e-mail to the lead unit',
    );
    expect(lead.mail.subject).toBe(`【交办】${ref}已交由贵单位主办`);

    // In-app: the same notice for the unit's users, and nothing for a bureau with no part in it.
    const mine = (await users['education-cohandler'].get('/api/notifications').expect(200)).body;
    expect(mine.items).toContainEqual(
      expect.objectContaining({
        kind: 'assigned',
        proposalId: assigned,
        title: `【交办】${ref}已交由贵单位会办`,
        readAt: null,
      }),
    );
    const others = (await users['market-regulation-handler'].get('/api/notifications').expect(200)).body;
    expect(others.items.filter((i: { proposalId: string }) => i.proposalId === assigned)).toEqual([]);

    // Webhook: exactly one accepted call per outbox row, signed with the shared secret.
    const calls = await eventually(() => {
      const got = outboxIds.map((o) => receiver.accepted(o));
      return got.every((c) => c.length === 1) ? got.flat() : undefined;
    }, 'one webhook call per assigned unit');
    for (const c of calls) {
      expect(verifyWebhookSignature(SECRET, c.body, c.headers['x-banli-signature'] as string)).toMatchObject({
        ok: true,
      });
      expect(
        verifyWebhookSignature('some-other-secret-value', c.body, c.headers['x-banli-signature'] as string).ok,
      ).toBe(false);
      expect(c.headers['x-banli-event']).toBe('assigned');
      const body = JSON.parse(c.body);
      expect(body).toMatchObject({ id: c.deliveryId, event: 'assigned', proposalId: assigned });
      expect(body.payload).toMatchObject({ eventType: 'assigned', data: { mode: 'lead' } });
    }
    // No SMS for an assignment (only escalations and 催办 go by SMS).
    expect((await deliveries(educationRow)).filter((d) => d.channel === 'sms')).toEqual([]);
  });

  it('retries a failing webhook with growing backoff, records each attempt, and delivers exactly once', async () => {
    const outboxId = `${assigned}/9001`;
    receiver.policy = ({ outboxId: o, nth }) => (o === outboxId && nth <= 2 ? 500 : 204);
    await new NotificationOutboxRepository(stack.dataSource).addDeadlineNotice({
      proposalId: assigned,
      eventSeq: 9001,
      kind: 'reminder',
      deadlineKey: 'opinion:education',
      unitId: 'education',
      dueAt: opinionDueAt,
    });
    const admin = users['admin'];
    const hook = await eventually(async () => {
      const page = (await admin.get(`/api/admin/notification-deliveries?outboxId=${encodeURIComponent(outboxId)}`))
        .body;
      const w = page.items?.find((d: { channel: string }) => d.channel === 'webhook');
      return w?.status === 'sent' ? w : undefined;
    }, 'the webhook delivery to succeed');
    expect(hook.attempts).toBe(3);

    const detail = (await admin.get(`/api/admin/notification-deliveries/${hook.id}`).expect(200)).body;
    expect(detail.history.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'failed', 'sent']);
    expect(detail.history[0].error).toContain('HTTP 500');
    // Backoff 200 ms doubling, minus up to 20 % jitter: each scheduled wait longer than the one
    // before; and no attempt ever started before its time.
    type Attempt = { startedAt: string; finishedAt: string; nextAttemptAt: string | null };
    const history: Attempt[] = detail.history;
    const waits = history.slice(0, 2).map((a) => Date.parse(a.nextAttemptAt as string) - Date.parse(a.finishedAt));
    expect(waits[0]).toBeGreaterThanOrEqual(160);
    expect(waits[0]).toBeLessThanOrEqual(200);
    expect(waits[1]).toBeGreaterThanOrEqual(320);
    expect(waits[1]).toBeLessThanOrEqual(400);
    expect(history[2].nextAttemptAt).toBeNull();
    for (const i of [1, 2]) {
      expect(Date.parse(history[i].startedAt)).toBeGreaterThanOrEqual(
        Date.parse(history[i - 1].nextAttemptAt as string),
      );
    }

    const calls = receiver.requests.filter((r) => r.deliveryId === hook.id);
    expect(calls.map((c) => c.status)).toEqual([500, 500, 204]);
    expect(receiver.accepted(outboxId)).toHaveLength(1);
    for (const c of calls) {
      expect(verifyWebhookSignature(SECRET, c.body, c.headers['x-banli-signature'] as string).ok).toBe(true);
      expect(c.body).toBe(calls[0].body);
    }
    // The reminder's words: days left counted in working days from the notice's day.
    const createdAt = await outboxCreatedAt(outboxId);
    const left = workingDaysBetween(calendar, toShanghaiDate(createdAt), toShanghaiDate(opinionDueAt));
    expect(JSON.parse(calls[2].body).title).toBe(
      `【催办】${SESSION}第${numberOf(1)}号提案《关于推进智慧教育的提案》的会办意见将于${chineseDate(opinionDueAt)}到期（${
        left === 0 ? '今日到期' : `还剩${left}个工作日`
      }）`,
    );
  });

  it('loses nothing in an SMTP outage: e-mails wait with backoff and go out once the server is back', async () => {
    await smtp.stop();
    const outboxId = `${assigned}/9002`;
    const today = toShanghaiDate(new Date());
    const dueAt = endOfShanghaiDay(addWorkingDays(calendar, today, -3));
    await new NotificationOutboxRepository(stack.dataSource).addDeadlineNotice({
      proposalId: assigned,
      eventSeq: 9002,
      kind: 'escalation',
      deadlineKey: 'reply:industry-it',
      unitId: 'industry-it',
      dueAt,
      escalation: 1,
    });
    // Escalations go to the unit's users and to every supervisor, by e-mail and by SMS.
    const failing = await eventually(async () => {
      const rows = (await deliveries(outboxId)).filter((d) => d.channel === 'email');
      return rows.length === 4 && rows.every((d) => d.attempts >= 2 && d.status === 'pending') ? rows : undefined;
    }, 'e-mail attempts failing while the SMTP server is down');
    expect(failing.map((d) => d.target).sort()).toEqual([
      'lead-handler@demo.banli.local',
      'lead-reviewer@demo.banli.local',
      'lead-signer@demo.banli.local',
      'supervisor@demo.banli.local',
    ]);
    for (const d of failing) expect(d.last_error).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start();
    const sent = await eventually(async () => {
      const rows = (await deliveries(outboxId)).filter((d) => d.channel === 'email');
      return rows.every((d) => d.status === 'sent') ? rows : undefined;
    }, 'every e-mail sent after the SMTP server is back');
    for (const d of sent) {
      expect(smtp.received.filter((m) => m.deliveryId === d.id)).toHaveLength(1);
    }
    // By its delivery id: the database is shared, and other specs' notices (a dispatched reply's
    // copy to the government office) may reach the supervisor through this stack's relay too.
    const supervisorDelivery = sent.find((d) => d.target === 'supervisor@demo.banli.local')?.id;
    const toSupervisor = smtp.received.find((m) => m.deliveryId === supervisorDelivery)?.mail;
    const overdue = workingDaysBetween(
      calendar,
      toShanghaiDate(dueAt),
      toShanghaiDate(await outboxCreatedAt(outboxId)),
    );
    expect(toSupervisor?.subject).toBe(
      `【督办】${SESSION}第${numberOf(1)}号提案《关于推进智慧教育的提案》的答复已于${chineseDate(dueAt)}到期，${
        overdue ? `已逾期${overdue}个工作日` : '已逾期'
      }（第1次督办）`,
    );

    const sms = (await deliveries(outboxId)).filter((d) => d.channel === 'sms');
    expect(sms.map((d) => [d.recipient, d.status])).toEqual([
      ['lead-handler', 'sent'],
      ['lead-reviewer', 'sent'],
      ['lead-signer', 'sent'],
      ['supervisor', 'sent'],
    ]);
    expect(sms.every((d) => /^1380057\d{4}$/.test(d.target))).toBe(true);
    const supervisorInbox = (await users['supervisor'].get('/api/notifications').expect(200)).body;
    expect(supervisorInbox.items.map((i: { kind: string }) => i.kind)).toContain('deadline-escalation');
  });

  it('tells the lead unit of each opinion, the office of each objection and extension request, a unit when handling reopens', async () => {
    const id = await assignedProposal(7, '关于校园安全的提案');
    const ref = `${SESSION}第${numberOf(7)}号提案《关于校园安全的提案》`;
    const noticeFor = (user: string, kind: string, what: string) =>
      eventually(async () => {
        const page = (await users[user].get('/api/notifications?pageSize=200').expect(200)).body;
        return page.items.find((i: { kind: string; proposalId: string }) => i.kind === kind && i.proposalId === id);
      }, what);
    const kindsOf = async (user: string): Promise<string[]> =>
      (await users[user].get('/api/notifications?pageSize=200').expect(200)).body.items
        .filter((i: { proposalId: string }) => i.proposalId === id)
        .map((i: { kind: string }) => i.kind);

    // A co-handler's opinion: the lead unit hears of it.
    await users['education-cohandler']
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'adopted', text: '同意。' }] })
      .expect(200);
    const opinion = await noticeFor('lead-handler', 'opinion-submitted', 'the lead unit’s opinion notice');
    expect(opinion.title).toBe(`【会办意见】X市教育局提交了${ref}的会办意见（第1版）`);

    // An objection and an extension request: the assigning office hears of each, with the reason.
    await users['human-resources-cohandler']
      .post(`/api/proposals/${id}/objections`, { reason: '不属于本单位职责' })
      .expect(200);
    const objection = await noticeFor('officer', 'objection-raised', 'the office’s objection notice');
    expect(objection.title).toBe(`【调整申请】X市人力资源和社会保障局对${ref}的交办提出调整申请`);
    expect(objection.body).toContain('申请理由：不属于本单位职责');
    const replyDue = await deadlineOf(id, 'reply:industry-it');
    const later = toShanghaiDate(new Date(Date.parse(replyDue) + 20 * 86_400_000).toISOString());
    await users['lead-handler']
      .post(`/api/proposals/${id}/extensions`, {
        deadlineKey: 'reply:industry-it',
        requestedEndDate: later,
        reason: '需实地调研',
      })
      .expect(200);
    const extension = await noticeFor('officer', 'extension-requested', 'the office’s extension notice');
    expect(extension.title).toBe(`【延期申请】X市工业和信息化局申请延长${ref}的答复期限至${chineseDate(later)}`);
    // Only the office is told of requests it decides: not the units, not the one that asked.
    expect(await kindsOf('lead-handler')).not.toContain('extension-requested');
    expect(await kindsOf('education-handler')).not.toContain('objection-raised');

    // Each request gives the office a decision deadline: 5 working days from the request, in its
    // inbox with the task; nobody else's.
    const detail = (await users['officer'].get(`/api/proposals/${id}`).expect(200)).body;
    const decisions = detail.deadlines.filter((d: { kind: string }) => d.kind === 'decision');
    expect(decisions.map((d: { key: string; unitId: string }) => [d.key, d.unitId]).sort()).toEqual([
      ['decision:extension-1', 'gov-office'],
      ['decision:objection-1', 'gov-office'],
    ]);
    const requestDay = toShanghaiDate(new Date().toISOString());
    for (const d of decisions) expect(toShanghaiDate(d.dueAt)).toBe(addWorkingDays(calendar, requestDay, 5));
    const tasksOf = async (user: string, kind: string) =>
      (await users[user].get(`/api/tasks?scope=mine&kind=${kind}&pageSize=200`).expect(200)).body.items.filter(
        (t: { proposalId: string }) => t.proposalId === id,
      );
    const officeTasks = [
      ...(await tasksOf('officer', 'decide-extension')),
      ...(await tasksOf('officer', 'decide-objection')),
    ];
    expect(officeTasks.map((t: { kind: string; deadlineKey: string }) => [t.kind, t.deadlineKey]).sort()).toEqual([
      ['decide-extension', 'decision:extension-1'],
      ['decide-objection', 'decision:objection-1'],
    ]);
    expect(officeTasks.every((t: { due: { state: string } }) => t.due.state === 'due-soon')).toBe(true);
    expect(await tasksOf('lead-handler', 'decide-extension')).toEqual([]);
    // Only the office decides: a bureau's user is refused, and nothing changes.
    const refused = await users['lead-handler']
      .post(`/api/proposals/${id}/extensions/1/decision`, { decision: 'approve', reason: '自己批准' })
      .expect(403);
    expect(refused.body.error.code).toBe('ROLE_REQUIRED');
    expect((await users['officer'].get(`/api/proposals/${id}`).expect(200)).body.deadlines).toContainEqual(
      expect.objectContaining({ key: 'decision:extension-1', status: 'running' }),
    );

    // An unsatisfied rating reopens handling: the replying unit hears of it.
    await users['officer']
      .post(`/api/proposals/${id}/objections/1/decision`, { decision: 'reject', reason: '属于本单位职责' })
      .expect(200);
    await users['human-resources-cohandler']
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'adopted', text: '同意。' }] })
      .expect(200);
    await users['lead-handler'].post(`/api/proposals/${id}/drafts`, draftOf()).expect(200);
    await users['lead-reviewer'].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);
    // On a loaded machine the sign-off (document number, frozen letter) may outlast the API's
    // bound: it answers 503 and the client retries with its Idempotency-Key, as the API asks.
    for (let attempt = 1; ; attempt++) {
      const signed = await users['lead-signer'].post(
        `/api/proposals/${id}/sign-off`,
        { decision: 'sign' },
        { 'Idempotency-Key': `sign-${id}` },
      );
      if (signed.status === 200) break;
      expect([signed.status, attempt < 4]).toEqual([503, true]);
    }
    await users['lead-handler'].post(`/api/proposals/${id}/dispatch`).expect(200);
    expect(await kindsOf('lead-handler')).not.toContain('rehandling-opened');
    await users['officer']
      .post(`/api/proposals/${id}/feedback`, { unitId: 'industry-it', proposer: '李明', rating: 'unsatisfied' })
      .expect(200);
    // Decided: the office's deadlines are met.
    await users['officer']
      .post(`/api/proposals/${id}/extensions/1/decision`, { decision: 'refuse', reason: '期限内可完成' })
      .expect(200);
    const after = (await users['officer'].get(`/api/proposals/${id}`).expect(200)).body.deadlines;
    for (const key of ['decision:extension-1', 'decision:objection-1']) {
      expect(after).toContainEqual(expect.objectContaining({ key, status: 'met' }));
    }
    const reopened = await noticeFor('lead-handler', 'rehandling-opened', 'the reopened-handling notice');
    expect(reopened.title).toBe(`【重新办理】${ref}的答复被评为不满意，需重新办理`);
    expect(reopened.body).toContain('第2轮');
  });

  it('lists, reads and marks read only the caller’s own in-app notifications', async () => {
    // A returned opinion notifies the co-handling unit.
    await users['education-cohandler']
      .post(`/api/proposals/${assigned}/opinions`, {
        points: [{ seq: 1, adoption: 'adopted', text: '同意。' }],
        summary: '教育局意见',
      })
      .expect(200);
    await users['lead-handler']
      .post(`/api/proposals/${assigned}/opinions/education/return`, { reason: '请补充经费测算' })
      .expect(200);
    const returned = await eventually(async () => {
      const page = (await users['education-handler'].get('/api/notifications').expect(200)).body;
      return page.items.find((i: { kind: string }) => i.kind === 'opinion-returned');
    }, 'the returned-opinion notice');
    expect(returned.title).toBe(
      `【退回】${SESSION}第${numberOf(1)}号提案《关于推进智慧教育的提案》的会办意见被主办单位退回修改`,
    );
    expect(returned.body).toContain('退回理由：请补充经费测算');

    const me = users['education-handler'];
    const all = (await me.get('/api/notifications?pageSize=200').expect(200)).body;
    expect(all.total).toBeGreaterThanOrEqual(3);
    // Other test files share the database (and may have read some of this user's notices).
    expect(all.unreadCount).toBe(all.items.filter((i: { readAt: string | null }) => i.readAt === null).length);
    const times = all.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = all.items[0];
    const read = (await me.post(`/api/notifications/${first.id}/read`).expect(200)).body;
    expect(read).toEqual({ id: first.id, readAt: expect.any(String) });
    const again = (await me.post(`/api/notifications/${first.id}/read`).expect(200)).body;
    expect(again.readAt).toBe(read.readAt);
    const unread = (await me.get('/api/notifications?unread=true&page=1&pageSize=2').expect(200)).body;
    expect(unread.unreadCount).toBe(all.unreadCount - 1);
    expect(unread.total).toBe(all.unreadCount - 1);
    expect(unread.items).toHaveLength(2);
    expect(unread.items.map((i: { id: string }) => i.id)).not.toContain(first.id);

    // Another user can neither see nor mark it: 404, as if it did not exist, and nothing changes.
    const second = unread.items[0];
    const stranger = users['market-regulation-handler'];
    const refused = await stranger.post(`/api/notifications/${second.id}/read`).expect(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
    const strangerList = (await stranger.get('/api/notifications?pageSize=200').expect(200)).body;
    expect(strangerList.items.map((i: { id: string }) => i.id)).not.toContain(second.id);
    await stranger.post('/api/notifications/read-all').expect(200);
    expect((await me.get('/api/notifications?unread=true').expect(200)).body.unreadCount).toBe(all.unreadCount - 1);
    // A colleague in the same unit has their own copy, still unread.
    const colleague = (await users['education-cohandler'].get('/api/notifications?unread=true').expect(200)).body;
    expect(colleague.items.map((i: { title: string }) => i.title)).toContain(returned.title);

    const marked = (await me.post('/api/notifications/read-all').expect(200)).body;
    expect(marked).toEqual({ marked: all.unreadCount - 1 });
    expect((await me.get('/api/notifications').expect(200)).body.unreadCount).toBe(0);

    await request(stack.url).get('/api/notifications').expect(401);
    await me.get('/api/notifications?unread=maybe').expect(400);
  });

  it('marks a delivery failed after its last attempt; an admin lists it and retries it (audited)', async () => {
    const outboxId = `${assigned}/9003`;
    let accept = false;
    receiver.policy = ({ outboxId: o }) => (o === outboxId && !accept ? 503 : 204);
    await new NotificationOutboxRepository(stack.dataSource).addDeadlineNotice({
      proposalId: assigned,
      eventSeq: 9003,
      kind: 'reminder',
      deadlineKey: 'reply:industry-it',
      unitId: 'industry-it',
      dueAt: await deadlineOf(assigned, 'reply:industry-it'),
    });
    const admin = users['admin'];
    const failed = await eventually(async () => {
      const page = (await admin.get('/api/admin/notification-deliveries?status=failed&pageSize=200').expect(200)).body;
      return page.items.find((d: { outboxId: string }) => d.outboxId === outboxId);
    }, 'the webhook delivery to fail for good');
    expect(failed).toMatchObject({ channel: 'webhook', status: 'failed', attempts: 6 });
    expect(failed.lastError).toContain('HTTP 503');
    expect(receiver.requests.filter((r) => r.deliveryId === failed.id)).toHaveLength(6);

    const forbidden = await users['supervisor'].get('/api/admin/notification-deliveries').expect(403);
    expect(forbidden.body.error.code).toBe('ROLE_REQUIRED');
    await users['supervisor'].post(`/api/admin/notification-deliveries/${failed.id}/retry`).expect(403);

    accept = true;
    const retried = (await admin.post(`/api/admin/notification-deliveries/${failed.id}/retry`).expect(200)).body;
    expect(retried).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    const sent = await eventually(async () => {
      const d = (await admin.get(`/api/admin/notification-deliveries/${failed.id}`).expect(200)).body;
      return d.status === 'sent' ? d : undefined;
    }, 'the retried delivery to be sent');
    expect(sent.history.map((a: { outcome: string }) => a.outcome)).toEqual([...Array(6).fill('failed'), 'sent']);
    expect(receiver.accepted(outboxId)).toHaveLength(1);

    const audit = await execSql(
      stack.dataSource,
      `SELECT "actor_user_id", "data" FROM "admin_event" WHERE "type" = 'notification-delivery-retried'`,
    );
    expect(audit.rows.map((r) => [r['actor_user_id'], JSON.parse(String(r['data'])).deliveryId])).toContainEqual([
      'admin',
      failed.id,
    ]);
    const twice = await admin.post(`/api/admin/notification-deliveries/${failed.id}/retry`).expect(409);
    expect(twice.body.error.code).toBe('ALREADY_DONE');
    const unknown = await admin.post('/api/admin/notification-deliveries/no-such-delivery/retry').expect(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    await admin.get('/api/admin/notification-deliveries?status=lost').expect(400);
  });

  it('sends each unit a daily digest from the Temporal Schedule: due soon and overdue tasks, once a day', async () => {
    const id = await assignedProposal(6, '关于完善职业培训体系的提案');
    const today = toShanghaiDate(new Date());
    // The human-resources bureau's opinion is made overdue in the read model (standing in for time passing).
    const overdueDueAt = endOfShanghaiDay(addWorkingDays(calendar, today, -2));
    await execSql(
      stack.dataSource,
      `UPDATE "task" SET "due_at" = :dueAt WHERE "proposal_id" = :id AND "unit_id" = 'human-resources' AND "kind" = 'opinion'`,
      { id, dueAt: overdueDueAt },
    );
    const educationDueAt = await deadlineOf(id, 'opinion:education');

    // Replicas starting at once all make sure of the schedule: one creates it, the others update it.
    const raceId = `${stack.digestScheduleId}-race`;
    const ensured = await Promise.all(
      [1, 2, 3].map(() =>
        ensureDailyDigestSchedule(stack.client, {
          ...stack.notifications.digest,
          scheduleId: raceId,
          taskQueue: stack.taskQueue,
        }),
      ),
    );
    expect(ensured.sort()).toEqual(['created', 'updated', 'updated']);
    await stack.client.schedule.getHandle(raceId).delete();
    const schedule = stack.client.schedule.getHandle(stack.digestScheduleId as string);
    const described = await schedule.describe();
    expect(described.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 8, end: 8, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.action).toMatchObject({ workflowType: 'dailyDigestWorkflow', taskQueue: stack.taskQueue });

    const runDigest = async (): Promise<DailyDigestResult> => {
      const before = (await schedule.describe()).info.recentActions.length;
      await schedule.trigger();
      const action = await eventually(async () => {
        const actions = (await schedule.describe()).info.recentActions;
        return actions.length > before ? actions[actions.length - 1] : undefined;
      }, 'the schedule to start the digest workflow');
      return stack.client.workflow.getHandle(action.action.workflow.workflowId).result();
    };
    const result = await runDigest();
    if (!calendar.isWorkingDay(today)) {
      // Run on a weekend or holiday: the schedule fires and the digest is skipped. (The next
      // test checks the skip at fixed dates; the content is checked when this runs on a working day.)
      expect(result).toEqual({ date: today, units: 0, tasks: 0, added: 0, skipped: 'not-a-working-day' });
      return;
    }
    expect(result.added).toBeGreaterThanOrEqual(2);
    const date = result.date;
    const ref = `${SESSION}第${numberOf(6)}号提案《关于完善职业培训体系的提案》`;

    const educationDigest = await eventually(async () => {
      const page = (await users['education-cohandler'].get('/api/notifications').expect(200)).body;
      return page.items.find((i: { kind: string }) => i.kind === 'daily-digest');
    }, 'the education bureau’s digest');
    const left = workingDaysBetween(calendar, date, toShanghaiDate(educationDueAt));
    expect(educationDigest.proposalId).toBeNull();
    expect(educationDigest.title).toMatch(
      new RegExp(`^【每日待办】${chineseDate(date)}：\\d+项已逾期，\\d+项即将到期$`),
    );
    expect(educationDigest.body).toContain(
      `${ref}：会办意见，${chineseDate(educationDueAt)}到期，${left === 0 ? '今日到期' : `还剩${left}个工作日`}`,
    );

    const hrDigest = await eventually(async () => {
      const page = (await users['human-resources-cohandler'].get('/api/notifications').expect(200)).body;
      return page.items.find((i: { kind: string }) => i.kind === 'daily-digest');
    }, 'the human-resources bureau’s digest');
    const late = workingDaysBetween(calendar, toShanghaiDate(overdueDueAt), date);
    const lines: string[] = hrDigest.body.split('\n');
    expect(lines[1]).toBe(`截至${chineseDate(date)}，贵单位有以下待办任务已逾期或即将到期：`);
    expect(lines[2]).toMatch(/^一、已逾期（\d+项）$/);
    expect(lines).toContain(`1. ${ref}：会办意见，${chineseDate(overdueDueAt)}到期，已逾期${late}个工作日`);

    // The lead unit's reply is months away: this proposal is in no digest of the lead unit. (The
    // database is shared with the other test files, whose proposals may put the lead unit in
    // today's digests for their own tasks.)
    const rows = await execSql(
      stack.dataSource,
      `SELECT "id", "payload" FROM "notification_outbox" WHERE "kind" = 'daily-digest'`,
    );
    const leadDigest = rows.rows.find((r) => r['id'] === `digest/industry-it/${date}`);
    const payloadOf = (r: Record<string, unknown> | undefined) =>
      (r ? (typeof r['payload'] === 'string' ? JSON.parse(r['payload']) : r['payload']) : { tasks: [] }) as {
        tasks: { proposalId: string }[];
      };
    expect(payloadOf(leadDigest).tasks.map((t) => t.proposalId)).not.toContain(id);
    expect(
      payloadOf(rows.rows.find((r) => r['id'] === `digest/education/${date}`)).tasks.map((t) => t.proposalId),
    ).toContain(id);
    expect(rows.rows.map((r) => r['id'])).toEqual(
      expect.arrayContaining([`digest/education/${date}`, `digest/human-resources/${date}`]),
    );

    // Triggered again the same day: nothing new.
    expect((await runDigest()).added).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const digests = (
      await users['education-cohandler'].get('/api/notifications?pageSize=200').expect(200)
    ).body.items.filter(
      (i: { kind: string; title: string }) => i.kind === 'daily-digest' && i.title.includes(chineseDate(date)),
    );
    expect(digests).toHaveLength(1);
  });

  it('sends no digest on a weekend or a holiday, whatever is due', async () => {
    const digest = createDigestActivities(stack.dataSource);
    const outbox = async () =>
      Number(
        (
          await execSql(
            stack.dataSource,
            `SELECT count(*) AS "n" FROM "notification_outbox" WHERE "kind" = 'daily-digest'`,
          )
        ).rows[0]?.['n'],
      );
    const before = await outbox();
    // 08:30 in Shanghai on Saturday 5 December 2026, and on National Day (a Thursday).
    for (const [at, date] of [
      ['2026-12-05T00:30:00.000Z', '2026-12-05'],
      ['2026-10-01T00:30:00.000Z', '2026-10-01'],
    ]) {
      expect(await digest.writeDailyDigests({ at })).toEqual({
        date,
        units: 0,
        tasks: 0,
        added: 0,
        skipped: 'not-a-working-day',
      });
    }
    expect(await outbox()).toBe(before);
  });

  it("reminds the admins only, once a week from 1 November, while next year's holiday notice is not loaded", async () => {
    const digest = createDigestActivities(stack.dataSource);
    // The reminders of the weeks this test runs (the schedule's digest of today may add today's week).
    const reminders = async () =>
      (
        await execSql(
          stack.dataSource,
          `SELECT "id", "unit_id" FROM "notification_outbox" WHERE "kind" = 'calendar-reminder' ORDER BY "id"`,
        )
      ).rows.filter((r) => /\/2026-(10-26|11-02)$/.test(String(r['id'])));
    // Friday 30 October 2026: too early. Monday 2 and Tuesday 3 November: the week's one reminder.
    expect(await digest.writeDailyDigests({ at: '2026-10-30T00:30:00.000Z' })).not.toHaveProperty('calendarReminders');
    expect(await reminders()).toEqual([]);
    expect(await digest.writeDailyDigests({ at: '2026-11-02T00:30:00.000Z' })).toMatchObject({ calendarReminders: 1 });
    expect(await digest.writeDailyDigests({ at: '2026-11-03T00:30:00.000Z' })).toMatchObject({ calendarReminders: 0 });
    expect(await reminders()).toEqual([{ id: 'calendar-reminder/2027/gov-office/2026-11-02', unit_id: 'gov-office' }]);

    const notice = await eventually(async () => {
      const page = (await users['admin'].get('/api/notifications').expect(200)).body;
      return page.items.find((i: { kind: string }) => i.kind === 'calendar-reminder');
    }, 'the admin’s reminder');
    expect(notice.title).toBe('【节假日日历】2027年节假日安排尚未载入');
    // The admin's colleagues in the same office are not told: loading calendars is not theirs.
    const officer = (await users['officer'].get('/api/notifications?pageSize=200').expect(200)).body;
    expect(officer.items.map((i: { kind: string }) => i.kind)).not.toContain('calendar-reminder');
  });

  it('delivers each row exactly once with two relays running at once', async () => {
    // The stack's relay steps aside; two "replicas" race. On PostgreSQL each has its own
    // connection pool, as separate processes would. On SQLite they share the stack's connection:
    // better-sqlite3 waits for a lock synchronously, so two connections in one process would
    // stall each other's event loop until the busy timeout (separate processes do not).
    await stack.relay.stop();
    const env = {
      ...TEST_NOTIFICATION_ENV,
      SMTP_URL: smtp.url,
      BANLI_WEBHOOK_URL: receiver.url,
      BANLI_WEBHOOK_SECRET: SECRET,
      BANLI_NOTIFY_BATCH_SIZE: '7',
    };
    receiver.policy = () => 204;
    const sources: DataSource[] =
      config.type === 'postgres' ? [createDataSource(config), createDataSource(config)] : [];
    await Promise.all(sources.map((s) => s.initialize()));
    const relays: NotificationRelay[] = [0, 1].map((i) =>
      createNotificationRelay(sources[i] ?? stack.dataSource, notificationConfigFromEnv(env), {
        owner: `relay-${i}`,
        logger: silentRelayLogger,
      }),
    );
    try {
      const outbox = new NotificationOutboxRepository(stack.dataSource);
      const seqs = Array.from({ length: 20 }, (_, i) => 9100 + i);
      for (const seq of seqs) {
        await outbox.addDeadlineNotice({
          proposalId: assigned,
          eventSeq: seq,
          kind: 'reminder',
          deadlineKey: 'opinion:education',
          unitId: 'education',
          dueAt: opinionDueAt,
        });
      }
      const ids = seqs.map((s) => `${assigned}/${s}`);
      relays.forEach((r) => r.start());
      const all = await eventually(
        async () => {
          const rows = (await Promise.all(ids.map(deliveries))).flat();
          return rows.length === 20 * 5 && rows.every((d) => d.status === 'sent') ? rows : undefined;
        },
        'every delivery of 20 rows sent',
        60_000,
      );

      const failures = await execSql(
        stack.dataSource,
        `SELECT a."relay", a."error" FROM "notification_delivery_attempt" a
         JOIN "notification_delivery" d ON d."id" = a."delivery_id"
         WHERE d."outbox_id" LIKE :prefix AND a."outcome" = 'failed'`,
        { prefix: `${assigned}/91%` },
      );
      expect(failures.rows).toEqual([]);
      for (const d of all) {
        expect(d.attempts).toBe(1);
        if (d.channel === 'email') expect(smtp.received.filter((m) => m.deliveryId === d.id)).toHaveLength(1);
        if (d.channel === 'webhook') expect(receiver.requests.filter((r) => r.deliveryId === d.id)).toHaveLength(1);
      }
      for (const id of ids) expect(receiver.accepted(id)).toHaveLength(1);
      const inApp = await execSql(
        stack.dataSource,
        `SELECT "outbox_id", count(*) AS "n" FROM "user_notification" WHERE "outbox_id" LIKE :prefix GROUP BY "outbox_id"`,
        { prefix: `${assigned}/91%` },
      );
      expect(inApp.rows).toHaveLength(20);
      expect(inApp.rows.every((r) => Number(r['n']) === 4)).toBe(true);
      const attempts = await execSql(
        stack.dataSource,
        `SELECT a."relay", count(*) AS "n" FROM "notification_delivery_attempt" a
         JOIN "notification_delivery" d ON d."id" = a."delivery_id"
         WHERE d."outbox_id" LIKE :prefix GROUP BY a."relay" ORDER BY a."relay"`,
        { prefix: `${assigned}/91%` },
      );
      // One attempt per delivery in all, shared between the two relays.
      expect(attempts.rows.reduce((n, r) => n + Number(r['n']), 0)).toBe(100);
      expect(attempts.rows.map((r) => r['relay'])).toEqual(['relay-0', 'relay-1']);
      const dispatched = await execSql(
        stack.dataSource,
        `SELECT "status", "attempts" FROM "notification_outbox" WHERE "id" LIKE :prefix`,
        { prefix: `${assigned}/91%` },
      );
      expect(dispatched.rows.map((r) => [r['status'], Number(r['attempts'])])).toEqual(
        ids.map(() => ['dispatched', 1]),
      );
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
