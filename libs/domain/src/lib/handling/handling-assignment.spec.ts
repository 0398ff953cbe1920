import type { AssignInput, ReviewInput } from './handling-commands';
import {
  acceptedProposal,
  actor,
  ASSIGNED_AT,
  assignedProposal,
  COMMITTEE,
  coHandler,
  endDateOf,
  expectRefused,
  FINANCE,
  handler,
  HOUSING,
  inbox,
  LEAD_MODE,
  lastEvent,
  OFFICE,
  officer,
  planAll,
  PLANNING,
  PROPOSAL_ID,
  RECEIVED_AT,
  registeredProposal,
  registrar,
  REVIEWED_AT,
  SINGLE_MODE,
  SPLIT_MODE,
  TRANSPORT,
} from './handling.fixtures';
import { applyAssign, applyReview, checkAssign, checkReview, deadlinesToPlan } from './handling-rules';
import { openTasks } from './handling-stage';

describe('a registered proposal', () => {
  it('waits for the proposal committee to review it', () => {
    const state = registeredProposal();

    expect(state.stage).toBe('registered');
    expect(state.version).toBe(1);
    expect(state.proposers).toEqual(['李明', '王芳']);
    expect(state.suggestionPointCount).toBe(2);
    expect(state.pendingEvents).toEqual([
      { seq: 1, type: 'registered', at: RECEIVED_AT, data: { sessionCode: '8-2', number: '20240117' } },
    ]);
    expect(openTasks(state)).toEqual([
      { id: `${PROPOSAL_ID}/review-registration/${COMMITTEE}`, kind: 'review-registration', unitId: COMMITTEE },
    ]);
  });
});

describe('review (立案 / 并案 / 转为意见建议)', () => {
  it('accepted by the committee, the proposal goes to the assigning office', () => {
    const state = registeredProposal();

    checkReview(state, registrar, { decision: 'accept' });
    applyReview(state, registrar, { decision: 'accept' }, REVIEWED_AT);

    expect(state.stage).toBe('assignment');
    expect(state.review).toEqual({ decision: 'accept', at: REVIEWED_AT, by: registrar.userId });
    expect(state.closedAt).toBeUndefined();
    expect(openTasks(state)).toEqual([{ id: `${PROPOSAL_ID}/assign/${OFFICE}`, kind: 'assign', unitId: OFFICE }]);
    expect(lastEvent(state)).toMatchObject({
      seq: 2,
      type: 'reviewed',
      at: REVIEWED_AT,
      actor: { userId: registrar.userId, unitId: COMMITTEE },
      data: { decision: 'accept' },
    });
    expect(state.version).toBe(2);
  });

  it('merged into another proposal, it ends there: nothing to assign, no tasks', () => {
    const state = registeredProposal();
    const input: ReviewInput = { decision: 'merge', mergedInto: '8-2_20240003', reason: '内容相同' };

    checkReview(state, registrar, input);
    applyReview(state, registrar, input, REVIEWED_AT);

    expect(state.stage).toBe('merged');
    expect(state.review).toMatchObject({ decision: 'merge', mergedInto: '8-2_20240003', reason: '内容相同' });
    expect(state.closedAt).toBe(REVIEWED_AT);
    expect(openTasks(state)).toEqual([]);
    expectRefused(state, () => checkAssign(state, officer, SINGLE_MODE), 'WRONG_STAGE');
  });

  it('converted to a plain opinion, it ends there too', () => {
    const state = registeredProposal();
    const input: ReviewInput = { decision: 'convert', reason: '不属于提案范围' };

    checkReview(state, registrar, input);
    applyReview(state, registrar, input, REVIEWED_AT);

    expect(state.stage).toBe('converted');
    expect(state.closedAt).toBe(REVIEWED_AT);
    expect(openTasks(state)).toEqual([]);
  });

  it.each<[string, ReturnType<typeof actor>, unknown, string, string | undefined]>([
    ['a registrar of another unit', actor(OFFICE, 'registrar'), { decision: 'accept' }, 'NOT_ASSIGNED', undefined],
    [
      'a committee member without the registrar role',
      actor(COMMITTEE, 'supervisor'),
      { decision: 'accept' },
      'ROLE_REQUIRED',
      undefined,
    ],
    ['an unknown decision', registrar, { decision: 'postpone' }, 'VALIDATION_FAILED', 'decision'],
    [
      'a merge that names no proposal',
      registrar,
      { decision: 'merge', reason: '相同' },
      'VALIDATION_FAILED',
      'mergedInto',
    ],
    ['a merge without a reason', registrar, { decision: 'merge', mergedInto: '8-2_1' }, 'VALIDATION_FAILED', 'reason'],
    ['a conversion without a reason', registrar, { decision: 'convert', reason: '  ' }, 'VALIDATION_FAILED', 'reason'],
  ])('refuses %s', (_case, who, input, code, field) => {
    const state = registeredProposal();
    expectRefused(state, () => checkReview(state, who, input as ReviewInput), code as 'VALIDATION_FAILED', field);
  });

  it('reviews a proposal only once', () => {
    const state = acceptedProposal();
    expectRefused(
      state,
      () => checkReview(state, registrar, { decision: 'convert', reason: '改为意见' }),
      'WRONG_STAGE',
    );
  });
});

