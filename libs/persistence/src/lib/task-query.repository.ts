import type { DataSource } from 'typeorm';
import { execSql } from './sql';

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
  sort: 'dueAt' | '-dueAt';
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

export interface InboxPage {
  items: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: { open: number; overdue: number; dueSoon: number };
}

/** The task aggregate as the API reads it: a unit's inbox, all of it or the kinds one person completes. */
export interface ITaskQueryRepository {
  inbox(q: InboxQuery): Promise<InboxPage>;
}

const NO_TASKS = { open: 0, overdue: 0, dueSoon: 0 };

/**
 * The task inbox of one unit, from the read model. Key proposals come first, then by
 * deadline; served by the index (unit_id, status, due_at).
 */
export class TaskQueryRepository implements ITaskQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async inbox(q: InboxQuery): Promise<InboxPage> {
    const where = [`t."unit_id" = :unitId`, `t."status" = :status`];
    if (q.dueBefore) where.push(`t."due_at" < :dueBefore`);
    if (q.overdue) where.push(`t."due_at" < :now`);
    if (q.kind) where.push(`t."kind" = :kind`);
    // The counts cover the same tasks as the list: the same unit and kinds, open ones.
    const scope = [`t."unit_id" = :unitId`];
    if (q.kinds) {
      if (q.kinds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, counts: NO_TASKS };
      scope.push(`t."kind" IN (:...kinds)`);
      where.push(`t."kind" IN (:...kinds)`);
    }
    const params = {
      unitId: q.unitId,
      status: q.status,
      dueBefore: q.dueBefore,
      now: q.now,
      kind: q.kind,
      ...(q.kinds ? { kinds: [...q.kinds] } : {}),
    };
    const order = q.sort === '-dueAt' ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
    const rows = await execSql(
      this.dataSource,
      `SELECT t."id", t."proposal_id", t."kind", t."unit_id", t."status", t."deadline_key", t."due_at", t."round",
              t."opened_at", t."closed_at", p."title", p."stage", p."session_name", p."number", p."key_proposal"
       FROM "task" t JOIN "proposal" p ON p."id" = t."proposal_id"
       WHERE ${where.join(' AND ')}
       ORDER BY p."key_proposal" DESC, t."due_at" ${order}, t."id" ASC
       LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const total = await execSql(
      this.dataSource,
      `SELECT count(*) AS "n" FROM "task" t WHERE ${where.join(' AND ')}`,
      params,
    );
    const counts = await execSql(
      this.dataSource,
      `SELECT count(*) AS "open",
              sum(CASE WHEN t."due_at" < :now THEN 1 ELSE 0 END) AS "overdue",
              sum(CASE WHEN t."due_at" >= :now AND t."due_at" <= :soon THEN 1 ELSE 0 END) AS "due_soon"
       FROM "task" t WHERE ${scope.join(' AND ')} AND t."status" = 'open'`,
      { ...params, soon: q.dueSoonUntil },
    );
    const c = counts.rows[0] ?? {};
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
      total: Number(total.rows[0]?.['n'] ?? 0),
      page: q.page,
      pageSize: q.pageSize,
      counts: { open: Number(c['open'] ?? 0), overdue: Number(c['overdue'] ?? 0), dueSoon: Number(c['due_soon'] ?? 0) },
    };
  }
}
