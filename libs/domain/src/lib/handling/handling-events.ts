import type { IsoDate } from '../calendar/iso-date';
import type { Actor } from './actor';
import type { ContactMethod, DraftSection, PointAnswer } from './handling-commands';
import type { TaskKind } from './handling-stage';
import type {
  AssignmentMode,
  DeadlineKind,
  Disclosure,
  FeedbackOutcome,
  Rating,
  ReplyClass,
  ReviewDecision,
  SignedReply,
} from './handling-state';

/*
 * The audit trail's events, one shape per type. Events are stored for good (the read model's
 * `proposal_events.data`, the workflow histories), so a field added after the first release
 * is optional here: an event written before it must still read. Events travel as JSON, so a
 * field whose value was `undefined` is absent, never `undefined`-valued.
 */

/** A version of a reply draft: saved as work in progress, or sent for review. */
export interface DraftEventData {
  round: number;
  draftVersion: number;
  replyClass: ReplyClass;
  disclosure: Disclosure;
  summary?: string;
  /** Sections stored before the letter's headings and measures existed have neither. */
  sections: DraftSection[];
  /** Added with the frozen reply letter; older drafts have none. */
  topic?: string;
  /** Added with the frozen reply letter; older drafts have none. */
  contact?: { name: string; phone: string };
  /** The letter's own 抄送 list; absent (older drafts too): the city's default. */
  copyTo?: string[];
  /** Titles of the letter's attachments (附件); older drafts have none. */
  attachments?: string[];
}

/** Raised by an alarm of a running deadline: reminders before it, escalations after it. */
interface DeadlineAlarmData {
  deadlineKey: string;
  kind: DeadlineKind;
  dueAt: string;
}

/** `data` of each event type, exactly as the domain records it. */
export interface ProposalEventData {
  registered: { sessionCode: string; number: string };
  reviewed: { decision: ReviewDecision; reason?: string; mergedInto?: string };
  assigned: { mode: AssignmentMode; replyingUnitIds: string[]; coHandlerUnitIds: string[] };
  'objection-raised': { objectionId: number; reason: string };
  /** `unitId` is the objecting unit; with `reassign`, `replacementUnitId` takes its place. */
  'objection-decided': {
    objectionId: number;
    decision: 'reject' | 'reassign';
    reason: string;
    replacementUnitId?: string;
  };
  'opinion-submitted': { version: number; points: PointAnswer[]; summary?: string };
  'opinion-returned': { reason: string; version: number };
  'opinion-waived': { reason: string };
  'contact-recorded': { method: ContactMethod; contactedAt: string; summary: string };
  'draft-saved': DraftEventData;
  'draft-submitted': DraftEventData;
  'draft-sent-back': { step: 'review' | 'sign-off'; comment: string; draftVersion: number };
  'draft-reviewed': { draftVersion: number; comment?: string };
  'reply-signed': SignedReply & { round: number };
  /** `copies` named the two offices by role (`assigning-office`) before they were unit ids. */
  'reply-dispatched': { round: number; documentNumber: string; recipients: string[]; copies: string[] };
  'feedback-recorded': { round: number; proposer: string; rating: Rating; comment?: string };
  'feedback-closed': { round: number; feedback: Record<string, FeedbackOutcome>; rehandling: boolean };
  'rehandling-opened': { round: number };
  'follow-up-reported': { summary: string };
  'reply-published': { location?: string; documentNumber: string };
  'extension-requested': { extensionId: number; deadlineKey: string; requestedEndDate: IsoDate; reason: string };
  'extension-decided': {
    extensionId: number;
    deadlineKey: string;
    decision: 'approve' | 'refuse';
    reason: string;
    requestedEndDate: IsoDate;
  };
  /** `leaderUserIds` since leaders may be users (absent: names only). */
  'key-proposal-marked': { leaders: string[]; leaderUserIds?: string[] };
  'reminder-notice': {
    message: string | null;
    tasks: { kind: TaskKind; deadlineKey: string | null; dueAt: string | null }[];
  };
  'deadline-reminder': DeadlineAlarmData & { reminder: number };
  'deadline-escalation': DeadlineAlarmData & { escalation: number };
  closed: Record<string, never>;
}

export type ProposalEventType = keyof ProposalEventData;

export type EventDataOf<T extends ProposalEventType> = ProposalEventData[T];

/** The event of type `T` (or of each type of a union `T`). */
export type ProposalEventOf<T extends ProposalEventType> = T extends ProposalEventType
  ? {
      seq: number;
      type: T;
      at: string;
      actor?: Pick<Actor, 'userId' | 'unitId'>;
      /** The unit the event is about (the objecting, co-handling or replying unit). */
      unitId?: string;
      data: ProposalEventData[T];
    }
  : never;

/** The audit trail: every state change, who made it and when. Narrow on `type`. */
export type ProposalEvent = ProposalEventOf<ProposalEventType>;

/** Type guard for one or several event types, for `events.filter(isEvent('…'))`. */
export function isEvent<T extends ProposalEventType>(...types: T[]): (e: ProposalEvent) => e is ProposalEventOf<T> {
  return (e): e is ProposalEventOf<T> => (types as ProposalEventType[]).includes(e.type);
}
