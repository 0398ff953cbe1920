/**
 * Whether a signed reply's follow-up promise was kept, as a later handler reusing the reply
 * needs to know it. A reply of a follow-up class (B by default: 正在解决或列入计划) promises a
 * report on what was done; the promise is `kept` when that report came by its deadline,
 * `kept-late` after it, `broken` when the deadline passed without it, and `pending` while it is
 * still to come. A reply of another class promised nothing. `unknown`: the unit replied again
 * since (re-handling), and the read model keeps only the follow-up of its latest reply, or the
 * follow-up was cancelled.
 */
export const FOLLOW_UP_PROMISES = ['not-promised', 'pending', 'kept', 'kept-late', 'broken', 'unknown'] as const;
export type FollowUpPromise = (typeof FOLLOW_UP_PROMISES)[number];

export interface FollowUpPromiseFacts {
  replyClass: string;
  /** The classes that schedule a follow-up report (BANLI_FOLLOW_UP_CLASSES). */
  followUpClasses: readonly string[];
  /** This is the replying unit's latest signed reply on the proposal. */
  latestReply: boolean;
  /** The unit's follow-up deadline, if one was ever planned. */
  deadline: { status: string; dueAt: string | null; metAt: string | null } | null;
  now: Date;
}

export function followUpPromiseOf(f: FollowUpPromiseFacts): FollowUpPromise {
  if (!f.followUpClasses.includes(f.replyClass)) return 'not-promised';
  if (!f.latestReply) return 'unknown';
  // Planned only once the reply is accepted: until then the report is simply still to come.
  if (!f.deadline || f.deadline.status === 'planning') return 'pending';
  if (f.deadline.status === 'met') {
    return f.deadline.metAt && f.deadline.dueAt && f.deadline.metAt > f.deadline.dueAt ? 'kept-late' : 'kept';
  }
  if (f.deadline.status === 'running') {
    return f.deadline.dueAt && new Date(f.deadline.dueAt).getTime() < f.now.getTime() ? 'broken' : 'pending';
  }
  return 'unknown';
}
