import { randomUUID } from 'node:crypto';
import { execSql } from './sql';

/** Who made an administrative change (an admin, or the system acting for one). */
export interface AdminActor {
  userId: string;
  unitId: string;
}

/**
 * Writes one entry of the admin audit trail (`admin_event`): organisation, accounts, calendars,
 * document number pools, and the supervision documents issued (催办单, 督办通知单, 督办通报). Call it inside the transaction that makes the change, so the change
 * and its record are kept or lost together.
 */
export async function recordAdminEvent(
  tx: Parameters<typeof execSql>[0],
  actor: AdminActor,
  type: string,
  data: Record<string, unknown>,
  at: Date = new Date(),
): Promise<void> {
  await execSql(
    tx,
    `INSERT INTO "admin_event" ("id", "at", "actor_user_id", "actor_unit_id", "type", "data")
     VALUES (:id, :at, :userId, :unitId, :type, :data)`,
    {
      id: randomUUID(),
      at: at.toISOString(),
      userId: actor.userId,
      unitId: actor.unitId,
      type,
      data: JSON.stringify(data),
    },
  );
}
