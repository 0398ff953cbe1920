import type { ContactMethod } from '@banli/domain';
import { inOrder } from './in-order';
import type { ProposalEvent } from './audit-events';

/** 沟通协商: a replying unit's recorded contact with the proposers. */
export interface ContactEntry {
  unitId: string;
  method: ContactMethod;
  /** When the contact took place, as the handler entered it. */
  contactedAt: string;
  summary: string;
  /** When it was recorded, and by whom. */
  at: string;
  by?: string;
}

export function contactsOf(events: readonly ProposalEvent[]): ContactEntry[] {
  const list: ContactEntry[] = [];
  for (const e of inOrder(events)) {
    if (e.type !== 'contact-recorded') continue;
    list.push({
      unitId: e.unitId ?? e.actor?.unitId ?? '',
      method: e.data.method,
      contactedAt: e.data.contactedAt,
      summary: e.data.summary,
      at: e.at,
      by: e.actor?.userId,
    });
  }
  return list;
}
