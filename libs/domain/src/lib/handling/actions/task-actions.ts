import type { Actor } from '../actor';
import { TASK_KINDS, type TaskKind } from '../handling-stage';
import { HANDLING_ACTION_ROLES, type HandlingActionName } from './action-roles';

/** The action that completes each task of the inbox: whoever may take it is who the task is for. */
export const TASK_COMPLETED_BY = {
  'review-registration': 'review',
  assign: 'assign',
  'decide-objection': 'decideObjection',
  'decide-extension': 'decideExtension',
  opinion: 'submitOpinion',
  contact: 'recordContact',
  draft: 'submitDraft',
  'review-draft': 'reviewDraft',
  'sign-off': 'signOff',
  dispatch: 'dispatch',
  'record-feedback': 'recordFeedback',
  'follow-up': 'reportFollowUp',
  publish: 'confirmPublication',
} as const satisfies Record<TaskKind, HandlingActionName>;

/** The kinds of task the actor's roles complete: what their inbox lists by default. */
export function taskKindsFor(actor: Pick<Actor, 'roles'>): TaskKind[] {
  return TASK_KINDS.filter((kind) =>
    HANDLING_ACTION_ROLES[TASK_COMPLETED_BY[kind]].some((r) => actor.roles.includes(r)),
  );
}

/**
 * Who sees every task of their unit, whoever completes it: the unit's leaders (the reviewer
 * and the signer answer for its replies) and supervisors, who follow the work of others.
 */
export const UNIT_INBOX_ROLES = ['reviewer', 'signer', 'supervisor'] as const;

export function mayViewUnitInbox(actor: Pick<Actor, 'roles'>): boolean {
  return UNIT_INBOX_ROLES.some((r) => actor.roles.includes(r));
}
