import { DomainError } from '../domain-error';
import { hasRole, type Actor, type Role } from '../handling/actor';
import { HANDLING_ACTION_ROLES } from '../handling/actions/action-roles';
import { daysBetween, isIsoDate, type IsoDate } from '../calendar/iso-date';
import type { DueStatus } from '../deadline-policy/due-status';
import type { StatisticsCounts } from './supervision-figures';

/**
 * The documents a proposal office sends about handling (docs/supervision-figures.md, "Documents"):
 * - 催办单 `reminder`: issued with every 催办 (the sendReminder action), to the reminded unit;
 * - 督办通知单 `supervision-notice`: a supervisor's stronger notice to a unit holding an overdue
 *   deadline on a proposal;
 * - 督办通报 `circular`: the units with overdue work over a period, with their figures, to
 *   each unit listed.
 */
export const SUPERVISION_DOCUMENT_KINDS = ['reminder', 'supervision-notice', 'circular'] as const;
export type SupervisionDocumentKind = (typeof SUPERVISION_DOCUMENT_KINDS)[number];

/** Who may issue each document: a 催办单 comes with the 催办, the others are the supervisors'. */
export const SUPERVISION_DOCUMENT_ROLES: Readonly<Record<SupervisionDocumentKind, readonly Role[]>> = {
  reminder: HANDLING_ACTION_ROLES.sendReminder,
  'supervision-notice': ['supervisor'],
  circular: ['supervisor'],
};

/** The issuer code of each kind's number pool: 催办〔2026〕12号, 督办〔2026〕3号, 督办通报〔2026〕1号. */
export const SUPERVISION_DOCUMENT_POOLS: Readonly<Record<SupervisionDocumentKind, string>> = {
  reminder: '催办',
  'supervision-notice': '督办',
  circular: '督办通报',
};

/** The longest period a 督办通报 may cover: a year and a day (a leap year's whole year). */
export const CIRCULAR_MAX_DAYS = 366;

export function requireSupervisionDocumentRole(actor: Actor, kind: SupervisionDocumentKind): void {
  const roles = SUPERVISION_DOCUMENT_ROLES[kind];
  if (!hasRole(actor, ...roles)) {
    throw new DomainError('ROLE_REQUIRED', `Issuing this document needs the role ${roles.join(' or ')}`);
  }
}

/** Who may read a document: supervisors, the office that issued it, and the units it is addressed to. */
export function canReadSupervisionDocument(
  actor: Actor,
  doc: { addresseeUnitIds: readonly string[]; issuerUnitId: string },
): boolean {
  return (
    hasRole(actor, 'supervisor') || actor.unitId === doc.issuerUnitId || doc.addresseeUnitIds.includes(actor.unitId)
  );
}

/**
 * The units a 督办通知单 may go to now, for this actor: none unless a supervisor; else the units
 * of the proposal's running deadlines (the overall limit aside) that are overdue. The API offers
 * the button with these units, and checks the same list when the notice is asked for.
 */
export function supervisionNoticeUnits(
  actor: Actor,
  deadlines: readonly { unitId: string; kind: string; status: string; due: DueStatus }[],
): string[] {
  if (!hasRole(actor, ...SUPERVISION_DOCUMENT_ROLES['supervision-notice'])) return [];
  const units = deadlines
    .filter((d) => d.status === 'running' && d.kind !== 'limit' && d.due.state === 'overdue')
    .map((d) => d.unitId);
  return [...new Set(units)];
}

/**
 * A 督办通知单 goes to a unit holding a running deadline on the proposal that is overdue
 * (`overdueHeldBy`: the units of those deadlines); for a unit merely due, a 催办 is the notice.
 */
export function checkSupervisionNotice(
  actor: Actor,
  unitId: unknown,
  overdueHeldBy: readonly string[],
  message: unknown,
): void {
  requireSupervisionDocumentRole(actor, 'supervision-notice');
  if (typeof unitId !== 'string' || unitId === '') {
    throw new DomainError('VALIDATION_FAILED', 'Name the unit to notify', [
      { field: 'unitId', message: 'is required' },
    ]);
  }
  if (message !== undefined && (typeof message !== 'string' || message.length > 2000)) {
    throw new DomainError('VALIDATION_FAILED', 'The message must be a text of at most 2000 characters', [
      { field: 'message', message: 'at most 2000 characters' },
    ]);
  }
  if (!overdueHeldBy.includes(unitId)) {
    throw new DomainError('VALIDATION_FAILED', 'That unit holds no overdue deadline on this proposal', [
      { field: 'unitId', message: 'no overdue deadline' },
    ]);
  }
}

/** A 督办通报's period: two dates, `from` not after `to`, at most CIRCULAR_MAX_DAYS long. */
export function checkCircularPeriod(from: unknown, to: unknown): { from: IsoDate; to: IsoDate } {
  const details = [
    ...(isIsoDate(from) ? [] : [{ field: 'from', message: 'must be a date (YYYY-MM-DD)' }]),
    ...(isIsoDate(to) ? [] : [{ field: 'to', message: 'must be a date (YYYY-MM-DD)' }]),
  ];
  if (details.length > 0) throw new DomainError('VALIDATION_FAILED', 'The period needs two dates', details);
  const days = daysBetween(from as IsoDate, to as IsoDate);
  if (days < 0) {
    throw new DomainError('VALIDATION_FAILED', 'The period ends before it starts', [
      { field: 'to', message: 'must not be before from' },
    ]);
  }
  if (days + 1 > CIRCULAR_MAX_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `A circular covers at most ${CIRCULAR_MAX_DAYS} days`, [
      { field: 'to', message: `at most ${CIRCULAR_MAX_DAYS} days after from` },
    ]);
  }
  return { from: from as IsoDate, to: to as IsoDate };
}

/** One unit's line in a 督办通报. */
export interface CircularUnit {
  unitId: string;
  /** Opinions and replies of the period done after their deadline or still open past it. */
  overdue: number;
  workingDaysHeldUp: number;
  reminderNotices: number;
}

/**
 * The units a 督办通报 lists, from the period's statistics per unit: those with late work
 * (`repliesDue − repliesOnTime + opinionsDue − opinionsOnTime`) or working days held up; the
 * most days held up first, then the most late items, then by unit id.
 */
export function circularUnits(
  rows: readonly (Pick<
    StatisticsCounts,
    'repliesDue' | 'repliesOnTime' | 'opinionsDue' | 'opinionsOnTime' | 'workingDaysHeldUp' | 'reminderNotices'
  > & { key: string })[],
): CircularUnit[] {
  return rows
    .map((r) => ({
      unitId: r.key,
      overdue: r.repliesDue - r.repliesOnTime + (r.opinionsDue - r.opinionsOnTime),
      workingDaysHeldUp: r.workingDaysHeldUp,
      reminderNotices: r.reminderNotices,
    }))
    .filter((u) => u.overdue > 0 || u.workingDaysHeldUp > 0)
    .sort(
      (a, b) => b.workingDaysHeldUp - a.workingDaysHeldUp || b.overdue - a.overdue || a.unitId.localeCompare(b.unitId),
    );
}
