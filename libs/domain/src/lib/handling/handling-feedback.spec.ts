import type { RecordFeedbackInput } from './handling-commands';
import {
  actor,
  assignedProposal,
  dispatch,
  draft,
  endDateOf,
  endOf,
  eventsOfType,
  expectRefused,
  FINANCE,
  fireDueAlarms,
  handler,
  HOUSING,
  inbox,
  justAfter,
  LEAD_MODE,
  lastEvent,
  lastEventOf,
  OFFICE,
  officer,
  planAll,
  PLANNING,
  PROPOSAL_ID,
  rate,
  replyThroughSignOff,
  reviewer,
  sh,
  SINGLE_MODE,
  SPLIT_MODE,
  submitOpinion,
  TRANSPORT,
} from './handling.fixtures';
import {
  applyConfirmPublication,
  applyReportFollowUp,
  checkConfirmPublication,
  checkDispatch,
  checkRecordFeedback,
  checkReportFollowUp,
} from './handling-rules';
import { deriveStage, openTasks } from './handling-stage';
import type { Disclosure, HandlingState } from './handling-state';

const FIRST_NUMBER = 'X交函〔2024〕7号';
const SIGNED_AT = sh('2024-05-15', '15:00');
const DISPATCHED_AT = sh('2024-05-20');

/** A single-unit reply signed on 15 May and dispatched on Monday 20 May. */
function dispatchedReply(replyClass = 'A', disclosure: Disclosure = 'never'): HandlingState {
  const state = assignedProposal(SINGLE_MODE);
  replyThroughSignOff(state, TRANSPORT, '2024-05-15', FIRST_NUMBER, draft(replyClass, disclosure));
  dispatch(state, TRANSPORT, DISPATCHED_AT);
  return state;
}

function publish(state: HandlingState, unitId: string, now: string): void {
  checkConfirmPublication(state, handler(unitId), { location: 'https://www.example.gov.cn/zwgk/1' });
  applyConfirmPublication(state, handler(unitId), { location: 'https://www.example.gov.cn/zwgk/1' }, now);
  planAll(state);
}

function reportFollowUp(state: HandlingState, unitId: string, now: string): void {
  checkReportFollowUp(state, handler(unitId), { summary: '线路已优化' });
  applyReportFollowUp(state, handler(unitId), { summary: '线路已优化' }, now);
  planAll(state);
}

function expectClosed(state: HandlingState, at: string): void {
  expect(state.closedAt).toBe(at);
  expect(state.stage).toBe('closed');
  expect(deriveStage(state)).toBe('closed');
  expect(openTasks(state)).toEqual([]);
  expect(Object.values(state.deadlines).filter((d) => d.status === 'running' || d.status === 'planning')).toEqual([]);
  expect(lastEvent(state)).toMatchObject({ type: 'closed', at });
  expect(lastEvent(state).actor).toBeUndefined();
}

