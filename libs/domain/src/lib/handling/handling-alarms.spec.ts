import {
  assignedProposal,
  coHandler,
  dispatch,
  draft,
  EDUCATION,
  endOf,
  eventsOfType,
  FINANCE,
  fireDueAlarms,
  handler,
  justAfter,
  LEAD_MODE,
  officer,
  planAll,
  PLANNING,
  rate,
  recordContact,
  replyThroughSignOff,
  sh,
  SINGLE_MODE,
  TRANSPORT,
} from './handling.fixtures';
import { Alarm, dueAlarms, fireAlarm, nextAlarm, setNextEscalation } from './handling-alarms';
import { applyDecideExtension, applyDecideObjection, applyObject, applyRequestExtension } from './handling-rules';
import type { HandlingState } from './handling-state';

const OBJECTION = `objection:${TRANSPORT}`;
const CONTACT = `contact:${TRANSPORT}`;
const REPLY = `reply:${TRANSPORT}`;

function alarmFor(state: HandlingState, key: string, now: string): Alarm {
  const alarm = dueAlarms(state, now).find((a) => a.deadlineKey === key);
  if (!alarm) throw new Error(`no alarm due for ${key} at ${now}`);
  return alarm;
}

describe('alarms: reminders before a deadline, escalation after it (催办 / 督办)', () => {
  it('the first alarm after assignment is the end of the objection window, which has no reminders', () => {
    const state = assignedProposal(SINGLE_MODE);
    expect(nextAlarm(state)).toEqual({ at: endOf('2024-03-15'), deadlineKey: OBJECTION, kind: 'due' });
  });

  it('the end of the objection window closes it: the assignment stands, nobody is escalated', () => {
    const state = assignedProposal(SINGLE_MODE);
    const version = state.version;
    const events = state.pendingEvents.length;
    const alarm = nextAlarm(state) as Alarm;

    const outcome = fireAlarm(state, alarm, justAfter(alarm.at));

    expect(outcome.notify).toBeUndefined();
    expect(state.deadlines[OBJECTION]).toMatchObject({ status: 'met', metAt: endOf('2024-03-15') });
    expect(state.pendingEvents).toHaveLength(events);
    expect(state.version).toBe(version + 1);
    expect(nextAlarm(state)).toEqual({ at: sh('2024-03-20', '09:00'), deadlineKey: CONTACT, kind: 'reminder' });
  });

  it('reminders go out 7 and 1 working days before, then the deadline itself is due', () => {
    const state = assignedProposal(SINGLE_MODE);
    fireDueAlarms(state, justAfter(endOf('2024-03-15')));
    const version = state.version;

    const first = nextAlarm(state) as Alarm;
    const outcome = fireAlarm(state, first, first.at);

    expect(outcome).toEqual({ notify: 'reminder', deadline: state.deadlines[CONTACT] });
    expect(state.deadlines[CONTACT].remindersSent).toBe(1);
    expect(state.version).toBe(version + 1);
    expect(eventsOfType(state, 'deadline-reminder')).toEqual([
      expect.objectContaining({
        at: first.at,
        unitId: TRANSPORT,
        data: { deadlineKey: CONTACT, kind: 'contact', dueAt: endOf('2024-03-29'), reminder: 1 },
      }),
    ]);

    expect(nextAlarm(state)).toEqual({ at: sh('2024-03-28', '09:00'), deadlineKey: CONTACT, kind: 'reminder' });
    fireAlarm(state, nextAlarm(state) as Alarm, sh('2024-03-28', '09:00'));
    expect(nextAlarm(state)).toEqual({ at: endOf('2024-03-29'), deadlineKey: CONTACT, kind: 'due' });
  });

  it('an overdue deadline escalates, then again at each interval the workflow sets', () => {
    const state = assignedProposal(SINGLE_MODE);
    const overdue = justAfter(endOf('2024-03-29'));
    fireDueAlarms(state, sh('2024-03-29', '12:00'));
    const due = alarmFor(state, CONTACT, overdue);
    expect(due.kind).toBe('due');

    const outcome = fireAlarm(state, due, overdue);

    expect(outcome).toEqual({
      notify: 'escalation',
      deadline: state.deadlines[CONTACT],
      overdueSince: endOf('2024-03-29'),
    });
    expect(state.deadlines[CONTACT]).toMatchObject({ status: 'running', escalations: 1 });
    expect(eventsOfType(state, 'deadline-escalation')).toEqual([
      expect.objectContaining({
        unitId: TRANSPORT,
        data: expect.objectContaining({ deadlineKey: CONTACT, kind: 'contact', escalation: 1 }),
      }),
    ]);
    expect(eventsOfType(state, 'deadline-escalation')[0].actor).toBeUndefined();
    // Nothing more for this deadline until the workflow has computed the next escalation.
    expect(dueAlarms(state, sh('2024-12-31')).map((a) => a.deadlineKey)).not.toContain(CONTACT);

    setNextEscalation(state, CONTACT, sh('2024-04-03', '09:00'));
    const again = alarmFor(state, CONTACT, sh('2024-04-03', '09:00'));
    expect(again).toEqual({ at: sh('2024-04-03', '09:00'), deadlineKey: CONTACT, kind: 'escalation' });

    expect(fireAlarm(state, again, again.at)).toMatchObject({
      notify: 'escalation',
      overdueSince: endOf('2024-03-29'),
    });
    expect(state.deadlines[CONTACT].escalations).toBe(2);
    expect(eventsOfType(state, 'deadline-escalation').map((e) => e.data['escalation'])).toEqual([1, 2]);
  });

  it('an escalation, once fired, is handled: it does not fire again before the next one is set', () => {
    const state = assignedProposal(SINGLE_MODE);
    fireDueAlarms(state, justAfter(endOf('2024-03-29')));
    setNextEscalation(state, CONTACT, sh('2024-04-03', '09:00'));
    const escalation = alarmFor(state, CONTACT, sh('2024-04-03', '09:00'));
    fireAlarm(state, escalation, escalation.at);

    expect(dueAlarms(state, sh('2024-04-03', '10:00')).map((a) => a.deadlineKey)).not.toContain(CONTACT);
    const again = fireAlarm(state, escalation, sh('2024-04-03', '10:00'));
    expect(again.notify).toBeUndefined();
    expect(state.deadlines[CONTACT].escalations).toBe(2);
  });

  it('a met deadline raises no alarms, and its escalation cannot be set', () => {
    const state = assignedProposal(SINGLE_MODE);
    recordContact(state, TRANSPORT, sh('2024-03-12'));

    expect(dueAlarms(state, sh('2024-12-31')).map((a) => a.deadlineKey)).not.toContain(CONTACT);
    setNextEscalation(state, CONTACT, sh('2024-04-03', '09:00'));
    expect(state.deadlines[CONTACT].nextEscalationAt).toBeUndefined();
  });

  it('the six-month limit never raises an alarm', () => {
    const state = assignedProposal(SINGLE_MODE);
    fireDueAlarms(state, sh('2025-01-01'));
    expect(
      [...eventsOfType(state, 'deadline-reminder'), ...eventsOfType(state, 'deadline-escalation')].map(
        (e) => e.data['kind'],
      ),
    ).not.toContain('limit');
    expect(state.deadlines[`limit:${TRANSPORT}`].status).toBe('running');
  });

  it('dueAlarms lists every alarm whose time has come, earliest first, one per deadline', () => {
    const state = assignedProposal(LEAD_MODE);

    expect(dueAlarms(state, sh('2024-03-15'))).toEqual([]);
    expect(dueAlarms(state, sh('2024-03-28', '12:00'))).toEqual([
      { at: endOf('2024-03-15'), deadlineKey: OBJECTION, kind: 'due' },
      { at: endOf('2024-03-15'), deadlineKey: `objection:${FINANCE}`, kind: 'due' },
      { at: endOf('2024-03-15'), deadlineKey: `objection:${PLANNING}`, kind: 'due' },
      { at: sh('2024-03-20', '09:00'), deadlineKey: CONTACT, kind: 'reminder' },
      { at: sh('2024-03-27', '09:00'), deadlineKey: `opinion:${FINANCE}`, kind: 'reminder' },
      { at: sh('2024-03-27', '09:00'), deadlineKey: `opinion:${PLANNING}`, kind: 'reminder' },
    ]);
    expect(nextAlarm(state)).toEqual({ at: endOf('2024-03-15'), deadlineKey: OBJECTION, kind: 'due' });
  });

  it('the end of the feedback window is not escalated: it records who did not rate', () => {
    const state = assignedProposal(SINGLE_MODE);
    replyThroughSignOff(state, TRANSPORT, '2024-05-15', 'X交函〔2024〕7号', draft('A', 'never'));
    dispatch(state, TRANSPORT, sh('2024-05-20'));
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-21'));
    fireDueAlarms(state, sh('2024-06-11', '12:00'));
    const due = alarmFor(state, `feedback:${TRANSPORT}`, justAfter(endOf('2024-06-11')));
    expect(due.kind).toBe('due');
    const escalations = eventsOfType(state, 'deadline-escalation').length;

    const outcome = fireAlarm(state, due, justAfter(endOf('2024-06-11')));

    expect(outcome.notify).toBeUndefined();
    expect(eventsOfType(state, 'deadline-escalation')).toHaveLength(escalations);
    expect(state.tracks[TRANSPORT].feedback['王芳']).toBe('not-rated');
  });
});

