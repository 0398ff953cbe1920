import type { RecordContactInput, SubmitDraftInput } from './handling-commands';
import {
  actor,
  approveDraft,
  assignedProposal,
  coHandler,
  draft,
  ECONOMY,
  endOf,
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
  recordContact,
  reviewer,
  sh,
  sign,
  signer,
  SINGLE_MODE,
  SPLIT_MODE,
  submitDraft,
  submitOpinion,
  supervisor,
  TRANSPORT,
} from './handling.fixtures';
import {
  abortSignOff,
  applyMarkKey,
  applyReturnOpinion,
  applyReviewDraft,
  applySendBackAtSignOff,
  applySignOff,
  applyWaiveOpinion,
  beginSignOff,
  checkMarkKey,
  checkRecordContact,
  checkReviewDraft,
  checkSignOff,
  checkSubmitDraft,
  checkWaiveOpinion,
} from './handling-rules';
import { openTasks } from './handling-stage';
import type { HandlingState } from './handling-state';

const NUMBER = 'X交函〔2024〕7号';

function markKey(state: HandlingState, now: string): void {
  checkMarkKey(state, supervisor, { leaders: ['张副市长'] });
  applyMarkKey(state, supervisor, { leaders: ['张副市长'] }, now);
}

/** A single-unit proposal whose reply waits for the signer. */
function atSignOff(o: Parameters<typeof assignedProposal>[1] = {}): HandlingState {
  const state = assignedProposal(SINGLE_MODE, o);
  submitDraft(state, TRANSPORT, sh('2024-05-06'));
  approveDraft(state, TRANSPORT, sh('2024-05-07'));
  return state;
}

