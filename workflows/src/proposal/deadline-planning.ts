import { applyPlannedDeadlines, deadlinesToPlan, HandlingState } from '@banli/domain';
import { planDeadlines } from './activities';

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

/** Deadlines computed while their year's calendar was unpublished, computed again. */
export async function replanProvisionalDeadlines(state: HandlingState): Promise<void> {
  for (const d of Object.values(state.deadlines)) {
    if (d.status === 'running' && d.explanation?.provisional) d.status = 'planning';
  }
  await planPendingDeadlines(state, true);
}
