import type { ContactMethod } from '../handling/handling-commands';

/*
 * The figures a proposal office reports (办理统计): what each rate divides by what, how a
 * delay is charged to a unit, and how a table's 合计 row is made. The SQL that counts the
 * numerators and denominators lives in libs/persistence; the rates are made here, once, for
 * the API's rows, the totals and the exports alike.
 */

/** A unit's share of a delay, in working days. */
export interface DelayShare {
  unitId: string;
  workingDays: number;
}

/**
 * Who holds up a late reply: the co-handling unit whose opinion was latest (came in, was
 * waived, or is still missing after its own deadline) is charged with as many working days
 * of the reply's delay as its opinion was late; the replying unit with the rest. Ties go to
 * the unit first by id, so the answer does not depend on the order of the opinions.
 * Any other late work is its own unit's alone (`lateOpinions` empty).
 */
export function chargeDelay(unitId: string, workingDaysLate: number, lateOpinions: DelayShare[]): DelayShare[] {
  if (workingDaysLate <= 0) return [{ unitId, workingDays: 0 }];
  const latest = [...lateOpinions]
    .filter((o) => o.workingDays > 0)
    .sort((a, b) => b.workingDays - a.workingDays || a.unitId.localeCompare(b.unitId))[0];
  if (!latest) return [{ unitId, workingDays: workingDaysLate }];
  const charged = Math.min(workingDaysLate, latest.workingDays);
  const shares = [{ unitId: latest.unitId, workingDays: charged }];
  if (workingDaysLate - charged > 0) shares.push({ unitId, workingDays: workingDaysLate - charged });
  return shares;
}

/** Face-to-face contacts: what 见面 counts (a call or a letter is 沟通, not 见面). */
export const MEETING_CONTACT_METHODS: readonly ContactMethod[] = ['visit', 'meeting'];

/**
 * The counts of one row of the statistics (a unit, a session, or the 合计 of a table). Each
 * rate below is one numerator over one denominator of these.
 */
export interface StatisticsCounts {
  /** First-round replies assigned to the unit (reassigned-away ones excluded). */
  assignedAsReplying: number;
  assignedAsCoHandling: number;
  /** Of assignedAsReplying: the proposal is closed (办结). */
  closed: number;
  /** Of closed: the first-round reply was signed by its deadline (按期办结). */
  closedOnTime: number;
  repliesDue: number;
  repliesOnTime: number;
  opinionsDue: number;
  opinionsOnTime: number;
  /** First-round replies signed, and the working days they took in all. */
  repliesSigned: number;
  workingDaysToReplyTotal: number;
  /** Of repliesSigned: the unit recorded at least one contact with the proposers (沟通). */
  repliesWithContact: number;
  /** Of repliesWithContact: at least one was face to face, a visit or a meeting (见面). */
  repliesWithMeeting: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  notRated: number;
  rehandled: number;
  /** Reminder notices (催办) sent to the unit. */
  reminderNotices: number;
  /** Working days of delay charged to the unit (see `chargeDelay`), over every late deadline. */
  workingDaysHeldUp: number;
}

/** The rates of a row; null where the denominator is 0 (nothing to rate, not 0 %). */
export interface StatisticsRates {
  /** 办结率 = closed ÷ assignedAsReplying. */
  closingRate: number | null;
  /** 按期办结率 = closedOnTime ÷ assignedAsReplying. */
  closedOnTimeRate: number | null;
  /** 答复按时率 = repliesOnTime ÷ repliesDue. */
  replyOnTimeRate: number | null;
  /** 会办按时率 = opinionsOnTime ÷ opinionsDue. */
  opinionOnTimeRate: number | null;
  /** 满意率 = (satisfied + basicallySatisfied) ÷ (satisfied + basicallySatisfied + unsatisfied); not rated excluded. */
  satisfactionRate: number | null;
  /** 沟通率 = repliesWithContact ÷ repliesSigned. */
  contactRate: number | null;
  /** 见面率 = repliesWithMeeting ÷ repliesSigned. */
  meetingRate: number | null;
  /** workingDaysToReplyTotal ÷ repliesSigned, to one decimal. */
  averageWorkingDaysToReply: number | null;
}

/** A fraction from 0 to 1 to four places, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

export function statisticsRates(c: StatisticsCounts): StatisticsRates {
  const rated = c.satisfied + c.basicallySatisfied + c.unsatisfied;
  return {
    closingRate: rate(c.closed, c.assignedAsReplying),
    closedOnTimeRate: rate(c.closedOnTime, c.assignedAsReplying),
    replyOnTimeRate: rate(c.repliesOnTime, c.repliesDue),
    opinionOnTimeRate: rate(c.opinionsOnTime, c.opinionsDue),
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, rated),
    contactRate: rate(c.repliesWithContact, c.repliesSigned),
    meetingRate: rate(c.repliesWithMeeting, c.repliesSigned),
    averageWorkingDaysToReply:
      c.repliesSigned > 0 ? Math.round((c.workingDaysToReplyTotal / c.repliesSigned) * 10) / 10 : null,
  };
}

export const STATISTICS_COUNT_KEYS: readonly (keyof StatisticsCounts)[] = [
  'assignedAsReplying',
  'assignedAsCoHandling',
  'closed',
  'closedOnTime',
  'repliesDue',
  'repliesOnTime',
  'opinionsDue',
  'opinionsOnTime',
  'repliesSigned',
  'workingDaysToReplyTotal',
  'repliesWithContact',
  'repliesWithMeeting',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'notRated',
  'rehandled',
  'reminderNotices',
  'workingDaysHeldUp',
];

/**
 * The 合计 of a table: every count summed over the rows, every rate made again from the
 * summed counts (never an average of the rows' rates).
 */
export function totalCounts(rows: readonly StatisticsCounts[]): StatisticsCounts {
  const total = Object.fromEntries(STATISTICS_COUNT_KEYS.map((k) => [k, 0])) as unknown as StatisticsCounts;
  for (const r of rows) for (const k of STATISTICS_COUNT_KEYS) total[k] += r[k];
  return total;
}

/** How a session's proposals were reviewed (审查): 立案, 不予立案 (converted to a suggestion), 并案. */
export interface ReviewCounts {
  /** Proposals registered in the session (every one, whatever became of it). */
  registered: number;
  /** 立案: accepted for handling. */
  accepted: number;
  /** 不予立案: not accepted, converted into a suggestion or letter. */
  notAccepted: number;
  /** 并案: merged into another proposal. */
  merged: number;
  /** Not yet reviewed. */
  awaitingReview: number;
}

/**
 * The review outcome a proposal's stage shows: `registered` is awaiting review, `merged` and
 * `converted` are the two refusals to handle on its own, any later stage was accepted.
 */
export function reviewOutcomeOfStage(stage: string): keyof Omit<ReviewCounts, 'registered'> {
  if (stage === 'registered') return 'awaitingReview';
  if (stage === 'merged') return 'merged';
  if (stage === 'converted') return 'notAccepted';
  return 'accepted';
}
