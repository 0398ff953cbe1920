import { isIsoDate, toShanghaiDate } from '../../calendar/iso-date';
import type { IsoDate } from '../../calendar/iso-date';
import type { Actor } from '../actor';
import type { DecideExtensionInput, RequestExtensionInput } from '../handling-commands';
import type { Deadline, ExtensionRequest, HandlingState } from '../handling-state';
import {
  changed,
  deadlineKey,
  fail,
  isPast,
  meetDecisionDeadline,
  record,
  requireActionRole,
  requireText,
  startDecisionDeadline,
  TEXT_LIMITS,
} from './rule-support';

// 延期: a unit asks to move one of its running deadlines; the assigning office decides.

export function canRequestExtensions(actor: Actor): void {
  requireActionRole(actor, 'requestExtension');
}

/** A deadline of the actor's unit that may still be extended: running, not passed, not asked. */
export function canRequestExtensionOf(state: HandlingState, actor: Actor, key: string, now: string): Deadline {
  canRequestExtensions(actor);
  const d = state.deadlines[key];
  if (!d || d.kind === 'limit' || d.kind === 'objection' || d.kind === 'feedback' || d.kind === 'decision') {
    fail('VALIDATION_FAILED', 'No such deadline to extend', [
      { field: 'deadlineKey', message: 'unknown or not extendable' },
    ]);
  }
  if (d.unitId !== actor.unitId) fail('NOT_ASSIGNED', 'Only the unit holding a deadline may ask to extend it');
  if (d.status !== 'running') fail('WRONG_STAGE', 'This deadline is not running');
  if (isPast(d, now)) fail('DEADLINE_PASSED', 'An extension must be requested before the deadline passes');
  if (state.extensions.some((e) => e.deadlineKey === d.key && e.status === 'pending')) {
    fail('ALREADY_DONE', 'An extension of this deadline is already waiting for a decision');
  }
  return d;
}

export function checkRequestExtension(
  state: HandlingState,
  actor: Actor,
  input: RequestExtensionInput,
  now: string,
): void {
  const d = canRequestExtensionOf(state, actor, input?.deadlineKey, now);
  if (!isIsoDate(input.requestedEndDate)) {
    fail('VALIDATION_FAILED', 'requestedEndDate is not a date of the calendar', [
      { field: 'requestedEndDate', message: 'a real date, YYYY-MM-DD' },
    ]);
  }
  if (input.requestedEndDate <= (d.explanation?.endDate ?? '')) {
    fail('VALIDATION_FAILED', 'requestedEndDate must be a date after the current deadline', [
      { field: 'requestedEndDate', message: 'YYYY-MM-DD after the current end' },
    ]);
  }
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
  checkWithinLimit(state, d, input.requestedEndDate);
}

function checkWithinLimit(state: HandlingState, d: Deadline, endDate: IsoDate): void {
  if (d.kind !== 'reply' && d.kind !== 'opinion' && d.kind !== 'contact') return;
  const replyingUnit = d.kind === 'opinion' ? state.assignment?.replyingUnitIds[0] : d.unitId;
  const limit = state.deadlines[deadlineKey('limit', replyingUnit ?? '')];
  if (limit?.explanation && endDate > limit.explanation.endDate) {
    fail('VALIDATION_FAILED', `Extensions may not go past ${limit.explanation.endDate} (the maximum from assignment)`, [
      { field: 'requestedEndDate', message: `at most ${limit.explanation.endDate}` },
    ]);
  }
}

export function applyRequestExtension(
  state: HandlingState,
  actor: Actor,
  input: RequestExtensionInput,
  now: string,
): number {
  const id = state.extensions.length + 1;
  state.extensions.push({
    id,
    deadlineKey: input.deadlineKey,
    unitId: actor.unitId,
    requestedEndDate: input.requestedEndDate,
    reason: input.reason,
    requestedAt: now,
    requestedBy: actor.userId,
    status: 'pending',
  });
  record(
    state,
    'extension-requested',
    now,
    actor,
    { extensionId: id, deadlineKey: input.deadlineKey, requestedEndDate: input.requestedEndDate, reason: input.reason },
    actor.unitId,
  );
  startDecisionDeadline(state, 'extension', id, now);
  changed(state);
  return id;
}

export function canDecideExtensions(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'decideExtension');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Only the assigning office decides extensions');
}

export function canDecideExtension(state: HandlingState, actor: Actor, extensionId: unknown): ExtensionRequest {
  canDecideExtensions(state, actor);
  const ext = state.extensions.find((e) => e.id === extensionId);
  if (!ext) fail('VALIDATION_FAILED', 'No such extension request', [{ field: 'extensionId', message: 'unknown' }]);
  if (ext.status !== 'pending') fail('ALREADY_DONE', 'This extension request was already decided');
  return ext;
}

/** Refusing is always possible; approving needs the deadline still running and within the limit. */
export function checkDecideExtension(state: HandlingState, actor: Actor, input: DecideExtensionInput): void {
  const ext = canDecideExtension(state, actor, input?.extensionId);
  if (input.decision !== 'approve' && input.decision !== 'refuse') {
    fail('VALIDATION_FAILED', 'decision must be approve or refuse', [
      { field: 'decision', message: 'approve | refuse' },
    ]);
  }
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
  const d = state.deadlines[ext.deadlineKey];
  if (input.decision === 'approve') {
    if (!d || d.status !== 'running') fail('WRONG_STAGE', 'That deadline is no longer running');
    checkWithinLimit(state, d, ext.requestedEndDate);
  }
}

/** An approved extension moves the live deadline: the workflow re-plans it and its alarms. */
export function applyDecideExtension(
  state: HandlingState,
  actor: Actor,
  input: DecideExtensionInput,
  now: string,
): void {
  const ext = state.extensions.find((e) => e.id === input.extensionId) as HandlingState['extensions'][number];
  ext.status = input.decision === 'approve' ? 'approved' : 'refused';
  ext.decision = { at: now, by: actor.userId, reason: input.reason };
  if (input.decision === 'approve') {
    const d = state.deadlines[ext.deadlineKey];
    const fromDueAt = d.dueAt as string;
    d.plan = {
      start: d.plan.start,
      fixedEndDate: ext.requestedEndDate,
      note: `extended on ${toShanghaiDate(now)}: ${ext.reason}`,
    };
    d.status = 'planning';
    d.extension = { fromDueAt, reason: ext.reason, approvedAt: now, approvedBy: actor.userId };
    d.remindersSent = 0;
    d.escalations = 0;
    delete d.nextEscalationAt;
  }
  record(
    state,
    'extension-decided',
    now,
    actor,
    {
      extensionId: ext.id,
      deadlineKey: ext.deadlineKey,
      decision: input.decision,
      reason: input.reason,
      requestedEndDate: ext.requestedEndDate,
    },
    ext.unitId,
  );
  meetDecisionDeadline(state, 'extension', ext.id, now);
  changed(state);
}
