import type { DecideObjectionInput } from './handling-commands';
import {
  acceptedProposal,
  actor,
  ASSIGNED_AT,
  assignedProposal,
  coHandler,
  draft,
  ECONOMY,
  EDUCATION,
  endDateOf,
  endOf,
  expectRefused,
  FINANCE,
  fireDueAlarms,
  handler,
  inbox,
  justAfter,
  LEAD_MODE,
  lastEvent,
  OFFICE,
  officer,
  opinion,
  planAll,
  PLANNING,
  PROPOSAL_ID,
  replyThroughSignOff,
  reviewer,
  sh,
  SINGLE_MODE,
  submitOpinion,
  TRANSPORT,
} from './handling.fixtures';
import {
  applyAssign,
  applyDecideObjection,
  applyObject,
  checkAssign,
  checkDecideObjection,
  checkObject,
  checkRecordContact,
  checkSubmitDraft,
  checkSubmitOpinion,
} from './handling-rules';
import { openTasks } from './handling-stage';
import type { HandlingState } from './handling-state';

const REASON = { reason: '该事项不属于本单位职责' };

function object(state: HandlingState, unitId: string, now: string): number {
  const who = state.tracks[unitId] ? handler(unitId) : coHandler(unitId);
  checkObject(state, who, REASON, now);
  return applyObject(state, who, REASON, now);
}

function decide(state: HandlingState, input: DecideObjectionInput, now: string): void {
  checkDecideObjection(state, officer, input);
  applyDecideObjection(state, officer, input, now);
  planAll(state);
}

