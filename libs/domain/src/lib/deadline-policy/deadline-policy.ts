import { DeadlineRule, deadlineRuleProblems } from '../calendar/deadline';
import { DomainError, ErrorDetail } from '../domain-error';

/** Every handling deadline, counted from the event that starts it (see DOMAIN.md). */
export interface DeadlinePolicy {
  /** A unit's window to object to its assignment. */
  objection: DeadlineRule;
  /** A co-handling unit's written opinion to the lead unit. */
  opinion: DeadlineRule;
  /** Recorded contact with the proposer. */
  contact: DeadlineRule;
  /** The lead unit's reply, from assignment. */
  reply: DeadlineRule;
  /** The proposers' rating window, from dispatch of the reply. */
  feedback: DeadlineRule;
  /** A new reply after an unsatisfied rating. */
  rehandling: DeadlineRule;
  /** Publication of a 主动公开 reply, from the reply. */
  publication: DeadlineRule;
  /** The follow-up report promised by a B-class reply. */
  followUp: DeadlineRule;
  /** The reply deadline including approved extensions may not pass this, from assignment. */
  maxTotalWithExtensions: DeadlineRule;
  /** The assigning office's decision on an objection or an extension request, from the request. */
  decision: DeadlineRule;
  reminderWorkingDaysBefore: number[];
  escalationEveryWorkingDays: number;
  /**
   * A deadline is due soon when at most this many working days are left before its last day
   * (0: only on the day itself). One threshold for the inbox, the tags and supervision.
   */
  dueSoonWorkingDays: number;
}

export type DeadlinePolicyOverride = Partial<DeadlinePolicy>;

export const DEADLINE_RULE_FIELDS = [
  'objection',
  'opinion',
  'contact',
  'reply',
  'feedback',
  'rehandling',
  'publication',
  'followUp',
  'maxTotalWithExtensions',
  'decision',
] as const;

export type DeadlineRuleField = (typeof DEADLINE_RULE_FIELDS)[number];

// Frozen so that no caller can change the defaults of every later resolution.
export const DEFAULT_DEADLINE_POLICY: Readonly<DeadlinePolicy> = Object.freeze({
  objection: Object.freeze({ unit: 'working-days', amount: 5 }),
  opinion: Object.freeze({ unit: 'months', amount: 1 }),
  contact: Object.freeze({ unit: 'working-days', amount: 15 }),
  reply: Object.freeze({ unit: 'months', amount: 3 }),
  feedback: Object.freeze({ unit: 'working-days', amount: 15 }),
  rehandling: Object.freeze({ unit: 'months', amount: 1 }),
  publication: Object.freeze({ unit: 'working-days', amount: 20 }),
  followUp: Object.freeze({ unit: 'months', amount: 6 }),
  maxTotalWithExtensions: Object.freeze({ unit: 'months', amount: 6 }),
  decision: Object.freeze({ unit: 'working-days', amount: 5 }),
  reminderWorkingDaysBefore: Object.freeze([7, 1]) as unknown as number[],
  escalationEveryWorkingDays: 3,
  dueSoonWorkingDays: 5,
} satisfies DeadlinePolicy);

function copyPolicy(p: Readonly<DeadlinePolicy>): DeadlinePolicy {
  const rules = Object.fromEntries(
    DEADLINE_RULE_FIELDS.map((f) => [f, { unit: p[f].unit, amount: p[f].amount }]),
  ) as Record<DeadlineRuleField, DeadlineRule>;
  return {
    ...rules,
    reminderWorkingDaysBefore: [...p.reminderWorkingDaysBefore],
    escalationEveryWorkingDays: p.escalationEveryWorkingDays,
    dueSoonWorkingDays: p.dueSoonWorkingDays,
  };
}

/**
 * The defaults, then each layer in order (deployment configuration, then a per-proposal
 * layer such as "urgent"). Only fields a layer sets replace earlier ones; a rule is replaced
 * whole. The result is not validated: call assertValidDeadlinePolicy where it is accepted.
 */
