import type { DataSource } from 'typeorm';
import { execSql, inTransaction } from './sql';

/** A counter's state: how many attempts in the window that started at `windowStartedAt`. */
export interface AttemptWindow {
  attempts: number;
  windowStartedAt: Date;
}

/**
 * Sign-in attempt counters in fixed windows, one row per key (an account or a client address),
 * in the database so that every API replica counts the same attempts.
 */
export interface ISignInAttemptRepository {
  /** Counts one attempt, atomically: a new window starts when the last one is over. Answers the count now. */
  count(key: string, windowMs: number, now: Date): Promise<AttemptWindow>;
  /** The key's counter, if its window is still open. */
  current(key: string, windowMs: number, now: Date): Promise<AttemptWindow | null>;
  /** Forgets the key's attempts (a successful sign-in). */
  clear(key: string): Promise<void>;
  /** Deletes the counters whose window started before `cutoff`; answers how many. */
  purgeBefore(cutoff: Date): Promise<number>;
}

export class SignInAttemptRepository implements ISignInAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(key: string, windowMs: number, now: Date): Promise<AttemptWindow> {
    const at = now.getTime();
    // One upsert on both databases (ON CONFLICT … DO UPDATE … RETURNING): two replicas
    // counting at once each see the other's attempt.
    const { rows } = await this.write(
      `INSERT INTO "sign_in_attempt" ("key", "window_started_at", "attempts") VALUES (:key, :at, 1)
       ON CONFLICT ("key") DO UPDATE SET
         "attempts" = CASE WHEN "sign_in_attempt"."window_started_at" <= :expired THEN 1
                           ELSE "sign_in_attempt"."attempts" + 1 END,
         "window_started_at" = CASE WHEN "sign_in_attempt"."window_started_at" <= :expired THEN :at
                                    ELSE "sign_in_attempt"."window_started_at" END
       RETURNING "attempts", "window_started_at"`,
      { key, at, expired: at - windowMs },
    );
    return toWindow(rows[0] ?? { attempts: 1, window_started_at: at });
  }

  async current(key: string, windowMs: number, now: Date): Promise<AttemptWindow | null> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "attempts", "window_started_at" FROM "sign_in_attempt" WHERE "key" = :key AND "window_started_at" > :expired`,
      { key, expired: now.getTime() - windowMs },
    );
    return rows[0] ? toWindow(rows[0]) : null;
  }

  async clear(key: string): Promise<void> {
    await this.write(`DELETE FROM "sign_in_attempt" WHERE "key" = :key`, { key });
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const { affected } = await this.write(`DELETE FROM "sign_in_attempt" WHERE "window_started_at" < :cutoff`, {
      cutoff: cutoff.getTime(),
    });
    return affected;
  }

  /** PostgreSQL commits one statement by itself; SQLite's one connection queues it for a transaction of its own. */
  private write(sql: string, params: Record<string, unknown>) {
    return this.dataSource.options.type === 'postgres'
      ? execSql(this.dataSource, sql, params)
      : inTransaction(this.dataSource, (tx) => execSql(tx, sql, params));
  }
}

function toWindow(row: Record<string, unknown>): AttemptWindow {
  return { attempts: Number(row['attempts']), windowStartedAt: new Date(Number(row['window_started_at'])) };
}
