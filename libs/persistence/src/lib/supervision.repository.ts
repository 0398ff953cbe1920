import type { DataSource } from 'typeorm';
import { dueSoonBefore, dueStatus, toShanghaiDate, workingDaysBetween } from '@banli/domain';
import type { DeadlinePolicy, DueStatus } from '@banli/domain';
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

export interface StatisticsRow {
  /** The unit, or the session when grouped by session. */
  key: string;
  name: string;
  assignedAsReplying: number;
  assignedAsCoHandling: number;
  closed: number;
  repliesDue: number;
  repliesOnTime: number;
  replyOnTimeRate: number | null;
  opinionsDue: number;
  opinionsOnTime: number;
  opinionOnTimeRate: number | null;
  averageWorkingDaysToReply: number | null;
  replyClasses: Record<string, number>;
  satisfaction: { satisfied: number; basicallySatisfied: number; unsatisfied: number; notRated: number };
  rehandled: number;
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

/** The one due-soon threshold (the deployment's `dueSoonWorkingDays`, or a window a supervisor asked for). */
export type DueSoonPolicy = Pick<DeadlinePolicy, 'dueSoonWorkingDays'>;

/** What supervisors watch: open proposals, supervised deadlines, statistics. */
export interface ISupervisionRepository {
  deadlines(
    q: SupervisionFilter & {
      state: 'overdue' | 'due-soon';
      kind?: string;
      page: number;
      pageSize: number;
    },
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
    q: { groupBy: 'unit' | 'session'; sessionCode?: string; unitId?: string },
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
    q: SupervisionFilter & {
      state: 'overdue' | 'due-soon';
      kind?: string;
      page: number;
      pageSize: number;
    },
    calendar: WorkingDayCalendar,
    policy: DueSoonPolicy,
    now: Date = new Date(),
  ): Promise<CappedPage<SupervisedDeadline>> {
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
   * Statistics per unit (`groupBy: 'unit'`) or per session, over handling records:
   * - assigned: replies (first rounds) and opinions assigned, reassigned ones excluded;
   * - closed: proposals closed that the unit replied to;
   * - on-time rates: done on time / (done with a deadline + open past their deadline);
   *   waived opinions count in neither;
   * - average working days from assignment to the first signed reply;
   * - reply classes and satisfaction over every signed reply and every closed feedback round;
   * - re-handled: re-handling rounds opened.
   */
  async statistics(
    q: { groupBy: 'unit' | 'session'; sessionCode?: string; unitId?: string },
    now: Date = new Date(),
  ): Promise<StatisticsRow[]> {
    const group = q.groupBy === 'unit' ? 'r."unit_id"' : 'r."session_code"';
    const where: string[] = [`r."status" <> 'cancelled'`];
    const params: Record<string, unknown> = { now: now.toISOString() };
    if (q.sessionCode) {
      where.push(`r."session_code" = :sessionCode`);
      params['sessionCode'] = q.sessionCode;
    }
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
    const names = await this.names(q.groupBy);
    return agg.rows.map((r) => {
      const key = String(r['key']);
      const repliesDue = num(r['replies_due']);
      const opinionsDue = num(r['opinions_due']);
      const daysN = num(r['reply_days_n']);
      const replyClasses: Record<string, number> = {};
      for (const c of classes.rows.filter((c) => String(c['key']) === key))
        replyClasses[String(c['reply_class'])] = num(c['n']);
      return {
        key,
        name: names.get(key) ?? key,
        assignedAsReplying: num(r['assigned_replying']),
        assignedAsCoHandling: num(r['assigned_co_handling']),
        closed: num(r['closed']),
        repliesDue,
        repliesOnTime: num(r['replies_on_time']),
        replyOnTimeRate: repliesDue ? round4(num(r['replies_on_time']) / repliesDue) : null,
        opinionsDue,
        opinionsOnTime: num(r['opinions_on_time']),
        opinionOnTimeRate: opinionsDue ? round4(num(r['opinions_on_time']) / opinionsDue) : null,
        averageWorkingDaysToReply: daysN ? Math.round((num(r['reply_days']) / daysN) * 10) / 10 : null,
        replyClasses,
        satisfaction: {
          satisfied: num(r['satisfied']),
          basicallySatisfied: num(r['basically_satisfied']),
          unsatisfied: num(r['unsatisfied']),
          notRated: num(r['not_rated']),
        },
        rehandled: num(r['rehandled']),
      };
    });
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
      let heldBy: HeldBy[] = [{ unitId, workingDays: overdueDays }];
      if (overdue && r['kind'] === 'reply') {
        const latest = (opinionDelays.get(String(r['proposal_id'])) ?? []).sort(
          (a, b) => b.workingDays - a.workingDays || a.unitId.localeCompare(b.unitId),
        )[0];
        if (latest) {
          const charged = Math.min(overdueDays, latest.workingDays);
          heldBy = [{ unitId: latest.unitId, workingDays: charged }];
          if (overdueDays - charged > 0) heldBy.push({ unitId, workingDays: overdueDays - charged });
        }
      }
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

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
