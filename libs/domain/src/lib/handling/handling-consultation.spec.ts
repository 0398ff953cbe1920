import type { SubmitOpinionInput } from './handling-commands';
import {
  actor,
  approveDraft,
  assignedProposal,
  coHandler,
  ECONOMY,
  endOf,
  expectRefused,
  FINANCE,
  handler,
  LEAD_MODE,
  lastEvent,
  opinion,
  planAll,
  PLANNING,
  PROPOSAL_ID,
  reviewer,
  sh,
  sign,
  signer,
  SINGLE_MODE,
  submitDraft,
  submitOpinion,
  supervisor,
  TRANSPORT,
} from './handling.fixtures';
import {
  abortSignOff,
  applyReturnOpinion,
  applyWaiveOpinion,
  beginSignOff,
  checkReturnOpinion,
  checkSubmitOpinion,
  checkWaiveOpinion,
} from './handling-rules';
import { openTasks } from './handling-stage';
import type { HandlingState } from './handling-state';

function returnOpinion(state: HandlingState, unitId: string, now: string): void {
  const input = { unitId, reason: '请补充资金安排' };
  checkReturnOpinion(state, handler(TRANSPORT), input);
  applyReturnOpinion(state, handler(TRANSPORT), input, now);
  planAll(state);
}

function waive(state: HandlingState, unitId: string, now: string): void {
  const input = { unitId, reason: '该单位已撤并' };
  checkWaiveOpinion(state, supervisor, input);
  applyWaiveOpinion(state, supervisor, input, now);
  planAll(state);
}

const opinionTask = (state: HandlingState, unitId: string) =>
  openTasks(state).find((t) => t.kind === 'opinion' && t.unitId === unitId);

