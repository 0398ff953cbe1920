import type { DataSource, EntityManager } from 'typeorm';
import type { ProposalEvent } from '@banli/domain';
import { ProposalEventEntity } from './entities';

/**
 * The one place a stored audit event becomes a typed `ProposalEvent` again. The projection
 * wrote each row from a `ProposalEvent`, so the row is trusted as such; an event stored before
 * a field was added lacks it, which the union marks optional. Absent actor and unit columns
 * become absent fields, as the workflow recorded them.
 */
export function toProposalEvent(row: ProposalEventEntity): ProposalEvent {
  return {
    seq: row.seq,
    type: row.type,
    at: row.at,
    ...(row.actorUserId ? { actor: { userId: row.actorUserId, unitId: row.actorUnitId ?? '' } } : {}),
    ...(row.unitId ? { unitId: row.unitId } : {}),
    data: row.data,
  } as ProposalEvent;
}

/** A proposal's audit trail as the projection wrote it. */
export class ProposalEventRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Every event of the proposal, in the order it happened. */
  async history(proposalId: string): Promise<ProposalEvent[]> {
    const rows = await this.db
      .getRepository(ProposalEventEntity)
      .find({ where: { proposalId }, order: { seq: 'ASC' } });
    return rows.map(toProposalEvent);
  }
}
