import type { DataSource } from 'typeorm';
import type { CapturedSql } from './sql';

/*
 * The plans of the list pages' queries, so tests and the benchmark can check that each page
 * is served from an index: no sort of every matching row before the LIMIT.
 */

export interface QueryPlan {
  sql: string;
  /** PostgreSQL: the JSON plan; SQLite: the EXPLAIN QUERY PLAN rows' details. */
  plan: unknown;
  /** The plan as text, for people. */
  text: string;
  /** What is wrong with it: each sort over the rows it reads. Empty when the plan is fine. */
  fullSorts: string[];
}

interface PgNode {
  'Node Type': string;
  'Plan Rows'?: number;
  'Actual Rows'?: number;
  'Sort Key'?: string[];
  Plans?: PgNode[];
  [k: string]: unknown;
}

/**
 * EXPLAIN of one captured statement. PostgreSQL: `EXPLAIN (FORMAT JSON)`, or with `analyze`
 * `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` (it runs the statement). SQLite: `EXPLAIN QUERY PLAN`.
 */
export async function explain(dataSource: DataSource, s: CapturedSql, analyze = false): Promise<QueryPlan> {
  if (dataSource.options.type === 'postgres') {
    const options = analyze ? 'ANALYZE, BUFFERS, FORMAT JSON' : 'FORMAT JSON';
    const rows: Record<string, unknown>[] = await dataSource.query(`EXPLAIN (${options}) ${s.sql}`, s.values);
    const raw = rows[0]?.['QUERY PLAN'];
    const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PgNode }[];
    const root = json[0]?.Plan as PgNode;
    return { sql: s.sql, plan: json, text: pgText(root), fullSorts: pgSorts(root) };
  }
  const rows: { id: number; parent: number; detail: string }[] = await dataSource.query(
    `EXPLAIN QUERY PLAN ${s.sql}`,
    s.values,
  );
  const details = rows.map((r) => r.detail);
  return {
    sql: s.sql,
    plan: rows,
    text: details.join('\n'),
    fullSorts: details.filter((d) => /USE TEMP B-TREE FOR (.* )?ORDER BY/.test(d)),
  };
}

/**
 * Sorts that read every match: any Sort or Incremental Sort node, except one whose input is
 * bounded by a Limit below it (the merge of a few already-limited, index-ordered parts).
 */
function pgSorts(node: PgNode): string[] {
  const found: string[] = [];
  const walk = (n: PgNode) => {
    if ((n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') && !boundedBelow(n)) {
      found.push(`${n['Node Type']} on ${(n['Sort Key'] ?? []).join(', ')}`);
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(node);
  return found;
}

function boundedBelow(sort: PgNode): boolean {
  // Every input path reaches a Limit before any scan.
  const bounded = (n: PgNode): boolean => {
    if (n['Node Type'] === 'Limit') return true;
    const children = n.Plans ?? [];
    return children.length > 0 && children.every(bounded);
  };
  return (sort.Plans ?? []).length > 0 && (sort.Plans ?? []).every(bounded);
}

function pgText(node: PgNode, depth = 0): string {
  const extra = ['Index Name', 'Relation Name', 'Sort Key', 'Index Cond', 'Filter']
    .filter((k) => node[k] !== undefined)
    .map((k) => `${k}: ${Array.isArray(node[k]) ? (node[k] as string[]).join(', ') : String(node[k])}`)
    .join('; ');
  const rows = node['Actual Rows'] !== undefined ? ` actual rows=${node['Actual Rows']}` : ` rows=${node['Plan Rows']}`;
  const time = node['Actual Total Time'] !== undefined ? ` time=${node['Actual Total Time']} ms` : '';
  const line = `${'  '.repeat(depth)}-> ${node['Node Type']}${rows}${time}${extra ? ` (${extra})` : ''}`;
  return [line, ...(node.Plans ?? []).map((c) => pgText(c, depth + 1))].join('\n');
}
