import type { DataSource } from 'typeorm';
import { PROPOSAL_STAGES } from '@banli/domain';
import { textMatch } from './proposal-search.repository';
import { ascNullsLast, cappedCounts, execSql } from './sql';
import type { CappedCount } from './sql';

/**
 * The inbox's orders: by deadline (key proposals first, the default), by when the task was
 * received (opened), or by the proposal's stage in the order of the process (then deadline).
 */
export const INBOX_SORTS = ['dueAt', '-dueAt', 'openedAt', '-openedAt', 'stage', '-stage'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxQuery {
  unitId: string;
  status: 'open' | 'closed';
  /** Only tasks due before this instant. */
  dueBefore?: string;
  /** Only tasks whose deadline has passed (at `now`). */
  overdue?: boolean;
  /** Only tasks of this kind. */
  kind?: string;
  /** Only tasks of these kinds (the caller's, by role); absent: every kind. */
  kinds?: readonly string[];
  /** Text: a document number, or words of the title, body, proposal number… (`textMatch`). */
  q?: string;
  /** Only tasks of proposals at this stage / of this session. */
  stage?: string;
  sessionCode?: string;
  sort: InboxSort;
  page: number;
  pageSize: number;
  now: string;
  /** "Due soon" for the counts: not yet due at `now`, and due at or before this instant (the domain's dueSoonUntil). */
  dueSoonUntil: string;
}

export interface InboxRow {
  id: string;
  proposalId: string;
  kind: string;
  unitId: string;
  status: string;
  deadlineKey: string | null;
  dueAt: string | null;
  round: number | null;
  openedAt: string;
  closedAt: string | null;
  proposal: { title: string; stage: string; sessionName: string; number: string; keyProposal: boolean };
}

export interface InboxCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  /** Each count stops at COUNT_LIMIT; true: more than that. */
  openCapped: boolean;
  overdueCapped: boolean;
  dueSoonCapped: boolean;
}

