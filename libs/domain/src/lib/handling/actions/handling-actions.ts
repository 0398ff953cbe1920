import { DomainError, ErrorCode } from '../../domain-error';
import type { Actor, Role } from '../actor';
import type {
  AssignInput,
  ConfirmPublicationInput,
  DecideExtensionInput,
  DecideObjectionInput,
  DispatchInput,
  MarkKeyInput,
  ObjectInput,
  RecordContactInput,
  RecordFeedbackInput,
  ReportFollowUpInput,
  RequestExtensionInput,
  ReturnOpinionInput,
  ReviewDraftInput,
  ReviewInput,
  SendReminderInput,
  SignOffInput,
  SubmitDraftInput,
  SubmitOpinionInput,
  WaiveOpinionInput,
} from '../handling-commands';
import { openTasks } from '../handling-stage';
import type { HandlingState, SignedReply } from '../handling-state';
import { applyAssign, canAssign, checkAssign } from '../rules/assignment.rules';
import {
  applyReturnOpinion,
  applySubmitOpinion,
  applyWaiveOpinion,
  canReturnOpinion,
  canReturnOpinions,
  canSubmitOpinion,
  canWaiveOpinion,
  canWaiveOpinions,
  checkReturnOpinion,
  checkSubmitOpinion,
  checkWaiveOpinion,
} from '../rules/consultation.rules';
import { applyRecordContact, canRecordContact, checkRecordContact } from '../rules/contact.rules';
import {
  applyDispatch,
  applyRecordFeedback,
  canDispatch,
  canRecordFeedback,
  canRecordFeedbackOf,
  checkDispatch,
  checkRecordFeedback,
} from '../rules/dispatch-feedback.rules';
import {
  applyDecideExtension,
  applyRequestExtension,
  canDecideExtension,
  canDecideExtensions,
  canRequestExtensionOf,
  canRequestExtensions,
  checkDecideExtension,
  checkRequestExtension,
} from '../rules/extensions.rules';
import {
  applyConfirmPublication,
  applyReportFollowUp,
  canConfirmPublication,
  canReportFollowUp,
  checkConfirmPublication,
  checkReportFollowUp,
} from '../rules/follow-up-publication.rules';
import { applyMarkKey, canMarkKey, checkMarkKey } from '../rules/key-proposal.rules';
import {
  applyDecideObjection,
  applyObject,
  canDecideObjection,
  canDecideObjections,
  canObject,
  checkDecideObjection,
  checkObject,
} from '../rules/objections.rules';
import { applySendReminder, canSendReminders, canSendReminderTo, checkSendReminder } from '../rules/reminder-notice.rules';
import {
  abortSignOff,
  applyReviewDraft,
  applySaveDraft,
  applySendBackAtSignOff,
  applySignOff,
  applySubmitDraft,
  beginSignOff,
  canReviewDraft,
  canSaveDraft,
  canSignOff,
  canSubmitDraft,
  checkReviewDraft,
  checkSaveDraft,
  checkSignOff,
  checkSubmitDraft,
} from '../rules/reply.rules';
import { applyReview, canReview, checkReview } from '../rules/review.rules';
import { HANDLING_ACTION_ROLES, HandlingActionName } from './action-roles';

/*
 * The actions table: for every human action, who may take it (`roles`), whether this actor
 * may take it now (`canAct`: role, unit, stage, window; no input), the full check of an input
 * (`check` = canAct + the input's validation) and its `apply`. The workflow's update
 * validators and handlers, the API's role check and the buttons the web shows all read this
 * table, so who may act and when is decided once. An action aimed at one of several things
 * (an objection, a unit, a deadline…) also lists the `targets` open to the actor now.
 */

export interface HandlingActionRule<I> {
  readonly roles: readonly Role[];
  /** Throws the coded DomainError that `check` would throw for any input; changes nothing. */
  canAct(state: HandlingState, actor: Actor, now: string): void;
  /** canAct, then the input's validation: the workflow's update validator. */
  check(state: HandlingState, actor: Actor, input: I, now: string): void;
}

export interface HandlingAction<I, R> extends HandlingActionRule<I> {
  apply(state: HandlingState, actor: Actor, input: I, now: string): R;
}

/** An action aimed at one of several things: `targets` are those the actor may act on now. */
export interface TargetedHandlingAction<I, R, T> extends HandlingAction<I, R> {
  targets(state: HandlingState, actor: Actor, now: string): T[];
}

/**
 * Sign-off has no single `apply`: signing allocates the document number in an activity, so
 * the workflow locks the reply (`begin`), awaits the number, then `sign`s or, if allocation
 * failed, `abort`s; a send-back is applied at once. The table checks it like any action; the
 * workflow orchestrates the steps around the activity.
 */
