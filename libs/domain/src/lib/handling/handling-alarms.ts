import type { EventDataOf, ProposalEventOf } from './handling-events';
import type { Deadline, HandlingState } from './handling-state';
import { applyFeedbackWindowPassed, contactRequired } from './handling-rules';

/*
 * Every timer of a proposal is an alarm derived from its running deadlines: the reminders
 * before each deadline, the first escalation when it passes, the next escalation every N
 * working days after. The workflow keeps one durable timer, to the earliest alarm; when a
 * deadline moves (an extension) the alarms move with it.
 */

export type AlarmKind = 'reminder' | 'due' | 'escalation';

export interface Alarm {
  at: string;
  deadlineKey: string;
  kind: AlarmKind;
}

/** Deadlines whose passing needs no escalation: their end is itself the rule. */
const NO_ESCALATION = new Set(['objection', 'feedback', 'limit']);
const NO_REMINDER = new Set(['objection', 'limit']);

function alarmOf(state: HandlingState, d: Deadline): Alarm | undefined {
  if (d.status !== 'running' || !d.dueAt) return undefined;
  if (!NO_REMINDER.has(d.kind) && d.remindersSent < d.reminderAt.length) {
    return { at: d.reminderAt[d.remindersSent], deadlineKey: d.key, kind: 'reminder' };
  }
  if (d.kind === 'limit') return undefined;
  // Contact the rules do not require: reminded, never escalated.
  if (d.kind === 'contact' && state.settings.contactDeadline === 'follows-requirement' && !contactRequired(state)) {
    return undefined;
  }
  if (d.escalations === 0) return { at: d.dueAt, deadlineKey: d.key, kind: 'due' };
  if (NO_ESCALATION.has(d.kind) || !d.nextEscalationAt) return undefined;
  return { at: d.nextEscalationAt, deadlineKey: d.key, kind: 'escalation' };
}

export function nextAlarm(state: HandlingState): Alarm | undefined {
  let next: Alarm | undefined;
  for (const d of Object.values(state.deadlines)) {
    const a = alarmOf(state, d);
    if (a && (!next || a.at < next.at)) next = a;
  }
  return next;
}

/** Alarms whose time has come, earliest first. */
export function dueAlarms(state: HandlingState, now: string): Alarm[] {
  return Object.values(state.deadlines)
    .map((d) => alarmOf(state, d))
    .filter((a): a is Alarm => !!a && a.at <= now)
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

/** What the workflow must do about an alarm that has fired. */
export type AlarmOutcome =
  | { notify: 'reminder' | 'escalation'; deadline: Deadline; overdueSince?: string }
  | { notify: undefined; deadline: Deadline };

/**
 * Marks the alarm as handled and says whom to tell. For an escalation the workflow then
 * plans the next one (`setNextEscalation`), which needs the calendar. An alarm that is no
 * longer its deadline's current alarm is ignored (`notify: undefined`).
 */
export function fireAlarm(state: HandlingState, alarm: Alarm, now: string): AlarmOutcome {
  const d = state.deadlines[alarm.deadlineKey];
  // An alarm computed before an action (a sign-off, an extension, a reassignment, a closure)
  // may no longer be this deadline's alarm: then there is nothing to do.
  const current = d ? alarmOf(state, d) : undefined;
  if (!current || current.kind !== alarm.kind || current.at !== alarm.at) return { notify: undefined, deadline: d };
  // A deadline with an alarm is running, so it has its due instant.
  const about = { deadlineKey: d.key, kind: d.kind, dueAt: d.dueAt as string };
  // Fields in the order record() writes them, so a stored event reads the same as before.
  const event = <T extends 'deadline-reminder' | 'deadline-escalation'>(type: T, data: EventDataOf<T>) => {
    state.pendingEvents.push({
      seq: state.nextEventSeq++,
      type,
      at: now,
      unitId: d.unitId,
      data,
    } as ProposalEventOf<T>);
  };
  if (alarm.kind === 'reminder') {
    d.remindersSent++;
    event('deadline-reminder', { ...about, reminder: d.remindersSent });
    state.version++;
    return { notify: 'reminder', deadline: d };
  }
  d.escalations++;
  // Handled: the next escalation is due only once the workflow has set it.
  delete d.nextEscalationAt;
  if (d.kind === 'objection') {
    // The window closed without objection: the assignment stands.
    d.status = 'met';
    d.metAt = d.dueAt;
    state.version++;
    return { notify: undefined, deadline: d };
  }
  if (d.kind === 'feedback') {
    applyFeedbackWindowPassed(state, d.unitId, now);
    return { notify: undefined, deadline: d };
  }
  event('deadline-escalation', { ...about, escalation: d.escalations });
  state.version++;
  return { notify: 'escalation', deadline: d, overdueSince: d.dueAt };
}

export function setNextEscalation(state: HandlingState, deadlineKey: string, at: string): void {
  const d = state.deadlines[deadlineKey];
  if (d && d.status === 'running') d.nextEscalationAt = at;
}
