import { DEFAULT_DEADLINE_POLICY } from '@banli/domain';
import { handlingConfigFromEnv } from './handling-config';

describe('handling settings of a deployment', () => {
  it('defaults to the rules of DOMAIN.md', () => {
    const { normal } = handlingConfigFromEnv({});
    expect(normal.policy).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(normal).toMatchObject({
      replyClasses: ['A', 'B', 'C'],
      followUpClasses: ['B'],
      contactRequiredFor: 'key',
      assigningUnitId: 'gov-office',
      registrationUnitId: 'committee',
    });
  });

  it('takes deployment overrides, and urgent proposals get shorter deadlines on top of them', () => {
    const { normal, urgent } = handlingConfigFromEnv({
      BANLI_DEADLINE_POLICY: JSON.stringify({
        reply: { unit: 'months', amount: 5 },
        feedback: { unit: 'working-days', amount: 20 },
      }),
      BANLI_REPLY_CLASSES: 'A,B,C,D',
      BANLI_CONTACT_REQUIRED_FOR: 'all',
    });
    expect(normal.policy.reply).toEqual({ unit: 'months', amount: 5 });
    expect(normal.policy.feedback).toEqual({ unit: 'working-days', amount: 20 });
    expect(normal.replyClasses).toEqual(['A', 'B', 'C', 'D']);
    expect(normal.contactRequiredFor).toBe('all');
    expect(urgent.policy.reply).toEqual({ unit: 'months', amount: 1 });
    expect(urgent.policy.feedback).toEqual({ unit: 'working-days', amount: 20 });
  });

  it('takes the due-soon threshold from the deployment policy, for urgent proposals too', () => {
    expect(handlingConfigFromEnv({}).normal.policy.dueSoonWorkingDays).toBe(5);
    const { normal, urgent } = handlingConfigFromEnv({
      BANLI_DEADLINE_POLICY: JSON.stringify({ dueSoonWorkingDays: 3 }),
    });
    expect(normal.policy.dueSoonWorkingDays).toBe(3);
    expect(urgent.policy.dueSoonWorkingDays).toBe(3);
  });

  it.each([
    [{ BANLI_DEADLINE_POLICY: '{not json' }, /BANLI_DEADLINE_POLICY must be JSON/],
    [{ BANLI_DEADLINE_POLICY: JSON.stringify({ reply: { unit: 'weeks', amount: 3 } }) }, /invalid/i],
    [{ BANLI_DEADLINE_POLICY: JSON.stringify({ reply: { unit: 'months', amount: 7 } }) }, /invalid/i],
    [{ BANLI_DEADLINE_POLICY: JSON.stringify({ dueSoonWorkingDays: -2 }) }, /invalid/i],
    [{ BANLI_CONTACT_REQUIRED_FOR: 'sometimes' }, /BANLI_CONTACT_REQUIRED_FOR/],
    [{ BANLI_FOLLOW_UP_CLASSES: 'E' }, /not in BANLI_REPLY_CLASSES/],
  ])('refuses a broken configuration %#', (env, message) => {
    expect(() => handlingConfigFromEnv(env)).toThrow(message);
  });
});