describe('proposer contact (沟通协商)', () => {
  it('a recorded contact meets the contact deadline and leaves the inbox', () => {
    const state = assignedProposal(SINGLE_MODE);
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/contact/${TRANSPORT}`,
      kind: 'contact',
      unitId: TRANSPORT,
      deadlineKey: `contact:${TRANSPORT}`,
      dueAt: endOf('2024-03-29'),
    });

    recordContact(state, TRANSPORT, sh('2024-03-20'));

    expect(state.tracks[TRANSPORT].contacts).toBe(1);
    expect(state.deadlines[`contact:${TRANSPORT}`]).toMatchObject({ status: 'met', metAt: sh('2024-03-20') });
    expect(inbox(state)).not.toContain(`contact ${TRANSPORT}`);
    expect(lastEvent(state)).toMatchObject({ type: 'contact-recorded', unitId: TRANSPORT, data: { method: 'call' } });
  });

  it.each<[string, Partial<RecordContactInput>, string]>([
    ['a contact in the future', { contactedAt: sh('2024-03-21') }, 'contactedAt'],
    ['a date that is not an instant', { contactedAt: 'yesterday' }, 'contactedAt'],
    ['an unknown method', { method: 'email' as 'call' }, 'method'],
    ['no summary', { summary: '' }, 'summary'],
  ])('refuses %s', (_case, change, field) => {
    const state = assignedProposal(SINGLE_MODE);
    const input: RecordContactInput = {
      method: 'visit',
      contactedAt: sh('2024-03-19'),
      summary: '上门走访',
      ...change,
    };
    expectRefused(
      state,
      () => checkRecordContact(state, handler(TRANSPORT), input, sh('2024-03-20')),
      'VALIDATION_FAILED',
      field,
    );
  });

  it('compares the contact time as an instant, whatever offset it is written with', () => {
    const state = assignedProposal(SINGLE_MODE);
    const now = sh('2024-03-20', '10:00');
    const contact = (contactedAt: string): RecordContactInput => ({ method: 'meeting', contactedAt, summary: '座谈' });

    expect(() =>
      checkRecordContact(state, handler(TRANSPORT), contact('2024-03-20T09:00:00+08:00'), now),
    ).not.toThrow();
    expectRefused(
      state,
      () => checkRecordContact(state, handler(TRANSPORT), contact('2024-03-20T11:00:00+08:00'), now),
      'VALIDATION_FAILED',
      'contactedAt',
    );
  });

  it('is recorded by the replying unit, not by a co-handler', () => {
    const state = assignedProposal(LEAD_MODE);
    const input: RecordContactInput = { method: 'call', contactedAt: sh('2024-03-19'), summary: '电话' };
    expectRefused(state, () => checkRecordContact(state, handler(FINANCE), input, sh('2024-03-20')), 'NOT_ASSIGNED');
    expectRefused(
      state,
      () => checkRecordContact(state, coHandler(TRANSPORT), input, sh('2024-03-20')),
      'ROLE_REQUIRED',
    );
  });
});

describe('draft → review → sign-off (拟稿 → 核稿 → 签发)', () => {
  it('a draft goes to the reviewer, then the signer, who signs it with its document number', () => {
    const state = assignedProposal(SINGLE_MODE);
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/draft/${TRANSPORT}/1`,
      kind: 'draft',
      unitId: TRANSPORT,
      deadlineKey: `reply:${TRANSPORT}`,
      dueAt: endOf('2024-06-11'),
      round: 1,
    });

    submitDraft(state, TRANSPORT, sh('2024-05-06'), draft('B', 'on-request'));
    expect(state.tracks[TRANSPORT]).toMatchObject({
      status: 'review',
      draftVersion: 1,
      draft: {
        replyClass: 'B',
        disclosure: 'on-request',
        submittedAt: sh('2024-05-06'),
        submittedBy: handler(TRANSPORT).userId,
      },
    });
    expect(state.stage).toBe('review');
    expect(openTasks(state).map((t) => t.id)).toContain(`${PROPOSAL_ID}/review-draft/${TRANSPORT}/1`);

    approveDraft(state, TRANSPORT, sh('2024-05-07'));
    expect(state.tracks[TRANSPORT]).toMatchObject({ status: 'sign-off', reviewedBy: reviewer(TRANSPORT).userId });
    expect(state.stage).toBe('sign-off');
    expect(openTasks(state)).toContainEqual(
      expect.objectContaining({
        id: `${PROPOSAL_ID}/sign-off/${TRANSPORT}/1`,
        kind: 'sign-off',
        dueAt: endOf('2024-06-11'),
      }),
    );

    const signed = sign(state, TRANSPORT, sh('2024-05-08'), NUMBER);

    expect(signed).toEqual({
      documentNumber: NUMBER,
      signedAt: sh('2024-05-08'),
      signedBy: signer(TRANSPORT).userId,
      draftVersion: 1,
      replyClass: 'B',
      disclosure: 'on-request',
    });
    expect(state.tracks[TRANSPORT]).toMatchObject({ status: 'dispatch', signed, signing: false });
    expect(state.deadlines[`reply:${TRANSPORT}`]).toMatchObject({ status: 'met', metAt: sh('2024-05-08') });
    expect(state.stage).toBe('dispatch');
    expect(openTasks(state)).toContainEqual({
      id: `${PROPOSAL_ID}/dispatch/${TRANSPORT}/1`,
      kind: 'dispatch',
      unitId: TRANSPORT,
      round: 1,
    });
    expect(lastEvent(state)).toMatchObject({
      type: 'reply-signed',
      unitId: TRANSPORT,
      actor: { userId: signer(TRANSPORT).userId, unitId: TRANSPORT },
      data: { documentNumber: NUMBER, round: 1 },
    });
  });

  it.each<[string, (d: SubmitDraftInput) => void, string]>([
    ['a reply class not configured', (d) => (d.replyClass = 'D'), 'replyClass'],
    ['an unknown disclosure', (d) => (d.disclosure = 'secret' as 'never'), 'disclosure'],
    ['a suggestion point left unanswered', (d) => d.sections.pop(), 'sections'],
    ['no sections', (d) => (d.sections = []), 'sections'],
    ['an answer without adoption status', (d) => (d.sections[0].adoption = '' as 'adopted'), 'sections[0].adoption'],
    ['an empty copy list (leave it out for the default)', (d) => (d.copyTo = []), 'copyTo'],
    ['a blank copy recipient', (d) => (d.copyTo = ['市政府办公室', ' ']), 'copyTo[1]'],
    ['a copy recipient over two lines', (d) => (d.copyTo = ['市政府\n办公室']), 'copyTo[0]'],
    ['21 attachments', (d) => (d.attachments = Array.from({ length: 21 }, (_, i) => `附件${i}`)), 'attachments'],
    ['an attachment title over 200 characters', (d) => (d.attachments = ['附'.repeat(201)]), 'attachments[0]'],
    [
      'a section without text (sections that do not place their adoption sentence)',
      (d) => (d.sections[0].text = ' '),
      'sections[0].text',
    ],
    [
      'an unknown adoption sentence placement',
      (d) => (d.sections[0].adoptionSentence = 'footnote' as 'inline'),
      'sections[0].adoptionSentence',
    ],
    [
      'a section that says nothing: no adoption sentence, text or measure',
      (d) => (d.sections[0] = { ...d.sections[0], text: '', adoptionSentence: 'omitted', measures: [] }),
      'sections[0]',
    ],
  ])('refuses a draft with %s', (_case, breakIt, field) => {
    const state = assignedProposal(SINGLE_MODE);
    const input = draft();
    breakIt(input);
    expectRefused(state, () => checkSubmitDraft(state, handler(TRANSPORT), input), 'VALIDATION_FAILED', field);
  });

  it('keeps the letter’s own copy list and attachments with the draft version; a draft without them records neither', () => {
    const state = assignedProposal(SINGLE_MODE);
    submitDraft(state, TRANSPORT, sh('2024-05-06'), {
      ...draft(),
      copyTo: ['市政府办公室', '市通信管理局'],
      attachments: ['5G基站建设规划'],
    });
    expect(lastEvent(state)).toMatchObject({
      type: 'draft-submitted',
      data: { copyTo: ['市政府办公室', '市通信管理局'], attachments: ['5G基站建设规划'] },
    });
    const plain = assignedProposal(SINGLE_MODE);
    submitDraft(plain, TRANSPORT, sh('2024-05-06'), draft());
    expect(lastEvent(plain).data).not.toHaveProperty('copyTo');
    expect(lastEvent(plain).data).not.toHaveProperty('attachments');
  });

  it('keeps a section of an adoption sentence standing alone and sub-points without text; older sections record no placement', () => {
    const state = assignedProposal(SINGLE_MODE);
    const input = draft();
    input.sections[0] = {
      seq: 1,
      adoption: 'adopted',
      text: '',
      adoptionSentence: 'paragraph',
      measures: ['新建基站。'],
    };
    input.sections[1] = { ...input.sections[1], omitHeading: true };
    expect(() => checkSubmitDraft(state, handler(TRANSPORT), input)).not.toThrow();
    submitDraft(state, TRANSPORT, sh('2024-05-06'), input);
    expect(lastEvent(state).data).toMatchObject({
      sections: [
        { seq: 1, text: '', adoptionSentence: 'paragraph', measures: ['新建基站。'] },
        { seq: 2, text: '措施2', omitHeading: true },
      ],
    });
    const plain = assignedProposal(SINGLE_MODE);
    submitDraft(plain, TRANSPORT, sh('2024-05-06'), draft());
    expect(lastEvent(plain).data).toMatchObject({ sections: [{ seq: 1 }, { seq: 2 }] });
    expect((lastEvent(plain).data as { sections: object[] }).sections[0]).not.toHaveProperty('adoptionSentence');
  });

  it('takes the reply classes from the settings', () => {
    const state = assignedProposal(SINGLE_MODE, { settings: { replyClasses: ['A', 'B', 'C', 'D'] } });
    expect(() => checkSubmitDraft(state, handler(TRANSPORT), draft('D'))).not.toThrow();
  });

  it('the reviewer sends a draft back with a comment; the next draft is a new version', () => {
    const state = assignedProposal(SINGLE_MODE);
    submitDraft(state, TRANSPORT, sh('2024-05-06'));
    const draftTaskId = `${PROPOSAL_ID}/draft/${TRANSPORT}/1`;

    expectRefused(
      state,
      () => checkReviewDraft(state, reviewer(TRANSPORT), { decision: 'send-back' }),
      'VALIDATION_FAILED',
      'comment',
    );
    checkReviewDraft(state, reviewer(TRANSPORT), { decision: 'send-back', comment: '数据需核实' });
    applyReviewDraft(state, reviewer(TRANSPORT), { decision: 'send-back', comment: '数据需核实' }, sh('2024-05-07'));

    expect(state.tracks[TRANSPORT]).toMatchObject({
      status: 'drafting',
      sendBacks: 1,
      lastSendBack: {
        step: 'review',
        comment: '数据需核实',
        by: reviewer(TRANSPORT).userId,
        at: sh('2024-05-07'),
        draftVersion: 1,
      },
    });
    expect(state.stage).toBe('drafting');
    expect(openTasks(state).map((t) => t.id)).toContain(draftTaskId);
    expect(lastEvent(state)).toMatchObject({ type: 'draft-sent-back', data: { step: 'review', draftVersion: 1 } });

    submitDraft(state, TRANSPORT, sh('2024-05-08'));
    expect(state.tracks[TRANSPORT]).toMatchObject({ status: 'review', draftVersion: 2 });
  });

  it('the signer sends a draft back with a comment instead of signing', () => {
    const state = atSignOff();

    expectRefused(
      state,
      () => checkSignOff(state, signer(TRANSPORT), { decision: 'send-back', comment: '' }),
      'VALIDATION_FAILED',
      'comment',
    );
    checkSignOff(state, signer(TRANSPORT), { decision: 'send-back', comment: '措施不够具体' });
    applySendBackAtSignOff(state, signer(TRANSPORT), '措施不够具体', sh('2024-05-08'));

    expect(state.tracks[TRANSPORT]).toMatchObject({
      status: 'drafting',
      sendBacks: 1,
      lastSendBack: { step: 'sign-off', comment: '措施不够具体', by: signer(TRANSPORT).userId, draftVersion: 1 },
    });
    expect(state.tracks[TRANSPORT].signed).toBeUndefined();
    expect(state.deadlines[`reply:${TRANSPORT}`].status).toBe('running');
    expect(state.stage).toBe('drafting');
    expect(inbox(state)).toContain(`draft ${TRANSPORT}`);
    expect(inbox(state)).not.toContain(`sign-off ${TRANSPORT}`);
  });

  it('each step needs its role and its moment', () => {
    const state = assignedProposal(SINGLE_MODE);
    expectRefused(state, () => checkSubmitDraft(state, reviewer(TRANSPORT), draft()), 'ROLE_REQUIRED');
    expectRefused(state, () => checkReviewDraft(state, reviewer(TRANSPORT), { decision: 'approve' }), 'WRONG_STAGE');
    expectRefused(state, () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }), 'WRONG_STAGE');

    submitDraft(state, TRANSPORT, sh('2024-05-06'));
    expectRefused(state, () => checkSubmitDraft(state, handler(TRANSPORT), draft()), 'WRONG_STAGE');
    expectRefused(state, () => checkReviewDraft(state, signer(TRANSPORT), { decision: 'approve' }), 'ROLE_REQUIRED');
    expectRefused(
      state,
      () => checkReviewDraft(state, reviewer(TRANSPORT), { decision: 'maybe' as 'approve' }),
      'VALIDATION_FAILED',
      'decision',
    );

    approveDraft(state, TRANSPORT, sh('2024-05-07'));
    expectRefused(state, () => checkSignOff(state, handler(TRANSPORT), { decision: 'sign' }), 'ROLE_REQUIRED');
    expectRefused(state, () => checkSignOff(state, reviewer(TRANSPORT), { decision: 'sign' }), 'ROLE_REQUIRED');
    expectRefused(
      state,
      () => checkSignOff(state, signer(TRANSPORT), { decision: 'stamp' as 'sign' }),
      'VALIDATION_FAILED',
      'decision',
    );
    expectRefused(state, () => checkSignOff(state, signer(ECONOMY), { decision: 'sign' }), 'NOT_ASSIGNED');
  });

  it('a reply being signed cannot be signed a second time; an aborted sign-off can be retried', () => {
    const state = atSignOff();
    checkSignOff(state, signer(TRANSPORT), { decision: 'sign' });
    beginSignOff(state, signer(TRANSPORT));

    expectRefused(state, () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }), 'ALREADY_DONE');
    expectRefused(
      state,
      () => checkSignOff(state, signer(TRANSPORT), { decision: 'send-back', comment: '退回' }),
      'ALREADY_DONE',
    );

    abortSignOff(state, signer(TRANSPORT));
    expect(() => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' })).not.toThrow();

    beginSignOff(state, signer(TRANSPORT));
    applySignOff(state, signer(TRANSPORT), NUMBER, sh('2024-05-08'));
    expectRefused(state, () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }), 'WRONG_STAGE');
  });
});