export function resolveDeadlinePolicy(...layers: (DeadlinePolicyOverride | undefined)[]): DeadlinePolicy {
  const policy = copyPolicy(DEFAULT_DEADLINE_POLICY);
  for (const layer of layers) {
    if (!layer) continue;
    for (const f of DEADLINE_RULE_FIELDS) {
      const rule = layer[f];
      if (rule !== undefined) policy[f] = { unit: rule.unit, amount: rule.amount };
    }
    if (layer.reminderWorkingDaysBefore !== undefined) {
      policy.reminderWorkingDaysBefore = Array.isArray(layer.reminderWorkingDaysBefore)
        ? [...layer.reminderWorkingDaysBefore]
        : layer.reminderWorkingDaysBefore;
    }
    if (layer.escalationEveryWorkingDays !== undefined) {
      policy.escalationEveryWorkingDays = layer.escalationEveryWorkingDays;
    }
    if (layer.dueSoonWorkingDays !== undefined) policy.dueSoonWorkingDays = layer.dueSoonWorkingDays;
  }
  return policy;
}

// Mean lengths, only to compare rules of different units; the checks below are sanity checks
// on configuration, not deadline computations, so a day either way does not matter.
const APPROXIMATE_DAYS = { 'working-days': 7 / 5, 'calendar-days': 1, months: 365.25 / 12 } as const;

function longerThan(a: DeadlineRule, b: DeadlineRule): boolean {
  if (a.unit === b.unit) return a.amount > b.amount;
  return a.amount * APPROXIMATE_DAYS[a.unit] > b.amount * APPROXIMATE_DAYS[b.unit];
}

function notShorterThan(a: DeadlineRule, b: DeadlineRule): boolean {
  if (a.unit === b.unit) return a.amount >= b.amount;
  return a.amount * APPROXIMATE_DAYS[a.unit] >= b.amount * APPROXIMATE_DAYS[b.unit];
}

export function deadlinePolicyProblems(p: DeadlinePolicy): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const ruleOk: Partial<Record<DeadlineRuleField, boolean>> = {};
  for (const f of DEADLINE_RULE_FIELDS) {
    const found = deadlineRuleProblems(p?.[f], f);
    ruleOk[f] = found.length === 0;
    problems.push(...found);
  }

  const reminders: unknown = p?.reminderWorkingDaysBefore;
  if (!Array.isArray(reminders)) {
    problems.push({ field: 'reminderWorkingDaysBefore', message: 'must be a list of working-day counts' });
  } else {
    if (reminders.some((n) => !Number.isInteger(n) || n < 1 || n > 250)) {
      problems.push({ field: 'reminderWorkingDaysBefore', message: 'must be whole numbers from 1 to 250' });
    }
    if (new Set(reminders).size !== reminders.length) {
      problems.push({ field: 'reminderWorkingDaysBefore', message: 'must not repeat a value' });
    }
  }
  const every: unknown = p?.escalationEveryWorkingDays;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 250) {
    problems.push({ field: 'escalationEveryWorkingDays', message: 'must be a whole number from 1 to 250' });
  }
  const soon: unknown = p?.dueSoonWorkingDays;
  if (typeof soon !== 'number' || !Number.isInteger(soon) || soon < 0 || soon > 250) {
    problems.push({ field: 'dueSoonWorkingDays', message: 'must be a whole number from 0 to 250' });
  }

  // The handling steps happen in order, so their periods must nest; a comparison is only
  // meaningful once both rules are valid.
  const order = (a: DeadlineRuleField, b: DeadlineRuleField, strictly: boolean) => {
    if (!ruleOk[a] || !ruleOk[b]) return;
    if (strictly ? notShorterThan(p[a], p[b]) : longerThan(p[a], p[b])) {
      problems.push({ field: a, message: `must be ${strictly ? 'shorter than' : 'at most as long as'} ${b}` });
    }
  };
  order('reply', 'maxTotalWithExtensions', false);
  // The lead unit consolidates the opinions and contacts the proposer before it replies.
  order('opinion', 'reply', true);
  order('contact', 'reply', true);
  order('objection', 'reply', true);
  return problems;
}

export function assertValidDeadlinePolicy(p: DeadlinePolicy): void {
  const problems = deadlinePolicyProblems(p);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The deadline policy is invalid', problems);
  }
}
