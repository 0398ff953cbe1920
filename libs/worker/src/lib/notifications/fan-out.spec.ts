import type { OutboxRow, RecipientUser } from '@banli/persistence';
import { planFanOut } from './fan-out';

const row = (kind: string): OutboxRow => ({
  id: `8-2_1/7/industry-it`,
  proposalId: '8-2_1',
  unitId: 'industry-it',
  kind,
  payload: '{"proposalId":"8-2_1"}',
  createdAt: '2026-03-09T02:00:00.000Z',
  attempts: 0,
});
const user = (id: string, email: string | null, phone: string | null): RecipientUser => ({
  id,
  unitId: 'industry-it',
  displayName: id,
  email,
  phone,
  roles: ['handler'],
});
const recipients = [user('a', 'a@x.gov', '13800000001'), user('b', null, '13800000002'), user('c', 'c@x.gov', null)];
const text = { title: '标题', body: '正文', sms: '短信' };
const all = { email: true, sms: true, webhookUrl: 'https://hooks.example.gov/banli' };

describe('fan-out of one outbox row', () => {
  it('gives every recipient an in-app notice, e-mails those with an address, and calls the webhook once', () => {
    const f = planFanOut(row('assigned'), { proposalId: '8-2_1' }, recipients, text, all);
    expect(f.notifications).toEqual([
      { userId: 'a', title: '标题', body: '正文' },
      { userId: 'b', title: '标题', body: '正文' },
      { userId: 'c', title: '标题', body: '正文' },
    ]);
    expect(f.deliveries.map((d) => [d.channel, d.recipient, d.target])).toEqual([
      ['email', 'a', 'a@x.gov'],
      ['email', 'c', 'c@x.gov'],
      ['webhook', '', 'https://hooks.example.gov/banli'],
    ]);
    const hook = f.deliveries[2];
    expect(JSON.parse(hook.body)).toEqual({
      id: hook.id,
      event: 'assigned',
      outboxId: '8-2_1/7/industry-it',
      unitId: 'industry-it',
      proposalId: '8-2_1',
      createdAt: '2026-03-09T02:00:00.000Z',
      title: '标题',
      text: '正文',
      payload: { proposalId: '8-2_1' },
    });
  });

  it('sends SMS (with the short text) only for escalations and 催办, to those with a phone', () => {
    for (const kind of ['deadline-escalation', 'reminder-notice']) {
      const sms = planFanOut(row(kind), {}, recipients, text, all).deliveries.filter((d) => d.channel === 'sms');
      expect(sms.map((d) => [d.recipient, d.target, d.body])).toEqual([
        ['a', '13800000001', '短信'],
        ['b', '13800000002', '短信'],
      ]);
    }
    for (const kind of ['deadline-reminder', 'assigned', 'daily-digest', 'something-else']) {
      expect(planFanOut(row(kind), {}, recipients, text, all).deliveries.some((d) => d.channel === 'sms')).toBe(false);
    }
  });

  it('creates nothing for a channel that is not configured, and keeps an unreadable payload as text', () => {
    const f = planFanOut({ ...row('x'), payload: 'not json' }, undefined, recipients, text, {
      email: false,
      sms: false,
    });
    expect(f.deliveries).toEqual([]);
    expect(f.notifications).toHaveLength(3);
    const hook = planFanOut({ ...row('x'), payload: 'not json' }, undefined, [], text, all).deliveries;
    expect(hook.map((d) => d.channel)).toEqual(['webhook']);
    expect(JSON.parse(hook[0].body).payload).toBe('not json');
  });
});
