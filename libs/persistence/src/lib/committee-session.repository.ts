import type { DataSource, EntityManager } from 'typeorm';
import { CommitteeSession, CommitteeSessionFields, CommitteeSessionStatus, DomainError } from '@banli/domain';
import { AdminActor, recordAdminEvent } from './admin-audit';
import { execSql, inTransaction } from './sql';

/** The committee's sessions (届次), as admins manage them and registration looks them up. */
export interface ICommitteeSessionRepository {
  /** Newest year first, then by code. */
  list(): Promise<CommitteeSession[]>;
  find(code: string): Promise<CommitteeSession | null>;
  /** Loads sessions into an empty table (the demo city's); answers false, loading nothing, when there are any. */
  load(sessions: CommitteeSession[]): Promise<boolean>;
  /** Refused when the code is taken (409). */
  create(actor: AdminActor, code: string, fields: CommitteeSessionFields, at?: Date): Promise<CommitteeSession>;
  /** Refused for an unknown code (404), and for a new name once proposals are registered in it (409). */
  update(actor: AdminActor, code: string, fields: CommitteeSessionFields, at?: Date): Promise<CommitteeSession>;
  /** Closes or reopens registration; refused for an unknown code (404) or when it is so already (409). */
  setStatus(actor: AdminActor, code: string, status: CommitteeSessionStatus, at?: Date): Promise<CommitteeSession>;
}

const COLUMNS = `"code", "name", "term", "meeting", "year", "starts_on", "ends_on", "status", "created_at", "updated_at"`;

/**
 * Sessions in `committee_session`. Every change is written to the admin audit trail in the
 * same transaction. A session's code is part of its proposals' ids, so it never changes; its
 * name is what those proposals were registered under, so it may change only while it has none.
 */
export class CommitteeSessionRepository implements ICommitteeSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<CommitteeSession[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${COLUMNS} FROM "committee_session" ORDER BY "year" DESC, "code"`,
    );
    return rows.map(toSession);
  }

  find(code: string): Promise<CommitteeSession | null> {
    return findIn(this.dataSource, code);
  }

  load(sessions: CommitteeSession[]): Promise<boolean> {
    return inTransaction(this.dataSource, async (tx) => {
      const any = await execSql(tx, `SELECT 1 AS "x" FROM "committee_session" LIMIT 1`);
      if (any.rows.length > 0) return false;
      for (const s of sessions) {
        await execSql(
          tx,
          `INSERT INTO "committee_session" (${COLUMNS})
           VALUES (:code, :name, :term, :meeting, :year, :startsOn, :endsOn, :status, :createdAt, :updatedAt)`,
          { ...s },
        );
      }
      return true;
    });
  }

  create(actor: AdminActor, code: string, fields: CommitteeSessionFields, at = new Date()): Promise<CommitteeSession> {
    return inTransaction(this.dataSource, async (tx) => {
      const now = at.toISOString();
      const inserted = await execSql(
        tx,
        `INSERT INTO "committee_session" (${COLUMNS})
         VALUES (:code, :name, :term, :meeting, :year, :startsOn, :endsOn, 'open', :now, :now)
         ON CONFLICT ("code") DO NOTHING`,
        { code, ...fields, now },
      );
      if (inserted.affected === 0) throw new DomainError('ALREADY_DONE', `There is a session ${code} already`);
      await recordAdminEvent(tx, actor, 'committee-session-created', { code, ...fields }, at);
      return { code, ...fields, status: 'open', createdAt: now, updatedAt: now };
    });
  }

  update(actor: AdminActor, code: string, fields: CommitteeSessionFields, at = new Date()): Promise<CommitteeSession> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await existing(tx, code);
      if (fields.name !== before.name) {
        const used = await execSql(tx, `SELECT 1 AS "x" FROM "proposal" WHERE "session_code" = :code LIMIT 1`, {
          code,
        });
        if (used.rows.length > 0) {
          throw new DomainError(
            'ALREADY_DONE',
            `Proposals are registered in session ${code} as ${before.name}: its name can no longer change`,
          );
        }
      }
      const updatedAt = at.toISOString();
      await execSql(
        tx,
        `UPDATE "committee_session" SET "name" = :name, "term" = :term, "meeting" = :meeting, "year" = :year,
           "starts_on" = :startsOn, "ends_on" = :endsOn, "updated_at" = :updatedAt
         WHERE "code" = :code`,
        { code, ...fields, updatedAt },
      );
      await recordAdminEvent(
        tx,
        actor,
        'committee-session-updated',
        { code, ...fields, previous: fieldsOf(before) },
        at,
      );
      return { ...before, ...fields, updatedAt };
    });
  }

  setStatus(
    actor: AdminActor,
    code: string,
    status: CommitteeSessionStatus,
    at = new Date(),
  ): Promise<CommitteeSession> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await existing(tx, code);
      if (before.status === status) throw new DomainError('ALREADY_DONE', `Session ${code} is ${status} already`);
      const updatedAt = at.toISOString();
      await execSql(
        tx,
        `UPDATE "committee_session" SET "status" = :status, "updated_at" = :updatedAt WHERE "code" = :code`,
        { code, status, updatedAt },
      );
      const type = status === 'closed' ? 'committee-session-closed' : 'committee-session-reopened';
      await recordAdminEvent(tx, actor, type, { code }, at);
      return { ...before, status, updatedAt };
    });
  }
}

async function findIn(on: DataSource | EntityManager, code: string): Promise<CommitteeSession | null> {
  const { rows } = await execSql(on, `SELECT ${COLUMNS} FROM "committee_session" WHERE "code" = :code`, { code });
  return rows[0] ? toSession(rows[0]) : null;
}

async function existing(tx: EntityManager, code: string): Promise<CommitteeSession> {
  const session = await findIn(tx, code);
  if (!session) throw new DomainError('NOT_FOUND', `There is no session ${code}`);
  return session;
}

function fieldsOf(s: CommitteeSession): CommitteeSessionFields {
  return { name: s.name, term: s.term, meeting: s.meeting, year: s.year, startsOn: s.startsOn, endsOn: s.endsOn };
}

function toSession(r: Record<string, unknown>): CommitteeSession {
  const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    code: String(r['code']),
    name: String(r['name']),
    term: intOrNull(r['term']),
    meeting: intOrNull(r['meeting']),
    year: Number(r['year']),
    startsOn: textOrNull(r['starts_on']),
    endsOn: textOrNull(r['ends_on']),
    status: r['status'] === 'closed' ? 'closed' : 'open',
    createdAt: String(r['created_at']),
    updatedAt: String(r['updated_at']),
  };
}
