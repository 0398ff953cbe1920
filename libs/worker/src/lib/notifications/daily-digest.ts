import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  DAILY_DIGEST_WORKFLOW_TYPE,
  DailyDigestInput,
  DailyDigestRequest,
  DailyDigestResult,
  DigestActivities,
} from '@banli/contracts';
import {
  DEFAULT_DEADLINE_POLICY,
  dueSoonUntil,
  dueStatus,
  DueStatus,
  addDays,
  nextYearNoticeMissing,
  toShanghaiDate,
  WorkingDayCalendar,
} from '@banli/domain';
import {
  CalendarOverrideRepository,
  DailyDigestRepository,
  DigestNotice,
  KeyProposalOfLeaders,
  LeaderDigestNotice,
  OpenTaskDue,
  SupervisedDeadlineDue,
} from '@banli/persistence';

/** One line of a unit's digest: what is due, when, and how many working days are left (or past). */
export interface DigestTask {
  proposalId: string;
  proposalKind: string;
  sessionName: string;
  number: string;
  title: string;
  keyProposal: boolean;
  taskKind: string;
  deadlineKey: string | null;
  dueAt: string;
  dueDate: string;
  /** The domain's due status, with the digest's window as the due-soon threshold. */
  due: DueStatus;
  /** Also in `due`; digests written before it existed carry only these. */
  workingDaysLeft?: number;
  overdueWorkingDays?: number;
}

/**
 * Groups open tasks by unit into digests for the day of `at`: tasks overdue or due soon (at
 * most N working days left, by the domain's dueStatus), overdue ones first. Pure (the calendar
 * is given).
 */
export function buildDigests(
  calendar: WorkingDayCalendar,
  at: string,
  dueWithinWorkingDays: number,
  tasks: OpenTaskDue[],
): DigestNotice[] {
  const today = toShanghaiDate(at);
  const byUnit = new Map<string, DigestTask[]>();
  for (const t of tasks) {
    const dueDate = toShanghaiDate(t.dueAt);
    const due = dueStatus({ status: 'open', dueAt: t.dueAt }, at, calendar, {
      dueSoonWorkingDays: dueWithinWorkingDays,
    });
    const line: DigestTask = {
      proposalId: t.proposalId,
      proposalKind: t.proposalKind,
      sessionName: t.sessionName,
      number: t.number,
      title: t.title,
      keyProposal: t.keyProposal,
      taskKind: t.taskKind,
      deadlineKey: t.deadlineKey,
      dueAt: t.dueAt,
      dueDate,
      due,
      ...(due.state === 'overdue' ? { overdueWorkingDays: due.workingDaysOverdue } : {}),
      ...(due.state === 'due-soon' || due.state === 'on-track' ? { workingDaysLeft: due.workingDaysLeft } : {}),
    };
    byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), line]);
  }
  return [...byUnit].map(([unitId, lines]) => ({
    unitId,
    date: today,
    payload: {
      unitId,
      date: today,
      dueWithinWorkingDays,
      tasks: [
        ...lines.filter((l) => l.overdueWorkingDays !== undefined),
        ...lines.filter((l) => l.overdueWorkingDays === undefined),
      ],
    },
  }));
}

/** One key proposal in its leader's digest, with its running deadlines' due status on the day. */
export interface LeaderDigestProposal {
  proposalId: string;
  proposalKind: string;
  sessionName: string;
  number: string;
  title: string;
  stage: string;
  leadUnitId: string | null;
  deadlines: { kind: string; unitId: string; dueAt: string; due: DueStatus }[];
}

/**
 * The digest of each leader who is a user (领办领导): every open key proposal they lead, with
 * its stage and running deadlines (overdue first), one per enabled leader and day; proposals
 * with something overdue come first. Pure (the calendar is given); the due status is the domain's.
 */
