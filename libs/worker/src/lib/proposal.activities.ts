import type { DataSource } from 'typeorm';
import { ReplyLetterFreezer } from './reply-letter-freezer';
import type { CalendarActivities, CalendarReplanActivities, ProposalActivities } from '@banli/contracts';
import { addWorkingDays, officeMorning, planDeadline, toShanghaiDate } from '@banli/domain';
import {
  CalendarOverrideRepository,
  NotificationOutboxRepository,
  ProposalProjectionRepository,
  ReplySignatureRepository,
} from '@banli/persistence';

/** Activities get their dependencies from the worker; they hold no state of their own. */
export function createProposalActivities(dataSource: DataSource): ProposalActivities {
  const projections = new ProposalProjectionRepository(dataSource);
  const signatures = new ReplySignatureRepository(dataSource);
  const outbox = new NotificationOutboxRepository(dataSource);
  const letters = new ReplyLetterFreezer(dataSource);
  const calendars = new CalendarOverrideRepository(dataSource);
  return {
    projectProposal: async (projection) => projections.project(projection, new Date(), await calendars.current()),
    // The number is allocated with the signature in one transaction; then the letter with that
    // number is frozen. A retry finds both and changes neither.
    async recordSignature(request) {
      const signed = await signatures.sign(request);
      return { ...signed, letters: await letters.freeze(request.proposalId, request.unitId, request.round) };
    },
    notifyDeadline: (notice) => outbox.addDeadlineNotice(notice),
  };
}

/**
 * Calendar computations with the calendar every replica reads from the database, and the
 * paging and progress of re-planning after a calendar load.
 */
export function createCalendarActivities(dataSource: DataSource): CalendarActivities & CalendarReplanActivities {
  const calendars = new CalendarOverrideRepository(dataSource);
  return {
    openProposalWorkflows: ({ after, limit }) => calendars.openProposalWorkflows(after, limit),
    recordCalendarReplan: ({ seq, status, signalled }) => calendars.recordReplan(seq, status, signalled),
    async planDeadlines(deadlines, options) {
      const calendar = await calendars.current(Date.now(), options?.refresh);
      return deadlines.map((d) => ({ key: d.key, ...planDeadline(calendar, d.plan, d.reminderWorkingDaysBefore) }));
    },
    async nextEscalationAt({ dueAt, escalations, everyWorkingDays }) {
      const calendar = await calendars.current();
      return officeMorning(addWorkingDays(calendar, toShanghaiDate(dueAt), everyWorkingDays * escalations));
    },
  };
}
