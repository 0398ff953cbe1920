import type { DeadlineExplanation, DeadlineRule } from '../calendar/deadline';
import type { DeadlinePolicy } from '../deadline-policy/deadline-policy';
import type { IsoDate } from '../calendar/iso-date';
import type { ProposalStage } from '../proposal';
import type { ProposalEvent } from './handling-events';

export type AssignmentMode = 'lead' | 'split' | 'single';

/** 交办: who handles the proposal. Assignment time starts every handling clock. */
export interface Assignment {
  mode: AssignmentMode;
  /** Units that each write a reply: the lead unit, the split units, or the single unit. */
  replyingUnitIds: string[];
  /** Co-handling units (lead mode only): each sends the lead unit a written opinion. */
  coHandlerUnitIds: string[];
  assignedAt: string;
}

export type ReviewDecision = 'accept' | 'merge' | 'convert';

export const REPLY_CLASSES_DEFAULT = ['A', 'B', 'C'] as const;
export type ReplyClass = string;

/** 公开属性 */
export const DISCLOSURES = ['publish', 'on-request', 'never'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/** 满意度测评 */
export const RATINGS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export type FeedbackOutcome = Rating | 'not-rated';

export type DeadlineKind =
  | 'objection'
  | 'opinion'
  | 'contact'
  | 'reply'
  | 'feedback'
  | 'follow-up'
  | 'publication'
  /**
   * The assigning office's decision on an objection or an extension request, held by the
   * office (key `decision:objection-{id}` or `decision:extension-{id}`): reminds and escalates.
   */
  | 'decision'
  /** The latest a reply may be due with extensions (6 months from assignment); no alarms. */
  | 'limit';

/**
 * What a deadline is computed from. Computing needs the current calendar (an activity), so
 * a new deadline is `planning` until the workflow has its explanation.
 */
export type DeadlinePlan =
  { start: string; rule: DeadlineRule } | { start: string; fixedEndDate: IsoDate; note: string };

export interface Deadline {
  /** `{kind}:{unitId}`: one live deadline of a kind per unit. */
  key: string;
  kind: DeadlineKind;
  unitId: string;
  plan: DeadlinePlan;
  explanation?: DeadlineExplanation;
  dueAt?: string;
  status: 'planning' | 'running' | 'met' | 'cancelled';
  metAt?: string;
  /** Instants at which reminders go out, computed with the deadline (working days before it). */
  reminderAt: string[];
  remindersSent: number;
  /** When the next overdue escalation is due; set once the deadline has passed. */
  nextEscalationAt?: string;
  escalations: number;
  /** Set by an approved extension. */
  extension?: { fromDueAt: string; reason: string; approvedAt: string; approvedBy: string };
}

export type OpinionStatus = 'pending' | 'submitted' | 'returned' | 'waived';

/** 会办: one co-handling unit's written opinion for the lead unit. */
export interface OpinionTask {
  unitId: string;
  status: OpinionStatus;
  /** Increases with every submission; the text itself lives in the read model. */
  version: number;
  submittedAt?: string;
  /** Fingerprint of the submitted points and summary: an identical resubmission is no revision. */
  contentKey?: string;
  returnReason?: string;
  waiver?: { reason: string; by: string; at: string };
}

export type TrackStatus = 'drafting' | 'review' | 'sign-off' | 'dispatch' | 'feedback' | 'done';

export interface SignedReply {
  documentNumber: string;
  signedAt: string;
  signedBy: string;
  draftVersion: number;
  replyClass: ReplyClass;
  disclosure: Disclosure;
}

/** One reply: the lead unit's, or each split unit's. Re-handling opens a new round. */
export interface ReplyTrack {
  unitId: string;
  status: TrackStatus;
  /** 1 for the first handling; each re-handling adds one. */
  round: number;
  draftVersion: number;
  draft?: { replyClass: ReplyClass; disclosure: Disclosure; submittedAt: string; submittedBy: string };
  reviewedBy?: string;
  sendBacks: number;
  lastSendBack?: { step: 'review' | 'sign-off'; comment: string; by: string; at: string; draftVersion: number };
  signed?: SignedReply;
  /** A sign-off in flight (its document number is being allocated): blocks a second one. */
  signing?: boolean;
  dispatchedAt?: string;
  feedback: Record<string, FeedbackOutcome>;
  contacts: number;
  followUp?: { dueKey: string; reportedAt?: string };
  publishedAt?: string;
  /** Signed replies of earlier rounds, kept for the record. */
  history: SignedReply[];
}

export interface Objection {
  id: number;
  unitId: string;
  reason: string;
  raisedAt: string;
  raisedBy: string;
  status: 'pending' | 'rejected' | 'reassigned';
  decision?: { at: string; by: string; reason: string; replacementUnitId?: string };
}

export interface ExtensionRequest {
  id: number;
  deadlineKey: string;
  unitId: string;
  requestedEndDate: IsoDate;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  status: 'pending' | 'approved' | 'refused';
  decision?: { at: string; by: string; reason: string };
}

// The audit events' union lives with its readers' shapes in handling-events.ts.
export type { ProposalEvent, ProposalEventType } from './handling-events';

export interface HandlingSettings {
  policy: DeadlinePolicy;
  replyClasses: string[];
  /** Reply classes that promise action and so schedule a follow-up report (B by default). */
  followUpClasses: string[];
  /** The proposal committee, which reviews registrations. */
  registrationUnitId: string;
  /** Whether a recorded proposer contact is required before sign-off: key proposals, or all. */
  contactRequiredFor: 'key' | 'all';
  /**
   * How the proposer-contact deadline runs. `follows-requirement` (every proposal registered
   * since it was introduced): where contact is not required it reminds but never escalates,
   * and it ends when contact is recorded or the reply is signed. Absent (proposals registered
   * before): it escalates everywhere and stays open until the proposal closes, as it did, so
   * their saved histories replay unchanged.
   */
  contactDeadline?: 'follows-requirement';
  /** The assigning office, which decides objections and extensions. */
  assigningUnitId: string;
}

/**
 * The workflow's state of one proposal. Small and serialisable: long texts (body, opinions,
 * drafts, letters) live in the read model; this holds what the rules need.
 */
export interface HandlingState {
  proposalId: string;
  proposers: string[];
  suggestionPointCount: number;
  settings: HandlingSettings;
  stage: ProposalStage;
  version: number;
  review?: { decision: ReviewDecision; at: string; by: string; reason?: string; mergedInto?: string };
  assignment?: Assignment;
  /** `leaderUserIds`: the leaders who are users, and receive the key proposals' digest. */
  key?: { leaders: string[]; markedAt: string; leaderUserIds?: string[] };
  deadlines: Record<string, Deadline>;
  opinions: Record<string, OpinionTask>;
  tracks: Record<string, ReplyTrack>;
  objections: Objection[];
  extensions: ExtensionRequest[];
  /** Events not yet written to the read model; the projection empties it. */
  pendingEvents: ProposalEvent[];
  nextEventSeq: number;
  /**
   * Whether objections and extension requests get a decision deadline for the assigning
   * office. Set by the workflow since its patch `office-decision-deadlines` (a run whose
   * history predates it goes on without, so that history replays unchanged).
   */
  decisionDeadlines?: boolean;
  closedAt?: string;
}