describe('sign-off waits for the co-handlers (会办意见)', () => {
  function leadAtSignOff(): HandlingState {
    const state = assignedProposal(LEAD_MODE);
    submitOpinion(state, FINANCE, sh('2024-03-20'));
    submitDraft(state, TRANSPORT, sh('2024-04-01'));
    approveDraft(state, TRANSPORT, sh('2024-04-02'));
    return state;
  }

  it('refuses to sign while an opinion is neither in nor waived, and names it', () => {
    const state = leadAtSignOff();
    expect(state.stage).toBe('consultation');

    const error = expectRefused(
      state,
      () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }),
      'OPINIONS_OUTSTANDING',
    );

    expect(error.details).toEqual([{ field: 'opinions', message: PLANNING }]);
  });

  it('may still send the draft back meanwhile', () => {
    const state = leadAtSignOff();
    expect(() =>
      checkSignOff(state, signer(TRANSPORT), { decision: 'send-back', comment: '等待会办意见' }),
    ).not.toThrow();
  });

  it('signs once the missing opinion is waived', () => {
    const state = leadAtSignOff();
    checkWaiveOpinion(state, supervisor, { unitId: PLANNING, reason: '逾期未复' });
    applyWaiveOpinion(state, supervisor, { unitId: PLANNING, reason: '逾期未复' }, sh('2024-04-10'));
    expect(state.stage).toBe('sign-off');

    expect(() => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' })).not.toThrow();
  });

  it('signs once the missing opinion is in, but not while an opinion is back for revision', () => {
    const state = leadAtSignOff();
    submitOpinion(state, PLANNING, sh('2024-04-03'));
    expect(() => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' })).not.toThrow();

    applyReturnOpinion(state, handler(TRANSPORT), { unitId: FINANCE, reason: '补充' }, sh('2024-04-03'));
    planAll(state);
    const error = expectRefused(
      state,
      () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }),
      'OPINIONS_OUTSTANDING',
    );
    expect(error.details.map((d) => d.message)).toEqual([FINANCE]);
  });

  it('never lets a co-handling unit sign the reply: co-handlers never reply to the proposer', () => {
    const state = leadAtSignOff();
    submitOpinion(state, PLANNING, sh('2024-04-03'));
    expectRefused(state, () => checkSignOff(state, signer(FINANCE), { decision: 'sign' }), 'NOT_ASSIGNED');
    expectRefused(state, () => checkSubmitDraft(state, handler(PLANNING), draft()), 'NOT_ASSIGNED');
  });
});