describe('dispatch (答复 and 抄送)', () => {
  it('sends the signed reply to the proposers and starts their 15-working-day feedback window', () => {
    const state = dispatchedReply();

    expect(state.tracks[TRANSPORT]).toMatchObject({ status: 'feedback', dispatchedAt: DISPATCHED_AT, feedback: {} });
    expect(state.stage).toBe('feedback');
    expect(state.deadlines[`feedback:${TRANSPORT}`]).toMatchObject({
      status: 'running',
      plan: { start: DISPATCHED_AT, rule: { unit: 'working-days', amount: 15 } },
    });
    // 15 working days from 20 May skip the Dragon Boat Festival on 10 June.
    expect(endDateOf(state, `feedback:${TRANSPORT}`)).toBe('2024-06-11');
    expect(state.deadlines[`publication:${TRANSPORT}`]).toBeUndefined();
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/record-feedback/${OFFICE}/${TRANSPORT}/1`,
      kind: 'record-feedback',
      unitId: OFFICE,
      deadlineKey: `feedback:${TRANSPORT}`,
      dueAt: endOf('2024-06-11'),
      round: 1,
    });
    expect(lastEvent(state)).toMatchObject({
      type: 'reply-dispatched',
      unitId: TRANSPORT,
      actor: { userId: handler(TRANSPORT).userId },
      data: { round: 1, documentNumber: FIRST_NUMBER, recipients: ['李明', '王芳'] },
    });
  });

  it('a reply to be published gets a publication deadline of 20 working days and a publish task', () => {
    const state = dispatchedReply('A', 'publish');

    expect(state.deadlines[`publication:${TRANSPORT}`]).toMatchObject({
      status: 'running',
      plan: { start: DISPATCHED_AT },
    });
    expect(endDateOf(state, `publication:${TRANSPORT}`)).toBe('2024-06-18');
    expect(openTasks(state)).toContainEqual(
      expect.objectContaining({
        id: `${PROPOSAL_ID}/publish/${TRANSPORT}`,
        kind: 'publish',
        unitId: TRANSPORT,
        dueAt: endOf('2024-06-18'),
      }),
    );
  });

  it.each<[Disclosure]>([['on-request'], ['never']])('a %s reply is never published', (disclosure) => {
    const state = dispatchedReply('A', disclosure);
    expect(state.deadlines[`publication:${TRANSPORT}`]).toBeUndefined();
    expectRefused(state, () => checkConfirmPublication(state, handler(TRANSPORT), {}), 'WRONG_STAGE');
  });

  it('says a reply not yet sent is not yet sent, not that it is never to be published', () => {
    const early = assignedProposal(SINGLE_MODE);
    const error = expectRefused(early, () => checkConfirmPublication(early, handler(TRANSPORT), {}), 'WRONG_STAGE');
    expect(error.message).toMatch(/not been sent yet/);
  });

  it('copies go to the co-handling units too', () => {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));
    submitOpinion(state, PLANNING, sh('2024-03-20'));
    replyThroughSignOff(state, TRANSPORT, '2024-05-15', FIRST_NUMBER);
    dispatch(state, TRANSPORT, DISPATCHED_AT);

    expect(lastEventOf(state, 'reply-dispatched').data.copies).toEqual(expect.arrayContaining([FINANCE, PLANNING]));
  });

  it('only a signed reply is dispatched, once, by its own unit', () => {
    const state = assignedProposal(SINGLE_MODE);
    expectRefused(state, () => checkDispatch(state, handler(TRANSPORT)), 'WRONG_STAGE');
    replyThroughSignOff(state, TRANSPORT, '2024-05-15', FIRST_NUMBER);
    expectRefused(state, () => checkDispatch(state, reviewer(TRANSPORT)), 'ROLE_REQUIRED');
    expectRefused(state, () => checkDispatch(state, handler(HOUSING)), 'NOT_ASSIGNED');
    dispatch(state, TRANSPORT, DISPATCHED_AT);
    expectRefused(state, () => checkDispatch(state, handler(TRANSPORT)), 'WRONG_STAGE');
  });
});

describe('feedback (满意度测评)', () => {
  it('the office records each proposer’s rating; when all have rated, the reply is accepted', () => {
    const state = dispatchedReply();

    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    expect(state.tracks[TRANSPORT].status).toBe('feedback');
    expect(state.tracks[TRANSPORT].feedback).toEqual({ 李明: 'satisfied' });
    expect(lastEvent(state)).toMatchObject({
      type: 'feedback-recorded',
      actor: { userId: officer.userId, unitId: OFFICE },
      data: { proposer: '李明', rating: 'satisfied' },
    });

    rate(state, TRANSPORT, '王芳', 'basically-satisfied', sh('2024-05-27'));
    expect(state.tracks[TRANSPORT].status).toBe('done');
    expect(state.deadlines[`feedback:${TRANSPORT}`]).toMatchObject({ status: 'met', metAt: sh('2024-05-27') });
    expect(eventsOfType(state, 'feedback-closed')).toEqual([
      expect.objectContaining({
        data: { round: 1, feedback: { 李明: 'satisfied', 王芳: 'basically-satisfied' }, rehandling: false },
      }),
    ]);
  });

  it.each<[string, () => ReturnType<typeof actor>, Partial<RecordFeedbackInput>, string, string | undefined]>([
    ['a handler of the replying unit', () => handler(TRANSPORT), {}, 'ROLE_REQUIRED', undefined],
    ['an officer of another unit', () => actor(TRANSPORT, 'assigning-officer'), {}, 'NOT_ASSIGNED', undefined],
    // The office names the unit: naming one that writes no reply is an input error (422), not acting out of turn.
    ['a unit that does not reply', () => officer, { unitId: FINANCE }, 'VALIDATION_FAILED', 'unitId'],
    ['someone who is not a proposer', () => officer, { proposer: '赵六' }, 'VALIDATION_FAILED', 'proposer'],
    ['an unknown rating', () => officer, { rating: 'great' as 'satisfied' }, 'VALIDATION_FAILED', 'rating'],
  ])('refuses feedback from or for %s', (_case, who, change, code, field) => {
    const state = dispatchedReply();
    const input: RecordFeedbackInput = { unitId: TRANSPORT, proposer: '李明', rating: 'satisfied', ...change };
    expectRefused(state, () => checkRecordFeedback(state, who(), input), code as 'NOT_ASSIGNED', field);
  });

  it('takes one rating per proposer, and none before the reply is dispatched', () => {
    const early = assignedProposal(SINGLE_MODE);
    expectRefused(
      early,
      () => checkRecordFeedback(early, officer, { unitId: TRANSPORT, proposer: '李明', rating: 'satisfied' }),
      'WRONG_STAGE',
    );

    const state = dispatchedReply();
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    expectRefused(
      state,
      () => checkRecordFeedback(state, officer, { unitId: TRANSPORT, proposer: '李明', rating: 'unsatisfied' }),
      'ALREADY_DONE',
    );
  });

  it('a proposer who does not answer within the window is "not rated", never satisfied', () => {
    const state = dispatchedReply();
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    const windowEnd = state.deadlines[`feedback:${TRANSPORT}`].dueAt as string;

    fireDueAlarms(state, justAfter(windowEnd));

    expect(state.tracks[TRANSPORT].feedback).toEqual({ 李明: 'satisfied', 王芳: 'not-rated' });
    expect(state.tracks[TRANSPORT].status).toBe('done');
    expect(state.deadlines[`feedback:${TRANSPORT}`].status).toBe('met');
    expect(eventsOfType(state, 'feedback-closed')).toEqual([
      expect.objectContaining({
        data: { round: 1, feedback: { 李明: 'satisfied', 王芳: 'not-rated' }, rehandling: false },
      }),
    ]);
    expect(eventsOfType(state, 'deadline-escalation').filter((e) => e.data['kind'] === 'feedback')).toEqual([]);
    expect(state.closedAt).toBe(justAfter(windowEnd));
  });

  it('no answer from anybody is not an acceptance of a reply rated unsatisfied', () => {
    const state = dispatchedReply();
    rate(state, TRANSPORT, '王芳', 'unsatisfied', sh('2024-05-22'));

    fireDueAlarms(state, justAfter(endOf('2024-06-11')));

    expect(state.tracks[TRANSPORT].history).toHaveLength(1);
    expect(state.tracks[TRANSPORT]).toMatchObject({
      round: 2,
      status: 'drafting',
      feedback: { 李明: 'not-rated', 王芳: 'unsatisfied' },
    });
    expect(state.stage).toBe('re-handling');
  });
});

describe('re-handling (重新办理)', () => {
  it('an unsatisfied rating re-opens handling with a new one-month reply deadline, keeping the first reply on record', () => {
    const state = dispatchedReply();
    const first = state.tracks[TRANSPORT].signed;
    rate(state, TRANSPORT, '李明', 'unsatisfied', sh('2024-05-22'));
    const reopenedAt = sh('2024-05-27');

    rate(state, TRANSPORT, '王芳', 'satisfied', reopenedAt);

    const track = state.tracks[TRANSPORT];
    expect(track).toMatchObject({ round: 2, status: 'drafting', draftVersion: 0, history: [first] });
    expect(track.signed).toBeUndefined();
    expect(track.draft).toBeUndefined();
    expect(track.dispatchedAt).toBeUndefined();
    expect(state.stage).toBe('re-handling');
    expect(state.closedAt).toBeUndefined();
    expect(state.deadlines[`reply:${TRANSPORT}`]).toMatchObject({
      status: 'running',
      plan: { start: reopenedAt, rule: { unit: 'months', amount: 1 } },
    });
    expect(endDateOf(state, `reply:${TRANSPORT}`)).toBe('2024-06-27');
    expect(openTasks(state)).toContainEqual(
      expect.objectContaining({
        id: `${PROPOSAL_ID}/draft/${TRANSPORT}/2`,
        kind: 'draft',
        round: 2,
        dueAt: endOf('2024-06-27'),
      }),
    );
    expect(eventsOfType(state, 'rehandling-opened')).toEqual([
      expect.objectContaining({ unitId: TRANSPORT, at: reopenedAt, data: { round: 2 } }),
    ]);
    expect(eventsOfType(state, 'feedback-closed')[0].data).toMatchObject({ rehandling: true });
  });

  it('the new reply goes through sign-off and feedback again, and is accepted in its turn', () => {
    const state = dispatchedReply();
    rate(state, TRANSPORT, '李明', 'unsatisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));

    const second = replyThroughSignOff(state, TRANSPORT, '2024-06-20', 'X交函〔2024〕9号', draft('A', 'never'));
    expect(second).toMatchObject({ documentNumber: 'X交函〔2024〕9号', draftVersion: 1 });
    expect(state.deadlines[`reply:${TRANSPORT}`]).toMatchObject({ status: 'met' });

    dispatch(state, TRANSPORT, sh('2024-06-21'));
    expect(state.tracks[TRANSPORT].feedback).toEqual({});
    expect(openTasks(state).map((t) => t.id)).toContain(`${PROPOSAL_ID}/record-feedback/${OFFICE}/${TRANSPORT}/2`);
    expect(state.deadlines[`feedback:${TRANSPORT}`]).toMatchObject({
      status: 'running',
      plan: { start: sh('2024-06-21') },
    });

    rate(state, TRANSPORT, '李明', 'basically-satisfied', sh('2024-06-24'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-06-25'));

    expect(state.tracks[TRANSPORT]).toMatchObject({ status: 'done', round: 2, signed: second });
    expect(state.tracks[TRANSPORT].history.map((s) => s.documentNumber)).toEqual([FIRST_NUMBER]);
    expectClosed(state, sh('2024-06-25'));
  });

  it('a B-class reply rated unsatisfied promises nothing yet: no follow-up until a reply is accepted', () => {
    const state = dispatchedReply('B');
    rate(state, TRANSPORT, '李明', 'unsatisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));

    expect(state.tracks[TRANSPORT].followUp).toBeUndefined();
    expect(state.deadlines[`follow-up:${TRANSPORT}`]).toBeUndefined();

    replyThroughSignOff(state, TRANSPORT, '2024-06-20', 'X交函〔2024〕9号', draft('A', 'never'));
    dispatch(state, TRANSPORT, sh('2024-06-21'));
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-06-24'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-06-25'));

    expect(state.tracks[TRANSPORT].followUp).toBeUndefined();
    expectClosed(state, sh('2024-06-25'));
  });
});

describe('follow-up (落实情况), publication and closing (办结)', () => {
  it('an accepted B-class reply schedules a follow-up report, six months from signing', () => {
    const state = dispatchedReply('B');
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));

    expect(state.tracks[TRANSPORT].followUp).toEqual({ dueKey: `follow-up:${TRANSPORT}` });
    expect(state.deadlines[`follow-up:${TRANSPORT}`]).toMatchObject({
      status: 'running',
      plan: { start: SIGNED_AT, rule: { unit: 'months', amount: 6 } },
    });
    expect(endDateOf(state, `follow-up:${TRANSPORT}`)).toBe('2024-11-15');
    expect(state.stage).toBe('follow-up');
    expect(state.closedAt).toBeUndefined();
    expect(openTasks(state)).toEqual([
      {
        id: `${PROPOSAL_ID}/follow-up/${TRANSPORT}`,
        kind: 'follow-up',
        unitId: TRANSPORT,
        deadlineKey: `follow-up:${TRANSPORT}`,
        dueAt: endOf('2024-11-15'),
      },
    ]);

    reportFollowUp(state, TRANSPORT, sh('2024-10-10'));

    expect(state.tracks[TRANSPORT].followUp?.reportedAt).toBe(sh('2024-10-10'));
    expect(state.deadlines[`follow-up:${TRANSPORT}`]).toMatchObject({ status: 'met', metAt: sh('2024-10-10') });
    expect(eventsOfType(state, 'follow-up-reported')).toEqual([
      expect.objectContaining({ unitId: TRANSPORT, actor: { userId: handler(TRANSPORT).userId, unitId: TRANSPORT } }),
    ]);
    expectClosed(state, sh('2024-10-10'));
    expectRefused(state, () => checkReportFollowUp(state, handler(TRANSPORT), { summary: '再次报告' }), 'ALREADY_DONE');
  });

  it('follow-up classes come from the settings; an A-class reply needs none', () => {
    const state = dispatchedReply('A', 'publish');
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));

    expect(state.tracks[TRANSPORT].followUp).toBeUndefined();
    expectRefused(state, () => checkReportFollowUp(state, handler(TRANSPORT), { summary: '报告' }), 'WRONG_STAGE');
    expect(state.stage).toBe('publication');
  });

  it('a report needs a summary, from the replying unit', () => {
    const state = dispatchedReply('B');
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));
    expectRefused(
      state,
      () => checkReportFollowUp(state, handler(TRANSPORT), { summary: '' }),
      'VALIDATION_FAILED',
      'summary',
    );
    expectRefused(state, () => checkReportFollowUp(state, handler(HOUSING), { summary: '报告' }), 'NOT_ASSIGNED');
    expectRefused(state, () => checkReportFollowUp(state, reviewer(TRANSPORT), { summary: '报告' }), 'ROLE_REQUIRED');
  });

  it('publication may be confirmed while feedback is still open; it is recorded once', () => {
    const state = dispatchedReply('A', 'publish');

    publish(state, TRANSPORT, sh('2024-05-24'));

    expect(state.tracks[TRANSPORT].publishedAt).toBe(sh('2024-05-24'));
    expect(state.deadlines[`publication:${TRANSPORT}`]).toMatchObject({ status: 'met', metAt: sh('2024-05-24') });
    expect(lastEvent(state)).toMatchObject({
      type: 'reply-published',
      unitId: TRANSPORT,
      data: { documentNumber: FIRST_NUMBER },
    });
    expect(inbox(state)).not.toContain(`publish ${TRANSPORT}`);
    expect(state.closedAt).toBeUndefined();
    expectRefused(state, () => checkConfirmPublication(state, handler(TRANSPORT), {}), 'ALREADY_DONE');

    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-27'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-28'));
    expectClosed(state, sh('2024-05-28'));
  });

  it('closes only when the reply is accepted, the follow-up reported and the publication done', () => {
    const state = dispatchedReply('B', 'publish');
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));
    expect(state.stage).toBe('follow-up');
    expect(state.closedAt).toBeUndefined();

    publish(state, TRANSPORT, sh('2024-06-03'));
    expect(state.stage).toBe('follow-up');
    expect(state.closedAt).toBeUndefined();
    // Deadlines still open at that point: the follow-up, the (never recorded) contact, the limit.
    expect(state.deadlines[`contact:${TRANSPORT}`].status).toBe('running');

    reportFollowUp(state, TRANSPORT, sh('2024-10-10'));

    expectClosed(state, sh('2024-10-10'));
    expect(state.deadlines[`contact:${TRANSPORT}`].status).toBe('cancelled');
    expect(state.deadlines[`limit:${TRANSPORT}`].status).toBe('cancelled');
    expect(state.deadlines[`follow-up:${TRANSPORT}`].status).toBe('met');
  });

  it('a reply to be published and already accepted waits at stage publication', () => {
    const state = dispatchedReply('A', 'publish');
    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-27'));
    expect(state.stage).toBe('publication');
    expect(openTasks(state).map((t) => t.kind)).toEqual(['publish']);

    publish(state, TRANSPORT, sh('2024-05-28'));

    expectClosed(state, sh('2024-05-28'));
  });

  it('split handling closes when every unit’s reply is done', () => {
    const state = assignedProposal(SPLIT_MODE);
    replyThroughSignOff(state, TRANSPORT, '2024-05-15', FIRST_NUMBER, draft('A', 'never'));
    replyThroughSignOff(state, HOUSING, '2024-05-16', 'X住建函〔2024〕2号', draft('A', 'never'));
    dispatch(state, TRANSPORT, DISPATCHED_AT);
    dispatch(state, HOUSING, sh('2024-05-21'));

    rate(state, TRANSPORT, '李明', 'satisfied', sh('2024-05-22'));
    rate(state, TRANSPORT, '王芳', 'satisfied', sh('2024-05-22'));
    expect(state.tracks[TRANSPORT].status).toBe('done');
    expect(state.stage).toBe('feedback');
    expect(state.closedAt).toBeUndefined();
    expect(
      openTasks(state)
        .filter((t) => t.kind === 'record-feedback')
        .map((t) => t.id),
    ).toEqual([`${PROPOSAL_ID}/record-feedback/${OFFICE}/${HOUSING}/1`]);

    rate(state, HOUSING, '李明', 'satisfied', sh('2024-05-23'));
    rate(state, HOUSING, '王芳', 'basically-satisfied', sh('2024-05-24'));
    expectClosed(state, sh('2024-05-24'));
  });
});