export function buildLeaderDigests(
  calendar: WorkingDayCalendar,
  at: string,
  proposals: KeyProposalOfLeaders[],
  unitOfUser: Map<string, string>,
  dueSoonWorkingDays: number = DEFAULT_DEADLINE_POLICY.dueSoonWorkingDays,
): LeaderDigestNotice[] {
  const today = toShanghaiDate(at);
  const byLeader = new Map<string, LeaderDigestProposal[]>();
  for (const p of proposals) {
    const line: LeaderDigestProposal = {
      proposalId: p.proposalId,
      proposalKind: p.proposalKind,
      sessionName: p.sessionName,
      number: p.number,
      title: p.title,
      stage: p.stage,
      leadUnitId: p.leadUnitId,
      deadlines: p.deadlines.map((d) => ({
        ...d,
        due: dueStatus({ status: 'open', dueAt: d.dueAt }, at, calendar, { dueSoonWorkingDays }),
      })),
    };
    for (const userId of new Set(p.leaderUserIds)) {
      if (unitOfUser.has(userId)) byLeader.set(userId, [...(byLeader.get(userId) ?? []), line]);
    }
  }
  const overdue = (l: LeaderDigestProposal) => l.deadlines.some((d) => d.due.state === 'overdue');
  return [...byLeader].map(([userId, lines]) => ({
    userId,
    unitId: unitOfUser.get(userId) as string,
    date: today,
    payload: { userId, date: today, proposals: [...lines.filter(overdue), ...lines.filter((l) => !overdue(l))] },
  }));
}

/** A line of the supervisors' digest: a supervised deadline with its due status on the day. */
export interface SupervisorDigestLine {
  proposalId: string;
  proposalKind: string;
  sessionName: string;
  number: string;
  title: string;
  keyProposal: boolean;
  kind: string;
  unitId: string;
  dueAt: string;
  dueDate: string;
  due: DueStatus;
}

/** The supervisors' digest of a day: what is overdue, by the unit holding it, and what falls due this week. */
export interface SupervisorDigest {
  date: string;
  /** The Sunday that ends the week of `date`. */
  weekEnd: string;
  overdueCount: number;
  /** Units by how much they hold overdue (count, then the longest delay); each with its most overdue lines. */
  overdueByUnit: { unitId: string; count: number; mostWorkingDaysOverdue: number; lines: SupervisorDigestLine[] }[];
  dueThisWeekCount: number;
  /** Not yet overdue, last day on or before `weekEnd`; key proposals first, then by due date. */
  dueThisWeek: SupervisorDigestLine[];
}