describe('consultation (会办)', () => {
  it('every co-handler has an opinion task due one month after assignment', () => {
    const state = assignedProposal(LEAD_MODE);

    expect(opinionTask(state, FINANCE)).toEqual({
      id: `${PROPOSAL_ID}/opinion/${FINANCE}`,
      kind: 'opinion',
      unitId: FINANCE,
      deadlineKey: `opinion:${FINANCE}`,
      dueAt: endOf('2024-04-08'),
    });
    expect(opinionTask(state, PLANNING)).toMatchObject({ dueAt: endOf('2024-04-08') });
    expect(opinionTask(state, TRANSPORT)).toBeUndefined();
  });

  it('a co-handler submits its opinion: its deadline is met and its task leaves the inbox', () => {
    const state = assignedProposal(LEAD_MODE);
    const at = sh('2024-03-20');
    const idOfPlanningTask = opinionTask(state, PLANNING)?.id;

    submitOpinion(state, FINANCE, at, opinion(2));

    expect(state.opinions[FINANCE]).toEqual({
      unitId: FINANCE,
      status: 'submitted',
      version: 1,
      submittedAt: at,
      contentKey: expect.stringMatching(/^[0-9a-f]{14}$/),
    });
    expect(state.deadlines[`opinion:${FINANCE}`]).toMatchObject({ status: 'met', metAt: at });
    expect(lastEvent(state)).toMatchObject({
      type: 'opinion-submitted',
      unitId: FINANCE,
      actor: { unitId: FINANCE },
      data: { version: 1 },
    });
    expect(opinionTask(state, FINANCE)).toBeUndefined();
    expect(opinionTask(state, PLANNING)?.id).toBe(idOfPlanningTask);
    expect(state.stage).toBe('consultation');

    submitOpinion(state, PLANNING, sh('2024-03-21'));
    expect(state.stage).toBe('drafting');
  });

  it('a co-handler may revise a submitted opinion', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));

    submitOpinion(state, FINANCE, sh('2024-03-22'), opinion(1, 2));

    expect(state.opinions[FINANCE]).toMatchObject({ status: 'submitted', version: 2, submittedAt: sh('2024-03-22') });
    expect(state.deadlines[`opinion:${FINANCE}`]).toMatchObject({ status: 'met', metAt: sh('2024-03-20') });
  });

  it('refuses the same opinion again (no revision), but takes it again after a return', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'), opinion(1, 2));
    const reordered = { points: [...opinion(1, 2).points].reverse() };

    expectRefused(state, () => checkSubmitOpinion(state, coHandler(FINANCE), opinion(1, 2)), 'ALREADY_DONE');
    expectRefused(state, () => checkSubmitOpinion(state, coHandler(FINANCE), reordered), 'ALREADY_DONE');
    expect(() => checkSubmitOpinion(state, coHandler(FINANCE), { ...opinion(1, 2), summary: '补充' })).not.toThrow();
    expect(() => checkSubmitOpinion(state, coHandler(FINANCE), opinion(1))).not.toThrow();

    returnOpinion(state, FINANCE, sh('2024-03-25'));
    submitOpinion(state, FINANCE, sh('2024-03-26'), opinion(1, 2));
    expect(state.opinions[FINANCE]).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('the lead unit returns an opinion for revision: the clock runs again and the task comes back', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));
    submitOpinion(state, PLANNING, sh('2024-03-20'));
    expect(state.stage).toBe('drafting');

    returnOpinion(state, FINANCE, sh('2024-03-25'));

    expect(state.opinions[FINANCE]).toMatchObject({ status: 'returned', version: 1, returnReason: '请补充资金安排' });
    const d = state.deadlines[`opinion:${FINANCE}`];
    expect(d.status).toBe('running');
    expect(d.metAt).toBeUndefined();
    expect(d.dueAt).toBe(endOf('2024-04-08'));
    expect(opinionTask(state, FINANCE)).toMatchObject({ dueAt: endOf('2024-04-08') });
    expect(state.stage).toBe('consultation');
    expect(lastEvent(state)).toMatchObject({ type: 'opinion-returned', unitId: FINANCE, actor: { unitId: TRANSPORT } });

    submitOpinion(state, FINANCE, sh('2024-03-27'), opinion(1, 2));

    expect(state.opinions[FINANCE]).toMatchObject({ status: 'submitted', version: 2 });
    expect(state.opinions[FINANCE].returnReason).toBeUndefined();
    expect(state.deadlines[`opinion:${FINANCE}`]).toMatchObject({ status: 'met', metAt: sh('2024-03-27') });
    expect(state.stage).toBe('drafting');
  });

  it('only the lead unit returns a submitted opinion, with a reason', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));

    expectRefused(
      state,
      () => checkReturnOpinion(state, handler(PLANNING), { unitId: FINANCE, reason: '退回' }),
      'NOT_ASSIGNED',
    );
    expectRefused(
      state,
      () => checkReturnOpinion(state, reviewer(TRANSPORT), { unitId: FINANCE, reason: '退回' }),
      'ROLE_REQUIRED',
    );
    expectRefused(
      state,
      () => checkReturnOpinion(state, handler(TRANSPORT), { unitId: PLANNING, reason: '退回' }),
      'WRONG_STAGE',
    );
    expectRefused(
      state,
      () => checkReturnOpinion(state, handler(TRANSPORT), { unitId: ECONOMY, reason: '退回' }),
      'VALIDATION_FAILED',
      'unitId',
    );
    expectRefused(
      state,
      () => checkReturnOpinion(state, handler(TRANSPORT), { unitId: FINANCE, reason: '' }),
      'VALIDATION_FAILED',
      'reason',
    );
  });

  it('a supervisor waives a missing opinion formally', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));
    const at = sh('2024-04-10');

    waive(state, PLANNING, at);

    expect(state.opinions[PLANNING]).toMatchObject({
      status: 'waived',
      waiver: { reason: '该单位已撤并', by: supervisor.userId, at },
    });
    expect(state.deadlines[`opinion:${PLANNING}`].status).toBe('cancelled');
    expect(opinionTask(state, PLANNING)).toBeUndefined();
    expect(state.stage).toBe('drafting');
    expect(lastEvent(state)).toMatchObject({
      type: 'opinion-waived',
      unitId: PLANNING,
      actor: { userId: supervisor.userId },
    });
  });

  it('a returned opinion may be waived too', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));
    returnOpinion(state, FINANCE, sh('2024-03-25'));

    waive(state, FINANCE, sh('2024-04-10'));

    expect(state.opinions[FINANCE].status).toBe('waived');
  });

  it('only a supervisor waives, and only an opinion that is neither in nor waived', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));

    expectRefused(
      state,
      () => checkWaiveOpinion(state, handler(TRANSPORT), { unitId: PLANNING, reason: '免' }),
      'ROLE_REQUIRED',
    );
    expectRefused(
      state,
      () => checkWaiveOpinion(state, actor(TRANSPORT, 'signer'), { unitId: PLANNING, reason: '免' }),
      'ROLE_REQUIRED',
    );
    expectRefused(state, () => checkWaiveOpinion(state, supervisor, { unitId: FINANCE, reason: '免' }), 'ALREADY_DONE');
    expectRefused(
      state,
      () => checkWaiveOpinion(state, supervisor, { unitId: PLANNING, reason: ' ' }),
      'VALIDATION_FAILED',
      'reason',
    );
    expectRefused(
      state,
      () => checkWaiveOpinion(state, supervisor, { unitId: ECONOMY, reason: '免' }),
      'VALIDATION_FAILED',
      'unitId',
    );

    waive(state, PLANNING, sh('2024-04-10'));
    expectRefused(
      state,
      () => checkWaiveOpinion(state, supervisor, { unitId: PLANNING, reason: '免' }),
      'ALREADY_DONE',
    );
    expectRefused(state, () => checkSubmitOpinion(state, coHandler(PLANNING), opinion(1)), 'ALREADY_DONE');
  });

  it.each<[string, SubmitOpinionInput, string]>([
    ['no points at all', { points: [] }, 'points'],
    ['a point number 0', { points: [{ seq: 0, adoption: 'adopted', text: '意见' }] }, 'points[0].seq'],
    [
      'a point the proposal does not make',
      { points: [{ seq: 3, adoption: 'adopted', text: '意见' }] },
      'points[0].seq',
    ],
    ['a fractional point number', { points: [{ seq: 1.5, adoption: 'adopted', text: '意见' }] }, 'points[0].seq'],
    [
      'the same point twice',
      {
        points: [
          { seq: 1, adoption: 'adopted', text: '意见' },
          { seq: 1, adoption: 'for-reference', text: '意见' },
        ],
      },
      'points[1].seq',
    ],
    [
      'an unknown adoption status',
      { points: [{ seq: 2, adoption: 'rejected' as 'adopted', text: '意见' }] },
      'points[0].adoption',
    ],
    ['a blank answer', { points: [{ seq: 2, adoption: 'partly-adopted', text: '  ' }] }, 'points[0].text'],
    ['a summary over 5000 characters', { ...opinion(1), summary: '长'.repeat(5_001) }, 'summary'],
  ])('refuses an opinion with %s', (_case, input, field) => {
    const state = assignedProposal(LEAD_MODE);
    expectRefused(state, () => checkSubmitOpinion(state, coHandler(FINANCE), input), 'VALIDATION_FAILED', field);
  });

  it('an opinion answers only the points within the unit’s remit, each with an adoption status', () => {
    const state = assignedProposal(LEAD_MODE);
    expect(() =>
      checkSubmitOpinion(state, coHandler(FINANCE), {
        points: [{ seq: 2, adoption: 'partly-adopted', text: '财政支持' }],
      }),
    ).not.toThrow();
    expect(() =>
      checkSubmitOpinion(state, coHandler(FINANCE), {
        points: [{ seq: 1, adoption: 'for-reference', text: '留作参考' }],
      }),
    ).not.toThrow();
  });

  it('only co-handling units give opinions', () => {
    const lead = assignedProposal(LEAD_MODE);
    expectRefused(lead, () => checkSubmitOpinion(lead, coHandler(TRANSPORT), opinion(1)), 'NOT_ASSIGNED');
    expectRefused(lead, () => checkSubmitOpinion(lead, coHandler(ECONOMY), opinion(1)), 'NOT_ASSIGNED');
    expectRefused(lead, () => checkSubmitOpinion(lead, handler(FINANCE), opinion(1)), 'ROLE_REQUIRED');

    const single = assignedProposal(SINGLE_MODE);
    expectRefused(
      single,
      () => checkReturnOpinion(single, handler(TRANSPORT), { unitId: FINANCE, reason: '退回' }),
      'NOT_ASSIGNED',
    );
    expectRefused(
      single,
      () => checkWaiveOpinion(single, supervisor, { unitId: FINANCE, reason: '免' }),
      'WRONG_STAGE',
    );
  });

  it('is over once the reply is being signed: no submission, return or waiver after that', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));
    submitOpinion(state, PLANNING, sh('2024-03-20'));
    submitDraft(state, TRANSPORT, sh('2024-04-01'));
    approveDraft(state, TRANSPORT, sh('2024-04-02'));

    beginSignOff(state, signer(TRANSPORT));
    expectRefused(state, () => checkSubmitOpinion(state, coHandler(FINANCE), opinion(1, 2)), 'WRONG_STAGE');

    abortSignOff(state, signer(TRANSPORT));
    sign(state, TRANSPORT, sh('2024-04-03'), 'X交函〔2024〕3号');

    expectRefused(state, () => checkSubmitOpinion(state, coHandler(FINANCE), opinion(1, 2)), 'WRONG_STAGE');
    expectRefused(
      state,
      () => checkReturnOpinion(state, handler(TRANSPORT), { unitId: FINANCE, reason: '退回' }),
      'WRONG_STAGE',
    );
    expectRefused(state, () => checkWaiveOpinion(state, supervisor, { unitId: PLANNING, reason: '免' }), 'WRONG_STAGE');
  });
});
