import type { ProposalEvent } from './audit-events';

/** The events as they happened (by sequence number), whatever order a query returned. */
export function inOrder(events: readonly ProposalEvent[]): ProposalEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}
