import {
  assertValidDeadlinePolicy,
  DeadlinePolicyOverride,
  HandlingSettings,
  resolveDeadlinePolicy,
} from '@banli/domain';

export interface HandlingConfig {
  /** Settings for an ordinary proposal. */
  normal: HandlingSettings;
  /** Settings for a proposal registered as urgent (shorter deadlines). */
  urgent: HandlingSettings;
}

function json<T>(env: NodeJS.ProcessEnv, name: string): T | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(`${name} must be JSON, got "${raw}"`);
  }
}

function list(env: NodeJS.ProcessEnv, name: string, fallback: string[]): string[] {
  const raw = env[name]?.trim();
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : fallback;
}

/**
 * The handling rules of this deployment (DOMAIN.md: "the system must take the value from
 * configuration"). A proposal keeps the settings it was registered with, so changing them
 * affects new proposals only.
 */
export function handlingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HandlingConfig {
  const deployment = json<DeadlinePolicyOverride>(env, 'BANLI_DEADLINE_POLICY');
  const urgent = json<DeadlinePolicyOverride>(env, 'BANLI_URGENT_DEADLINE_POLICY') ?? {
    opinion: { unit: 'working-days', amount: 10 },
    contact: { unit: 'working-days', amount: 10 },
    reply: { unit: 'months', amount: 1 },
  };
  const contactRequiredFor = env['BANLI_CONTACT_REQUIRED_FOR']?.trim() || 'key';
  if (contactRequiredFor !== 'key' && contactRequiredFor !== 'all') {
    throw new Error(`BANLI_CONTACT_REQUIRED_FOR must be key or all, got "${contactRequiredFor}"`);
  }
  const replyClasses = list(env, 'BANLI_REPLY_CLASSES', ['A', 'B', 'C']);
  const followUpClasses = list(env, 'BANLI_FOLLOW_UP_CLASSES', ['B']);
  const unknown = followUpClasses.filter((c) => !replyClasses.includes(c));
  if (unknown.length)
    throw new Error(`BANLI_FOLLOW_UP_CLASSES names classes not in BANLI_REPLY_CLASSES: ${unknown.join(', ')}`);
  const base = {
    replyClasses,
    followUpClasses,
    contactRequiredFor: contactRequiredFor as HandlingSettings['contactRequiredFor'],
    // Every proposal registered from now: the contact deadline follows the requirement.
    contactDeadline: 'follows-requirement' as const,
    assigningUnitId: env['BANLI_ASSIGNING_UNIT']?.trim() || 'gov-office',
    registrationUnitId: env['BANLI_REGISTRATION_UNIT']?.trim() || 'committee',
  };
  const normalPolicy = resolveDeadlinePolicy(deployment);
  const urgentPolicy = resolveDeadlinePolicy(deployment, urgent);
  assertValidDeadlinePolicy(normalPolicy);
  assertValidDeadlinePolicy(urgentPolicy);
  return { normal: { ...base, policy: normalPolicy }, urgent: { ...base, policy: urgentPolicy } };
}
