/**
 * Which action panels the proposal page shows: exactly the API's `allowedActions` (the
 * domain's availableActions for the caller), each with its targets. Nothing here decides who
 * may act; it only arranges what the API allows. An action is the caller's to do now (shown
 * open) when their unit has an open task that the action completes; otherwise it is something
 * they may do besides (folded below).
 */
import type { ActionName, ActionTarget, ProposalDetail, TaskKind } from './types';

/** The task each action completes (the inbox's task kinds); a presentation map, not a rule. */
const COMPLETES: Partial<Record<ActionName, TaskKind>> = {
  decideObjection: 'decide-objection',
  decideExtension: 'decide-extension',
  submitOpinion: 'opinion',
  recordContact: 'contact',
  submitDraft: 'draft',
  saveDraft: 'draft',
  reviewDraft: 'review-draft',
  signOff: 'sign-off',
  dispatch: 'dispatch',
  recordFeedback: 'record-feedback',
  reportFollowUp: 'follow-up',
  confirmPublication: 'publish',
};

/** The panels of the proposal page, one per action (saving and submitting a draft share one). */
export type PanelKind =
  | 'opinion'
  | 'contact'
  | 'draft'
  | 'review'
  | 'sign-off'
  | 'dispatch'
  | 'follow-up'
  | 'publication'
  | 'decide-objection'
  | 'decide-extension'
  | 'feedback'
  | 'return-opinion'
  | 'objection'
  | 'extension'
  | 'waive'
  | 'reminder'
  | 'key';

const PANEL_OF: Partial<Record<ActionName, PanelKind>> = {
  submitOpinion: 'opinion',
  recordContact: 'contact',
  submitDraft: 'draft',
  saveDraft: 'draft',
  reviewDraft: 'review',
  signOff: 'sign-off',
  dispatch: 'dispatch',
  reportFollowUp: 'follow-up',
  confirmPublication: 'publication',
  decideObjection: 'decide-objection',
  decideExtension: 'decide-extension',
  recordFeedback: 'feedback',
  returnOpinion: 'return-opinion',
  object: 'objection',
  requestExtension: 'extension',
  waiveOpinion: 'waive',
  sendReminder: 'reminder',
  markKey: 'key',
  // review and assign have their own pages (intake, assignment).
};

/** Panels aimed at one thing each (one decision per objection, one rating panel per replying unit). */
const ONE_PER_TARGET: Partial<Record<PanelKind, (t: ActionTarget) => string>> = {
  'decide-objection': (t) => String(t.objectionId),
  'decide-extension': (t) => String(t.extensionId),
  feedback: (t) => t.unitId ?? '',
};

export interface PlannedPanel {
  /** Unique on the page: the panel kind, and for a panel per target, what it is aimed at. */
  key: string;
  panel: PanelKind;
  /** The caller's to do now (an open task of theirs), rather than something they may do besides. */
  primary: boolean;
  /** What the API allows it to be aimed at (empty for an action without targets). */
  targets: ActionTarget[];
}

export function planPanels(detail: Pick<ProposalDetail, 'allowedActions' | 'tasks'>, unitId: string): PlannedPanel[] {
  const myTasks = new Set(detail.tasks.filter((t) => t.unitId === unitId).map((t) => t.kind));
  const planned = new Map<string, PlannedPanel>();
  for (const allowed of detail.allowedActions) {
    const panel = PANEL_OF[allowed.action];
    if (!panel) continue;
    const task = COMPLETES[allowed.action];
    const primary = !!task && myTasks.has(task);
    const targets = allowed.targets ?? [];
    const split = ONE_PER_TARGET[panel];
    const groups = new Map<string, ActionTarget[]>();
    if (!split) groups.set(panel, targets);
    else
      for (const target of targets) {
        const key = `${panel}-${split(target)}`;
        groups.set(key, [...(groups.get(key) ?? []), target]);
      }
    for (const [key, ts] of groups) {
      const seen = planned.get(key);
      if (seen) seen.primary ||= primary;
      else planned.set(key, { key, panel, primary, targets: ts });
    }
  }
  return [...planned.values()];
}