describe('assignment (交办)', () => {
  it('lead + co-handlers: the lead unit replies, each co-handler owes it an opinion', () => {
    const state = acceptedProposal();

    checkAssign(state, officer, LEAD_MODE);
    applyAssign(state, officer, LEAD_MODE, ASSIGNED_AT);

    expect(state.assignment).toEqual({
      mode: 'lead',
      replyingUnitIds: [TRANSPORT],
      coHandlerUnitIds: [FINANCE, PLANNING],
      assignedAt: ASSIGNED_AT,
    });
    expect(Object.keys(state.tracks)).toEqual([TRANSPORT]);
    expect(state.tracks[TRANSPORT]).toMatchObject({
      status: 'drafting',
      round: 1,
      draftVersion: 0,
      contacts: 0,
      history: [],
    });
    expect(state.opinions).toEqual({
      [FINANCE]: { unitId: FINANCE, status: 'pending', version: 0 },
      [PLANNING]: { unitId: PLANNING, status: 'pending', version: 0 },
    });
    expect(state.stage).toBe('consultation');
    expect(lastEvent(state)).toMatchObject({
      type: 'assigned',
      at: ASSIGNED_AT,
      actor: { userId: officer.userId, unitId: OFFICE },
      data: { mode: 'lead', replyingUnitIds: [TRANSPORT], coHandlerUnitIds: [FINANCE, PLANNING] },
    });
  });

  it('starts every clock at the assignment: objection, contact, reply and limit for the lead; objection and opinion for co-handlers', () => {
    const state = acceptedProposal();
    applyAssign(state, officer, LEAD_MODE, ASSIGNED_AT);

    expect(Object.keys(state.deadlines).sort()).toEqual(
      [
        `contact:${TRANSPORT}`,
        `limit:${TRANSPORT}`,
        `objection:${FINANCE}`,
        `objection:${PLANNING}`,
        `objection:${TRANSPORT}`,
        `opinion:${FINANCE}`,
        `opinion:${PLANNING}`,
        `reply:${TRANSPORT}`,
      ].sort(),
    );
    for (const d of Object.values(state.deadlines)) {
      expect(d).toMatchObject({ status: 'planning', remindersSent: 0, escalations: 0 });
      expect(d.plan.start).toBe(ASSIGNED_AT);
      expect(d.dueAt).toBeUndefined();
    }
    expect(state.deadlines[`reply:${TRANSPORT}`].plan).toEqual({
      start: ASSIGNED_AT,
      rule: { unit: 'months', amount: 3 },
    });
    expect(state.deadlines[`limit:${TRANSPORT}`].plan).toEqual({
      start: ASSIGNED_AT,
      rule: { unit: 'months', amount: 6 },
    });
    expect(state.deadlines[`objection:${FINANCE}`].plan).toEqual({
      start: ASSIGNED_AT,
      rule: { unit: 'working-days', amount: 5 },
    });
    expect(state.deadlines[`opinion:${FINANCE}`].plan).toEqual({
      start: ASSIGNED_AT,
      rule: { unit: 'months', amount: 1 },
    });
    expect(state.deadlines[`contact:${TRANSPORT}`].plan).toEqual({
      start: ASSIGNED_AT,
      rule: { unit: 'working-days', amount: 15 },
    });
    expect(deadlinesToPlan(state)).toHaveLength(8);
  });

  it('once planned on the official calendar, the deadlines fall on the right days', () => {
    const state = assignedProposal(LEAD_MODE);

    expect(deadlinesToPlan(state)).toEqual([]);
    expect(Object.values(state.deadlines).every((d) => d.status === 'running')).toBe(true);
    // 5 working days from Friday 8 March.
    expect(endDateOf(state, `objection:${TRANSPORT}`)).toBe('2024-03-15');
    expect(endDateOf(state, `objection:${FINANCE}`)).toBe('2024-03-15');
    expect(endDateOf(state, `contact:${TRANSPORT}`)).toBe('2024-03-29');
    // One month: 8 April, the Monday after the Qingming holiday.
    expect(endDateOf(state, `opinion:${PLANNING}`)).toBe('2024-04-08');
    // Three months: 8 June is a Saturday and 10 June the Dragon Boat Festival.
    expect(endDateOf(state, `reply:${TRANSPORT}`)).toBe('2024-06-11');
    expect(state.deadlines[`reply:${TRANSPORT}`].dueAt).toBe('2024-06-11T15:59:59.999Z');
    // Six months: Sunday 8 September rolls to Monday.
    expect(endDateOf(state, `limit:${TRANSPORT}`)).toBe('2024-09-09');
  });

  it('single unit: one reply, no consultation', () => {
    const state = assignedProposal(SINGLE_MODE);

    expect(state.assignment).toMatchObject({ mode: 'single', replyingUnitIds: [TRANSPORT], coHandlerUnitIds: [] });
    expect(state.opinions).toEqual({});
    expect(Object.keys(state.deadlines).sort()).toEqual(
      [`contact:${TRANSPORT}`, `limit:${TRANSPORT}`, `objection:${TRANSPORT}`, `reply:${TRANSPORT}`].sort(),
    );
    expect(state.stage).toBe('drafting');
    expect(inbox(state)).toEqual([`contact ${TRANSPORT}`, `draft ${TRANSPORT}`]);
  });

  it('split: every unit handles and replies on its own, with its own clocks', () => {
    const state = assignedProposal(SPLIT_MODE);

    expect(state.assignment).toMatchObject({
      mode: 'split',
      replyingUnitIds: [TRANSPORT, HOUSING],
      coHandlerUnitIds: [],
    });
    expect(Object.keys(state.tracks).sort()).toEqual([HOUSING, TRANSPORT].sort());
    for (const unit of [TRANSPORT, HOUSING]) {
      for (const kind of ['objection', 'contact', 'reply', 'limit']) {
        expect(state.deadlines[`${kind}:${unit}`]).toMatchObject({ status: 'running', unitId: unit });
      }
      expect(endDateOf(state, `reply:${unit}`)).toBe('2024-06-11');
    }
    expect(state.stage).toBe('drafting');
    expect(inbox(state)).toEqual([
      `contact ${HOUSING}`,
      `contact ${TRANSPORT}`,
      `draft ${HOUSING}`,
      `draft ${TRANSPORT}`,
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'the lead unit also as co-handler',
      { mode: 'lead', leadUnitId: TRANSPORT, coHandlerUnitIds: [FINANCE, TRANSPORT] },
      'units',
    ],
    ['a co-handler twice', { mode: 'lead', leadUnitId: TRANSPORT, coHandlerUnitIds: [FINANCE, FINANCE] }, 'units'],
    ['a split unit twice', { mode: 'split', unitIds: [TRANSPORT, TRANSPORT] }, 'units'],
    [
      'lead mode without co-handlers',
      { mode: 'lead', leadUnitId: TRANSPORT, coHandlerUnitIds: [] },
      'coHandlerUnitIds',
    ],
    ['lead mode without a lead unit', { mode: 'lead', coHandlerUnitIds: [FINANCE] }, 'units'],
    ['split with one unit', { mode: 'split', unitIds: [TRANSPORT] }, 'unitIds'],
    ['single with two units', { mode: 'single', unitIds: [TRANSPORT, HOUSING] }, 'unitIds'],
    ['the assigning office as lead unit', { mode: 'lead', leadUnitId: OFFICE, coHandlerUnitIds: [FINANCE] }, 'units'],
    [
      'the assigning office as co-handler',
      { mode: 'lead', leadUnitId: TRANSPORT, coHandlerUnitIds: [OFFICE] },
      'units',
    ],
    ['the assigning office as a split unit', { mode: 'split', unitIds: [TRANSPORT, OFFICE] }, 'units'],
    ['the assigning office as the single unit', { mode: 'single', unitIds: [OFFICE] }, 'units'],
    ['a blank unit id', { mode: 'single', unitIds: [' '] }, 'units'],
    ['an unknown mode', { mode: 'delegate', unitIds: [TRANSPORT] }, 'mode'],
  ])('refuses an assignment with %s', (_case, input, field) => {
    const state = acceptedProposal();
    expectRefused(state, () => checkAssign(state, officer, input as AssignInput), 'VALIDATION_FAILED', field);
  });

  it('is done by an assigning officer of the assigning office, once, after acceptance', () => {
    const registered = registeredProposal();
    expectRefused(registered, () => checkAssign(registered, officer, SINGLE_MODE), 'WRONG_STAGE');

    const state = acceptedProposal();
    expectRefused(state, () => checkAssign(state, handler(OFFICE), SINGLE_MODE), 'ROLE_REQUIRED');
    expectRefused(state, () => checkAssign(state, actor(TRANSPORT, 'assigning-officer'), SINGLE_MODE), 'NOT_ASSIGNED');
    expectRefused(state, () => checkAssign(state, coHandler(FINANCE), SINGLE_MODE), 'ROLE_REQUIRED');

    checkAssign(state, officer, SINGLE_MODE);
    applyAssign(state, officer, SINGLE_MODE, ASSIGNED_AT);
    planAll(state);
    expectRefused(state, () => checkAssign(state, officer, SPLIT_MODE), 'WRONG_STAGE');
  });
});
