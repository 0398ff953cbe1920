import type { Rating } from '@banli/domain';
import { inOrder } from './in-order';
import type { ProposalEvent } from './audit-events';

/**
 * 满意度测评: the ratings recorded so far for one replying unit's reply in one round, by
 * proposer. A re-handled reply is rated afresh: earlier rounds' ratings do not carry over.
 */
export function ratingsOf(events: readonly ProposalEvent[], unitId: string, round: number): Record<string, Rating> {
  const ratings: Record<string, Rating> = {};
  for (const e of inOrder(events)) {
    if (e.type === 'feedback-recorded' && e.unitId === unitId && e.data.round === round) {
      ratings[e.data.proposer] = e.data.rating;
    }
  }
  return ratings;
}
