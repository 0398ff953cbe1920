/** The daily digest: a Temporal Schedule starts this workflow once a day. */
export const DAILY_DIGEST_WORKFLOW_TYPE = 'dailyDigestWorkflow';
export const DAILY_DIGEST_SCHEDULE_ID = 'banli-daily-digest';

export interface DailyDigestInput {
  /** Tasks due within this many working days (or overdue) are listed; the activity's default otherwise. */
  dueWithinWorkingDays?: number;
}

export interface DailyDigestRequest extends DailyDigestInput {
  /** The run's time (workflow time): fixes the digest's day, so a retried activity writes the same rows. */
  at: string;
}

export interface DailyDigestResult {
  /** The Asia/Shanghai date the digests are for. */
  date: string;
  /** Units with at least one task due soon or overdue. */
  units: number;
  tasks: number;
  /** Outbox rows written now (0 when this day's digests were written before). */
  added: number;
  /** Supervisors' digests written now (one per unit with a supervisor, once a day); absent when skipped. */
  supervisorDigests?: number;
  /** Leaders' digests written now (one per enabled leader of an open key proposal, once a day); absent when skipped. */
  leaderDigests?: number;
  /** Set when nothing was sent because the day is not a working day (weekend, holiday). */
  skipped?: 'not-a-working-day';
  /** From 1 November while next year's holiday notice is not loaded: reminders written now (one per admin unit and week). */
  calendarReminders?: number;
}

export interface DigestActivities {
  /** Writes one outbox row per unit with tasks due soon or overdue, once per unit and day. */
  writeDailyDigests(request: DailyDigestRequest): Promise<DailyDigestResult>;
}
