import type { DataSource } from 'typeorm';
import { execSql } from './sql';

/** What an operator's dashboard reads from the read model at each scrape. */
export interface OperationsFigures {
  /** Proposals not closed, by stage. */
  openProposalsByStage: Record<string, number>;
  /** Running deadlines past their due time, by the unit holding them. */
  overdueDeadlinesByUnit: Record<string, number>;
  /** Notices written by the workflows and not yet fanned out by the relay. */
  outboxPending: number;
  /** Deliveries (e-mail, webhook…) by status, leaving out the sent ones. */
  deliveriesUnsent: { pending: number; failed: number };
}

/**
 * Four grouped counts, each on an indexed or small set of rows (open proposals, running
 * deadlines, unsent notices): cheap enough to run on every Prometheus scrape.
 */
export class OperationsFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async read(now: Date = new Date()): Promise<OperationsFigures> {
    const [stages, overdue, outbox, deliveries] = await Promise.all([
      execSql(
        this.dataSource,
        `SELECT "stage", count(*) AS "n" FROM "proposal" WHERE "stage" <> 'closed' GROUP BY "stage"`,
      ),
      execSql(
        this.dataSource,
        `SELECT "unit_id", count(*) AS "n" FROM "deadline"
          WHERE "status" = 'running' AND "due_at" IS NOT NULL AND "due_at" < :now GROUP BY "unit_id"`,
        { now: now.toISOString() },
      ),
      execSql(this.dataSource, `SELECT count(*) AS "n" FROM "notification_outbox" WHERE "status" = 'pending'`),
      execSql(
        this.dataSource,
        `SELECT "status", count(*) AS "n" FROM "notification_delivery" WHERE "status" <> 'sent' GROUP BY "status"`,
      ),
    ]);
    const grouped = (rows: Record<string, unknown>[], key: string) =>
      Object.fromEntries(rows.map((r) => [String(r[key]), Number(r['n'])]));
    const unsent = grouped(deliveries.rows, 'status');
    return {
      openProposalsByStage: grouped(stages.rows, 'stage'),
      overdueDeadlinesByUnit: grouped(overdue.rows, 'unit_id'),
      outboxPending: Number(outbox.rows[0]?.['n'] ?? 0),
      deliveriesUnsent: { pending: unsent['pending'] ?? 0, failed: unsent['failed'] ?? 0 },
    };
  }
}
