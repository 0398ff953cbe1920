import type { Actor } from '../actor';
import type { ReviewInput } from '../handling-commands';
import type { HandlingState } from '../handling-state';
import { changed, fail, optionalText, record, requireActionRole, requireStage, requireText, TEXT_LIMITS } from './rule-support';

// 立案 / 并案 / 转: the proposal committee accepts a registration, merges it or converts it.

export function canReview(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'review');
  if (actor.unitId !== state.settings.registrationUnitId)
    fail('NOT_ASSIGNED', 'Only the proposal committee reviews proposals');
  requireStage(state, 'registered');
}

export function checkReview(state: HandlingState, actor: Actor, input: ReviewInput): void {
  canReview(state, actor);
  if (!['accept', 'merge', 'convert'].includes(input?.decision)) {
    fail('VALIDATION_FAILED', 'decision must be accept, merge or convert', [
      { field: 'decision', message: 'accept | merge | convert' },
    ]);
  }
  optionalText(input.reason, 'reason', TEXT_LIMITS.reason);
  if (input.decision === 'merge') requireText(input.mergedInto, 'mergedInto', 80);
  if (input.decision !== 'accept') requireText(input.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyReview(state: HandlingState, actor: Actor, input: ReviewInput, now: string): void {
  state.review = {
    decision: input.decision,
    at: now,
    by: actor.userId,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.mergedInto ? { mergedInto: input.mergedInto } : {}),
  };
  if (input.decision !== 'accept') state.closedAt = now;
  record(state, 'reviewed', now, actor, {
    decision: input.decision,
    reason: input.reason,
    mergedInto: input.mergedInto,
  });
  changed(state);
}
