import type { DataSource, EntityManager } from 'typeorm';
import type { ProposalEvent } from '@banli/domain';
import { notifiedUnits } from '@banli/contracts';
import type { DeadlineNotice, EventNotice, NoticeRecipients } from '@banli/contracts';
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

/**
 * Writes one outbox row per notified unit of each event, in the projection's transaction:
 * a notice exists exactly when its audit event does. Keyed by event and unit, so a retried
 * projection adds nothing.
 */
export async function addEventNotices(
  tx: EntityManager,
  proposalId: string,
  events: ProposalEvent[],
  createdAt: string,
  recipients: NoticeRecipients = {},
): Promise<void> {
  for (const e of events) {
    for (const unitId of new Set(notifiedUnits(e, recipients))) {
      await execSql(
        tx,
        `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
         VALUES (:id, :proposalId, :unitId, :kind, :payload, :createdAt, 'pending')
         ON CONFLICT ("id") DO NOTHING`,
        {
          id: `${proposalId}/${e.seq}/${unitId}`,
          proposalId,
          unitId,
          kind: e.type,
          payload: JSON.stringify(noticeOf(proposalId, e, unitId)),
          createdAt,
        },
      );
    }
  }
}

function noticeOf(proposalId: string, e: ProposalEvent, unitId: string): EventNotice {
  return {
    proposalId,
    eventSeq: e.seq,
    eventType: e.type,
    at: e.at,
    unitId,
    ...(e.actor ? { actor: e.actor } : {}),
    data: e.data,
  };
}