describe('objection window (申请调整)', () => {
  it('a unit objects within the window and the assigning office gets a decision task', () => {
    const state = assignedProposal(LEAD_MODE);
    const now = sh('2024-03-15', '16:00');

    const id = object(state, FINANCE, now);

    expect(id).toBe(1);
    expect(state.objections).toEqual([
      {
        id: 1,
        unitId: FINANCE,
        reason: REASON.reason,
        raisedAt: now,
        raisedBy: coHandler(FINANCE).userId,
        status: 'pending',
      },
    ]);
    expect(lastEvent(state)).toMatchObject({
      type: 'objection-raised',
      unitId: FINANCE,
      actor: { userId: coHandler(FINANCE).userId },
      data: { objectionId: 1 },
    });
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/decide-objection/${OFFICE}/1`,
      kind: 'decide-objection',
      unitId: OFFICE,
    });
  });

  it('closes at the end of the fifth working day: the assignment then stands', () => {
    const state = assignedProposal(LEAD_MODE);
    const lastMoment = endOf('2024-03-15');

    expect(() => checkObject(state, handler(TRANSPORT), REASON, lastMoment)).not.toThrow();
    expectRefused(
      state,
      () => checkObject(state, handler(TRANSPORT), REASON, justAfter(lastMoment)),
      'DEADLINE_PASSED',
    );
    expectRefused(state, () => checkObject(state, coHandler(PLANNING), REASON, sh('2024-03-16')), 'DEADLINE_PASSED');
  });

  it('counts working days on the official calendar, so a National Day week does not eat the window', () => {
    const state = acceptedProposal();
    const assignedAt = sh('2024-09-27');
    checkAssign(state, officer, SINGLE_MODE);
    applyAssign(state, officer, SINGLE_MODE, assignedAt);
    planAll(state);

    // Sunday 29 September is a make-up workday, 1-7 October are holidays.
    expect(endDateOf(state, `objection:${TRANSPORT}`)).toBe('2024-10-10');
    expect(() => checkObject(state, handler(TRANSPORT), REASON, sh('2024-10-08'))).not.toThrow();
    expectRefused(state, () => checkObject(state, handler(TRANSPORT), REASON, sh('2024-10-11')), 'DEADLINE_PASSED');
  });

  it('stays closed once the alarm at its end has fired', () => {
    const state = assignedProposal(SINGLE_MODE);
    fireDueAlarms(state, justAfter(endOf('2024-03-15')));

    expect(state.deadlines[`objection:${TRANSPORT}`]).toMatchObject({ status: 'met', metAt: endOf('2024-03-15') });
    expectRefused(state, () => checkObject(state, handler(TRANSPORT), REASON, sh('2024-03-18')), 'DEADLINE_PASSED');
  });

  it.each<[string, () => ReturnType<typeof actor>, string]>([
    ['a unit that is not assigned', () => handler(ECONOMY), 'NOT_ASSIGNED'],
    ['a reviewer (only handlers and co-handlers object)', () => reviewer(TRANSPORT), 'ROLE_REQUIRED'],
  ])('refuses an objection from %s', (_case, who, code) => {
    const state = assignedProposal(LEAD_MODE);
    expectRefused(state, () => checkObject(state, who(), REASON, sh('2024-03-11')), code as 'NOT_ASSIGNED');
  });

  it('refuses an objection without a reason', () => {
    const state = assignedProposal(LEAD_MODE);
    expectRefused(
      state,
      () => checkObject(state, handler(TRANSPORT), { reason: ' ' }, sh('2024-03-11')),
      'VALIDATION_FAILED',
      'reason',
    );
  });

  it('keeps one objection per unit waiting for a decision', () => {
    const state = assignedProposal(LEAD_MODE);
    object(state, FINANCE, sh('2024-03-11'));

    expectRefused(state, () => checkObject(state, coHandler(FINANCE), REASON, sh('2024-03-12')), 'ALREADY_DONE');
    expect(() => checkObject(state, coHandler(PLANNING), REASON, sh('2024-03-12'))).not.toThrow();
  });
});

describe('deciding an objection', () => {
  it('rejected with a reason: the assignment stands and nothing moves', () => {
    const state = assignedProposal(LEAD_MODE);
    object(state, FINANCE, sh('2024-03-11'));
    const deadlinesBefore = structuredClone(state.deadlines);
    const decidedAt = sh('2024-03-12');

    decide(state, { objectionId: 1, decision: 'reject', reason: '属于该单位职责' }, decidedAt);

    expect(state.objections[0]).toMatchObject({
      status: 'rejected',
      decision: { at: decidedAt, by: officer.userId, reason: '属于该单位职责' },
    });
    expect(state.assignment).toMatchObject({ coHandlerUnitIds: [FINANCE, PLANNING] });
    expect(state.deadlines).toEqual(deadlinesBefore);
    expect(inbox(state)).not.toContain(`decide-objection ${OFFICE}`);
    expect(lastEvent(state)).toMatchObject({
      type: 'objection-decided',
      unitId: FINANCE,
      actor: { userId: officer.userId },
      data: { decision: 'reject' },
    });
  });

  it('reassigning a co-handler: the replacement owes the opinion, its clocks start at the decision', () => {
    const state = assignedProposal(LEAD_MODE);
    object(state, FINANCE, sh('2024-03-11'));
    const decidedAt = sh('2024-03-13');

    decide(
      state,
      { objectionId: 1, decision: 'reassign', reason: '改由教育局会办', replacementUnitId: EDUCATION },
      decidedAt,
    );

    expect(state.objections[0]).toMatchObject({ status: 'reassigned', decision: { replacementUnitId: EDUCATION } });
    expect(state.assignment).toMatchObject({
      replyingUnitIds: [TRANSPORT],
      coHandlerUnitIds: [EDUCATION, PLANNING],
      assignedAt: ASSIGNED_AT,
    });
    expect(state.opinions[FINANCE]).toBeUndefined();
    expect(state.opinions[EDUCATION]).toEqual({ unitId: EDUCATION, status: 'pending', version: 0 });
    expect(state.deadlines[`objection:${FINANCE}`].status).toBe('cancelled');
    expect(state.deadlines[`opinion:${FINANCE}`].status).toBe('cancelled');
    expect(state.deadlines[`opinion:${EDUCATION}`]).toMatchObject({ status: 'running', plan: { start: decidedAt } });
    // One month from Wednesday 13 March is Saturday 13 April, so Monday 15 April.
    expect(endDateOf(state, `opinion:${EDUCATION}`)).toBe('2024-04-15');
    expect(endDateOf(state, `objection:${EDUCATION}`)).toBe('2024-03-20');
    // Nobody else's clock moves.
    expect(state.deadlines[`reply:${TRANSPORT}`].plan.start).toBe(ASSIGNED_AT);
    expect(state.deadlines[`opinion:${PLANNING}`].plan.start).toBe(ASSIGNED_AT);
    expect(state.stage).toBe('consultation');
    expect(
      openTasks(state)
        .filter((t) => t.kind === 'opinion')
        .map((t) => [t.unitId, t.dueAt]),
    ).toEqual(
      expect.arrayContaining([
        [EDUCATION, endOf('2024-04-15')],
        [PLANNING, endOf('2024-04-08')],
      ]),
    );
    expect(inbox(state)).not.toContain(`opinion ${FINANCE}`);

    expectRefused(state, () => checkSubmitOpinion(state, coHandler(FINANCE), opinion(1)), 'NOT_ASSIGNED');
    expectRefused(state, () => checkObject(state, coHandler(FINANCE), REASON, sh('2024-03-14')), 'NOT_ASSIGNED');
    expect(() => checkSubmitOpinion(state, coHandler(EDUCATION), opinion(1))).not.toThrow();
  });

  it('reassigning the lead unit: the replacement writes the reply, from a fresh start', () => {
    const state = assignedProposal(LEAD_MODE);
    object(state, TRANSPORT, sh('2024-03-11'));
    const decidedAt = sh('2024-03-13');

    decide(
      state,
      { objectionId: 1, decision: 'reassign', reason: '改由经信局主办', replacementUnitId: ECONOMY },
      decidedAt,
    );

    expect(state.assignment).toMatchObject({
      mode: 'lead',
      replyingUnitIds: [ECONOMY],
      coHandlerUnitIds: [FINANCE, PLANNING],
    });
    expect(Object.keys(state.tracks)).toEqual([ECONOMY]);
    expect(state.tracks[ECONOMY]).toMatchObject({ status: 'drafting', round: 1, contacts: 0 });
    for (const kind of ['objection', 'contact', 'reply', 'limit']) {
      expect(state.deadlines[`${kind}:${TRANSPORT}`].status).toBe('cancelled');
      expect(state.deadlines[`${kind}:${ECONOMY}`]).toMatchObject({ status: 'running', plan: { start: decidedAt } });
    }
    expect(endDateOf(state, `reply:${ECONOMY}`)).toBe('2024-06-13');
    expect(endDateOf(state, `limit:${ECONOMY}`)).toBe('2024-09-13');
    // The co-handlers keep their clocks and now send their opinions to the new lead.
    expect(state.deadlines[`opinion:${FINANCE}`]).toMatchObject({ status: 'running', plan: { start: ASSIGNED_AT } });
    expect(openTasks(state)).toContainEqual(
      expect.objectContaining({
        kind: 'draft',
        unitId: ECONOMY,
        dueAt: endOf('2024-06-13'),
        id: `${PROPOSAL_ID}/draft/${ECONOMY}/1`,
      }),
    );
    expect(inbox(state).filter((t) => t.endsWith(TRANSPORT))).toEqual([]);

    expectRefused(state, () => checkSubmitDraft(state, handler(TRANSPORT), draft()), 'NOT_ASSIGNED');
    expectRefused(
      state,
      () =>
        checkRecordContact(
          state,
          handler(TRANSPORT),
          { method: 'call', contactedAt: decidedAt, summary: '沟通' },
          decidedAt,
        ),
      'NOT_ASSIGNED',
    );
  });

  it.each<[string, () => ReturnType<typeof actor>, Partial<DecideObjectionInput>, string, string | undefined]>([
    ['an officer of another unit', () => actor(TRANSPORT, 'assigning-officer'), {}, 'NOT_ASSIGNED', undefined],
    ['a supervisor without the officer role', () => actor(OFFICE, 'supervisor'), {}, 'ROLE_REQUIRED', undefined],
    ['an unknown objection', () => officer, { objectionId: 9 }, 'VALIDATION_FAILED', 'objectionId'],
    ['no reason', () => officer, { reason: '' }, 'VALIDATION_FAILED', 'reason'],
    [
      'a reassignment naming no unit',
      () => officer,
      { replacementUnitId: undefined },
      'VALIDATION_FAILED',
      'replacementUnitId',
    ],
    [
      'a replacement already assigned',
      () => officer,
      { replacementUnitId: PLANNING },
      'VALIDATION_FAILED',
      'replacementUnitId',
    ],
    [
      'the assigning office as replacement',
      () => officer,
      { replacementUnitId: OFFICE },
      'VALIDATION_FAILED',
      'replacementUnitId',
    ],
    ['an unknown decision', () => officer, { decision: 'postpone' as 'reject' }, 'VALIDATION_FAILED', 'decision'],
  ])('refuses a decision by or with %s', (_case, who, change, code, field) => {
    const state = assignedProposal(LEAD_MODE);
    object(state, FINANCE, sh('2024-03-11'));
    const input: DecideObjectionInput = {
      objectionId: 1,
      decision: 'reassign',
      reason: '调整',
      replacementUnitId: EDUCATION,
      ...change,
    };
    expectRefused(state, () => checkDecideObjection(state, who(), input), code as 'VALIDATION_FAILED', field);
  });

  it('decides an objection once', () => {
    const state = assignedProposal(LEAD_MODE);
    object(state, FINANCE, sh('2024-03-11'));
    decide(state, { objectionId: 1, decision: 'reject', reason: '维持' }, sh('2024-03-12'));

    expectRefused(
      state,
      () =>
        checkDecideObjection(state, officer, {
          objectionId: 1,
          decision: 'reassign',
          reason: '改',
          replacementUnitId: EDUCATION,
        }),
      'ALREADY_DONE',
    );
  });

  it('cannot take the reply away from a unit that has already signed it', () => {
    const state = assignedProposal(SINGLE_MODE);
    object(state, TRANSPORT, sh('2024-03-11', '08:30'));
    replyThroughSignOff(state, TRANSPORT, '2024-03-12', 'X交函〔2024〕1号');

    expectRefused(
      state,
      () =>
        checkDecideObjection(state, officer, {
          objectionId: 1,
          decision: 'reassign',
          reason: '改',
          replacementUnitId: ECONOMY,
        }),
      'WRONG_STAGE',
    );
    expect(() =>
      checkDecideObjection(state, officer, { objectionId: 1, decision: 'reject', reason: '维持' }),
    ).not.toThrow();
  });

  it('cannot replace a co-handler once the reply is signed: its opinion could never be given', () => {
    const state = assignedProposal(LEAD_MODE);
    object(state, FINANCE, sh('2024-03-11', '08:30'));
    submitOpinion(state, FINANCE, sh('2024-03-11', '09:00'));
    submitOpinion(state, PLANNING, sh('2024-03-11', '09:00'));
    replyThroughSignOff(state, TRANSPORT, '2024-03-12', 'X交函〔2024〕1号');

    expectRefused(
      state,
      () =>
        checkDecideObjection(state, officer, {
          objectionId: 1,
          decision: 'reassign',
          reason: '改',
          replacementUnitId: EDUCATION,
        }),
      'WRONG_STAGE',
    );
    expect(() =>
      checkDecideObjection(state, officer, { objectionId: 1, decision: 'reject', reason: '维持' }),
    ).not.toThrow();
  });
});
