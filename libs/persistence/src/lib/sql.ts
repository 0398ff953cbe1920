import { AsyncLocalStorage } from 'node:async_hooks';
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
  captured.getStore()?.push({ sql, values });
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

/**
 * The most rows a list's total (and the inbox's counts) counts. Counting every match costs as
 * much as reading every match (100,000 overdue deadlines is seconds at 16 requests at once),
 * so counts stop here and say so: `capped` means "more than `count`".
 */
export const COUNT_LIMIT = 1000;

export interface CappedCount {
  count: number;
  /** More rows match than `count` (which is then COUNT_LIMIT). */
  capped: boolean;
}

/** Counts the rows of `from` (a FROM … WHERE … clause), reading at most COUNT_LIMIT + 1 of them. */
export async function cappedCount(
  on: DataSource | EntityManager,
  from: string,
  params: Record<string, unknown> = {},
): Promise<CappedCount> {
  const r = await execSql(
    on,
    `SELECT count(*) AS "n" FROM (SELECT 1 AS "x" ${from} LIMIT ${COUNT_LIMIT + 1}) "c"`,
    params,
  );
  const n = Number(r.rows[0]?.['n'] ?? 0);
  return n > COUNT_LIMIT ? { count: COUNT_LIMIT, capped: true } : { count: n, capped: false };
}

/**
 * cappedCount of several FROM … WHERE … clauses (sharing `params`) in one statement: one round
 * trip and one pooled connection instead of one each, which is what a page with several
 * counts (the inbox's tabs) costs most under concurrent load.
 */
export async function cappedCounts(
  on: DataSource | EntityManager,
  froms: readonly string[],
  params: Record<string, unknown> = {},
): Promise<CappedCount[]> {
  if (froms.length === 0) return [];
  const columns = froms.map(
    (from, i) => `(SELECT count(*) FROM (SELECT 1 AS "x" ${from} LIMIT ${COUNT_LIMIT + 1}) "c${i}") AS "n${i}"`,
  );
  const r = await execSql(on, `SELECT ${columns.join(', ')}`, params);
  return froms.map((_, i) => {
    const n = Number(r.rows[0]?.[`n${i}`] ?? 0);
    return n > COUNT_LIMIT ? { count: COUNT_LIMIT, capped: true } : { count: n, capped: false };
  });
}

/** `ORDER BY` of a nullable column ascending with NULLs last, in the form the dialect's indexes can serve. */
export function ascNullsLast(dataSource: DataSource, column: string): string {
  // PostgreSQL's ascending index already puts NULLs last; SQLite's puts them first, so its
  // indexes hold `(column IS NULL), column` and the query orders by the same.
  return dataSource.options.type === 'postgres' ? `${column} ASC NULLS LAST` : `(${column} IS NULL), ${column} ASC`;
}

/** One statement as the driver received it. */
export interface CapturedSql {
  sql: string;
  values: unknown[];
}

const captured = new AsyncLocalStorage<CapturedSql[]>();

/** Runs `work`, recording every statement execSql sends on its behalf (for EXPLAIN in tests and the benchmark). */
export async function captureSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: CapturedSql[] }> {
  const statements: CapturedSql[] = [];
  const result = await captured.run(statements, work);
  return { result, statements };
}

/**
 * Takes the next number of the pool (issuer code, year) in `tx`, creating the pool at 1: the row
 * stays locked until the transaction ends, so numbers run without a gap or a duplicate, and a
 * rolled-back transaction gives its number back.
 */
export async function takeDocumentNumber(tx: EntityManager, issuerCode: string, year: number): Promise<number> {
  await execSql(
    tx,
    `INSERT INTO "document_number_pool" ("issuer_code", "year", "next_number") VALUES (:issuerCode, :year, 1)
     ON CONFLICT ("issuer_code", "year") DO NOTHING`,
    { issuerCode, year },
  );
  const taken = await execSql(
    tx,
    `UPDATE "document_number_pool" SET "next_number" = "next_number" + 1
     WHERE "issuer_code" = :issuerCode AND "year" = :year RETURNING "next_number"`,
    { issuerCode, year },
  );
  return Number(taken.rows[0]['next_number']) - 1;
}
