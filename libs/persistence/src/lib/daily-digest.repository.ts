import type { DataSource } from 'typeorm';
import { execSql, inTransaction } from './sql';
import { SUPERVISED_DEADLINE_KINDS } from './supervision.repository';

export interface OpenTaskDue {
  taskId: string;
  proposalId: string;
  proposalKind: string;
  sessionName: string;
  number: string;
  title: string;
  keyProposal: boolean;
  taskKind: string;
  unitId: string;
  deadlineKey: string | null;
  dueAt: string;
}

export interface DigestNotice {
  unitId: string;
  /** The Asia/Shanghai date of the digest: one per unit per day. */
  date: string;
  payload: Record<string, unknown>;
}

/** A running deadline that is somebody's work, for the supervisors' digest. */
export interface SupervisedDeadlineDue {
  proposalId: string;
  proposalKind: string;
  sessionName: string;
  number: string;
  title: string;
  keyProposal: boolean;
  kind: string;
  unitId: string;
  dueAt: string;
}

/** An open key proposal with leaders who are users, and its running supervised deadlines. */
export interface KeyProposalOfLeaders {
  proposalId: string;
  proposalKind: string;
  sessionName: string;
  number: string;
  title: string;
  stage: string;
  leadUnitId: string | null;
  leaderUserIds: string[];
  deadlines: { kind: string; unitId: string; dueAt: string }[];
}

/** A leader's digest row: the user it is for, in their unit (the outbox addresses units). */
export interface LeaderDigestNotice {
  userId: string;
  unitId: string;
  date: string;
  payload: Record<string, unknown>;
}

export const leaderDigestOutboxId = (userId: string, date: string): string => `leader-digest/${userId}/${date}`;

export const supervisorDigestOutboxId = (unitId: string, date: string): string => `supervisor-digest/${unitId}/${date}`;

export const digestOutboxId = (unitId: string, date: string): string => `digest/${unitId}/${date}`;

