import type { DataSource } from 'typeorm';
import { execSql, inTransaction } from './sql';

/** What is known of a key when a request claims it. */
export type IdempotencyClaim =
  | { kind: 'first' }
  | { kind: 'in-progress'; requestHash: string }
  | { kind: 'done'; requestHash: string; responseStatus: number; responseBody: string | null };

/** Idempotency keys per user and the answers they settled on (table idempotency_record). */
export interface IIdempotencyRepository {
  /** Claims the key for a request; a key claimed before answers with what it holds. */
  claim(userId: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim>;
  /** Stores the answer of a key still in progress (a settled key keeps its first answer). */
  settle(userId: string, key: string, status: number, body: string): Promise<void>;
  /** Frees the key, so a retry runs again. */
  forget(userId: string, key: string): Promise<void>;
  /** Deletes the records created before `cutoff` (settled or not); answers how many. */
  purgeBefore(cutoff: Date): Promise<number>;
}

export class IdempotencyRepository implements IIdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(userId: string, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim> {
    const inserted = await writeAlone(
      this.dataSource,
      `INSERT INTO "idempotency_record" ("user_id", "key", "request_hash", "status", "created_at")
       VALUES (:userId, :key, :requestHash, 'in-progress', :now) ON CONFLICT ("user_id", "key") DO NOTHING`,
      { userId, key, requestHash, now: now.toISOString() },
    );
    if (inserted.affected > 0) return { kind: 'first' };
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "request_hash", "status", "response_status", "response_body" FROM "idempotency_record"
       WHERE "user_id" = :userId AND "key" = :key`,
      { userId, key },
    );
    const row = rows[0];
    // Forgotten between the insert and the read: the key is free again.
    if (!row) return { kind: 'first' };
    const stored = String(row['request_hash']);
    return row['status'] === 'done'
      ? {
          kind: 'done',
          requestHash: stored,
          responseStatus: Number(row['response_status']),
          responseBody: (row['response_body'] as string | null) ?? null,
        }
      : { kind: 'in-progress', requestHash: stored };
  }

  async settle(userId: string, key: string, status: number, body: string): Promise<void> {
    await writeAlone(
      this.dataSource,
      `UPDATE "idempotency_record" SET "status" = 'done', "response_status" = :status, "response_body" = :body
       WHERE "user_id" = :userId AND "key" = :key AND "status" = 'in-progress'`,
      { userId, key, status, body },
    );
  }

  async forget(userId: string, key: string): Promise<void> {
    await writeAlone(this.dataSource, `DELETE FROM "idempotency_record" WHERE "user_id" = :userId AND "key" = :key`, {
      userId,
      key,
    });
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const { affected } = await inTransaction(this.dataSource, (tx) =>
      execSql(tx, `DELETE FROM "idempotency_record" WHERE "created_at" < :cutoff`, { cutoff: cutoff.toISOString() }),
    );
    return affected;
  }
}

/**
 * One statement on its own. PostgreSQL commits it by itself (no BEGIN and COMMIT round trips:
 * two per action's claim and two for its answer); SQLite's single connection may be inside
 * another request's transaction, so there it queues for a transaction of its own.
 */
function writeAlone(dataSource: DataSource, sql: string, params: Record<string, unknown>) {
  return dataSource.options.type === 'postgres'
    ? execSql(dataSource, sql, params)
    : inTransaction(dataSource, (tx) => execSql(tx, sql, params));
}
