/**
 * Patch ids (`patched(id)` from @temporalio/workflow) of proposal workflow changes that would
 * otherwise break the replay of proposals already running. Each stays until no workflow whose
 * history predates it is open; then its call becomes `deprecatePatch(id)`, and once no history
 * with its marker is open either, the call and the old branch go (docs/developers/workflow.md: "Changing the
 * workflow safely"). apps/workflow-tests/test/patching.integration-spec.ts proves each is
 * needed: without it, the histories saved before the change fail to replay.
 */
export const PROPOSAL_WORKFLOW_PATCHES = {
  /**
   * Since 2026-11: the notices of alarms due together (e.g. every co-handler's reminder at
   * 09:00) and their next escalation times are sent in one workflow task, not one after another.
   */
  parallelAlarmNotices: 'parallel-alarm-notices',
  /**
   * Since 2026-12: a new calendar (a local day off such as a typhoon closure, a corrected
   * notice) re-plans every running deadline not yet due and not escalated, not only the
   * provisional ones, so a day off in a published year moves the deadlines it falls in.
   */
  replanRunningDeadlines: 'replan-running-deadlines',
  /**
   * Since 2026-12 (issue 14): an action answers from the workflow task that schedules its
   * projection (its result carries the version the read model will reach, and the API waits
   * for the read model to show it); projections run one at a time, in version order. Decided
   * once per run: a run started before the change keeps awaiting each projection.
   */
  answerBeforeProjection: 'answer-before-projection',
  /**
   * Since 2026-12 (issue 19): each objection and extension request starts a decision deadline
   * for the assigning office (the policy's `decision`, 5 working days by default), which plans
   * with the calendar, reminds and escalates. Decided once per run: a run started before the
   * change goes on without (its requests would otherwise plan a deadline its history lacks).
   */
  officeDecisionDeadlines: 'office-decision-deadlines',
} as const;
