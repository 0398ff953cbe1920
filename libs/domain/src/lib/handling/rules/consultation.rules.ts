import type { Actor } from '../actor';
import { contentKey } from '../content-key';
import type { ReturnOpinionInput, SubmitOpinionInput, WaiveOpinionInput } from '../handling-commands';
import type { HandlingState, OpinionTask } from '../handling-state';
import {
  cancelDeadline,
  changed,
  checkPoints,
  deadlineKey,
  fail,
  leadTrack,
  meetDeadline,
  optionalText,
  record,
  requireActionRole,
  requireText,
  TEXT_LIMITS,
} from './rule-support';

// 会办: co-handling units give the lead unit written opinions, until the reply is signed.

function requireConsultationOpen(state: HandlingState): void {
  const lead = leadTrack(state);
  if (!lead) fail('WRONG_STAGE', 'This proposal has no consultation');
  if (lead.signed || lead.signing) fail('WRONG_STAGE', 'The reply is already signed; consultation is over');
}

/** The opinion a supervisor or the lead unit names; naming no co-handling unit is bad input. */
function opinionOf(state: HandlingState, unitId: string): OpinionTask {
  const opinion = state.opinions[unitId];
  if (!opinion)
    fail('VALIDATION_FAILED', 'No opinion from that unit', [{ field: 'unitId', message: 'not a co-handling unit' }]);
  return opinion;
}

export function canSubmitOpinion(state: HandlingState, actor: Actor): OpinionTask {
  requireActionRole(actor, 'submitOpinion');
  const opinion = state.opinions[actor.unitId];
  if (!opinion) fail('NOT_ASSIGNED', 'Your unit is not a co-handling unit of this proposal');
  requireConsultationOpen(state);
  if (opinion.status === 'waived') fail('ALREADY_DONE', 'Your opinion was waived by a supervisor');
  return opinion;
}

export function checkSubmitOpinion(state: HandlingState, actor: Actor, input: SubmitOpinionInput): void {
  const opinion = canSubmitOpinion(state, actor);
  checkPoints(state, input?.points, 'points', false);
  optionalText(input.summary, 'summary', TEXT_LIMITS.summary);
  // A revision changes something: the same opinion again (a double submit, the same form sent
  // from two tabs) is refused rather than recorded as a new version.
  if (opinion.status === 'submitted' && opinion.contentKey === opinionContentKey(input)) {
    fail('ALREADY_DONE', 'This opinion is already submitted as it stands; change it to revise it');
  }
}

function opinionContentKey(input: SubmitOpinionInput): string {
  return contentKey({
    points: [...input.points].sort((a, b) => a.seq - b.seq).map((p) => [p.seq, p.adoption, p.text]),
    summary: input.summary ?? null,
  });
}

export function applySubmitOpinion(state: HandlingState, actor: Actor, input: SubmitOpinionInput, now: string): void {
  const opinion = state.opinions[actor.unitId];
  opinion.status = 'submitted';
  opinion.version++;
  opinion.submittedAt = now;
  opinion.contentKey = opinionContentKey(input);
  delete opinion.returnReason;
  meetDeadline(state, 'opinion', actor.unitId, now);
  record(
    state,
    'opinion-submitted',
    now,
    actor,
    { version: opinion.version, points: input.points, summary: input.summary },
    actor.unitId,
  );
  changed(state);
}

export function canReturnOpinions(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'returnOpinion');
  const lead = leadTrack(state);
  if (!lead || lead.unitId !== actor.unitId) fail('NOT_ASSIGNED', 'Only the lead unit returns opinions');
  requireConsultationOpen(state);
}

export function canReturnOpinion(state: HandlingState, actor: Actor, unitId: string): void {
  canReturnOpinions(state, actor);
  const opinion = opinionOf(state, unitId);
  if (opinion.status !== 'submitted') fail('WRONG_STAGE', 'Only a submitted opinion can be returned for revision');
}

export function checkReturnOpinion(state: HandlingState, actor: Actor, input: ReturnOpinionInput): void {
  canReturnOpinion(state, actor, input?.unitId);
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyReturnOpinion(state: HandlingState, actor: Actor, input: ReturnOpinionInput, now: string): void {
  const opinion = state.opinions[input.unitId];
  opinion.status = 'returned';
  opinion.returnReason = input.reason;
  const d = state.deadlines[deadlineKey('opinion', input.unitId)];
  if (d && d.status === 'met') {
    d.status = 'running';
    delete d.metAt;
  }
  record(state, 'opinion-returned', now, actor, { reason: input.reason, version: opinion.version }, input.unitId);
  changed(state);
}

export function canWaiveOpinions(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'waiveOpinion');
  requireConsultationOpen(state);
}

export function canWaiveOpinion(state: HandlingState, actor: Actor, unitId: string): void {
  canWaiveOpinions(state, actor);
  const opinion = opinionOf(state, unitId);
  if (opinion.status === 'submitted' || opinion.status === 'waived')
    fail('ALREADY_DONE', 'That opinion is already in or waived');
}

export function checkWaiveOpinion(state: HandlingState, actor: Actor, input: WaiveOpinionInput): void {
  canWaiveOpinion(state, actor, input?.unitId);
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyWaiveOpinion(state: HandlingState, actor: Actor, input: WaiveOpinionInput, now: string): void {
  const opinion = state.opinions[input.unitId];
  opinion.status = 'waived';
  opinion.waiver = { reason: input.reason, by: actor.userId, at: now };
  cancelDeadline(state, 'opinion', input.unitId);
  record(state, 'opinion-waived', now, actor, { reason: input.reason }, input.unitId);
  changed(state);
}
