import { DomainError } from '../domain-error';
import {
  assertValidDeadlinePolicy,
  DEFAULT_DEADLINE_POLICY,
  DeadlinePolicy,
  DeadlinePolicyOverride,
  deadlinePolicyProblems,
  resolveDeadlinePolicy,
} from './deadline-policy';

describe('deadline policy', () => {
  it('defaults to the values in DOMAIN.md', () => {
    expect(DEFAULT_DEADLINE_POLICY).toEqual({
      objection: { unit: 'working-days', amount: 5 },
      opinion: { unit: 'months', amount: 1 },
      contact: { unit: 'working-days', amount: 15 },
      reply: { unit: 'months', amount: 3 },
      feedback: { unit: 'working-days', amount: 15 },
      rehandling: { unit: 'months', amount: 1 },
      publication: { unit: 'working-days', amount: 20 },
      followUp: { unit: 'months', amount: 6 },
      maxTotalWithExtensions: { unit: 'months', amount: 6 },
      decision: { unit: 'working-days', amount: 5 },
      reminderWorkingDaysBefore: [7, 1],
      escalationEveryWorkingDays: 3,
      dueSoonWorkingDays: 5,
    });
    expect(deadlinePolicyProblems(DEFAULT_DEADLINE_POLICY)).toEqual([]);
  });

  it('resolves to a copy the caller may change without touching the defaults', () => {
    const p = resolveDeadlinePolicy();
    expect(p).toEqual(DEFAULT_DEADLINE_POLICY);
    p.reply.amount = 5;
    p.reminderWorkingDaysBefore.push(3);
    expect(DEFAULT_DEADLINE_POLICY.reply.amount).toBe(3);
    expect(DEFAULT_DEADLINE_POLICY.reminderWorkingDaysBefore).toEqual([7, 1]);
    expect(resolveDeadlinePolicy().reply.amount).toBe(3);
  });

  it('applies the deployment layer, then the per-proposal layer', () => {
    const deployment: DeadlinePolicyOverride = {
      objection: { unit: 'working-days', amount: 3 },
      reply: { unit: 'months', amount: 5 },
      reminderWorkingDaysBefore: [10, 3, 1],
    };
    const urgent = {
      reply: { unit: 'working-days' as const, amount: 10 },
      opinion: { unit: 'working-days' as const, amount: 5 },
      contact: { unit: 'working-days' as const, amount: 3 },
      escalationEveryWorkingDays: 1,
    };
    const p = resolveDeadlinePolicy(deployment, undefined, urgent);
    expect(p.objection).toEqual({ unit: 'working-days', amount: 3 });
    expect(p.reply).toEqual({ unit: 'working-days', amount: 10 });
    expect(p.reminderWorkingDaysBefore).toEqual([10, 3, 1]);
    expect(p.reminderWorkingDaysBefore).not.toBe(deployment.reminderWorkingDaysBefore);
    expect(p.escalationEveryWorkingDays).toBe(1);
    expect(p.feedback).toEqual(DEFAULT_DEADLINE_POLICY.feedback);
    expect(deadlinePolicyProblems(p)).toEqual([]);
    // Layers are copied, not aliased.
    urgent.reply.amount = 99;
    expect(p.reply.amount).toBe(10);
  });

  it('ignores fields a layer leaves undefined', () => {
    const p = resolveDeadlinePolicy({ reply: undefined, objection: { unit: 'calendar-days', amount: 7 } });
    expect(p.reply).toEqual({ unit: 'months', amount: 3 });
    expect(p.objection).toEqual({ unit: 'calendar-days', amount: 7 });
  });

  it.each<[string, Partial<DeadlinePolicy>, string]>([
    ['a zero amount', { objection: { unit: 'working-days', amount: 0 } }, 'objection.amount'],
    ['a fractional amount', { feedback: { unit: 'working-days', amount: 2.5 } }, 'feedback.amount'],
    ['an unknown unit', { publication: { unit: 'weeks' as never, amount: 2 } }, 'publication.unit'],
    ['a reply longer than the maximum', { reply: { unit: 'months', amount: 7 } }, 'reply'],
    ['a reply in days longer than the maximum', { reply: { unit: 'calendar-days', amount: 200 } }, 'reply'],
    ['an opinion as long as the reply', { opinion: { unit: 'months', amount: 3 } }, 'opinion'],
    [
      'an urgent reply shorter than the default opinion window',
      { reply: { unit: 'working-days', amount: 10 } },
      'opinion',
    ],
    ['a contact window longer than the reply', { contact: { unit: 'working-days', amount: 70 } }, 'contact'],
    ['a zero reminder', { reminderWorkingDaysBefore: [7, 0] }, 'reminderWorkingDaysBefore'],
    ['a repeated reminder', { reminderWorkingDaysBefore: [1, 1] }, 'reminderWorkingDaysBefore'],
    ['a zero escalation interval', { escalationEveryWorkingDays: 0 }, 'escalationEveryWorkingDays'],
    ['a negative due-soon threshold', { dueSoonWorkingDays: -1 }, 'dueSoonWorkingDays'],
    ['a fractional due-soon threshold', { dueSoonWorkingDays: 2.5 }, 'dueSoonWorkingDays'],
  ])('rejects %s', (_case, layer, field) => {
    const p = resolveDeadlinePolicy(layer);
    expect(deadlinePolicyProblems(p).map((d) => d.field)).toContain(field);
    let error: unknown;
    try {
      assertValidDeadlinePolicy(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).details.map((d) => d.field)).toContain(field);
  });

  it('accepts a shorter reply in working days and no reminders at all', () => {
    const p = resolveDeadlinePolicy({ reply: { unit: 'working-days', amount: 60 }, reminderWorkingDaysBefore: [] });
    expect(deadlinePolicyProblems(p)).toEqual([]);
    expect(() => assertValidDeadlinePolicy(p)).not.toThrow();
  });
});
