import type { Role } from '../actor';

/**
 * Who may take each human action: the one list. The rules require these roles first
 * (ROLE_REQUIRED), the actions table offers the action only to them, and the API refuses
 * anyone else before calling the workflow. The keys are the workflow's update names.
 */
export const HANDLING_ACTION_ROLES = {
  review: ['registrar'],
  assign: ['assigning-officer'],
  object: ['handler', 'co-handler'],
  decideObjection: ['assigning-officer'],
  submitOpinion: ['co-handler'],
  returnOpinion: ['handler'],
  waiveOpinion: ['supervisor'],
  recordContact: ['handler'],
  saveDraft: ['handler'],
  submitDraft: ['handler'],
  reviewDraft: ['reviewer'],
  signOff: ['signer'],
  dispatch: ['handler'],
  recordFeedback: ['assigning-officer'],
  reportFollowUp: ['handler'],
  confirmPublication: ['handler'],
  requestExtension: ['handler', 'co-handler'],
  decideExtension: ['assigning-officer'],
  markKey: ['supervisor', 'assigning-officer'],
  sendReminder: ['supervisor', 'assigning-officer'],
} as const satisfies Record<string, readonly Role[]>;

export type HandlingActionName = keyof typeof HANDLING_ACTION_ROLES;

export const HANDLING_ACTION_NAMES = Object.keys(HANDLING_ACTION_ROLES) as HandlingActionName[];
