import { patched } from '@temporalio/workflow';
import { CalendarActivities, ProposalActivities, PROPOSAL_WORKFLOW_PATCHES } from '@banli/contracts';
import { Deadline, dueAlarms, fireAlarm, HandlingState, setNextEscalation } from '@banli/domain';
import { nextEscalationAt, notifyDeadline } from './activities';
import { now } from './workflow-time';

/**
 * Fires every alarm whose time has come. Since the patch `parallel-alarm-notices`
 * (PROPOSAL_WORKFLOW_PATCHES), the notices of all alarms due together (every co-handler's
 * reminder at 09:00, several escalations at a deadline) go out at once, in one workflow task,
 * and then the next escalation times of all escalated deadlines are computed at once, instead
 * of one activity round trip after another per alarm. Proposals whose histories were written
 * before take the old path when they replay that part (docs/developers/workflow.md: "Changing the workflow
 * safely"); both paths send the same notices and plan the same escalations.
 */
export async function fireDueAlarms(state: HandlingState): Promise<void> {
  const due = dueAlarms(state, now());
  if (due.length === 0) return;
  if (patched(PROPOSAL_WORKFLOW_PATCHES.parallelAlarmNotices)) {
    const notices: Promise<void>[] = [];
    const escalated: Deadline[] = [];
    for (const alarm of due) {
      const outcome = fireAlarm(state, alarm, now());
      if (!outcome.notify) continue;
      // Right after fireAlarm: the notice takes the event fireAlarm just recorded.
      notices.push(notifyDeadline(noticeOf(state, outcome.notify, outcome.deadline)));
      if (outcome.notify === 'escalation') escalated.push(outcome.deadline);
    }
    await Promise.all(notices);
    const next = await Promise.all(escalated.map((d) => nextEscalationAt(escalationOf(state, d))));
    escalated.forEach((d, i) => setNextEscalation(state, d.key, next[i]));
    return;
  }
  // Before the patch: one alarm after another, each notice (and escalation time) awaited.
  for (const alarm of due) {
    const outcome = fireAlarm(state, alarm, now());
    if (!outcome.notify) continue;
    const d = outcome.deadline;
    const event = state.pendingEvents.at(-1);
    await notifyDeadline({
      proposalId: state.proposalId,
      eventSeq: event?.seq ?? state.nextEventSeq,
      kind: outcome.notify,
      deadlineKey: d.key,
      unitId: d.unitId,
      dueAt: d.dueAt as string,
      ...(outcome.notify === 'escalation' ? { escalation: d.escalations } : {}),
    });
    if (outcome.notify === 'escalation') {
      setNextEscalation(
        state,
        d.key,
        await nextEscalationAt({
          dueAt: d.dueAt as string,
          escalations: d.escalations,
          everyWorkingDays: state.settings.policy.escalationEveryWorkingDays,
        }),
      );
    }
  }
}

/** The notice of an alarm fireAlarm has just handled (its event is the last one recorded). */
function noticeOf(
  state: HandlingState,
  kind: 'reminder' | 'escalation',
  d: Deadline,
): Parameters<ProposalActivities['notifyDeadline']>[0] {
  const event = state.pendingEvents.at(-1);
  return {
    proposalId: state.proposalId,
    eventSeq: event?.seq ?? state.nextEventSeq,
    kind,
    deadlineKey: d.key,
    unitId: d.unitId,
    dueAt: d.dueAt as string,
    ...(kind === 'escalation' ? { escalation: d.escalations } : {}),
  };
}

function escalationOf(state: HandlingState, d: Deadline): Parameters<CalendarActivities['nextEscalationAt']>[0] {
  return {
    dueAt: d.dueAt as string,
    escalations: d.escalations,
    everyWorkingDays: state.settings.policy.escalationEveryWorkingDays,
  };
}
