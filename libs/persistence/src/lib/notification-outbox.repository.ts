import type { DataSource } from 'typeorm';
import type { DeadlineNotice } from '@banli/contracts';
import { execSql, inTransaction } from './sql';

/** The outbox that notification channels deliver from; one row per notice, written once. */
export class NotificationOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async addDeadlineNotice(n: DeadlineNotice, now: Date = new Date()): Promise<void> {
    // Through the transaction queue: on SQLite a bare statement would join whichever
    // transaction of this process is open on the shared connection.
    await inTransaction(this.dataSource, (tx) =>
      execSql(
        tx,
        `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
       VALUES (:id, :proposalId, :unitId, :kind, :payload, :createdAt, 'pending')
       ON CONFLICT ("id") DO NOTHING`,
        {
          id: `${n.proposalId}/${n.eventSeq}`,
          proposalId: n.proposalId,
          unitId: n.unitId,
          kind: `deadline-${n.kind}`,
          payload: JSON.stringify(n),
          createdAt: now.toISOString(),
        },
      ),
    );
  }
}
