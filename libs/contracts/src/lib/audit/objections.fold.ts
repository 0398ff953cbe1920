import { inOrder } from './in-order';
import type { EventDataOf, ProposalEvent } from './audit-events';

/** 申请调整: a unit's objection to its assignment, and the assigning office's decision. */
export interface ObjectionEntry {
  id: number;
  unitId: string;
  reason: string;
  at: string;
  by?: string;
  decided?: {
    decision: EventDataOf<'objection-decided'>['decision'];
    reason: string;
    /** With `reassign`: the unit that takes the objecting unit's place. */
    replacementUnitId?: string;
    at: string;
    by?: string;
  };
}

/** Every objection raised, oldest first, each with its decision once taken. */
export function objectionsOf(events: readonly ProposalEvent[]): ObjectionEntry[] {
  const list: ObjectionEntry[] = [];
  for (const e of inOrder(events)) {
    if (e.type === 'objection-raised') {
      list.push({
        id: e.data.objectionId,
        unitId: e.unitId ?? e.actor?.unitId ?? '',
        reason: e.data.reason,
        at: e.at,
        by: e.actor?.userId,
      });
    } else if (e.type === 'objection-decided') {
      const o = list.find((x) => x.id === e.data.objectionId);
      if (o) {
        o.decided = {
          decision: e.data.decision,
          reason: e.data.reason,
          ...(e.data.replacementUnitId ? { replacementUnitId: e.data.replacementUnitId } : {}),
          at: e.at,
          by: e.actor?.userId,
        };
      }
    }
  }
  return list;
}
