import type { Actor } from '@banli/domain';
import type { ProposalEvent, ProposalEventData, ProposalEventType } from './audit-events';

/** The audit events people must hear of. */
export type NotifiedEventType =
  | 'assigned'
  | 'objection-decided'
  | 'opinion-returned'
  | 'opinion-submitted'
  | 'rehandling-opened'
  | 'objection-raised'
  | 'extension-requested'
  | 'draft-sent-back'
  | 'extension-decided'
  | 'reminder-notice'
  | 'reply-dispatched';

/** What the projection knows of the proposal besides the event: who leads, who decides. */
export interface NoticeRecipients {
  /** The lead unit (lead mode), which combines the co-handlers' opinions. */
  leadUnitId?: string;
  /** The assigning office, which decides objections and extensions. */
  assigningUnitId?: string;
}

/**
 * Whom an event is told to: every unit of an assignment; the objecting unit and its
 * replacement; the unit whose opinion, draft or extension was decided on; the unit a
 * supervisor reminds; the unit whose reply was dispatched (the relay then notifies the
 * letter's copy list and the proposers); the unit whose handling an unsatisfied rating
 * reopened; the lead unit, of each co-handler's opinion as it arrives; the assigning office,
 * of each objection and extension request it must decide. Deadline reminders and escalations
 * come through `notifyDeadline` instead (their own activity, with the deadline's details).
 */
export function notifiedUnits(e: ProposalEvent, to: NoticeRecipients = {}): string[] {
  const about = e.unitId ? [e.unitId] : [];
  switch (e.type) {
    case 'opinion-submitted':
      return to.leadUnitId ? [to.leadUnitId] : [];
    case 'objection-raised':
    case 'extension-requested':
      return to.assigningUnitId ? [to.assigningUnitId] : [];
    case 'rehandling-opened':
      return about;
    case 'assigned':
      return [...e.data.replyingUnitIds, ...e.data.coHandlerUnitIds];
    case 'objection-decided':
      return [...about, ...(e.data.replacementUnitId ? [e.data.replacementUnitId] : [])];
    case 'opinion-returned':
    case 'draft-sent-back':
    case 'extension-decided':
    case 'reminder-notice':
    case 'reply-dispatched': // the relay sends the letter to the proposers and the copy list
      return about;
    default:
      return [];
  }
}

/**
 * The outbox payload of a notice about an audit event: one row per notified unit, written in
 * the projection's transaction, read by the notification relay. Deadline reminders and
 * escalations travel as a `DeadlineNotice` instead.
 */
export interface EventNotice<T extends ProposalEventType = ProposalEventType> {
  proposalId: string;
  eventSeq: number;
  eventType: T;
  at: string;
  /** The unit the notice is for. */
  unitId: string;
  actor?: Pick<Actor, 'userId' | 'unitId'>;
  data: ProposalEventData[T];
}
