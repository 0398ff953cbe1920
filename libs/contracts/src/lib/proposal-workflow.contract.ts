import { defineQuery, defineUpdate, defineSignal } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type {
  HandlingActionName,
  Actor,
  AssignInput,
  ConfirmPublicationInput,
  Deadline,
  DecideExtensionInput,
  DecideObjectionInput,
  HandlingSettings,
  HandlingState,
  MarkKeyInput,
  SendReminderInput,
  ObjectInput,
  OpenTask,
  ProposalRegistration,
  ProposalStage,
  RecordContactInput,
  RecordFeedbackInput,
  ReportFollowUpInput,
  RequestExtensionInput,
  ReturnOpinionInput,
  ReviewDraftInput,
  ReviewInput,
  SignOffInput,
  SubmitDraftInput,
  SubmitOpinionInput,
  WaiveOpinionInput,
} from '@banli/domain';

export interface ProposalWorkflowInput {
  proposalId: string;
  registration: ProposalRegistration;
  /** ISO instant the registration was received by the API (not the workflow's clock). */
  receivedAt: string;
  /** Deadline policy and handling rules in force for this proposal, fixed at registration. */
  settings: HandlingSettings;
  /** Correlates the workflow's logs with the HTTP request that started it. */
  requestId?: string;
  /** History length after which the workflow continues as new (default 5,000 events). */
  maxHistoryEvents?: number;
  /** Set when the workflow continues as new: the state it had, already projected. */
  carried?: HandlingState;
}

/** What queries return: the state without its projection bookkeeping, plus the open tasks. */
export interface ProposalStateView {
  proposalId: string;
  stage: ProposalStage;
  version: number;
  projectedVersion: number;
  state: Omit<HandlingState, 'pendingEvents'>;
  tasks: OpenTask[];
  deadlines: Deadline[];
}

export interface RegistrationResult {
  proposalId: string;
  stage: ProposalStage;
}

/** Every human action carries who performs it; the API authenticates, the workflow re-checks. */
export interface ActionRequest<I> {
  actor: Actor;
  input: I;
  requestId?: string;
}

export interface ActionResult {
  proposalId: string;
  stage: ProposalStage;
  version: number;
  /** The objection or extension request created, where the action creates one. */
  id?: number;
  /** The document number allocated at sign-off, or the 催办单's number of a 催办. */
  documentNumber?: string;
  /** The supervision document a 催办 issued (its 催办单). */
  documentId?: string;
}

/**
 * Sent together with the workflow start (update-with-start). Returns once the proposal is
 * in the read model, so the caller can read it back at once. Rejected by its validator when
 * a different proposal already holds the same session and number.
 */
export const confirmRegistrationUpdate = defineUpdate<RegistrationResult, [ProposalRegistration]>(
  'confirmRegistration',
);

const action = <I>(name: string) => defineUpdate<ActionResult, [ActionRequest<I>]>(name);

/** The human actions of DOMAIN.md, one update each; validators reject before history. */
export const proposalUpdates = {
  review: action<ReviewInput>('review'),
  assign: action<AssignInput>('assign'),
  object: action<ObjectInput>('object'),
  decideObjection: action<DecideObjectionInput>('decideObjection'),
  submitOpinion: action<SubmitOpinionInput>('submitOpinion'),
  returnOpinion: action<ReturnOpinionInput>('returnOpinion'),
  waiveOpinion: action<WaiveOpinionInput>('waiveOpinion'),
  recordContact: action<RecordContactInput>('recordContact'),
  saveDraft: action<SubmitDraftInput>('saveDraft'),
  submitDraft: action<SubmitDraftInput>('submitDraft'),
  reviewDraft: action<ReviewDraftInput>('reviewDraft'),
  signOff: action<SignOffInput>('signOff'),
  dispatch: action<Record<string, never>>('dispatch'),
  recordFeedback: action<RecordFeedbackInput>('recordFeedback'),
  reportFollowUp: action<ReportFollowUpInput>('reportFollowUp'),
  confirmPublication: action<ConfirmPublicationInput>('confirmPublication'),
  requestExtension: action<RequestExtensionInput>('requestExtension'),
  decideExtension: action<DecideExtensionInput>('decideExtension'),
  markKey: action<MarkKeyInput>('markKey'),
  sendReminder: action<SendReminderInput>('sendReminder'),
  // Exactly the domain's actions table: an action added to one and not the other does not compile.
} as const satisfies Record<HandlingActionName, unknown>;

export type ProposalUpdateName = keyof typeof proposalUpdates;

export const proposalStateQuery = defineQuery<ProposalStateView>('proposalState');

/**
 * A new calendar year (or a correction) was loaded: deadlines computed as provisional are
 * computed again with it.
 */
export const calendarChangedSignal = defineSignal<[{ version: string }]>('calendarChanged');

/** Visible and filterable in the Temporal UI; registered on the server by the start scripts. */
export const SEARCH_ATTRIBUTES = {
  stage: defineSearchAttributeKey('BanliStage', SearchAttributeType.KEYWORD),
  leadUnit: defineSearchAttributeKey('BanliLeadUnit', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('BanliNextDeadline', SearchAttributeType.DATETIME),
} as const;
