import type { Actor } from '../actor';
import type { DecideObjectionInput, ObjectInput } from '../handling-commands';
import type { HandlingState, Objection } from '../handling-state';
import { startCoHandler, startReplyingUnit } from './assignment.rules';
import {
  cancelDeadline,
  changed,
  deadlineKey,
  fail,
  isAssigned,
  isPast,
  leadTrack,
  meetDecisionDeadline,
  planDeadline,
  record,
  requireActionRole,
  requireText,
  startDecisionDeadline,
  TEXT_LIMITS,
} from './rule-support';

// 申请调整: a unit objects to its assignment within the window; the assigning office decides.

export function canObject(state: HandlingState, actor: Actor, now: string): void {
  requireActionRole(actor, 'object');
  if (!isAssigned(state, actor.unitId)) fail('NOT_ASSIGNED', 'Your unit is not assigned to this proposal');
  const window = state.deadlines[deadlineKey('objection', actor.unitId)];
  if (!window || window.status === 'cancelled' || isPast(window, now)) {
    fail('DEADLINE_PASSED', 'The objection window has closed: the assignment stands');
  }
  if (state.objections.some((o) => o.unitId === actor.unitId && o.status === 'pending')) {
    fail('ALREADY_DONE', 'Your unit already has an objection waiting for a decision');
  }
}

export function checkObject(state: HandlingState, actor: Actor, input: ObjectInput, now: string): void {
  canObject(state, actor, now);
  requireText(input?.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyObject(state: HandlingState, actor: Actor, input: ObjectInput, now: string): number {
  const id = state.objections.length + 1;
  state.objections.push({
    id,
    unitId: actor.unitId,
    reason: input.reason,
    raisedAt: now,
    raisedBy: actor.userId,
    status: 'pending',
  });
  record(state, 'objection-raised', now, actor, { objectionId: id, reason: input.reason }, actor.unitId);
  startDecisionDeadline(state, 'objection', id, now);
  changed(state);
  return id;
}

export function canDecideObjections(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'decideObjection');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Only the assigning office decides objections');
}

export function canDecideObjection(state: HandlingState, actor: Actor, objectionId: unknown): Objection {
  canDecideObjections(state, actor);
  const objection = state.objections.find((o) => o.id === objectionId);
  if (!objection) fail('VALIDATION_FAILED', 'No such objection', [{ field: 'objectionId', message: 'unknown' }]);
  if (objection.status !== 'pending') fail('ALREADY_DONE', 'This objection was already decided');
  return objection;
}

export function checkDecideObjection(state: HandlingState, actor: Actor, input: DecideObjectionInput): void {
  const objection = canDecideObjection(state, actor, input?.objectionId);
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
  if (input.decision === 'reassign') {
    const r = input.replacementUnitId;
    requireText(r, 'replacementUnitId', 64);
    if (isAssigned(state, r as string) || r === state.settings.assigningUnitId) {
      fail('VALIDATION_FAILED', 'The replacement unit is already assigned', [
        { field: 'replacementUnitId', message: 'already assigned' },
      ]);
    }
    // A co-handler is replaced only while consultation is open: after sign-off its
    // replacement could never give (nor be waived) an opinion.
    const track = state.tracks[objection.unitId] ?? leadTrack(state);
    if (track && (track.signed || track.signing)) fail('WRONG_STAGE', 'The reply is already signed');
  } else if (input.decision !== 'reject') {
    fail('VALIDATION_FAILED', 'decision must be reject or reassign', [
      { field: 'decision', message: 'reject | reassign' },
    ]);
  }
}

/** Reassignment hands the objecting unit's part to another unit, whose clocks start now. */
export function applyDecideObjection(
  state: HandlingState,
  actor: Actor,
  input: DecideObjectionInput,
  now: string,
): void {
  const objection = state.objections.find((o) => o.id === input.objectionId) as HandlingState['objections'][number];
  const from = objection.unitId;
  objection.status = input.decision === 'reject' ? 'rejected' : 'reassigned';
  objection.decision = {
    at: now,
    by: actor.userId,
    reason: input.reason,
    ...(input.replacementUnitId ? { replacementUnitId: input.replacementUnitId } : {}),
  };
  if (input.decision === 'reassign') {
    const to = input.replacementUnitId as string;
    const a = state.assignment as NonNullable<HandlingState['assignment']>;
    for (const kind of ['objection', 'opinion', 'contact', 'reply', 'limit'] as const)
      cancelDeadline(state, kind, from);
    if (a.replyingUnitIds.includes(from)) {
      a.replyingUnitIds = a.replyingUnitIds.map((u) => (u === from ? to : u));
      delete state.tracks[from];
      startReplyingUnit(state, to, now);
      planDeadline(state, 'limit', to, { start: now, rule: state.settings.policy.maxTotalWithExtensions });
    } else {
      a.coHandlerUnitIds = a.coHandlerUnitIds.map((u) => (u === from ? to : u));
      delete state.opinions[from];
      startCoHandler(state, to, now);
    }
  }
  record(
    state,
    'objection-decided',
    now,
    actor,
    {
      objectionId: objection.id,
      decision: input.decision,
      reason: input.reason,
      replacementUnitId: input.replacementUnitId,
    },
    from,
  );
  meetDecisionDeadline(state, 'objection', objection.id, now);
  changed(state);
}