/** The Sunday that ends the (Monday to Sunday) week of a date. */
export function sundayOf(date: string): string {
  return addDays(date, 6 - ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** Lines listed per unit and for the week, at most: the counts say how many there are in all. */
export const SUPERVISOR_DIGEST_LINES = 10;

/**
 * The supervisors' digest (督办日报) for the day of `at`: every running supervised deadline
 * overdue, grouped by the unit holding it, and those falling due by the end of the week.
 * Pure (the calendar is given); the due status is the domain's.
 */
export function buildSupervisorDigest(
  calendar: WorkingDayCalendar,
  at: string,
  deadlines: SupervisedDeadlineDue[],
  /** The deployment's due-soon threshold: what the lines' `due` calls due soon. */
  dueSoonWorkingDays: number = DEFAULT_DEADLINE_POLICY.dueSoonWorkingDays,
): SupervisorDigest {
  const today = toShanghaiDate(at);
  const weekEnd = sundayOf(today);
  const lines: SupervisorDigestLine[] = deadlines.map((d) => ({
    ...d,
    dueDate: toShanghaiDate(d.dueAt),
    due: dueStatus({ status: 'open', dueAt: d.dueAt }, at, calendar, { dueSoonWorkingDays }),
  }));
  const late = (l: SupervisorDigestLine) => (l.due.state === 'overdue' ? l.due.workingDaysOverdue : 0);
  const overdue = lines.filter((l) => l.due.state === 'overdue');
  const byUnit = new Map<string, SupervisorDigestLine[]>();
  for (const l of overdue) byUnit.set(l.unitId, [...(byUnit.get(l.unitId) ?? []), l]);
  const keyFirst = (a: SupervisorDigestLine, b: SupervisorDigestLine) =>
    Number(b.keyProposal) - Number(a.keyProposal) || a.dueAt.localeCompare(b.dueAt);
  const week = lines.filter((l) => l.due.state !== 'overdue' && l.dueDate <= weekEnd).sort(keyFirst);
  return {
    date: today,
    weekEnd,
    overdueCount: overdue.length,
    overdueByUnit: [...byUnit]
      .map(([unitId, ls]) => ({
        unitId,
        count: ls.length,
        mostWorkingDaysOverdue: Math.max(...ls.map(late)),
        lines: [...ls].sort((a, b) => late(b) - late(a) || keyFirst(a, b)).slice(0, SUPERVISOR_DIGEST_LINES),
      }))
      .sort(
        (a, b) =>
          b.count - a.count || b.mostWorkingDaysOverdue - a.mostWorkingDaysOverdue || a.unitId.localeCompare(b.unitId),
      ),
    dueThisWeekCount: week.length,
    dueThisWeek: week.slice(0, SUPERVISOR_DIGEST_LINES),
  };
}

export function createDigestActivities(
  dataSource: DataSource,
  /** The deployment's due-soon threshold (HandlingConfig's dueSoonWorkingDays) unless configured apart. */
  defaults: { dueWithinWorkingDays: number } = { dueWithinWorkingDays: DEFAULT_DEADLINE_POLICY.dueSoonWorkingDays },
): DigestActivities {
  const digests = new DailyDigestRepository(dataSource);
  const calendars = new CalendarOverrideRepository(dataSource);
  return {
    async writeDailyDigests(request: DailyDigestRequest): Promise<DailyDigestResult> {
      const n = request.dueWithinWorkingDays ?? defaults.dueWithinWorkingDays;
      // Read afresh: a calendar an admin just loaded decides today's digest.
      const calendar = await calendars.current(Date.now(), true);
      const today = toShanghaiDate(request.at);
      // Only on working days: a weekend or holiday digest would be read by nobody, and the
      // next working day's says the same. (The schedule fires daily; the calendar decides.)
      if (!calendar.isWorkingDay(today))
        return { date: today, units: 0, tasks: 0, added: 0, skipped: 'not-a-working-day' };
      const tasks = await digests.openTasksDueBefore(dueSoonUntil(calendar, request.at, { dueSoonWorkingDays: n }));
      const notices = buildDigests(calendar, request.at, n, tasks);
      const added = await digests.addDigests(notices);
      // The supervisors' digest: every deadline overdue, and those falling due by Sunday.
      const weekAfter = addDays(sundayOf(today), 1);
      const supervised = await digests.supervisedDeadlinesDueBefore(
        new Date(`${weekAfter}T00:00:00.000+08:00`).toISOString(),
      );
      const supervisorDigest = buildSupervisorDigest(calendar, request.at, supervised, n);
      const supervisorDigests = await digests.addSupervisorDigests(today, { ...supervisorDigest });
      // Each leader who is a user: their key proposals, as they stand.
      const keyProposals = await digests.openKeyProposalsWithLeaderUsers();
      const leaders = await digests.enabledUserUnits([...new Set(keyProposals.flatMap((p) => p.leaderUserIds))]);
      const leaderDigests = await digests.addLeaderDigests(
        buildLeaderDigests(calendar, request.at, keyProposals, leaders, n),
      );
      const written = {
        date: today,
        units: notices.length,
        tasks: tasks.length,
        added,
        supervisorDigests,
        leaderDigests,
      };
      const missing = nextYearNoticeMissing(today, calendar.publishedYears());
      if (missing === undefined) return written;
      // Monday of this week: the reminder goes out on the week's first working day only.
      const weekStart = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
      const calendarReminders = await digests.addCalendarReminders(missing, weekStart);
      return { ...written, calendarReminders };
    },
  };
}

export interface DigestScheduleOptions {
  scheduleId: string;
  taskQueue: string;
  hour: number;
  minute: number;
  timezone: string;
  /** Absent: the worker's default, the deployment's due-soon threshold. */
  dueWithinWorkingDays?: number;
}

/**
 * Creates the daily digest's Temporal Schedule, or brings an existing one up to date (time,
 * queue, arguments; its paused state is kept). Safe when several workers start at once: the
 * losers of the create race get ScheduleAlreadyRunning and update instead.
 */
export async function ensureDailyDigestSchedule(
  client: Client,
  o: DigestScheduleOptions,
): Promise<'created' | 'updated'> {
  const spec = { calendars: [{ hour: o.hour, minute: o.minute }], timezone: o.timezone };
  const input: DailyDigestInput =
    o.dueWithinWorkingDays === undefined ? {} : { dueWithinWorkingDays: o.dueWithinWorkingDays };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: DAILY_DIGEST_WORKFLOW_TYPE,
    workflowId: o.scheduleId,
    taskQueue: o.taskQueue,
    args: [input],
    workflowExecutionTimeout: 6 * 3_600_000,
  };
  // Missed while Temporal was down? Still send the day's digest if within 6 hours.
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 6 * 3_600_000 };
  try {
    await client.schedule.create({ scheduleId: o.scheduleId, spec, action, policies });
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  await client.schedule
    .getHandle(o.scheduleId)
    .update((previous) => ({ spec, action, policies, state: previous.state }));
  return 'updated';
}