/** The daily digest's reads (open tasks by due date) and its outbox rows. */
export class DailyDigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every open task due before `dueBefore` (overdue ones included), by unit, then due date. */
  async openTasksDueBefore(dueBefore: string): Promise<OpenTaskDue[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT t."id", t."proposal_id", t."kind", t."unit_id", t."deadline_key", t."due_at",
              p."kind" AS "proposal_kind", p."session_name", p."number", p."title", p."key_proposal"
       FROM "task" t JOIN "proposal" p ON p."id" = t."proposal_id"
       WHERE t."status" = 'open' AND t."due_at" IS NOT NULL AND t."due_at" <= :dueBefore
       ORDER BY t."unit_id", t."due_at", t."id"`,
      { dueBefore },
    );
    return rows.map((r) => ({
      taskId: String(r['id']),
      proposalId: String(r['proposal_id']),
      proposalKind: String(r['proposal_kind']),
      sessionName: String(r['session_name']),
      number: String(r['number']),
      title: String(r['title']),
      keyProposal: Number(r['key_proposal']) === 1,
      taskKind: String(r['kind']),
      unitId: String(r['unit_id']),
      deadlineKey: (r['deadline_key'] as string | null) ?? null,
      dueAt: String(r['due_at']),
    }));
  }

  /** Running deadlines that are somebody's work (as the supervision views list them), due before `dueBefore`. */
  async supervisedDeadlinesDueBefore(dueBefore: string): Promise<SupervisedDeadlineDue[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT d."proposal_id", d."kind", d."unit_id", d."due_at",
              p."kind" AS "proposal_kind", p."session_name", p."number", p."title", p."key_proposal"
       FROM "deadline" d JOIN "proposal" p ON p."id" = d."proposal_id"
       WHERE d."status" = 'running' AND d."due_at" IS NOT NULL AND d."due_at" < :dueBefore AND d."kind" IN (:...kinds)
       ORDER BY d."due_at", d."proposal_id", d."key"`,
      { dueBefore, kinds: [...SUPERVISED_DEADLINE_KINDS] },
    );
    return rows.map((r) => ({
      proposalId: String(r['proposal_id']),
      proposalKind: String(r['proposal_kind']),
      sessionName: String(r['session_name']),
      number: String(r['number']),
      title: String(r['title']),
      keyProposal: Number(r['key_proposal']) === 1,
      kind: String(r['kind']),
      unitId: String(r['unit_id']),
      dueAt: String(r['due_at']),
    }));
  }

  /**
   * The supervisors' digest of a day: one outbox row for each unit with an enabled supervisor
   * (the relay sends it to that unit's supervisors only), once a day. Returns how many rows were new.
   */
  async addSupervisorDigests(date: string, payload: Record<string, unknown>, now: Date = new Date()): Promise<number> {
    const units = await this.unitsWithRole('supervisor');
    return this.addUnitNotices(
      'supervisor-digest',
      units.map((unitId) => ({ id: supervisorDigestOutboxId(unitId, date), unitId, payload })),
      now,
    );
  }

  /**
   * One outbox row per unit and day, all in one transaction; a second run on the same day
   * (a retried activity, a manual trigger) writes nothing. Returns how many rows were new.
   */
  addDigests(digests: DigestNotice[], now: Date = new Date()): Promise<number> {
    return this.addUnitNotices(
      'daily-digest',
      digests.map((d) => ({ id: digestOutboxId(d.unitId, d.date), unitId: d.unitId, payload: d.payload })),
      now,
    );
  }

  /**
   * Reminds the admins that next year's holiday notice is not loaded: one outbox row per unit
   * with an enabled admin, once a week (`weekStart`, the Monday); the relay sends it to that
   * unit's admins only. Returns how many rows were new.
   */
  async addCalendarReminders(year: number, weekStart: string, now: Date = new Date()): Promise<number> {
    const units = await this.unitsWithRole('admin');
    return this.addUnitNotices(
      'calendar-reminder',
      units.map((unitId) => ({ id: `calendar-reminder/${year}/${unitId}/${weekStart}`, unitId, payload: { year } })),
      now,
    );
  }

  /**
   * Open key proposals whose leaders include users (the handling state's `key.leaderUserIds`),
   * with their running supervised deadlines. Key proposals are few (tens in a city), so the
   * leaders are read from the state here rather than indexed.
   */
  async openKeyProposalsWithLeaderUsers(): Promise<KeyProposalOfLeaders[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "kind", "session_name", "number", "title", "stage", "lead_unit_id", "handling_state"
       FROM "proposal" WHERE "key_proposal" = 1 AND "closed_at" IS NULL AND "stage" NOT IN ('merged', 'converted')
       ORDER BY "id"`,
    );
    const proposals: KeyProposalOfLeaders[] = [];
    for (const r of rows) {
      let ids: unknown;
      try {
        ids = (JSON.parse(String(r['handling_state'] ?? 'null')) as { key?: { leaderUserIds?: unknown } } | null)?.key
          ?.leaderUserIds;
      } catch {
        ids = undefined;
      }
      if (!Array.isArray(ids) || ids.length === 0) continue;
      proposals.push({
        proposalId: String(r['id']),
        proposalKind: String(r['kind']),
        sessionName: String(r['session_name']),
        number: String(r['number']),
        title: String(r['title']),
        stage: String(r['stage']),
        leadUnitId: (r['lead_unit_id'] as string | null) ?? null,
        leaderUserIds: ids.filter((x): x is string => typeof x === 'string'),
        deadlines: [],
      });
    }
    if (proposals.length === 0) return proposals;
    const byId = new Map(proposals.map((p) => [p.proposalId, p]));
    const deadlines = await execSql(
      this.dataSource,
      `SELECT "proposal_id", "kind", "unit_id", "due_at" FROM "deadline"
       WHERE "status" = 'running' AND "due_at" IS NOT NULL AND "proposal_id" IN (:...ids) AND "kind" IN (:...kinds)
       ORDER BY "due_at", "key"`,
      { ids: [...byId.keys()], kinds: [...SUPERVISED_DEADLINE_KINDS] },
    );
    for (const d of deadlines.rows) {
      byId.get(String(d['proposal_id']))?.deadlines.push({
        kind: String(d['kind']),
        unitId: String(d['unit_id']),
        dueAt: String(d['due_at']),
      });
    }
    return proposals;
  }

  /** The unit of each enabled user among `userIds` (a disabled or deleted leader gets no digest). */
  async enabledUserUnits(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "unit_id" FROM "app_user" WHERE "disabled" = 0 AND "id" IN (:...ids)`,
      { ids: userIds },
    );
    return new Map(rows.map((r) => [String(r['id']), String(r['unit_id'])]));
  }

  /**
   * One outbox row per leader and day (kind `leader-digest`; the relay sends it to that user
   * alone); a second run on the same day writes nothing. Returns how many rows were new.
   */
  addLeaderDigests(digests: LeaderDigestNotice[], now: Date = new Date()): Promise<number> {
    return this.addUnitNotices(
      'leader-digest',
      digests.map((d) => ({ id: leaderDigestOutboxId(d.userId, d.date), unitId: d.unitId, payload: d.payload })),
      now,
    );
  }

  /** The units with at least one enabled user holding the role. */
  private async unitsWithRole(role: string): Promise<string[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT DISTINCT "unit_id" FROM "app_user" WHERE "disabled" = 0 AND "roles" LIKE :role ORDER BY "unit_id"`,
      { role: `%"${role}"%` },
    );
    return rows.map((r) => String(r['unit_id']));
  }

  /**
   * Outbox rows addressed to units, not to a proposal, all in one transaction; a row whose id is
   * already there (the same notice again: a retried activity, a second run) is not written twice.
   * Returns how many rows were new.
   */
  private async addUnitNotices(
    kind: string,
    notices: { id: string; unitId: string; payload: unknown }[],
    now: Date,
  ): Promise<number> {
    if (notices.length === 0) return 0;
    return inTransaction(this.dataSource, async (tx) => {
      let added = 0;
      for (const n of notices) {
        const { affected } = await execSql(
          tx,
          `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
           VALUES (:id, NULL, :unitId, :kind, :payload, :createdAt, 'pending')
           ON CONFLICT ("id") DO NOTHING`,
          { id: n.id, unitId: n.unitId, kind, payload: JSON.stringify(n.payload), createdAt: now.toISOString() },
        );
        added += affected;
      }
      return added;
    });
  }
}
