import type { DataSource } from 'typeorm';
import {
  chargeDelay,
  dueSoonBefore,
  dueStatus,
  MEETING_CONTACT_METHODS,
  reviewOutcomeOfStage,
  statisticsRates,
  toShanghaiDate,
  totalCounts,
  workingDaysBetween,
} from '@banli/domain';
import type { DeadlinePolicy, DueStatus, ReviewCounts, StatisticsCounts, StatisticsRates } from '@banli/domain';
import type { WorkingDayCalendar } from '@banli/domain';
import { cappedCount, execSql } from './sql';

/*
 * What supervisors read: open proposals with their next deadline, deadlines overdue or due
 * soon with the unit holding each up (in working days), and statistics per unit and per
 * session. Everything comes from the read model (proposal, deadline, handling_record); the
 * workflows are never asked.
 */

/** Deadlines that are somebody's work; objection, feedback and the 6-month limit only close. */
export const SUPERVISED_DEADLINE_KINDS = ['opinion', 'contact', 'reply', 'follow-up', 'publication'] as const;

export interface SupervisionFilter {
  sessionCode?: string;
  /** Proposals this unit works on (as lead, replying or co-handling unit). */
  unitId?: string;
  stage?: string;
  /** Reply class of a signed reply (or, while drafting, of the submitted draft). */
  replyClass?: string;
  keyOnly?: boolean;
}

export interface HeldBy {
  unitId: string;
  /** Working days of the delay attributed to this unit. */
  workingDays: number;
}

export interface SupervisedDeadline {
  proposalId: string;
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  stage: string;
  keyProposal: boolean;
  keyLeaders: string[];
  leadUnitId: string | null;
  deadlineKey: string;
  kind: string;
  unitId: string;
  dueAt: string;
  endDate: string;
  provisional: boolean;
  extended: boolean;
  escalations: number;
  /** The domain's due status: overdue, due-soon or on-track. */
  due: DueStatus;
  /** @deprecated read `due`; kept until the web reads it. */
  workingDaysLeft?: number;
  /** @deprecated read `due`. */
  workingDaysOverdue?: number;
  /** Who is holding it up: for a late reply held up by a late opinion, the co-handling unit gets its share. */
  heldBy: HeldBy[];
}

