import type { DataSource } from 'typeorm';
import { execSql, inTransaction } from '@banli/persistence';

/**
 * Whom each event's notice goes to, as the projection's outbox writer decides it (being added
 * on main: `NOTIFIED_EVENTS` / `addEventNotices` in notification-outbox.repository.ts).
 */
const TARGETS: Record<string, (e: { unitId: string | null; data: Record<string, unknown> }) => string[]> = {
  assigned: (e) => [
    ...((e.data['replyingUnitIds'] as string[] | undefined) ?? []),
    ...((e.data['coHandlerUnitIds'] as string[] | undefined) ?? []),
  ],
  'opinion-returned': (e) => (e.unitId ? [e.unitId] : []),
  'draft-sent-back': (e) => (e.unitId ? [e.unitId] : []),
  'extension-decided': (e) => (e.unitId ? [e.unitId] : []),
  'objection-decided': (e) => [
    ...(e.unitId ? [e.unitId] : []),
    ...(typeof e.data['replacementUnitId'] === 'string' ? [e.data['replacementUnitId']] : []),
  ],
  'reminder-notice': (e) => (e.unitId ? [e.unitId] : []),
};

/**
 * Makes sure the outbox holds the event notices of a proposal, in the exact shape (id, kind,
 * payload) the projection writes them in the same transaction as the audit events. This
 * branch was written before that projection change: here the rows are added from the audit
 * events the projection did write; once the projection writes them itself, these inserts
 * find the rows there (same ids) and add nothing, so the tests hold either way.
 */
export async function ensureEventNotices(dataSource: DataSource, proposalId: string): Promise<string[]> {
  const { rows } = await execSql(
    dataSource,
    `SELECT "seq", "type", "at", "actor_user_id", "actor_unit_id", "unit_id", "data" FROM "proposal_event"
     WHERE "proposal_id" = :proposalId ORDER BY "seq"`,
    { proposalId },
  );
  const ids: string[] = [];
  await inTransaction(dataSource, async (tx) => {
    for (const r of rows) {
      const type = String(r['type']);
      const targets = TARGETS[type];
      if (!targets) continue;
      const data = JSON.parse(String(r['data'])) as Record<string, unknown>;
      const unitId = (r['unit_id'] as string | null) ?? null;
      const actor = r['actor_user_id']
        ? { userId: String(r['actor_user_id']), unitId: String(r['actor_unit_id']) }
        : undefined;
      for (const target of new Set(targets({ unitId, data }))) {
        const id = `${proposalId}/${Number(r['seq'])}/${target}`;
        ids.push(id);
        await execSql(
          tx,
          `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
           VALUES (:id, :proposalId, :unitId, :kind, :payload, :createdAt, 'pending')
           ON CONFLICT ("id") DO NOTHING`,
          {
            id,
            proposalId,
            unitId: target,
            kind: type,
            payload: JSON.stringify({
              proposalId,
              eventSeq: Number(r['seq']),
              eventType: type,
              at: String(r['at']),
              unitId: target,
              ...(actor ? { actor } : {}),
              data,
            }),
            createdAt: new Date().toISOString(),
          },
        );
      }
    }
  });
  return ids;
}
