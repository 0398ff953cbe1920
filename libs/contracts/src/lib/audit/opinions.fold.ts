import type { OpinionStatus, PointAnswer } from '@banli/domain';
import { inOrder } from './in-order';
import type { ProposalEvent } from './audit-events';

/** 会办: one co-handling unit's opinion as the audit trail tells it. */
export interface UnitOpinion {
  unitId: string;
  status: OpinionStatus;
  /** The latest version submitted; 0 before the first. */
  version: number;
  /** The latest version's answers, by suggestion point. */
  points: PointAnswer[];
  summary?: string;
  submittedAt?: string;
  submittedBy?: string;
  /** Every time the lead unit sent the opinion back, oldest first. */
  returns: { reason: string; version: number; at: string; by?: string }[];
  waiver?: { reason: string; at: string; by?: string };
  /** The co-handling unit this one took over from when an objection was decided. */
  replaces?: string;
}

/**
 * The units that co-handle the proposal now, in the order of the assignment, each with its
 * latest opinion. A unit replaced after its objection no longer co-handles: its place (and
 * position) goes to the replacement, which starts with no opinion, whatever the replaced unit
 * had sent. Events of a unit that is not (or no longer) a co-handling unit are ignored.
 */
export function opinionsOf(events: readonly ProposalEvent[]): UnitOpinion[] {
  let units: UnitOpinion[] = [];
  const fresh = (unitId: string): UnitOpinion => ({ unitId, status: 'pending', version: 0, points: [], returns: [] });
  const update = (unitId: string | undefined, change: (o: UnitOpinion) => UnitOpinion) => {
    units = units.map((o) => (o.unitId === unitId ? change(o) : o));
  };
  for (const e of inOrder(events)) {
    switch (e.type) {
      case 'assigned':
        units = e.data.coHandlerUnitIds.map(fresh);
        break;
      case 'objection-decided': {
        const to = e.data.replacementUnitId;
        if (e.data.decision === 'reassign' && to) update(e.unitId, (o) => ({ ...fresh(to), replaces: o.unitId }));
        break;
      }
      case 'opinion-submitted':
        update(e.unitId, (o) => ({
          ...o,
          status: 'submitted',
          version: e.data.version,
          points: [...e.data.points].sort((a, b) => a.seq - b.seq),
          summary: e.data.summary,
          submittedAt: e.at,
          submittedBy: e.actor?.userId,
        }));
        break;
      case 'opinion-returned':
        update(e.unitId, (o) => ({
          ...o,
          status: 'returned',
          returns: [...o.returns, { reason: e.data.reason, version: e.data.version, at: e.at, by: e.actor?.userId }],
        }));
        break;
      case 'opinion-waived':
        update(e.unitId, (o) => ({
          ...o,
          status: 'waived',
          waiver: { reason: e.data.reason, at: e.at, by: e.actor?.userId },
        }));
        break;
      default:
        break;
    }
  }
  return units;
}

/**
 * The opinions the reply combines (the letter's 会同 clause, the drafting workspace): the
 * latest version of each unit that co-handles now and whose opinion is in. An opinion sent
 * back and not yet resubmitted, or waived, is not combined.
 */
export function combinedOpinions(events: readonly ProposalEvent[]): UnitOpinion[] {
  return opinionsOf(events).filter((o) => o.status === 'submitted');
}