export interface InboxPage {
  items: InboxRow[];
  /** At most COUNT_LIMIT; `totalCapped`: more than that. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  counts: InboxCounts;
}

/** The task aggregate as the API reads it: a unit's inbox, all of it or the kinds one person completes. */
export interface ITaskQueryRepository {
  inbox(q: InboxQuery): Promise<InboxPage>;
}

const NO_TASKS: InboxCounts = {
  open: 0,
  overdue: 0,
  dueSoon: 0,
  openCapped: false,
  overdueCapped: false,
  dueSoonCapped: false,
};

/**
 * The task inbox of one unit, from the read model. Key proposals first, then by deadline
 * (ascending: served in that order by the index ix_task_inbox_page (unit_id, status,
 * key_proposal DESC, due_at, id), since `task.key_proposal` is the proposal's, copied by the
 * projection); the total and the counts stop at COUNT_LIMIT.
 */
export class TaskQueryRepository implements ITaskQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async inbox(q: InboxQuery): Promise<InboxPage> {
    const where = [`t."unit_id" = :unitId`, q.status === 'open' ? `t."status" = 'open'` : `t."status" = :status`];
    if (q.dueBefore) where.push(`t."due_at" < :dueBefore`);
    if (q.overdue) where.push(`t."due_at" < :now`);
    if (q.kind) where.push(`t."kind" = :kind`);
    if (q.stage) where.push(`p."stage" = :stage`);
    if (q.sessionCode) where.push(`p."session_code" = :sessionCode`);
    let text: { condition: string; params: Record<string, unknown> } | null = null;
    if (q.q !== undefined && q.q.trim() !== '') {
      text = textMatch(this.dataSource, q.q, 't."proposal_id"', 'p."search_terms"');
      // Only punctuation or symbols: no task can match (the counts still cover the scope).
      if (!text) where.push('1 = 0');
      else where.push(text.condition);
    }
    // The counts cover the same tasks as the list: the same unit and kinds, open ones.
    const scope = [`t."unit_id" = :unitId`, `t."status" = 'open'`];
    if (q.kinds) {
      if (q.kinds.length === 0)
        return { items: [], total: 0, totalCapped: false, page: q.page, pageSize: q.pageSize, counts: NO_TASKS };
      scope.push(`t."kind" IN (:...kinds)`);
      where.push(`t."kind" IN (:...kinds)`);
    }
    const params = {
      unitId: q.unitId,
      status: q.status,
      dueBefore: q.dueBefore,
      now: q.now,
      soon: q.dueSoonUntil,
      kind: q.kind,
      stage: q.stage,
      sessionCode: q.sessionCode,
      ...(text?.params ?? {}),
      ...(q.kinds ? { kinds: [...q.kinds] } : {}),
    };
    const due = q.sort === '-dueAt' ? `t."due_at" DESC NULLS LAST` : ascNullsLast(this.dataSource, `t."due_at"`);
    // Deadline: key proposals first, off ix_task_inbox_page; received: off ix_task_inbox_received
    // (either way); stage: the process's order, a sort of the unit's matching tasks.
    const stageOrder = `CASE p."stage" ${PROPOSAL_STAGES.map((st, i) => `WHEN '${st}' THEN ${i}`).join(' ')} ELSE ${PROPOSAL_STAGES.length} END`;
    const order =
      q.sort === 'openedAt'
        ? `t."opened_at" ASC, t."id" ASC`
        : q.sort === '-openedAt'
          ? `t."opened_at" DESC, t."id" DESC`
          : q.sort === 'stage' || q.sort === '-stage'
            ? `${stageOrder} ${q.sort === 'stage' ? 'ASC' : 'DESC'}, ${ascNullsLast(this.dataSource, `t."due_at"`)}, t."id" ASC`
            : `t."key_proposal" DESC, ${due}, t."id" ASC`;
    // The same conditions are counted once (an overdue page's total is its overdue count), and
    // all counts go in one statement beside the page's.
    const froms: string[] = [];
    const counted = (conditions: string[]): number => {
      // The proposal is joined only when a condition reads it (stage, session, text).
      const join = conditions.some((c) => c.includes('p."')) ? ` JOIN "proposal" p ON p."id" = t."proposal_id"` : '';
      const from = `FROM "task" t${join} WHERE ${[...conditions].sort().join(' AND ')}`;
      const known = froms.indexOf(from);
      return known >= 0 ? known : froms.push(from) - 1;
    };
    const which = {
      total: counted(where),
      open: counted(scope),
      overdue: counted([...scope, `t."due_at" < :now`]),
      dueSoon: counted([...scope, `t."due_at" >= :now`, `t."due_at" <= :soon`]),
    };
    const [rows, countRows] = await Promise.all([
      execSql(
        this.dataSource,
        `SELECT t."id", t."proposal_id", t."kind", t."unit_id", t."status", t."deadline_key", t."due_at", t."round",
                t."opened_at", t."closed_at", p."title", p."stage", p."session_name", p."number", p."key_proposal"
         FROM "task" t JOIN "proposal" p ON p."id" = t."proposal_id"
         WHERE ${where.join(' AND ')}
         ORDER BY ${order}
         LIMIT :limit OFFSET :offset`,
        { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      ),
      cappedCounts(this.dataSource, froms, params),
    ]);
    const [total, open, overdue, dueSoon] = [which.total, which.open, which.overdue, which.dueSoon].map(
      (i) => countRows[i] as CappedCount,
    );
    return {
      items: rows.rows.map((r) => ({
        id: String(r['id']),
        proposalId: String(r['proposal_id']),
        kind: String(r['kind']),
        unitId: String(r['unit_id']),
        status: String(r['status']),
        deadlineKey: (r['deadline_key'] as string | null) ?? null,
        dueAt: (r['due_at'] as string | null) ?? null,
        round: r['round'] === null || r['round'] === undefined ? null : Number(r['round']),
        openedAt: String(r['opened_at']),
        closedAt: (r['closed_at'] as string | null) ?? null,
        proposal: {
          title: String(r['title']),
          stage: String(r['stage']),
          sessionName: String(r['session_name']),
          number: String(r['number']),
          keyProposal: Number(r['key_proposal']) === 1,
        },
      })),
      total: total.count,
      totalCapped: total.capped,
      page: q.page,
      pageSize: q.pageSize,
      counts: {
        open: open.count,
        overdue: overdue.count,
        dueSoon: dueSoon.count,
        openCapped: open.capped,
        overdueCapped: overdue.capped,
        dueSoonCapped: dueSoon.capped,
      },
    };
  }
}
