/*
 * The rules of handling a proposal, as pure functions over HandlingState, one file per stage
 * in ./rules. Each action has a `check…` (throws a DomainError and changes nothing: the
 * workflow's update validators call it, so a rejected action never reaches history) and an
 * `apply…` that changes the state and records an event. The workflow only orchestrates:
 * timers, activities, projection. Who may take which action, and when, is the actions
 * table's (./actions).
 */
export { TEXT_LIMITS, deadlineKey, isPast } from './rules/rule-support';
export * from './rules/review.rules';
export { checkAssign, applyAssign } from './rules/assignment.rules';
export * from './rules/objections.rules';
export * from './rules/consultation.rules';
export * from './rules/contact.rules';
export * from './rules/reply.rules';
export * from './rules/dispatch-feedback.rules';
export {
  checkReportFollowUp,
  applyReportFollowUp,
  checkConfirmPublication,
  applyConfirmPublication,
} from './rules/follow-up-publication.rules';
export * from './rules/extensions.rules';
export * from './rules/key-proposal.rules';
export * from './rules/reminder-notice.rules';
export * from './rules/planned-deadlines';
