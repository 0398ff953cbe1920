import type { IsoDate } from '../calendar/iso-date';
import type { AssignmentMode, Disclosure, Rating, ReviewDecision } from './handling-state';

/** Inputs of the human actions. Each becomes a workflow update; texts travel with it once. */

export interface ReviewInput {
  decision: ReviewDecision;
  reason?: string;
  /** With `merge`: the proposal this one is merged into. */
  mergedInto?: string;
}

export interface AssignInput {
  mode: AssignmentMode;
  /** lead mode */
  leadUnitId?: string;
  coHandlerUnitIds?: string[];
  /** split and single modes */
  unitIds?: string[];
}

export interface ObjectInput {
  reason: string;
}

export interface DecideObjectionInput {
  objectionId: number;
  decision: 'reject' | 'reassign';
  reason: string;
  replacementUnitId?: string;
}

export const ADOPTIONS = ['adopted', 'partly-adopted', 'for-reference'] as const;
/** 采纳情况: 吸收采纳 / 部分采纳 / 留作参考 */
export type Adoption = (typeof ADOPTIONS)[number];

export interface PointAnswer {
  /** The suggestion point answered (1-based). */
  seq: number;
  adoption: Adoption;
  text: string;
}

export interface SubmitOpinionInput {
  points: PointAnswer[];
  summary?: string;
}

export interface ReturnOpinionInput {
  unitId: string;
  reason: string;
}

export interface WaiveOpinionInput {
  unitId: string;
  reason: string;
}

export const CONTACT_METHODS = ['call', 'visit', 'meeting', 'other'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export interface RecordContactInput {
  method: ContactMethod;
  /** When the contact took place (ISO instant); not in the future. */
  contactedAt: string;
  summary: string;
}

/**
 * Where a section prints its adoption sentence (吸收采纳该建议。): opening the answer's first
 * paragraph (sections saved before this choice existed), as its own paragraph, or not at all.
 */
export const ADOPTION_SENTENCE_PLACEMENTS = ['inline', 'paragraph', 'omitted'] as const;
export type AdoptionSentencePlacement = (typeof ADOPTION_SENTENCE_PLACEMENTS)[number];

/**
 * A section of the reply: the answer to one point, with the letter's heading, adoption
 * sentence, answer text and measures. In a draft the text may be empty when the section says
 * something else (its adoption sentence or measures), as a real letter's section often does.
 */
export interface DraftSection extends PointAnswer {
  /** The point's subject for the heading `一、关于{title}的建议`; the point's own text if absent. */
  title?: string;
  /** The measures taken, numbered （一）, （二）, … in the letter. */
  measures?: string[];
  /** Absent (older drafts too): `inline`. */
  adoptionSentence?: AdoptionSentencePlacement;
  /** True: the section prints no heading (numbering counts the printed headings only). */
  omitHeading?: boolean;
}

export interface SubmitDraftInput {
  replyClass: string;
  disclosure: Disclosure;
  summary?: string;
  sections: DraftSection[];
  /** The field of work thanked for in the closing, e.g. `数字经济发展`. */
  topic?: string;
  /** The contact person printed on the letter. */
  contact?: { name: string; phone: string };
  /** The letter's 抄送 list (unit names or free text); absent: the city's default copy list. */
  copyTo?: string[];
  /** Titles of the documents attached to the letter (附件), in order. */
  attachments?: string[];
}

export interface ReviewDraftInput {
  decision: 'approve' | 'send-back';
  comment?: string;
}

export interface SignOffInput {
  decision: 'sign' | 'send-back';
  comment?: string;
}

/** Dispatch takes no input: what goes out is the signed reply. */
export type DispatchInput = Record<string, never>;

export interface RecordFeedbackInput {
  unitId: string;
  proposer: string;
  rating: Rating;
  comment?: string;
}

export interface ReportFollowUpInput {
  summary: string;
}

export interface ConfirmPublicationInput {
  /** Where it was published, e.g. the government portal's page. */
  location?: string;
}

export interface RequestExtensionInput {
  deadlineKey: string;
  requestedEndDate: IsoDate;
  reason: string;
}

export interface DecideExtensionInput {
  extensionId: number;
  decision: 'approve' | 'refuse';
  reason: string;
}

export interface MarkKeyInput {
  /** The supervising leaders (领导领办) as the proposal names them. */
  leaders: string[];
  /**
   * Leaders who are users (each with the `supervisor` role, checked by the API against the
   * directory): they receive their key proposals' daily digest. The API adds their names to
   * `leaders`.
   */
  leaderUserIds?: string[];
}

/** 催办: a supervisor's reminder to a unit about its open tasks on this proposal. */
export interface SendReminderInput {
  unitId: string;
  message?: string;
}
