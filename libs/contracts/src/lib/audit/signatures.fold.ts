import type { Disclosure, ReplyClass } from '@banli/domain';
import { inOrder } from './in-order';
import type { ProposalEvent } from './audit-events';

/** 签发: one signed reply, of one replying unit in one round. */
export interface SignatureEntry {
  unitId: string;
  round: number;
  documentNumber: string;
  signedAt: string;
  signedBy: string;
  draftVersion: number;
  replyClass: ReplyClass;
  disclosure: Disclosure;
}

/** Every reply signed, oldest first: a re-handled reply is signed again in its next round. */
export function signaturesOf(events: readonly ProposalEvent[]): SignatureEntry[] {
  const list: SignatureEntry[] = [];
  for (const e of inOrder(events)) {
    if (e.type !== 'reply-signed') continue;
    const { round, documentNumber, signedAt, signedBy, draftVersion, replyClass, disclosure } = e.data;
    list.push({
      unitId: e.unitId ?? e.actor?.unitId ?? '',
      round,
      documentNumber,
      signedAt,
      signedBy,
      draftVersion,
      replyClass,
      disclosure,
    });
  }
  return list;
}
