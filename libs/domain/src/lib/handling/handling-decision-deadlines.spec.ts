import { planDeadline } from '../calendar/planned-deadline';
import { DEFAULT_DEADLINE_POLICY, resolveDeadlinePolicy } from '../deadline-policy/deadline-policy';
import type { RequestExtensionInput } from './handling-commands';
import {
  actor,
  assignedProposal,
  coHandler,
  endOf,
  expectRefused,
  FINANCE,
  fireDueAlarms,
  handler,
  justAfter,
  CALENDAR,
  LEAD_MODE,
  OFFICE,
  officer,
  PROPOSAL_ID,
  sh,
  TRANSPORT,
} from './handling.fixtures';
import { nextAlarm, setNextEscalation } from './handling-alarms';
import {
  applyDecideExtension,
  applyDecideObjection,
  applyObject,
  applyRequestExtension,
  checkDecideExtension,
  checkDecideObjection,
  checkObject,
  checkRequestExtension,
} from './handling-rules';
import { openTasks } from './handling-stage';
import { applyPlannedDeadlines, deadlinesToPlan } from './rules/planned-deadlines';
import type { HandlingSettings, HandlingState } from './handling-state';

const ASK: RequestExtensionInput = {
  deadlineKey: `reply:${TRANSPORT}`,
  requestedEndDate: '2024-07-31',
  reason: '需等待年度预算批复',
};
/** A Monday; the fifth working day after it is 11 June (10 June 2024 is the Dragon Boat Festival). */
const ASKED_AT = sh('2024-06-03');

/** A proposal whose workflow runs with the patch `office-decision-deadlines`. */
function withDecisionDeadlines(settings: Partial<HandlingSettings> = {}): HandlingState {
  const state = assignedProposal(LEAD_MODE, { settings });
  state.decisionDeadlines = true;
  return state;
}

/** Plans new deadlines as the workflow's activity does (reminders before the start dropped). */
function planAll(state: HandlingState): void {
  const pending = deadlinesToPlan(state).map((d) => ({
    key: d.key,
    ...planDeadline(CALENDAR, d.plan, state.settings.policy.reminderWorkingDaysBefore),
  }));
  if (pending.length > 0) applyPlannedDeadlines(state, pending);
}

function requestExtension(state: HandlingState, now = ASKED_AT): number {
  checkRequestExtension(state, handler(TRANSPORT), ASK, now);
  const id = applyRequestExtension(state, handler(TRANSPORT), ASK, now);
  planAll(state);
  return id;
}

