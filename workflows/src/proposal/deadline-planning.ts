import { patched } from '@temporalio/workflow';
import { PROPOSAL_WORKFLOW_PATCHES } from '@banli/contracts';
import { applyPlannedDeadlines, deadlinesToPlan, HandlingState } from '@banli/domain';
import { planDeadlines } from './activities';
import { now } from './workflow-time';

/** Gives every new deadline its explanation and reminders, from the current calendar. */
export async function planPendingDeadlines(state: HandlingState, refresh = false): Promise<void> {
  const pending = deadlinesToPlan(state);
  if (pending.length === 0) return;
  const planned = await planDeadlines(
    pending.map((d) => ({
      key: d.key,
      plan: d.plan,
      reminderWorkingDaysBefore: state.settings.policy.reminderWorkingDaysBefore,
    })),
    ...(refresh ? [{ refresh }] : []),
  );
  applyPlannedDeadlines(state, planned);
}

/**
 * After a new calendar: deadlines computed while their year's calendar was unpublished, and
 * (since the patch `replan-running-deadlines`) every running deadline not yet due and never
 * escalated, computed again from their start and rule. One that is due or escalated keeps
 * its date: its reminders and escalations already went out by it.
 */
export async function replanAfterCalendarChange(state: HandlingState): Promise<void> {
  const running = Object.values(state.deadlines).filter((d) => d.status === 'running');
  const stillAhead = running.filter((d) => !d.explanation?.provisional && d.escalations === 0 && !!d.dueAt);
  const replanAhead =
    stillAhead.length > 0 && patched(PROPOSAL_WORKFLOW_PATCHES.replanRunningDeadlines) ? now() : undefined;
  for (const d of running) {
    if (d.explanation?.provisional) d.status = 'planning';
    else if (replanAhead && stillAhead.includes(d) && (d.dueAt as string) > replanAhead) d.status = 'planning';
  }
  await planPendingDeadlines(state, true);
}