describe('the contact deadline where the rules do not require contact (proposals registered with follows-requirement)', () => {
  const FOLLOWS = { settings: { contactDeadline: 'follows-requirement' as const } };
  const overdue = justAfter(endOf('2024-03-29'));

  it('reminds, but never escalates when contact is not required', () => {
    const state = assignedProposal(SINGLE_MODE, FOLLOWS);
    fireDueAlarms(state, sh('2024-03-29', '12:00'));
    expect(eventsOfType(state, 'deadline-reminder').map((e) => e.data['deadlineKey'])).toContain(CONTACT);
    expect(dueAlarms(state, overdue).map((a) => a.deadlineKey)).not.toContain(CONTACT);
    fireDueAlarms(state, sh('2024-12-31'));
    expect(eventsOfType(state, 'deadline-escalation').filter((e) => e.data['deadlineKey'] === CONTACT)).toEqual([]);
  });

  it('escalates as any deadline once contact is required (a key proposal)', () => {
    const state = assignedProposal(SINGLE_MODE, { settings: { ...FOLLOWS.settings, contactRequiredFor: 'all' } });
    fireDueAlarms(state, sh('2024-03-29', '12:00'));
    expect(alarmFor(state, CONTACT, overdue).kind).toBe('due');
  });

  it('ends when the reply is signed, contact or not', () => {
    const state = assignedProposal(SINGLE_MODE, FOLLOWS);
    replyThroughSignOff(state, TRANSPORT, '2024-03-20', 'X交函〔2024〕8号');
    expect(state.deadlines[CONTACT].status).toBe('cancelled');
    expect(dueAlarms(state, sh('2024-12-31')).map((a) => a.deadlineKey)).not.toContain(CONTACT);
  });

  it('keeps the old behaviour for proposals registered before (no setting): escalates, stays open after signing', () => {
    const state = assignedProposal(SINGLE_MODE);
    replyThroughSignOff(state, TRANSPORT, '2024-03-20', 'X交函〔2024〕9号');
    expect(state.deadlines[CONTACT].status).toBe('running');
    fireDueAlarms(state, sh('2024-03-29', '12:00'));
    expect(alarmFor(state, CONTACT, overdue).kind).toBe('due');
  });
});

