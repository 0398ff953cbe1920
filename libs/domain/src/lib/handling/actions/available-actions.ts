import type { Actor } from '../actor';
import type { HandlingState } from '../handling-state';
import { HANDLING_ACTION_NAMES, HandlingActionName } from './action-roles';
import { ActionTargetOf, HANDLING_ACTIONS, passes } from './handling-actions';

/**
 * An action the actor may take now, with the things it may be aimed at, e.g.
 * `{ action: 'requestExtension', targets: [{ deadlineKey: 'reply:u-1' }] }`. Plain JSON: the
 * API returns it as `allowedActions` and the web renders one button (or one per target).
 */
export type AvailableAction = {
  [N in HandlingActionName]: [ActionTargetOf<N>] extends [never]
    ? { action: N }
    : { action: N; targets: ActionTargetOf<N>[] };
}[HandlingActionName];

/** Every action `actor` may take on this proposal at `now`, in the table's order. */
export function availableActions(state: HandlingState, actor: Actor, now: string): AvailableAction[] {
  const available: AvailableAction[] = [];
  for (const action of HANDLING_ACTION_NAMES) {
    const rule = HANDLING_ACTIONS[action];
    if ('targets' in rule) {
      const targets = rule.targets(state, actor, now);
      if (targets.length > 0) available.push({ action, targets } as AvailableAction);
    } else if (passes(() => rule.canAct(state, actor, now))) {
      available.push({ action } as AvailableAction);
    }
  }
  return available;
}