describe('a recorded contact before sign-off (沟通协商)', () => {
  it('is not needed for an ordinary proposal where the rule is "key proposals"', () => {
    const state = atSignOff();
    expect(() => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' })).not.toThrow();
  });

  it('is needed once the proposal is marked key, and then suffices', () => {
    const state = atSignOff();
    markKey(state, sh('2024-05-07', '12:00'));
    expect(state.key).toEqual({ leaders: ['张副市长'], markedAt: sh('2024-05-07', '12:00') });
    expect(lastEvent(state)).toMatchObject({
      type: 'key-proposal-marked',
      actor: { userId: supervisor.userId },
      data: { leaders: ['张副市长'] },
    });

    expectRefused(state, () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }), 'CONTACT_REQUIRED');

    recordContact(state, TRANSPORT, sh('2024-05-08', '09:00'));
    expect(() => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' })).not.toThrow();
  });

  it('is needed for every proposal where the local rule says "all"', () => {
    const state = atSignOff({ settings: { contactRequiredFor: 'all' } });
    expectRefused(state, () => checkSignOff(state, signer(TRANSPORT), { decision: 'sign' }), 'CONTACT_REQUIRED');
  });

  it('marking a proposal key needs a supervisor or assigning officer, and 1-10 leaders', () => {
    const state = assignedProposal(SINGLE_MODE);
    expectRefused(state, () => checkMarkKey(state, handler(TRANSPORT), { leaders: ['张副市长'] }), 'ROLE_REQUIRED');
    expectRefused(state, () => checkMarkKey(state, supervisor, { leaders: [] }), 'VALIDATION_FAILED', 'leaders');
    expectRefused(
      state,
      () => checkMarkKey(state, supervisor, { leaders: Array(11).fill('领导') }),
      'VALIDATION_FAILED',
      'leaders',
    );
    expectRefused(state, () => checkMarkKey(state, supervisor, { leaders: [''] }), 'VALIDATION_FAILED', 'leaders[0]');
    expect(() => checkMarkKey(state, officer, { leaders: ['张副市长'] })).not.toThrow();
    expect(() => checkMarkKey(state, actor(OFFICE, 'supervisor'), { leaders: ['张副市长', '王局长'] })).not.toThrow();
  });

  it('leaders may be users too: kept in the state and the event, at most 10 different ones', () => {
    const state = assignedProposal(SINGLE_MODE);
    const input = { leaders: ['张副市长'], leaderUserIds: ['vice-mayor-zhang'] };
    checkMarkKey(state, supervisor, input);
    applyMarkKey(state, supervisor, input, sh('2024-04-01'));
    expect(state.key).toEqual({
      leaders: ['张副市长'],
      leaderUserIds: ['vice-mayor-zhang'],
      markedAt: sh('2024-04-01'),
    });
    expect(lastEvent(state)).toMatchObject({
      type: 'key-proposal-marked',
      data: { leaders: ['张副市长'], leaderUserIds: ['vice-mayor-zhang'] },
    });
    // Names only, as before: no user ids anywhere.
    applyMarkKey(state, supervisor, { leaders: ['王局长'] }, sh('2024-04-02'));
    expect(state.key).toEqual({ leaders: ['王局长'], markedAt: sh('2024-04-02') });
    expect(lastEvent(state).data).toEqual({ leaders: ['王局长'] });

    const refused = (leaderUserIds: unknown, field: string) =>
      expectRefused(
        state,
        () => checkMarkKey(state, supervisor, { leaders: ['张副市长'], leaderUserIds } as never),
        'VALIDATION_FAILED',
        field,
      );
    refused(['a', 'a'], 'leaderUserIds');
    refused(
      Array.from({ length: 11 }, (_, i) => `u${i}`),
      'leaderUserIds',
    );
    refused('vice-mayor-zhang', 'leaderUserIds');
    refused([''], 'leaderUserIds[0]');
  });
});

