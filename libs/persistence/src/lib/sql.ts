import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs one SQL text with :named parameters on PostgreSQL or SQLite alike (the driver turns
 * them into $1 or ?), returning rows and the number of rows changed.
 */
export async function execSql(
  on: DataSource | EntityManager,
  text: string,
  params: Record<string, unknown> = {},
): Promise<{ rows: Record<string, unknown>[]; affected: number }> {
  const dataSource = 'manager' in on ? on : on.connection;
  const [sql, values] = dataSource.driver.escapeQueryWithParameters(text, params);
  const runner: QueryRunner | undefined = 'manager' in on ? undefined : on.queryRunner;
  if (runner) {
    const r = await runner.query(sql, values, true);
    return { rows: Array.isArray(r.records) ? r.records : [], affected: r.affected ?? 0 };
  }
  const own = dataSource.createQueryRunner();
  try {
    const r = await own.query(sql, values, true);
    return { rows: Array.isArray(r.records) ? r.records : [], affected: r.affected ?? 0 };
  } finally {
    await own.release();
  }
}

const sqliteLocks = new WeakMap<DataSource, Mutex>();

/**
 * A transaction that is safe under concurrency on both databases. TypeORM's SQLite driver
 * has one connection per process, on which a second concurrent transaction fails ("cannot
 * start a transaction within a transaction"), so SQLite transactions queue on a mutex;
 * PostgreSQL runs them in parallel on its pool.
 */
export function inTransaction<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'postgres') return dataSource.transaction(work);
  let lock = sqliteLocks.get(dataSource);
  if (!lock) {
    lock = new Mutex();
    sqliteLocks.set(dataSource, lock);
  }
  return lock.runExclusive(() => dataSource.transaction(work));
}
