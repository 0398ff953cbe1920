import type { Actor } from '../actor';
import type { SendReminderInput } from '../handling-commands';
import type { HandlingState } from '../handling-state';
import { openTasks } from '../handling-stage';
import { changed, fail, optionalText, record, requireActionRole, TEXT_LIMITS } from './rule-support';

// 催办: a supervisor's reminder to a unit about its open tasks.

export function canSendReminders(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'sendReminder');
  if (state.closedAt) fail('WRONG_STAGE', 'The proposal is closed');
}

export function canSendReminderTo(state: HandlingState, actor: Actor, unitId: unknown): void {
  canSendReminders(state, actor);
  if (typeof unitId !== 'string' || !openTasks(state).some((t) => t.unitId === unitId)) {
    fail('VALIDATION_FAILED', 'That unit has no open task on this proposal', [
      { field: 'unitId', message: 'no open task' },
    ]);
  }
}

export function checkSendReminder(state: HandlingState, actor: Actor, input: SendReminderInput): void {
  canSendReminderTo(state, actor, input?.unitId);
  optionalText(input.message, 'message', TEXT_LIMITS.reason);
}

/** Recorded as an audit event; the projection hands it to the notification outbox. */
export function applySendReminder(state: HandlingState, actor: Actor, input: SendReminderInput, now: string): void {
  const tasks = openTasks(state).filter((t) => t.unitId === input.unitId);
  record(
    state,
    'reminder-notice',
    now,
    actor,
    {
      message: input.message ?? null,
      tasks: tasks.map((t) => ({ kind: t.kind, deadlineKey: t.deadlineKey ?? null, dueAt: t.dueAt ?? null })),
    },
    input.unitId,
  );
  changed(state);
}
