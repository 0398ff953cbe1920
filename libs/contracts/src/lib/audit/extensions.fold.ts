import type { IsoDate } from '@banli/domain';
import { inOrder } from './in-order';
import type { EventDataOf, ProposalEvent } from './audit-events';

/** 延期: a unit's request to move a deadline, and the assigning office's decision. */
export interface ExtensionEntry {
  id: number;
  unitId: string;
  deadlineKey: string;
  requestedEndDate: IsoDate;
  reason: string;
  at: string;
  by?: string;
  decided?: { decision: EventDataOf<'extension-decided'>['decision']; reason: string; at: string; by?: string };
}

/** Every extension requested, oldest first, each with its decision once taken. */
export function extensionsOf(events: readonly ProposalEvent[]): ExtensionEntry[] {
  const list: ExtensionEntry[] = [];
  for (const e of inOrder(events)) {
    if (e.type === 'extension-requested') {
      list.push({
        id: e.data.extensionId,
        unitId: e.unitId ?? e.actor?.unitId ?? '',
        deadlineKey: e.data.deadlineKey,
        requestedEndDate: e.data.requestedEndDate,
        reason: e.data.reason,
        at: e.at,
        by: e.actor?.userId,
      });
    } else if (e.type === 'extension-decided') {
      const x = list.find((y) => y.id === e.data.extensionId);
      if (x) x.decided = { decision: e.data.decision, reason: e.data.reason, at: e.at, by: e.actor?.userId };
    }
  }
  return list;
}
