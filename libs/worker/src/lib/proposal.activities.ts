import type { DataSource } from 'typeorm';
import type { CalendarActivities, ProposalActivities } from '@banli/contracts';
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
  return {
    projectProposal: (projection) => projections.project(projection),
    recordSignature: (request) => signatures.sign(request),
    notifyDeadline: (notice) => outbox.addDeadlineNotice(notice),
  };
}

/** Calendar computations with the calendar every replica reads from the database. */
export function createCalendarActivities(dataSource: DataSource): CalendarActivities {
  const calendars = new CalendarOverrideRepository(dataSource);
  return {
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
