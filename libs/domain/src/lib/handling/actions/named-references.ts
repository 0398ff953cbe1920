import type { AssignInput, DecideObjectionInput, MarkKeyInput, ReviewInput } from '../handling-commands';
import type { HandlingActionName } from './action-roles';

/**
 * The four kinds of unit in a city's organisation: the proposal committee's office (提案委),
 * the government office that assigns and supervises (市府办), the bureaus that handle
 * (承办单位), and supervising bodies (督查室, 人大/政协 liaison offices) that only watch.
 */
export const UNIT_KINDS = ['proposal-committee', 'assigning-office', 'bureau', 'supervising-body'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The kinds of unit work can be assigned to: bureaus (承办单位). Offices and committees assign, supervise or register. */
export const ASSIGNABLE_UNIT_KINDS: readonly string[] = ['bureau'];

/**
 * The role a user needs to lead key proposals (领办领导) as a user: DOMAIN.md counts leaders
 * among the supervisors, who see every proposal, so a leader can open the proposals of the digest.
 */
export const KEY_LEADER_ROLE = 'supervisor' as const;

/** Something outside the proposal that an action's input names, with the input field that names it. */
export type NamedReference =
  | { field: string; unitId: string }
  | { field: string; proposalId: string }
  /** A user the action links (a key proposal's leader): enabled, and holding `role`. */
  | { field: string; userId: string; role: typeof KEY_LEADER_ROLE };

/**
 * What each action's input names outside the proposal: the units it gives work to and the
 * proposal it merges into. The workflow cannot see the organisation directory or other
 * proposals, so the API checks these before the action is sent (unknown unit, a unit that is
 * not a bureau, a proposal that does not exist: 422), and nothing is assigned to nobody.
 * An action absent here names nothing outside the proposal (its unit targets are checked by
 * the domain against the proposal's own assignment).
 */
export const NAMED_REFERENCES: Partial<Record<HandlingActionName, (input: never) => NamedReference[]>> = {
  assign: (i: AssignInput) => [
    ...(i.leadUnitId !== undefined ? [{ field: 'leadUnitId', unitId: i.leadUnitId }] : []),
    ...(i.coHandlerUnitIds ?? []).map((unitId, n) => ({ field: `coHandlerUnitIds[${n}]`, unitId })),
    ...(i.unitIds ?? []).map((unitId, n) => ({ field: `unitIds[${n}]`, unitId })),
  ],
  decideObjection: (i: DecideObjectionInput) =>
    i.replacementUnitId !== undefined ? [{ field: 'replacementUnitId', unitId: i.replacementUnitId }] : [],
  // 领办领导 who are users: each must hold KEY_LEADER_ROLE.
  markKey: (i: MarkKeyInput) =>
    (Array.isArray(i.leaderUserIds) ? i.leaderUserIds : []).map((userId, n) => ({
      field: `leaderUserIds[${n}]`,
      userId,
      role: KEY_LEADER_ROLE,
    })),
  review: (i: ReviewInput) =>
    i.decision === 'merge' && i.mergedInto !== undefined ? [{ field: 'mergedInto', proposalId: i.mergedInto }] : [],
};

/** The references an action's input names (none for most actions). */
export function namedReferences(action: HandlingActionName, input: unknown): NamedReference[] {
  const of = NAMED_REFERENCES[action] as ((input: unknown) => NamedReference[]) | undefined;
  return of ? of(input) : [];
}
