export * from './action-roles';
export * from './available-actions';
export * from './task-actions';
export * from './named-references';
export {
  HANDLING_ACTIONS,
  type ActionInputOf,
  type ActionResultOf,
  type ActionTargetOf,
  type DeadlineTarget,
  type ExtensionTarget,
  type FeedbackTarget,
  type HandlingAction,
  type HandlingActionRule,
  type HandlingActions,
  type ObjectionTarget,
  type SignOffAction,
  type TargetedActionName,
  type TargetedHandlingAction,
  type UnitTarget,
} from './handling-actions';