describe("the assigning office's decision deadline (审核时限)", () => {
  it('an extension request gives the office 5 working days by default, planned with the calendar', () => {
    const state = withDecisionDeadlines();
    const id = requestExtension(state);

    const d = state.deadlines[`decision:extension-${id}`];
    expect(d).toMatchObject({ kind: 'decision', unitId: OFFICE, status: 'running', dueAt: endOf('2024-06-11') });
    expect(d.explanation).toMatchObject({ endDate: '2024-06-11', rule: { unit: 'working-days', amount: 5 } });
    // The office's task carries its deadline, so its inbox and digest show it.
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/decide-extension/${OFFICE}/1`,
      kind: 'decide-extension',
      unitId: OFFICE,
      deadlineKey: 'decision:extension-1',
      dueAt: endOf('2024-06-11'),
    });
  });

  it('reminds the office before, escalates when passed, and ends with the decision', () => {
    const state = withDecisionDeadlines();
    requestExtension(state);
    const key = 'decision:extension-1';
    const reminders = state.deadlines[key].reminderAt;
    // 7 working days before would be before the request: only the day before is left.
    expect(reminders).toEqual([sh('2024-06-07', '09:00')]);

    fireDueAlarms(state, sh('2024-06-07', '09:00'));
    const reminded = state.pendingEvents.filter((e) => e.type === 'deadline-reminder' && e.data.deadlineKey === key);
    expect(reminded).toHaveLength(1);
    expect(reminded[0]).toMatchObject({ unitId: OFFICE, data: { kind: 'decision' } });

    fireDueAlarms(state, justAfter(endOf('2024-06-11')));
    const escalated = state.pendingEvents.filter((e) => e.type === 'deadline-escalation' && e.data.deadlineKey === key);
    expect(escalated).toMatchObject([{ unitId: OFFICE, data: { kind: 'decision', escalation: 1 } }]);
    setNextEscalation(state, key, sh('2024-06-14', '09:00'));
    expect(nextAlarm(state)).toEqual({ at: sh('2024-06-14', '09:00'), deadlineKey: key, kind: 'escalation' });

    const decidedAt = sh('2024-06-12');
    const refuse = { extensionId: 1, decision: 'refuse' as const, reason: '理由不充分' };
    checkDecideExtension(state, officer, refuse);
    applyDecideExtension(state, officer, refuse, decidedAt);
    expect(state.deadlines[key]).toMatchObject({ status: 'met', metAt: decidedAt });
    expect(nextAlarm(state)?.deadlineKey).not.toBe(key);
    expect(openTasks(state).map((t) => t.kind)).not.toContain('decide-extension');
  });

  it('an objection gives the office its deadline too, met by the decision', () => {
    const state = withDecisionDeadlines();
    const raisedAt = sh('2024-03-11');
    checkObject(state, coHandler(FINANCE), { reason: '不属于本单位职责' }, raisedAt);
    const id = applyObject(state, coHandler(FINANCE), { reason: '不属于本单位职责' }, raisedAt);
    planAll(state);
    const key = `decision:objection-${id}`;
    // 11 March 2024 is a Monday: five working days end on the 18th.
    expect(state.deadlines[key]).toMatchObject({ kind: 'decision', unitId: OFFICE, dueAt: endOf('2024-03-18') });
    expect(openTasks(state)).toContainEqual(
      expect.objectContaining({ kind: 'decide-objection', deadlineKey: key, dueAt: endOf('2024-03-18') }),
    );

    const reject = { objectionId: id, decision: 'reject' as const, reason: '属于本单位职责' };
    checkDecideObjection(state, officer, reject);
    applyDecideObjection(state, officer, reject, sh('2024-03-13'));
    expect(state.deadlines[key]).toMatchObject({ status: 'met', metAt: sh('2024-03-13') });
  });

  it('is configurable in the deadline policy (a shorter one here), and defaults where a policy has none', () => {
    const policy = resolveDeadlinePolicy({ decision: { unit: 'working-days', amount: 3 } });
    const state = withDecisionDeadlines({ policy });
    requestExtension(state);
    expect(state.deadlines['decision:extension-1'].explanation?.endDate).toBe('2024-06-06');

    // A proposal registered before the rule existed carries a policy without it: the default.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { decision, ...older } = DEFAULT_DEADLINE_POLICY;
    const old = withDecisionDeadlines({ policy: older as typeof DEFAULT_DEADLINE_POLICY });
    requestExtension(old);
    expect(old.deadlines['decision:extension-1'].explanation?.endDate).toBe('2024-06-11');
  });

  it('is not started in a run without the patch: its history replays unchanged', () => {
    const state = assignedProposal(LEAD_MODE);
    requestExtension(state);
    expect(Object.values(state.deadlines).filter((d) => d.kind === 'decision')).toEqual([]);
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/decide-extension/${OFFICE}/1`,
      kind: 'decide-extension',
      unitId: OFFICE,
    });
  });

  it('cannot itself be extended, even by a user of the office who may ask for extensions', () => {
    const state = withDecisionDeadlines();
    requestExtension(state);
    const officeHandler = actor(OFFICE, 'handler');
    expectRefused(
      state,
      () =>
        checkRequestExtension(
          state,
          officeHandler,
          { deadlineKey: 'decision:extension-1', requestedEndDate: '2024-06-20', reason: '需研究' },
          sh('2024-06-04'),
        ),
      'VALIDATION_FAILED',
      'deadlineKey',
    );
  });
});