describe('split handling (分办): every unit signs its own reply', () => {
  it('units move on their own, and the proposal is as far as the least advanced reply', () => {
    const state = assignedProposal(SPLIT_MODE);
    submitDraft(state, TRANSPORT, sh('2024-05-06'));
    approveDraft(state, TRANSPORT, sh('2024-05-07'));

    expect(state.tracks[TRANSPORT].status).toBe('sign-off');
    expect(state.tracks[HOUSING].status).toBe('drafting');
    expect(state.stage).toBe('drafting');
    expectRefused(state, () => checkSignOff(state, signer(HOUSING), { decision: 'sign' }), 'WRONG_STAGE');
    expectRefused(state, () => checkSignOff(state, signer(ECONOMY), { decision: 'sign' }), 'NOT_ASSIGNED');
    expectRefused(state, () => checkReviewDraft(state, reviewer(ECONOMY), { decision: 'approve' }), 'NOT_ASSIGNED');

    sign(state, TRANSPORT, sh('2024-05-08'), 'X交函〔2024〕7号');
    expect(state.tracks[HOUSING].signed).toBeUndefined();
    expect(state.deadlines[`reply:${HOUSING}`].status).toBe('running');
    expect(state.stage).toBe('drafting');
    expect(inbox(state)).toEqual(expect.arrayContaining([`dispatch ${TRANSPORT}`, `draft ${HOUSING}`]));

    submitDraft(state, HOUSING, sh('2024-05-09'), draft('C', 'never'));
    approveDraft(state, HOUSING, sh('2024-05-10'));
    const housing = sign(state, HOUSING, sh('2024-05-13'), 'X住建函〔2024〕2号');

    expect(housing).toMatchObject({
      documentNumber: 'X住建函〔2024〕2号',
      replyClass: 'C',
      signedBy: signer(HOUSING).userId,
    });
    expect(state.tracks[TRANSPORT].signed?.documentNumber).toBe('X交函〔2024〕7号');
    expect(state.stage).toBe('dispatch');
  });

  it('needs no co-handler opinions to sign', () => {
    const state = assignedProposal(SPLIT_MODE);
    submitDraft(state, HOUSING, sh('2024-05-06'));
    approveDraft(state, HOUSING, sh('2024-05-07'));
    expect(() => checkSignOff(state, signer(HOUSING), { decision: 'sign' })).not.toThrow();
  });
});