describe('an alarm overtaken by an action (the workflow fires alarms one by one, awaiting each)', () => {
  it('does not escalate a reply signed in the meantime', () => {
    const state = assignedProposal(SINGLE_MODE);
    fireDueAlarms(state, sh('2024-06-11', '12:00'));
    const now = justAfter(endOf('2024-06-11'));
    const due = alarmFor(state, REPLY, now);
    // An update is handled while the workflow awaits the notification of an earlier alarm.
    replyThroughSignOff(state, TRANSPORT, '2024-06-11', 'X交函〔2024〕7号');
    const version = state.version;
    const events = state.pendingEvents.length;

    const outcome = fireAlarm(state, due, now);

    expect(outcome.notify).toBeUndefined();
    expect(state.deadlines[REPLY]).toMatchObject({ status: 'met', escalations: 0 });
    expect(state.pendingEvents).toHaveLength(events);
    expect(state.version).toBe(version);
  });

  it('leaves a cancelled objection window cancelled', () => {
    const state = assignedProposal(LEAD_MODE);
    applyObject(state, coHandler(FINANCE), { reason: '非本单位职责' }, sh('2024-03-11'));
    const now = justAfter(endOf('2024-03-15'));
    const due = alarmFor(state, `objection:${FINANCE}`, now);
    applyDecideObjection(
      state,
      officer,
      { objectionId: 1, decision: 'reassign', reason: '改派', replacementUnitId: EDUCATION },
      now,
    );
    planAll(state);

    fireAlarm(state, due, now);

    expect(state.deadlines[`objection:${FINANCE}`].status).toBe('cancelled');
  });

  it('does not spend a reminder of a deadline that an approved extension has moved', () => {
    const state = assignedProposal(SINGLE_MODE);
    const now = sh('2024-05-30', '09:00');
    fireDueAlarms(state, sh('2024-05-29'));
    const reminder = alarmFor(state, REPLY, now);
    expect(reminder.kind).toBe('reminder');
    applyRequestExtension(
      state,
      handler(TRANSPORT),
      { deadlineKey: REPLY, requestedEndDate: '2024-07-31', reason: '等待预算' },
      sh('2024-05-29'),
    );
    applyDecideExtension(state, officer, { extensionId: 1, decision: 'approve', reason: '同意' }, now);

    fireAlarm(state, reminder, now);
    planAll(state);

    expect(state.deadlines[REPLY].remindersSent).toBe(0);
    expect(nextAlarm(state)).toEqual(
      expect.objectContaining({ deadlineKey: REPLY, kind: 'reminder', at: sh('2024-07-22', '09:00') }),
    );
  });
});
