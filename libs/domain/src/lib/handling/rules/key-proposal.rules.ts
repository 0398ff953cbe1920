import type { Actor } from '../actor';
import type { MarkKeyInput } from '../handling-commands';
import type { HandlingState } from '../handling-state';
import { changed, fail, record, requireActionRole, requireText, TEXT_LIMITS } from './rule-support';

// 重点提案: a key proposal, with the leaders who supervise it.

/** From registration until closing: a proposal may be marked key before it is even assigned. */
export function canMarkKey(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'markKey');
  if (state.closedAt) fail('WRONG_STAGE', 'The proposal is closed');
}

export function checkMarkKey(state: HandlingState, actor: Actor, input: MarkKeyInput): void {
  canMarkKey(state, actor);
  if (!Array.isArray(input?.leaders) || input.leaders.length === 0 || input.leaders.length > 10) {
    fail('VALIDATION_FAILED', 'leaders must name 1-10 supervising leaders', [
      { field: 'leaders', message: '1-10 names' },
    ]);
  }
  input.leaders.forEach((l, i) => requireText(l, `leaders[${i}]`, TEXT_LIMITS.name));
  const ids: unknown = input.leaderUserIds;
  if (ids === undefined) return;
  if (!Array.isArray(ids) || ids.length > 10 || new Set(ids).size !== ids.length) {
    fail('VALIDATION_FAILED', 'leaderUserIds must name at most 10 different users', [
      { field: 'leaderUserIds', message: 'at most 10 different user ids' },
    ]);
  }
  ids.forEach((id, i) => requireText(id, `leaderUserIds[${i}]`, 64));
}

export function applyMarkKey(state: HandlingState, actor: Actor, input: MarkKeyInput, now: string): void {
  const users = input.leaderUserIds?.length ? { leaderUserIds: input.leaderUserIds } : {};
  state.key = { leaders: input.leaders, markedAt: now, ...users };
  record(state, 'key-proposal-marked', now, actor, { leaders: input.leaders, ...users });
  changed(state);
}
