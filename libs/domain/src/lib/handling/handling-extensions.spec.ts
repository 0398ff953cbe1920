import type { DecideExtensionInput, RequestExtensionInput } from './handling-commands';
import {
  actor,
  ASSIGNED_AT,
  assignedProposal,
  coHandler,
  dispatch,
  endDateOf,
  endOf,
  expectRefused,
  FINANCE,
  fireDueAlarms,
  handler,
  HOUSING,
  justAfter,
  LEAD_MODE,
  lastEvent,
  OFFICE,
  officer,
  planAll,
  PROPOSAL_ID,
  recordContact,
  replyThroughSignOff,
  reviewer,
  sh,
  SINGLE_MODE,
  TRANSPORT,
} from './handling.fixtures';
import { nextAlarm, setNextEscalation } from './handling-alarms';
import {
  applyDecideExtension,
  applyRequestExtension,
  checkDecideExtension,
  checkRequestExtension,
} from './handling-rules';
import { openTasks } from './handling-stage';
import type { HandlingState } from './handling-state';

const REPLY = `reply:${TRANSPORT}`;
const ASK: RequestExtensionInput = { deadlineKey: REPLY, requestedEndDate: '2024-07-31', reason: '需等待年度预算批复' };

function request(state: HandlingState, now: string, input = ASK, who = handler(TRANSPORT)): number {
  checkRequestExtension(state, who, input, now);
  return applyRequestExtension(state, who, input, now);
}

function decide(state: HandlingState, input: DecideExtensionInput, now: string): void {
  checkDecideExtension(state, officer, input);
  applyDecideExtension(state, officer, input, now);
}

