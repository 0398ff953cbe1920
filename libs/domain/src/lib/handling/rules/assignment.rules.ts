import type { Actor } from '../actor';
import type { ErrorDetail } from '../../domain-error';
import type { AssignInput } from '../handling-commands';
import type { HandlingState } from '../handling-state';
import { changed, fail, newTrack, planDeadline, record, requireActionRole, requireStage, startDeadline } from './rule-support';

// 交办: the assigning office names the replying and co-handling units; every clock starts.

function assignedUnits(input: AssignInput): { replying: string[]; coHandlers: string[] } {
  if (input.mode === 'lead') return { replying: [input.leadUnitId ?? ''], coHandlers: input.coHandlerUnitIds ?? [] };
  return { replying: input.unitIds ?? [], coHandlers: [] };
}

export function canAssign(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'assign');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Only the assigning office assigns proposals');
  requireStage(state, 'assignment');
}

export function checkAssign(state: HandlingState, actor: Actor, input: AssignInput): void {
  canAssign(state, actor);
  const problems: ErrorDetail[] = [];
  if (!['lead', 'split', 'single'].includes(input?.mode))
    problems.push({ field: 'mode', message: 'lead | split | single' });
  const { replying, coHandlers } = assignedUnits(input ?? { mode: 'single' });
  const all = [...replying, ...coHandlers];
  if (all.some((u) => typeof u !== 'string' || u.trim() === '' || u.length > 64)) {
    problems.push({ field: 'units', message: 'unit ids must be non-empty' });
  }
  if (new Set(all).size !== all.length) problems.push({ field: 'units', message: 'a unit may appear only once' });
  if (all.includes(state.settings.assigningUnitId))
    problems.push({ field: 'units', message: 'the assigning office cannot handle proposals' });
  if (input?.mode === 'lead' && coHandlers.length === 0) {
    problems.push({
      field: 'coHandlerUnitIds',
      message: 'lead mode needs at least one co-handling unit (else: single)',
    });
  }
  if (input?.mode === 'split' && replying.length < 2)
    problems.push({ field: 'unitIds', message: 'split mode needs at least two units' });
  if (input?.mode === 'single' && replying.length !== 1)
    problems.push({ field: 'unitIds', message: 'single mode needs exactly one unit' });
  if (all.length > 30) problems.push({ field: 'units', message: 'at most 30 units' });
  if (problems.length) fail('VALIDATION_FAILED', 'The assignment is invalid', problems);
}

export function applyAssign(state: HandlingState, actor: Actor, input: AssignInput, now: string): void {
  const { replying, coHandlers } = assignedUnits(input);
  state.assignment = { mode: input.mode, replyingUnitIds: replying, coHandlerUnitIds: coHandlers, assignedAt: now };
  for (const unitId of replying) startReplyingUnit(state, unitId, now);
  for (const unitId of coHandlers) startCoHandler(state, unitId, now);
  for (const unitId of replying) {
    planDeadline(state, 'limit', unitId, { start: now, rule: state.settings.policy.maxTotalWithExtensions });
  }
  record(state, 'assigned', now, actor, { mode: input.mode, replyingUnitIds: replying, coHandlerUnitIds: coHandlers });
  changed(state);
}

export function startReplyingUnit(state: HandlingState, unitId: string, now: string): void {
  state.tracks[unitId] = newTrack(unitId);
  startDeadline(state, 'objection', unitId, now);
  startDeadline(state, 'contact', unitId, now);
  startDeadline(state, 'reply', unitId, now);
}

export function startCoHandler(state: HandlingState, unitId: string, now: string): void {
  state.opinions[unitId] = { unitId, status: 'pending', version: 0 };
  startDeadline(state, 'objection', unitId, now);
  startDeadline(state, 'opinion', unitId, now);
}