export interface SignOffAction extends HandlingActionRule<SignOffInput> {
  steps: {
    begin(state: HandlingState, actor: Actor): void;
    sign(state: HandlingState, actor: Actor, documentNumber: string, now: string): SignedReply;
    abort(state: HandlingState, actor: Actor): void;
    sendBack(state: HandlingState, actor: Actor, comment: string, now: string): void;
  };
}

export interface ObjectionTarget {
  objectionId: number;
}
export interface UnitTarget {
  unitId: string;
}
/** One proposer's rating of one replying unit's reply. */
export interface FeedbackTarget {
  unitId: string;
  proposer: string;
}
export interface DeadlineTarget {
  deadlineKey: string;
}
export interface ExtensionTarget {
  extensionId: number;
}

/** Whether `attempt` passes; a refusal is an answer, any other error a bug that propagates. */
export function passes(attempt: () => unknown): boolean {
  try {
    attempt();
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

function simple<I, R>(
  name: HandlingActionName,
  rule: Omit<HandlingAction<I, R>, 'roles'>,
): HandlingAction<I, R> {
  return { roles: HANDLING_ACTION_ROLES[name], ...rule };
}

interface TargetedRule<I, R, T> {
  /** What holds for every target: role, unit, stage. */
  canActAtAll(state: HandlingState, actor: Actor, now: string): void;
  /** Everything the action could be aimed at; canActOn says which are open to the actor. */
  candidates(state: HandlingState, actor: Actor): T[];
  canActOn(state: HandlingState, actor: Actor, target: T, now: string): void;
  /** The refusal when there is nothing to aim at. */
  none: [ErrorCode, string];
  check(state: HandlingState, actor: Actor, input: I, now: string): void;
  apply(state: HandlingState, actor: Actor, input: I, now: string): R;
}

function targeted<I, R, T>(name: HandlingActionName, rule: TargetedRule<I, R, T>): TargetedHandlingAction<I, R, T> {
  return {
    roles: HANDLING_ACTION_ROLES[name],
    canAct(state, actor, now) {
      rule.canActAtAll(state, actor, now);
      const candidates = rule.candidates(state, actor);
      if (candidates.length === 0) throw new DomainError(...rule.none);
      let refusal: unknown;
      for (const target of candidates) {
        try {
          rule.canActOn(state, actor, target, now);
          return;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          refusal ??= e;
        }
      }
      throw refusal;
    },
    targets(state, actor, now) {
      if (!passes(() => rule.canActAtAll(state, actor, now))) return [];
      return rule.candidates(state, actor).filter((t) => passes(() => rule.canActOn(state, actor, t, now)));
    },
    check: rule.check,
    apply: rule.apply,
  };
}

/** Deadlines a unit could ask to extend; the others end by rule (objection, feedback, limit). */
const EXTENDABLE = new Set(['opinion', 'contact', 'reply', 'follow-up', 'publication']);

const SIGN_OFF: SignOffAction = {
  roles: HANDLING_ACTION_ROLES.signOff,
  canAct: canSignOff,
  check: checkSignOff,
  steps: { begin: beginSignOff, sign: applySignOff, abort: abortSignOff, sendBack: applySendBackAtSignOff },
};

export const HANDLING_ACTIONS = {
  review: simple<ReviewInput, void>('review', { canAct: canReview, check: checkReview, apply: applyReview }),
  assign: simple<AssignInput, void>('assign', { canAct: canAssign, check: checkAssign, apply: applyAssign }),
  object: simple<ObjectInput, number>('object', { canAct: canObject, check: checkObject, apply: applyObject }),
  decideObjection: targeted<DecideObjectionInput, void, ObjectionTarget>('decideObjection', {
    canActAtAll: canDecideObjections,
    candidates: (s) => s.objections.map((o) => ({ objectionId: o.id })),
    canActOn: (s, a, t) => canDecideObjection(s, a, t.objectionId),
    none: ['WRONG_STAGE', 'No objection has been raised'],
    check: checkDecideObjection,
    apply: applyDecideObjection,
  }),
  submitOpinion: simple<SubmitOpinionInput, void>('submitOpinion', {
    canAct: canSubmitOpinion,
    check: checkSubmitOpinion,
    apply: applySubmitOpinion,
  }),
  returnOpinion: targeted<ReturnOpinionInput, void, UnitTarget>('returnOpinion', {
    canActAtAll: canReturnOpinions,
    candidates: (s) => Object.keys(s.opinions).map((unitId) => ({ unitId })),
    canActOn: (s, a, t) => canReturnOpinion(s, a, t.unitId),
    none: ['WRONG_STAGE', 'This proposal has no co-handling opinions'],
    check: checkReturnOpinion,
    apply: applyReturnOpinion,
  }),
  waiveOpinion: targeted<WaiveOpinionInput, void, UnitTarget>('waiveOpinion', {
    canActAtAll: canWaiveOpinions,
    candidates: (s) => Object.keys(s.opinions).map((unitId) => ({ unitId })),
    canActOn: (s, a, t) => canWaiveOpinion(s, a, t.unitId),
    none: ['WRONG_STAGE', 'This proposal has no co-handling opinions'],
    check: checkWaiveOpinion,
    apply: applyWaiveOpinion,
  }),
  recordContact: simple<RecordContactInput, void>('recordContact', {
    canAct: canRecordContact,
    check: checkRecordContact,
    apply: applyRecordContact,
  }),
  saveDraft: simple<SubmitDraftInput, number>('saveDraft', {
    canAct: canSaveDraft,
    check: checkSaveDraft,
    apply: applySaveDraft,
  }),
  submitDraft: simple<SubmitDraftInput, void>('submitDraft', {
    canAct: canSubmitDraft,
    check: checkSubmitDraft,
    apply: applySubmitDraft,
  }),
  reviewDraft: simple<ReviewDraftInput, void>('reviewDraft', {
    canAct: canReviewDraft,
    check: checkReviewDraft,
    apply: applyReviewDraft,
  }),
  signOff: SIGN_OFF,
  dispatch: simple<DispatchInput, void>('dispatch', {
    canAct: canDispatch,
    check: (s, a) => checkDispatch(s, a),
    apply: (s, a, _input, now) => applyDispatch(s, a, now),
  }),
  recordFeedback: targeted<RecordFeedbackInput, void, FeedbackTarget>('recordFeedback', {
    canActAtAll: canRecordFeedback,
    candidates: (s) => Object.keys(s.tracks).flatMap((unitId) => s.proposers.map((proposer) => ({ unitId, proposer }))),
    canActOn: (s, a, t) => canRecordFeedbackOf(s, a, t.unitId, t.proposer),
    none: ['WRONG_STAGE', 'No reply has been assigned yet'],
    check: checkRecordFeedback,
    apply: applyRecordFeedback,
  }),
  reportFollowUp: simple<ReportFollowUpInput, void>('reportFollowUp', {
    canAct: canReportFollowUp,
    check: checkReportFollowUp,
    apply: applyReportFollowUp,
  }),
  confirmPublication: simple<ConfirmPublicationInput, void>('confirmPublication', {
    canAct: canConfirmPublication,
    check: checkConfirmPublication,
    apply: applyConfirmPublication,
  }),
  requestExtension: targeted<RequestExtensionInput, number, DeadlineTarget>('requestExtension', {
    canActAtAll: (_s, a) => canRequestExtensions(a),
    candidates: (s, a) =>
      Object.values(s.deadlines)
        .filter((d) => d.unitId === a.unitId && EXTENDABLE.has(d.kind))
        .map((d) => ({ deadlineKey: d.key })),
    canActOn: (s, a, t, now) => canRequestExtensionOf(s, a, t.deadlineKey, now),
    none: ['NOT_ASSIGNED', 'Your unit holds no deadline on this proposal'],
    check: checkRequestExtension,
    apply: applyRequestExtension,
  }),
  decideExtension: targeted<DecideExtensionInput, void, ExtensionTarget>('decideExtension', {
    canActAtAll: canDecideExtensions,
    candidates: (s) => s.extensions.map((e) => ({ extensionId: e.id })),
    canActOn: (s, a, t) => canDecideExtension(s, a, t.extensionId),
    none: ['WRONG_STAGE', 'No extension has been requested'],
    check: checkDecideExtension,
    apply: applyDecideExtension,
  }),
  markKey: simple<MarkKeyInput, void>('markKey', { canAct: canMarkKey, check: checkMarkKey, apply: applyMarkKey }),
  sendReminder: targeted<SendReminderInput, void, UnitTarget>('sendReminder', {
    canActAtAll: canSendReminders,
    candidates: (s) => [...new Set(openTasks(s).map((t) => t.unitId))].map((unitId) => ({ unitId })),
    canActOn: (s, a, t) => canSendReminderTo(s, a, t.unitId),
    none: ['WRONG_STAGE', 'No unit has an open task on this proposal'],
    check: checkSendReminder,
    apply: applySendReminder,
  }),
} satisfies { [N in HandlingActionName]: HandlingActionRule<never> };

export type HandlingActions = typeof HANDLING_ACTIONS;

export type ActionInputOf<N extends HandlingActionName> = Parameters<HandlingActions[N]['check']>[2];

/** What `apply` returns (the id created, the draft version); sign-off's result is the workflow's. */
export type ActionResultOf<N extends HandlingActionName> =
  HandlingActions[N] extends HandlingAction<never, infer R> ? R : never;

/** The thing a targeted action is aimed at; `never` for an action that is not. */
export type ActionTargetOf<N extends HandlingActionName> =
  HandlingActions[N] extends TargetedHandlingAction<never, unknown, infer T> ? T : never;

export type TargetedActionName = {
  [N in HandlingActionName]: [ActionTargetOf<N>] extends [never] ? never : N;
}[HandlingActionName];
