import {
  applyAssign,
  applyDecideObjection,
  applyObject,
  applyReview,
  applySubmitOpinion,
  DEFAULT_DEADLINE_POLICY,
  newHandlingState,
  type Actor,
} from '@banli/domain';
import {
  ECONOMY,
  event,
  FINANCE,
  history,
  HOUSING,
  leadAssignment,
  objection,
  OFFICE,
  opinion,
  PLANNING,
  reassigned,
  sh,
  stored,
  TRANSPORT,
} from './audit-events.fixtures';
import { combinedOpinions, opinionsOf } from './opinions.fold';

const statuses = (events: Parameters<typeof opinionsOf>[0]) =>
  opinionsOf(events).map((o) => [o.unitId, o.status, o.version]);

describe('opinions (会办意见)', () => {
  it('every co-handling unit of the assignment owes an opinion, in the order they were assigned', () => {
    expect(statuses(history(leadAssignment([PLANNING, FINANCE])))).toEqual([
      [PLANNING, 'pending', 0],
      [FINANCE, 'pending', 0],
    ]);
  });

  it('a unit handling alone or in a split has no co-handling units, so no opinions', () => {
    const split = event('assigned', { mode: 'split', replyingUnitIds: [TRANSPORT, HOUSING], coHandlerUnitIds: [] });
    expect(opinionsOf(history(split))).toEqual([]);
  });

  it('shows the latest version submitted, its answers in the order of the suggestion points', () => {
    const events = history(
      leadAssignment(),
      opinion(FINANCE, 1, '初稿'),
      opinion(FINANCE, 2, '修改稿', sh('2024-03-15')),
    );
    const [finance] = opinionsOf(events);
    expect(finance).toMatchObject({
      unitId: FINANCE,
      status: 'submitted',
      version: 2,
      submittedAt: sh('2024-03-15'),
      submittedBy: `user@${FINANCE}`,
    });
    expect(finance.points.map((p) => [p.seq, p.text])).toEqual([
      [1, '修改稿'],
      [2, '修改稿（二）'],
    ]);
  });

  it('an opinion sent back is no longer in until the unit resubmits; every return stays on record', () => {
    const returned = event(
      'opinion-returned',
      { reason: '请补充数据', version: 1 },
      { unitId: FINANCE, by: TRANSPORT },
    );
    const events = history(leadAssignment(), opinion(FINANCE, 1), returned);
    expect(opinionsOf(events)[0]).toMatchObject({
      status: 'returned',
      returns: [{ reason: '请补充数据', version: 1, by: `user@${TRANSPORT}` }],
    });
    expect(combinedOpinions(events)).toEqual([]);

    const resubmitted = history(leadAssignment(), opinion(FINANCE, 1), returned, opinion(FINANCE, 2));
    expect(opinionsOf(resubmitted)[0]).toMatchObject({ status: 'submitted', version: 2, returns: [{ version: 1 }] });
    expect(combinedOpinions(resubmitted).map((o) => o.unitId)).toEqual([FINANCE]);
  });

  it('a waived opinion is settled but not combined into the reply', () => {
    const events = history(
      leadAssignment(),
      opinion(PLANNING, 1),
      event('opinion-waived', { reason: '该单位无相关职能' }, { unitId: FINANCE, by: OFFICE }),
    );
    expect(opinionsOf(events)[0]).toMatchObject({
      unitId: FINANCE,
      status: 'waived',
      waiver: { reason: '该单位无相关职能', by: `user@${OFFICE}` },
    });
    expect(combinedOpinions(events).map((o) => o.unitId)).toEqual([PLANNING]);
  });

  describe('after a reassignment', () => {
    it('the replacement takes the objecting unit’s place and owes a fresh opinion', () => {
      const events = history(leadAssignment(), objection(FINANCE), reassigned(FINANCE, ECONOMY));
      expect(opinionsOf(events)).toEqual([
        { unitId: ECONOMY, status: 'pending', version: 0, points: [], returns: [], replaces: FINANCE },
        expect.objectContaining({ unitId: PLANNING, status: 'pending' }),
      ]);
    });

    it('an opinion the replaced unit had sent no longer counts; the replacement’s does', () => {
      const before = history(
        leadAssignment(),
        opinion(FINANCE, 1, '财政局意见'),
        opinion(PLANNING, 1),
        objection(FINANCE),
        reassigned(FINANCE, ECONOMY),
      );
      expect(combinedOpinions(before).map((o) => o.unitId)).toEqual([PLANNING]);

      const after = history(
        leadAssignment(),
        opinion(FINANCE, 1, '财政局意见'),
        opinion(PLANNING, 1),
        objection(FINANCE),
        reassigned(FINANCE, ECONOMY),
        opinion(ECONOMY, 1, '经济局意见'),
      );
      expect(combinedOpinions(after).map((o) => [o.unitId, o.points[0].text])).toEqual([
        [ECONOMY, '经济局意见'],
        [PLANNING, `${PLANNING}的意见 v1`],
      ]);
    });

    it('a rejected objection changes nothing: the unit still co-handles, its opinion counts', () => {
      const rejected = event(
        'objection-decided',
        { objectionId: 1, decision: 'reject', reason: '属于本单位职能' },
        { unitId: FINANCE, by: OFFICE },
      );
      const events = history(leadAssignment(), opinion(FINANCE, 1), objection(FINANCE), rejected);
      expect(combinedOpinions(events).map((o) => o.unitId)).toEqual([FINANCE]);
    });

    it('reassigning the lead unit leaves the co-handling units as they are', () => {
      const events = history(
        leadAssignment(),
        opinion(FINANCE, 1),
        objection(TRANSPORT),
        reassigned(TRANSPORT, HOUSING),
      );
      expect(statuses(events)).toEqual([
        [FINANCE, 'submitted', 1],
        [PLANNING, 'pending', 0],
      ]);
    });

    it('agrees with the handling rules’ own state of who owes an opinion', () => {
      const officer: Actor = { userId: 'officer', unitId: OFFICE, roles: ['assigning-officer'] };
      const committee: Actor = { userId: 'registrar', unitId: 'committee', roles: ['registrar'] };
      const coHandler = (unitId: string): Actor => ({ userId: `user@${unitId}`, unitId, roles: ['co-handler'] });
      const state = newHandlingState(
        '8-2_20240117',
        {
          kind: 'proposal',
          sessionCode: '8-2',
          sessionName: '市政协八届二次会议',
          number: '20240117',
          title: '关于优化公交线路的提案',
          proposers: [{ name: '李明', lead: true }],
          body: '正文',
          suggestionPoints: [{ seq: 1, text: '建议1' }],
        },
        {
          policy: DEFAULT_DEADLINE_POLICY,
          replyClasses: ['A', 'B', 'C'],
          followUpClasses: ['B'],
          contactRequiredFor: 'key',
          assigningUnitId: OFFICE,
          registrationUnitId: 'committee',
        },
        sh('2024-03-01'),
      );
      applyReview(state, committee, { decision: 'accept' }, sh('2024-03-05'));
      applyAssign(
        state,
        officer,
        { mode: 'lead', leadUnitId: TRANSPORT, coHandlerUnitIds: [FINANCE, PLANNING] },
        sh('2024-03-08'),
      );
      applySubmitOpinion(
        state,
        coHandler(FINANCE),
        { points: [{ seq: 1, adoption: 'adopted', text: '财政局意见' }] },
        sh('2024-03-09'),
      );
      const objectionId = applyObject(state, coHandler(FINANCE), { reason: '不属于本单位职能' }, sh('2024-03-10'));
      applyDecideObjection(
        state,
        officer,
        { objectionId, decision: 'reassign', reason: '职能调整', replacementUnitId: ECONOMY },
        sh('2024-03-11'),
      );

      const folded = opinionsOf(stored(state.pendingEvents));
      const coHandlers = state.assignment?.coHandlerUnitIds ?? [];
      expect(coHandlers).toEqual([ECONOMY, PLANNING]);
      expect(folded.map((o) => [o.unitId, o.status])).toEqual(coHandlers.map((u) => [u, state.opinions[u].status]));
    });
  });

  it('reads events as stored, optional fields absent and in whatever order they were fetched', () => {
    const events = stored(history(leadAssignment(), opinion(FINANCE, 1), objection(PLANNING)));
    expect(events[1].data).not.toHaveProperty('summary');
    expect(opinionsOf([...events].reverse())).toEqual(opinionsOf(events));
    expect(statuses(events)).toEqual([
      [FINANCE, 'submitted', 1],
      [PLANNING, 'pending', 0],
    ]);
  });
});