export interface SupervisedProposal {
  id: string;
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  stage: string;
  keyProposal: boolean;
  keyLeaders: string[];
  leadUnitId: string | null;
  assignedUnitIds: string[];
  nextDueAt: string | null;
  /** The earliest running deadline that is somebody's work. */
  nextDeadline: SupervisedDeadline | null;
  overdueCount: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page whose total stops at COUNT_LIMIT: `totalCapped` means more rows match than `total`. */
export interface CappedPage<T> extends Page<T> {
  totalCapped: boolean;
}

/** Restricts statistics to work assigned (and reminders sent, proposals received) within these Shanghai dates. */
export interface StatisticsPeriod {
  from?: string;
  to?: string;
}

export interface StatisticsRow extends StatisticsRates {
  /** The unit, or the session when grouped by session; `total` for a table's 合计 row. */
  key: string;
  name: string;
  assignedAsReplying: number;
  assignedAsCoHandling: number;
  closed: number;
  closedOnTime: number;
  repliesDue: number;
  repliesOnTime: number;
  opinionsDue: number;
  opinionsOnTime: number;
  repliesSigned: number;
  workingDaysToReplyTotal: number;
  repliesWithContact: number;
  repliesWithMeeting: number;
  replyClasses: Record<string, number>;
  satisfaction: { satisfied: number; basicallySatisfied: number; unsatisfied: number; notRated: number };
  rehandled: number;
  reminderNotices: number;
  workingDaysHeldUp: number;
  /** How the session's proposals were reviewed (rows grouped by session, and their total); null per unit. */
  review: ReviewCounts | null;
}

/** The counts a row's rates are made of (the domain's `StatisticsCounts`). */
export function countsOfRow(r: StatisticsRow): StatisticsCounts {
  return {
    assignedAsReplying: r.assignedAsReplying,
    assignedAsCoHandling: r.assignedAsCoHandling,
    closed: r.closed,
    closedOnTime: r.closedOnTime,
    repliesDue: r.repliesDue,
    repliesOnTime: r.repliesOnTime,
    opinionsDue: r.opinionsDue,
    opinionsOnTime: r.opinionsOnTime,
    repliesSigned: r.repliesSigned,
    workingDaysToReplyTotal: r.workingDaysToReplyTotal,
    repliesWithContact: r.repliesWithContact,
    repliesWithMeeting: r.repliesWithMeeting,
    satisfied: r.satisfaction.satisfied,
    basicallySatisfied: r.satisfaction.basicallySatisfied,
    unsatisfied: r.satisfaction.unsatisfied,
    notRated: r.satisfaction.notRated,
    rehandled: r.rehandled,
    reminderNotices: r.reminderNotices,
    workingDaysHeldUp: r.workingDaysHeldUp,
  };
}

/** A row from its counts: the rates are the domain's. */
export function rowOfCounts(
  key: string,
  name: string,
  c: StatisticsCounts,
  replyClasses: Record<string, number>,
  review: ReviewCounts | null,
): StatisticsRow {
  return {
    key,
    name,
    assignedAsReplying: c.assignedAsReplying,
    assignedAsCoHandling: c.assignedAsCoHandling,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
    repliesDue: c.repliesDue,
    repliesOnTime: c.repliesOnTime,
    opinionsDue: c.opinionsDue,
    opinionsOnTime: c.opinionsOnTime,
    repliesSigned: c.repliesSigned,
    workingDaysToReplyTotal: c.workingDaysToReplyTotal,
    repliesWithContact: c.repliesWithContact,
    repliesWithMeeting: c.repliesWithMeeting,
    replyClasses,
    satisfaction: {
      satisfied: c.satisfied,
      basicallySatisfied: c.basicallySatisfied,
      unsatisfied: c.unsatisfied,
      notRated: c.notRated,
    },
    rehandled: c.rehandled,
    reminderNotices: c.reminderNotices,
    workingDaysHeldUp: c.workingDaysHeldUp,
    review,
    ...statisticsRates(c),
  };
}

/** The 合计 row of a table: counts summed, rates made again from the sums (the domain's `totalCounts`). */
export function totalRow(rows: StatisticsRow[], name: string): StatisticsRow {
  const classes: Record<string, number> = {};
  for (const r of rows) for (const [c, n] of Object.entries(r.replyClasses)) classes[c] = (classes[c] ?? 0) + n;
  const reviews = rows.map((r) => r.review).filter((r): r is ReviewCounts => r !== null);
  const review = reviews.length
    ? reviews.reduce((a, b) => ({
        registered: a.registered + b.registered,
        accepted: a.accepted + b.accepted,
        notAccepted: a.notAccepted + b.notAccepted,
        merged: a.merged + b.merged,
        awaitingReview: a.awaitingReview + b.awaitingReview,
      }))
    : null;
  return rowOfCounts('total', name, totalCounts(rows.map(countsOfRow)), classes, review);
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v ?? 0);
const parseList = (v: unknown): string[] => {
  if (typeof v !== 'string' || !v) return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

export interface SupervisedDeadlineQuery extends SupervisionFilter {
  state: 'overdue' | 'due-soon';
  kind?: string;
  /** Deadlines whose delay is (partly) charged to this unit, as `heldBy` says. */
  heldBy?: string;
  page: number;
  pageSize: number;
}

/** Overdue deadlines read at most for one `heldBy` filter: the list is filtered after attribution. */
export const HELD_BY_SCAN_LIMIT = 2000;

/** The one due-soon threshold (the deployment's `dueSoonWorkingDays`, or a window a supervisor asked for). */
export type DueSoonPolicy = Pick<DeadlinePolicy, 'dueSoonWorkingDays'>;

/** What supervisors watch: open proposals, supervised deadlines, statistics. */
export interface ISupervisionRepository {
  deadlines(
    q: SupervisedDeadlineQuery,
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now?: Date,
  ): Promise<CappedPage<SupervisedDeadline>>;
  proposals(
    q: SupervisionFilter & { page: number; pageSize: number },
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now?: Date,
  ): Promise<Page<SupervisedProposal>>;
  statistics(
    q: { groupBy: 'unit' | 'session'; sessionCode?: string; unitId?: string } & StatisticsPeriod,
    calendar: WorkingDayCalendar,
    now?: Date,
  ): Promise<StatisticsRow[]>;
}

export class SupervisionRepository implements ISupervisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Running supervised deadlines, overdue (`state: 'overdue'`) or due soon by the domain's rule
   * (`state: 'due-soon'`: not passed, last day before dueSoonBefore), key proposals first, then
   * the most urgent.
   */
  async deadlines(
    q: SupervisedDeadlineQuery,
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now: Date = new Date(),
  ): Promise<CappedPage<SupervisedDeadline>> {
    // Not overdue, nothing is shared: a due-soon deadline is held by its own unit.
    if (q.heldBy && q.state === 'due-soon')
      return this.deadlines({ ...q, heldBy: undefined, unitId: q.heldBy }, calendar, policy, now);
    if (q.heldBy) return this.overdueHeldBy({ ...q, heldBy: q.heldBy }, calendar, policy, now);
    const nowIso = now.toISOString();
    const today = toShanghaiDate(now);
    const { where, params } = this.proposalWhere(q, 'p');
    where.push(`d."status" = 'running'`, `d."due_at" IS NOT NULL`, `d."kind" IN (:...kinds)`);
    Object.assign(params, { kinds: q.kind ? [q.kind] : [...SUPERVISED_DEADLINE_KINDS], now: nowIso });
    const countOnly: string[] = [];
    if (q.state === 'overdue') {
      where.push(`d."due_at" < :now`);
    } else {
      where.push(`d."due_at" >= :now`, `d."end_date" < :before`);
      const before = dueSoonBefore(calendar, today, policy);
      params['before'] = before;
      // A deadline is due at the end of its last day in Shanghai (dueAt = endOfShanghaiDay(endDate),
      // as the domain plans and extends them), so "last day before `before`" is also "due before
      // `before` begins". Said both ways, the total reads one short range of due_at instead of
      // every later deadline; the page reads the index in order from `now` and stops at 50.
      countOnly.push(`d."due_at" < :dueBefore`);
      params['dueBefore'] = new Date(`${before}T00:00:00.000+08:00`).toISOString();
    }
    if (q.unitId) {
      // For deadlines the unit is the one holding the deadline.
      where.push(`d."unit_id" = :deadlineUnit`);
      params['deadlineUnit'] = q.unitId;
    }
    const from = `FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id" WHERE ${where.join(' AND ')}`;
    // Key proposals first: each value of the copied sort key is read as its own range of the
    // index ix_deadline_supervised_page (status, key_proposal DESC, due_at, proposal_id, key),
    // key ones first, then the others from where the page continues. One scan over both
    // would pass every overdue deadline of the other proposals to find the due-soon ones.
    const part = (key: 0 | 1, limit: number, offset: number) =>
      execSql(
        this.dataSource,
        `SELECT d."proposal_id", d."key", d."kind", d."unit_id", d."due_at", d."end_date", d."provisional",
                d."extended", d."escalations", p."session_code", p."session_name", p."number", p."title", p."stage",
                p."key_proposal", p."key_leaders", p."lead_unit_id"
         ${from} AND d."key_proposal" = ${key}
         ORDER BY d."due_at" ASC, d."proposal_id" ASC, d."key" ASC
         LIMIT :limit OFFSET :offset`,
        { ...params, limit, offset },
      );
    const offset = (q.page - 1) * q.pageSize;
    const [keyRows, total] = await Promise.all([
      part(1, q.pageSize, offset),
      cappedCount(this.dataSource, [from, ...countOnly].join(' AND '), params),
    ]);
    let rows = keyRows.rows;
    if (rows.length < q.pageSize) {
      // The key deadlines ended on this page (or before it): how many there were places the rest.
      const keyTotal =
        rows.length > 0 || offset === 0
          ? offset + rows.length
          : num(
              (await execSql(this.dataSource, `SELECT count(*) AS "n" ${from} AND d."key_proposal" = 1`, params))
                .rows[0]?.['n'],
            );
      rows = [...rows, ...(await part(0, q.pageSize - rows.length, Math.max(0, offset - keyTotal))).rows];
    }
    const items = await this.describeDeadlines(rows, calendar, policy, now);
    return { items, total: total.count, totalCapped: total.capped, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Overdue deadlines whose delay is charged (in part) to a unit: its own, and the replies its
   * late opinions hold up. The candidates are read (key proposals first, then the most
   * overdue, at most HELD_BY_SCAN_LIMIT), charged by the domain's rule, then filtered and paged.
   */
  private async overdueHeldBy(
    q: SupervisedDeadlineQuery & { heldBy: string },
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now: Date,
  ): Promise<CappedPage<SupervisedDeadline>> {
    const { where, params } = this.proposalWhere(q, 'p');
    where.push(
      `d."status" = 'running'`,
      `d."due_at" IS NOT NULL`,
      `d."kind" IN (:...kinds)`,
      `d."due_at" < :now`,
      `(d."unit_id" = :heldBy OR (d."kind" = 'reply' AND EXISTS (SELECT 1 FROM "handling_record" o
         WHERE o."proposal_id" = d."proposal_id" AND o."role" = 'opinion' AND o."unit_id" = :heldBy
           AND o."status" <> 'cancelled' AND o."due_at" IS NOT NULL
           AND (o."completed_at" > o."due_at" OR (o."completed_at" IS NULL AND o."due_at" < :now)))))`,
    );
    Object.assign(params, {
      kinds: q.kind ? [q.kind] : [...SUPERVISED_DEADLINE_KINDS],
      now: now.toISOString(),
      heldBy: q.heldBy,
    });
    if (q.unitId) {
      where.push(`d."unit_id" = :deadlineUnit`);
      params['deadlineUnit'] = q.unitId;
    }
    const { rows } = await execSql(
      this.dataSource,
      `SELECT d."proposal_id", d."key", d."kind", d."unit_id", d."due_at", d."end_date", d."provisional",
              d."extended", d."escalations", p."session_code", p."session_name", p."number", p."title", p."stage",
              p."key_proposal", p."key_leaders", p."lead_unit_id"
       FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id" WHERE ${where.join(' AND ')}
       ORDER BY d."key_proposal" DESC, d."due_at" ASC, d."proposal_id" ASC, d."key" ASC
       LIMIT :limit`,
      { ...params, limit: HELD_BY_SCAN_LIMIT + 1 },
    );
    const capped = rows.length > HELD_BY_SCAN_LIMIT;
    const described = await this.describeDeadlines(rows.slice(0, HELD_BY_SCAN_LIMIT), calendar, policy, now);
    const held = described.filter((d) => d.heldBy.some((h) => h.unitId === q.heldBy && h.workingDays > 0));
    const offset = (q.page - 1) * q.pageSize;
    return {
      items: held.slice(offset, offset + q.pageSize),
      total: held.length,
      totalCapped: capped,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Open proposals with their stage and next deadline; key proposals first, then by deadline. */
  async proposals(
    q: SupervisionFilter & { page: number; pageSize: number },
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now: Date = new Date(),
  ): Promise<Page<SupervisedProposal>> {
    const { where, params } = this.proposalWhere(q, 'p');
    where.push(`p."closed_at" IS NULL`);
    if (q.unitId) {
      where.push(`EXISTS (SELECT 1 FROM "proposal_access" a WHERE a."proposal_id" = p."id" AND a."unit_id" = :unitId)`);
      params['unitId'] = q.unitId;
    }
    const from = `FROM "proposal" p WHERE ${where.join(' AND ')}`;
    const rows = await execSql(
      this.dataSource,
      `SELECT p."id", p."session_code", p."session_name", p."number", p."title", p."stage", p."key_proposal",
              p."key_leaders", p."lead_unit_id", p."assigned_unit_ids", p."next_due_at"
       ${from}
       ORDER BY p."key_proposal" DESC, p."next_due_at" ASC NULLS LAST, p."id" ASC
       LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const total = await execSql(this.dataSource, `SELECT count(*) AS "n" ${from}`, params);
    const ids = rows.rows.map((r) => String(r['id']));
    const deadlines = ids.length
      ? await execSql(
          this.dataSource,
          `SELECT d."proposal_id", d."key", d."kind", d."unit_id", d."due_at", d."end_date", d."provisional",
                  d."extended", d."escalations", p."session_code", p."session_name", p."number", p."title", p."stage",
                  p."key_proposal", p."key_leaders", p."lead_unit_id"
           FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id"
           WHERE d."proposal_id" IN (:...ids) AND d."status" = 'running' AND d."due_at" IS NOT NULL
             AND d."kind" IN (:...kinds)
           ORDER BY d."due_at" ASC, d."key" ASC`,
          { ids, kinds: [...SUPERVISED_DEADLINE_KINDS] },
        )
      : { rows: [] };
    const described = await this.describeDeadlines(deadlines.rows, calendar, policy, now);
    const nowIso = now.toISOString();
    return {
      items: rows.rows.map((r) => {
        const own = described.filter((d) => d.proposalId === r['id']);
        return {
          id: String(r['id']),
          sessionCode: String(r['session_code']),
          sessionName: String(r['session_name']),
          number: String(r['number']),
          title: String(r['title']),
          stage: String(r['stage']),
          keyProposal: num(r['key_proposal']) === 1,
          keyLeaders: parseList(r['key_leaders']),
          leadUnitId: (r['lead_unit_id'] as string | null) ?? null,
          assignedUnitIds: parseList(r['assigned_unit_ids']),
          nextDueAt: (r['next_due_at'] as string | null) ?? null,
          nextDeadline: own[0] ?? null,
          overdueCount: own.filter((d) => d.dueAt < nowIso).length,
        };
      }),
      total: num(total.rows[0]?.['n']),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Statistics per unit (`groupBy: 'unit'`) or per session, over handling records (what each
   * figure divides by what is the domain's `StatisticsCounts` / `statisticsRates`):
   * - assigned: replies (first rounds) and opinions assigned, reassigned ones excluded;
   * - closed (办结): proposals closed that the unit replied to; closed on time (按期办结): of
   *   those, the first-round reply was signed by its deadline;
   * - on-time rates: done on time / (done with a deadline + open past their deadline);
   *   waived opinions count in neither;
   * - average working days from assignment to the first signed reply;
   * - contacts (沟通, 见面): first-round signed replies whose unit recorded a contact (face to face);
   * - reply classes and satisfaction over every signed reply and every closed feedback round;
   * - re-handled: re-handling rounds opened; reminder notices (催办) sent to the unit;
   * - working days held up: every late opinion or reply (done late, or open past its deadline
   *   today), charged by the domain's `chargeDelay`; per unit, the days charged to that unit;
   * - per session, how its proposals were reviewed (立案, 不予立案, 并案).
   * A period (`from`, `to`, Shanghai dates) keeps the work assigned within it, the reminders
   * sent within it and the proposals received within it.
   */
  async statistics(
    q: { groupBy: 'unit' | 'session'; sessionCode?: string; unitId?: string } & StatisticsPeriod,
    calendar: WorkingDayCalendar,
    now: Date = new Date(),
  ): Promise<StatisticsRow[]> {
    const group = q.groupBy === 'unit' ? 'r."unit_id"' : 'r."session_code"';
    const where: string[] = [`r."status" <> 'cancelled'`];
    const params: Record<string, unknown> = { now: now.toISOString() };
    if (q.sessionCode) {
      where.push(`r."session_code" = :sessionCode`);
      params['sessionCode'] = q.sessionCode;
    }
    const period = periodBounds(q);
    if (period.from) {
      where.push(`r."started_at" >= :periodFrom`);
      params['periodFrom'] = period.from;
    }
    if (period.until) {
      where.push(`r."started_at" < :periodUntil`);
      params['periodUntil'] = period.until;
    }
    // Without the unit: a co-handling unit is charged with days of other units' replies.
    const wAllUnits = where.join(' AND ');
    if (q.unitId) {
      where.push(`r."unit_id" = :unitId`);
      params['unitId'] = q.unitId;
    }
    const w = where.join(' AND ');
    const agg = await execSql(
      this.dataSource,
      `SELECT ${group} AS "key",
         sum(CASE WHEN r."role" = 'reply' AND r."round" = 1 THEN 1 ELSE 0 END) AS "assigned_replying",
         sum(CASE WHEN r."role" = 'opinion' THEN 1 ELSE 0 END) AS "assigned_co_handling",
         sum(CASE WHEN r."role" = 'reply' AND r."round" = 1 AND p."closed_at" IS NOT NULL THEN 1 ELSE 0 END) AS "closed",
         sum(CASE WHEN r."role" = 'reply' AND r."round" = 1 AND p."closed_at" IS NOT NULL AND r."status" = 'done'
               AND r."on_time" = 1 THEN 1 ELSE 0 END) AS "closed_on_time",
         sum(CASE WHEN r."role" = 'reply' AND ((r."status" = 'done' AND r."on_time" IS NOT NULL)
               OR (r."status" = 'open' AND r."due_at" < :now)) THEN 1 ELSE 0 END) AS "replies_due",
         sum(CASE WHEN r."role" = 'reply' AND r."status" = 'done' AND r."on_time" = 1 THEN 1 ELSE 0 END) AS "replies_on_time",
         sum(CASE WHEN r."role" = 'opinion' AND ((r."status" = 'done' AND r."on_time" IS NOT NULL)
               OR (r."status" = 'open' AND r."due_at" < :now)) THEN 1 ELSE 0 END) AS "opinions_due",
         sum(CASE WHEN r."role" = 'opinion' AND r."status" = 'done' AND r."on_time" = 1 THEN 1 ELSE 0 END) AS "opinions_on_time",
         sum(CASE WHEN r."role" = 'reply' AND r."round" = 1 AND r."status" = 'done' THEN r."working_days_taken" ELSE 0 END) AS "reply_days",
         sum(CASE WHEN r."role" = 'reply' AND r."round" = 1 AND r."status" = 'done' AND r."working_days_taken" IS NOT NULL
               THEN 1 ELSE 0 END) AS "reply_days_n",
         sum(r."rating_satisfied") AS "satisfied",
         sum(r."rating_basically_satisfied") AS "basically_satisfied",
         sum(r."rating_unsatisfied") AS "unsatisfied",
         sum(r."rating_not_rated") AS "not_rated",
         sum(CASE WHEN r."role" = 'reply' AND r."round" > 1 THEN 1 ELSE 0 END) AS "rehandled"
       FROM "handling_record" r JOIN "proposal" p ON p."id" = r."proposal_id"
       WHERE ${w}
       GROUP BY ${group}
       ORDER BY ${group}`,
      params,
    );
    const classes = await execSql(
      this.dataSource,
      `SELECT ${group} AS "key", r."reply_class" AS "reply_class", count(*) AS "n"
       FROM "handling_record" r
       WHERE ${w} AND r."role" = 'reply' AND r."status" = 'done' AND r."reply_class" IS NOT NULL
       GROUP BY ${group}, r."reply_class"`,
      params,
    );
    const contacts = await this.contactsByGroup(group, w, params);
    const reminders = await this.remindersByGroup(q, period);
    const heldUp = await this.heldUpByGroup(q.groupBy, wAllUnits, params, calendar, now, q.unitId);
    const reviews = q.groupBy === 'session' ? await this.reviewsBySession(q, period) : new Map<string, ReviewCounts>();
    const names = await this.names(q.groupBy);
    const keys = new Set(agg.rows.map((r) => String(r['key'])));
    for (const k of [...reminders.keys(), ...heldUp.keys(), ...reviews.keys()]) keys.add(k);
    if (q.unitId && q.groupBy === 'unit') for (const k of [...keys]) if (k !== q.unitId) keys.delete(k);
    const aggBy = new Map(agg.rows.map((r) => [String(r['key']), r]));
    return [...keys].sort().map((key) => {
      const r = aggBy.get(key) ?? {};
      const replyClasses: Record<string, number> = {};
      for (const c of classes.rows.filter((c) => String(c['key']) === key))
        replyClasses[String(c['reply_class'])] = num(c['n']);
      const counts: StatisticsCounts = {
        assignedAsReplying: num(r['assigned_replying']),
        assignedAsCoHandling: num(r['assigned_co_handling']),
        closed: num(r['closed']),
        closedOnTime: num(r['closed_on_time']),
        repliesDue: num(r['replies_due']),
        repliesOnTime: num(r['replies_on_time']),
        opinionsDue: num(r['opinions_due']),
        opinionsOnTime: num(r['opinions_on_time']),
        repliesSigned: num(r['reply_days_n']),
        workingDaysToReplyTotal: num(r['reply_days']),
        repliesWithContact: contacts.get(key)?.contact ?? 0,
        repliesWithMeeting: contacts.get(key)?.meeting ?? 0,
        satisfied: num(r['satisfied']),
        basicallySatisfied: num(r['basically_satisfied']),
        unsatisfied: num(r['unsatisfied']),
        notRated: num(r['not_rated']),
        rehandled: num(r['rehandled']),
        reminderNotices: reminders.get(key) ?? 0,
        workingDaysHeldUp: heldUp.get(key) ?? 0,
      };
      const review =
        q.groupBy === 'session'
          ? (reviews.get(key) ?? { registered: 0, accepted: 0, notAccepted: 0, merged: 0, awaitingReview: 0 })
          : null;
      return rowOfCounts(key, names.get(key) ?? key, counts, replyClasses, review);
    });
  }

  /** First-round signed replies whose unit recorded a contact with the proposers, and a face-to-face one. */
  private async contactsByGroup(
    group: string,
    w: string,
    params: Record<string, unknown>,
  ): Promise<Map<string, { contact: number; meeting: number }>> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${group} AS "key", r."proposal_id" AS "proposal_id", r."unit_id" AS "unit_id", e."data" AS "data"
       FROM "handling_record" r
       JOIN "proposal_event" e ON e."proposal_id" = r."proposal_id" AND e."unit_id" = r."unit_id"
         AND e."type" = 'contact-recorded'
       WHERE ${w} AND r."role" = 'reply' AND r."round" = 1 AND r."status" = 'done'`,
      params,
    );
    const byReply = new Map<string, { key: string; meeting: boolean }>();
    for (const row of rows) {
      const id = `${String(row['proposal_id'])}\u0000${String(row['unit_id'])}`;
      const method = parseObject(row['data'])['method'];
      const meeting = (MEETING_CONTACT_METHODS as readonly unknown[]).includes(method);
      const seen = byReply.get(id);
      byReply.set(id, { key: String(row['key']), meeting: (seen?.meeting ?? false) || meeting });
    }
    const out = new Map<string, { contact: number; meeting: number }>();
    for (const { key, meeting } of byReply.values()) {
      const c = out.get(key) ?? { contact: 0, meeting: 0 };
      c.contact++;
      if (meeting) c.meeting++;
      out.set(key, c);
    }
    return out;
  }

  /** Reminder notices (催办) per unit reminded, or per session. */
  private async remindersByGroup(
    q: { groupBy: 'unit' | 'session'; sessionCode?: string; unitId?: string },
    period: { from?: string; until?: string },
  ): Promise<Map<string, number>> {
    const group = q.groupBy === 'unit' ? 'e."unit_id"' : 'p."session_code"';
    const where = [`e."type" = 'reminder-notice'`, `e."unit_id" IS NOT NULL`];
    const params: Record<string, unknown> = {};
    if (q.sessionCode) {
      where.push(`p."session_code" = :sessionCode`);
      params['sessionCode'] = q.sessionCode;
    }
    if (q.unitId) {
      where.push(`e."unit_id" = :unitId`);
      params['unitId'] = q.unitId;
    }
    if (period.from) {
      where.push(`e."at" >= :periodFrom`);
      params['periodFrom'] = period.from;
    }
    if (period.until) {
      where.push(`e."at" < :periodUntil`);
      params['periodUntil'] = period.until;
    }
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${group} AS "key", count(*) AS "n"
       FROM "proposal_event" e JOIN "proposal" p ON p."id" = e."proposal_id"
       WHERE ${where.join(' AND ')} GROUP BY ${group}`,
      params,
    );
    return new Map(rows.map((r) => [String(r['key']), num(r['n'])]));
  }

  /**
   * Working days held up, per unit charged (or per session): every opinion or reply done after
   * its deadline or still open past it, late by the working days from its last day to the day
   * it was done (or today); a late reply's days shared by the domain's `chargeDelay` with the
   * latest late opinion of its proposal (waived ones too, as in the overdue list).
   */
  private async heldUpByGroup(
    groupBy: 'unit' | 'session',
    w: string,
    params: Record<string, unknown>,
    calendar: WorkingDayCalendar,
    now: Date,
    /** Only the days charged to this unit. */
    chargedUnitId?: string,
  ): Promise<Map<string, number>> {
    const today = toShanghaiDate(now);
    const { rows } = await execSql(
      this.dataSource,
      `SELECT r."proposal_id", r."session_code", r."unit_id", r."role", r."status", r."end_date", r."completed_at"
       FROM "handling_record" r
       WHERE ${w} AND r."end_date" IS NOT NULL AND r."due_at" IS NOT NULL
         AND ((r."status" = 'open' AND r."due_at" < :now)
           OR (r."completed_at" IS NOT NULL AND r."completed_at" > r."due_at"))`,
      params,
    );
    const late = rows.map((r) => {
      const endDate = String(r['end_date']);
      const until = r['completed_at'] ? toShanghaiDate(String(r['completed_at'])) : today;
      return {
        proposalId: String(r['proposal_id']),
        sessionCode: String(r['session_code']),
        unitId: String(r['unit_id']),
        role: String(r['role']),
        status: String(r['status']),
        workingDays: until > endDate ? workingDaysBetween(calendar, endDate, until) : 0,
      };
    });
    const out = new Map<string, number>();
    const add = (key: string, days: number) => days > 0 && out.set(key, (out.get(key) ?? 0) + days);
    for (const l of late) {
      // A waived opinion is charged only through the reply it held up.
      if (l.role === 'opinion' && l.status === 'waived') continue;
      const opinions =
        l.role === 'reply'
          ? late
              .filter((o) => o.role === 'opinion' && o.proposalId === l.proposalId)
              .map((o) => ({ unitId: o.unitId, workingDays: o.workingDays }))
          : [];
      for (const share of chargeDelay(l.unitId, l.workingDays, opinions))
        if (!chargedUnitId || share.unitId === chargedUnitId)
          add(groupBy === 'unit' ? share.unitId : l.sessionCode, share.workingDays);
    }
    return out;
  }

  /** 立案, 不予立案, 并案 and not yet reviewed, per session, by the stage each proposal shows. */
  private async reviewsBySession(
    q: { sessionCode?: string },
    period: { from?: string; until?: string },
  ): Promise<Map<string, ReviewCounts>> {
    const where = ['1 = 1'];
    const params: Record<string, unknown> = {};
    if (q.sessionCode) {
      where.push(`p."session_code" = :sessionCode`);
      params['sessionCode'] = q.sessionCode;
    }
    if (period.from) {
      where.push(`p."received_at" >= :periodFrom`);
      params['periodFrom'] = period.from;
    }
    if (period.until) {
      where.push(`p."received_at" < :periodUntil`);
      params['periodUntil'] = period.until;
    }
    const { rows } = await execSql(
      this.dataSource,
      `SELECT p."session_code" AS "key", p."stage" AS "stage", count(*) AS "n" FROM "proposal" p
       WHERE ${where.join(' AND ')} GROUP BY p."session_code", p."stage"`,
      params,
    );
    const out = new Map<string, ReviewCounts>();
    for (const r of rows) {
      const key = String(r['key']);
      const c = out.get(key) ?? { registered: 0, accepted: 0, notAccepted: 0, merged: 0, awaitingReview: 0 };
      c.registered += num(r['n']);
      c[reviewOutcomeOfStage(String(r['stage']))] += num(r['n']);
      out.set(key, c);
    }
    return out;
  }

  private async names(groupBy: 'unit' | 'session'): Promise<Map<string, string>> {
    const rows =
      groupBy === 'unit'
        ? await execSql(this.dataSource, `SELECT "id" AS "key", "name" FROM "org_unit"`)
        : await execSql(
            this.dataSource,
            `SELECT "session_code" AS "key", max("session_name") AS "name" FROM "proposal" GROUP BY "session_code"`,
          );
    return new Map(rows.rows.map((r) => [String(r['key']), String(r['name'])]));
  }

  private proposalWhere(q: SupervisionFilter, p: string): { where: string[]; params: Record<string, unknown> } {
    const where: string[] = [`${p}."closed_at" IS NULL`];
    const params: Record<string, unknown> = {};
    if (q.sessionCode) {
      where.push(`${p}."session_code" = :sessionCode`);
      params['sessionCode'] = q.sessionCode;
    }
    if (q.stage) {
      where.push(`${p}."stage" = :stage`);
      params['stage'] = q.stage;
    }
    if (q.keyOnly) where.push(`${p}."key_proposal" = 1`);
    if (q.replyClass) {
      where.push(
        `EXISTS (SELECT 1 FROM "handling_record" hr WHERE hr."proposal_id" = ${p}."id" AND hr."role" = 'reply'
           AND hr."reply_class" = :replyClass)`,
      );
      params['replyClass'] = q.replyClass;
    }
    return { where, params };
  }

  /**
   * The due status of each running deadline (the domain's rule), and who is holding it up. A late reply
   * whose consultation ran late is charged first to the co-handling unit whose opinion was
   * latest (up to that opinion's own delay, in working days), the rest to the replying unit.
   */
  private async describeDeadlines(
    rows: Row[],
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now: Date,
  ): Promise<SupervisedDeadline[]> {
    const today = toShanghaiDate(now);
    const dueOf = (r: Row) => dueStatus({ status: 'running', dueAt: String(r['due_at']) }, now, calendar, policy);
    const overdueReplies = rows.filter((r) => r['kind'] === 'reply' && dueOf(r).state === 'overdue');
    const opinionDelays = new Map<string, HeldBy[]>();
    if (overdueReplies.length) {
      const ids = [...new Set(overdueReplies.map((r) => String(r['proposal_id'])))];
      const opinions = await execSql(
        this.dataSource,
        `SELECT "proposal_id", "unit_id", "status", "end_date", "completed_at" FROM "handling_record"
         WHERE "proposal_id" IN (:...ids) AND "role" = 'opinion' AND "status" <> 'cancelled' AND "end_date" IS NOT NULL`,
        { ids },
      );
      for (const o of opinions.rows) {
        const endDate = String(o['end_date']);
        const until = o['completed_at'] ? toShanghaiDate(String(o['completed_at'])) : today;
        const late = until > endDate ? workingDaysBetween(calendar, endDate, until) : 0;
        if (late <= 0) continue;
        const list = opinionDelays.get(String(o['proposal_id'])) ?? [];
        list.push({ unitId: String(o['unit_id']), workingDays: late });
        opinionDelays.set(String(o['proposal_id']), list);
      }
    }
    return rows.map((r) => {
      const endDate = String(r['end_date'] ?? toShanghaiDate(String(r['due_at'])));
      const unitId = String(r['unit_id']);
      const due = dueOf(r);
      const overdue = due.state === 'overdue';
      const overdueDays = due.state === 'overdue' ? due.workingDaysOverdue : 0;
      const heldBy = chargeDelay(
        unitId,
        overdueDays,
        r['kind'] === 'reply' ? (opinionDelays.get(String(r['proposal_id'])) ?? []) : [],
      );
      return {
        proposalId: String(r['proposal_id']),
        sessionCode: String(r['session_code']),
        sessionName: String(r['session_name']),
        number: String(r['number']),
        title: String(r['title']),
        stage: String(r['stage']),
        keyProposal: num(r['key_proposal']) === 1,
        keyLeaders: parseList(r['key_leaders']),
        leadUnitId: (r['lead_unit_id'] as string | null) ?? null,
        deadlineKey: String(r['key']),
        kind: String(r['kind']),
        unitId,
        dueAt: String(r['due_at']),
        endDate,
        provisional: num(r['provisional']) === 1,
        extended: num(r['extended']) === 1,
        escalations: num(r['escalations']),
        due,
        ...(due.state === 'overdue' ? { workingDaysOverdue: due.workingDaysOverdue } : {}),
        ...(due.state === 'due-soon' || due.state === 'on-track' ? { workingDaysLeft: due.workingDaysLeft } : {}),
        heldBy: overdue ? heldBy : [{ unitId, workingDays: 0 }],
      };
    });
  }
}

/** A period's Shanghai dates as instants: from the start of `from` to before the day after `to`. */
function periodBounds(q: StatisticsPeriod): { from?: string; until?: string } {
  const startOf = (date: string) => new Date(`${date}T00:00:00.000+08:00`);
  return {
    ...(q.from ? { from: startOf(q.from).toISOString() } : {}),
    ...(q.to ? { until: new Date(startOf(q.to).getTime() + 86_400_000).toISOString() } : {}),
  };
}

function parseObject(v: unknown): Record<string, unknown> {
  if (v && typeof v === 'object') return v as Record<string, unknown>;
  if (typeof v !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(v);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