describe('asking for more time (申请延期)', () => {
  it('the unit holding a deadline asks before it passes; the assigning office gets a decision task', () => {
    const state = assignedProposal(LEAD_MODE);
    const at = sh('2024-06-03');

    const id = request(state, at);

    expect(id).toBe(1);
    expect(state.extensions).toEqual([
      {
        id: 1,
        deadlineKey: REPLY,
        unitId: TRANSPORT,
        requestedEndDate: '2024-07-31',
        reason: ASK.reason,
        requestedAt: at,
        requestedBy: handler(TRANSPORT).userId,
        status: 'pending',
      },
    ]);
    expect(state.deadlines[REPLY]).toMatchObject({ status: 'running', dueAt: endOf('2024-06-11') });
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/decide-extension/${OFFICE}/1`,
      kind: 'decide-extension',
      unitId: OFFICE,
    });
    expect(lastEvent(state)).toMatchObject({
      type: 'extension-requested',
      unitId: TRANSPORT,
      actor: { userId: handler(TRANSPORT).userId },
      data: { deadlineKey: REPLY, requestedEndDate: '2024-07-31' },
    });
  });

  it('is too late once the deadline has passed', () => {
    const state = assignedProposal(LEAD_MODE);
    expect(() => checkRequestExtension(state, handler(TRANSPORT), ASK, endOf('2024-06-11'))).not.toThrow();
    expectRefused(
      state,
      () => checkRequestExtension(state, handler(TRANSPORT), ASK, justAfter(endOf('2024-06-11'))),
      'DEADLINE_PASSED',
    );
  });

  it('says a date that is not in the calendar is not a date, not that it is too early', () => {
    const state = assignedProposal(LEAD_MODE);
    const error = expectRefused(
      state,
      () =>
        checkRequestExtension(state, handler(TRANSPORT), { ...ASK, requestedEndDate: '2024-06-31' }, sh('2024-06-03')),
      'VALIDATION_FAILED',
      'requestedEndDate',
    );
    expect(error.message).toMatch(/not a date of the calendar/);
  });

  it('may not reach past six months from assignment, in total', () => {
    const state = assignedProposal(LEAD_MODE);
    expect(endDateOf(state, `limit:${TRANSPORT}`)).toBe('2024-09-09');

    expect(() =>
      checkRequestExtension(state, handler(TRANSPORT), { ...ASK, requestedEndDate: '2024-09-09' }, sh('2024-06-03')),
    ).not.toThrow();
    expectRefused(
      state,
      () =>
        checkRequestExtension(state, handler(TRANSPORT), { ...ASK, requestedEndDate: '2024-09-10' }, sh('2024-06-03')),
      'VALIDATION_FAILED',
      'requestedEndDate',
    );
  });

  it('a co-handler may ask for more time for its opinion, within the lead’s six months', () => {
    const state = assignedProposal(LEAD_MODE);
    const ask = { deadlineKey: `opinion:${FINANCE}`, requestedEndDate: '2024-05-08', reason: '需调研' };

    expect(() => checkRequestExtension(state, coHandler(FINANCE), ask, sh('2024-04-01'))).not.toThrow();
    expectRefused(
      state,
      () =>
        checkRequestExtension(state, coHandler(FINANCE), { ...ask, requestedEndDate: '2024-09-10' }, sh('2024-04-01')),
      'VALIDATION_FAILED',
      'requestedEndDate',
    );
  });

  it.each<[string, () => ReturnType<typeof actor>, Partial<RequestExtensionInput>, string, string | undefined]>([
    ['a co-handler, for the lead unit’s reply', () => coHandler(FINANCE), {}, 'NOT_ASSIGNED', undefined],
    ['a unit with no part in the proposal', () => handler(HOUSING), {}, 'NOT_ASSIGNED', undefined],
    ['a reviewer', () => reviewer(TRANSPORT), {}, 'ROLE_REQUIRED', undefined],
    [
      'an end date not after the current one',
      () => handler(TRANSPORT),
      { requestedEndDate: '2024-06-11' },
      'VALIDATION_FAILED',
      'requestedEndDate',
    ],
    [
      'an end date that is not a date',
      () => handler(TRANSPORT),
      { requestedEndDate: '2024-7-31' },
      'VALIDATION_FAILED',
      'requestedEndDate',
    ],
    ['no reason', () => handler(TRANSPORT), { reason: '' }, 'VALIDATION_FAILED', 'reason'],
    [
      'the objection window',
      () => handler(TRANSPORT),
      { deadlineKey: `objection:${TRANSPORT}` },
      'VALIDATION_FAILED',
      'deadlineKey',
    ],
    [
      'the six-month limit itself',
      () => handler(TRANSPORT),
      { deadlineKey: `limit:${TRANSPORT}` },
      'VALIDATION_FAILED',
      'deadlineKey',
    ],
    [
      'an unknown deadline',
      () => handler(TRANSPORT),
      { deadlineKey: 'reply:nobody' },
      'VALIDATION_FAILED',
      'deadlineKey',
    ],
  ])('refuses a request by or for %s', (_case, who, change, code, field) => {
    const state = assignedProposal(LEAD_MODE);
    expectRefused(
      state,
      () => checkRequestExtension(state, who(), { ...ASK, ...change }, sh('2024-06-03')),
      code as 'NOT_ASSIGNED',
      field,
    );
  });

  it('refuses to extend the feedback window', () => {
    const state = assignedProposal(SINGLE_MODE);
    replyThroughSignOff(state, TRANSPORT, '2024-05-15', 'X交函〔2024〕7号');
    dispatch(state, TRANSPORT, sh('2024-05-20'));
    // The replying unit holds the feedback deadline, but the proposers' window is not its to move.
    const input = { deadlineKey: `feedback:${TRANSPORT}`, requestedEndDate: '2024-07-31', reason: '延长' };
    expectRefused(
      state,
      () => checkRequestExtension(state, handler(TRANSPORT), input, sh('2024-05-21')),
      'VALIDATION_FAILED',
      'deadlineKey',
    );
  });

  it('keeps one request per deadline waiting for a decision', () => {
    const state = assignedProposal(LEAD_MODE);
    request(state, sh('2024-06-03'));
    expectRefused(
      state,
      () =>
        checkRequestExtension(state, handler(TRANSPORT), { ...ASK, requestedEndDate: '2024-08-30' }, sh('2024-06-04')),
      'ALREADY_DONE',
    );
  });

  it('is only for a deadline still running', () => {
    const state = assignedProposal(LEAD_MODE);
    recordContact(state, TRANSPORT, sh('2024-03-20'));
    expectRefused(
      state,
      () =>
        checkRequestExtension(
          state,
          handler(TRANSPORT),
          { deadlineKey: `contact:${TRANSPORT}`, requestedEndDate: '2024-04-30', reason: '延' },
          sh('2024-03-21'),
        ),
      'WRONG_STAGE',
    );
  });
});

describe('deciding an extension', () => {
  it('approved: the deadline is re-planned to the new end, with its reminders and escalations starting over', () => {
    const state = assignedProposal(LEAD_MODE);
    request(state, sh('2024-06-11'));
    // The decision comes after the old deadline has passed and escalated.
    fireDueAlarms(state, justAfter(endOf('2024-06-11')));
    setNextEscalation(state, REPLY, sh('2024-06-14', '09:00'));
    expect(state.deadlines[REPLY]).toMatchObject({
      remindersSent: 2,
      escalations: 1,
      nextEscalationAt: sh('2024-06-14', '09:00'),
    });
    const decidedAt = sh('2024-06-12');

    decide(state, { extensionId: 1, decision: 'approve', reason: '同意延期' }, decidedAt);

    const d = state.deadlines[REPLY];
    expect(state.extensions[0]).toMatchObject({
      status: 'approved',
      decision: { at: decidedAt, by: officer.userId, reason: '同意延期' },
    });
    expect(d.status).toBe('planning');
    expect(d.plan).toEqual({
      start: ASSIGNED_AT,
      fixedEndDate: '2024-07-31',
      note: expect.stringContaining(ASK.reason),
    });
    expect(d.extension).toEqual({
      fromDueAt: endOf('2024-06-11'),
      reason: ASK.reason,
      approvedAt: decidedAt,
      approvedBy: officer.userId,
    });
    expect(d).toMatchObject({ remindersSent: 0, escalations: 0 });
    expect(d.nextEscalationAt).toBeUndefined();
    expect(lastEvent(state)).toMatchObject({
      type: 'extension-decided',
      unitId: TRANSPORT,
      actor: { userId: officer.userId },
      data: { decision: 'approve', reason: '同意延期', requestedEndDate: '2024-07-31', deadlineKey: REPLY },
    });

    planAll(state);

    expect(state.deadlines[REPLY]).toMatchObject({ status: 'running', dueAt: endOf('2024-07-31') });
    expect(endDateOf(state, REPLY)).toBe('2024-07-31');
    expect(state.deadlines[REPLY].reminderAt).toEqual([sh('2024-07-22', '09:00'), sh('2024-07-30', '09:00')]);
    expect(openTasks(state)).toContainEqual(
      expect.objectContaining({ kind: 'draft', unitId: TRANSPORT, dueAt: endOf('2024-07-31') }),
    );
    expect(openTasks(state).map((t) => t.kind)).not.toContain('decide-extension');
    expect(nextAlarm(state)).toEqual({ at: sh('2024-07-22', '09:00'), deadlineKey: REPLY, kind: 'reminder' });
    expect(() =>
      checkRequestExtension(state, handler(TRANSPORT), { ...ASK, requestedEndDate: '2024-08-30' }, sh('2024-07-01')),
    ).not.toThrow();
  });

  it('refused: the deadline stays as it was', () => {
    const state = assignedProposal(LEAD_MODE);
    request(state, sh('2024-06-03'));
    const before = structuredClone(state.deadlines[REPLY]);

    decide(state, { extensionId: 1, decision: 'refuse', reason: '理由不充分' }, sh('2024-06-04'));

    expect(state.extensions[0]).toMatchObject({
      status: 'refused',
      decision: { reason: '理由不充分', by: officer.userId },
    });
    expect(state.deadlines[REPLY]).toEqual(before);
    expect(openTasks(state).map((t) => t.kind)).not.toContain('decide-extension');
  });

  it.each<[string, () => ReturnType<typeof actor>, Partial<DecideExtensionInput>, string, string | undefined]>([
    ['an officer of another unit', () => actor(TRANSPORT, 'assigning-officer'), {}, 'NOT_ASSIGNED', undefined],
    ['a supervisor without the officer role', () => actor(OFFICE, 'supervisor'), {}, 'ROLE_REQUIRED', undefined],
    ['an unknown request', () => officer, { extensionId: 7 }, 'VALIDATION_FAILED', 'extensionId'],
    ['an unknown decision', () => officer, { decision: 'defer' as 'approve' }, 'VALIDATION_FAILED', 'decision'],
    ['no reason', () => officer, { reason: ' ' }, 'VALIDATION_FAILED', 'reason'],
  ])('refuses a decision by or with %s', (_case, who, change, code, field) => {
    const state = assignedProposal(LEAD_MODE);
    request(state, sh('2024-06-03'));
    const input: DecideExtensionInput = { extensionId: 1, decision: 'approve', reason: '同意', ...change };
    expectRefused(state, () => checkDecideExtension(state, who(), input), code as 'NOT_ASSIGNED', field);
  });

  it('decides a request once', () => {
    const state = assignedProposal(LEAD_MODE);
    request(state, sh('2024-06-03'));
    decide(state, { extensionId: 1, decision: 'refuse', reason: '不同意' }, sh('2024-06-04'));
    expectRefused(
      state,
      () => checkDecideExtension(state, officer, { extensionId: 1, decision: 'approve', reason: '同意' }),
      'ALREADY_DONE',
    );
  });

  it('cannot approve moving a deadline that is already met, but can refuse it', () => {
    const state = assignedProposal(SINGLE_MODE);
    request(state, sh('2024-06-03'));
    replyThroughSignOff(state, TRANSPORT, '2024-06-05', 'X交函〔2024〕7号');

    expectRefused(
      state,
      () => checkDecideExtension(state, officer, { extensionId: 1, decision: 'approve', reason: '同意' }),
      'WRONG_STAGE',
    );
    expect(() =>
      checkDecideExtension(state, officer, { extensionId: 1, decision: 'refuse', reason: '已答复' }),
    ).not.toThrow();
  });
});
