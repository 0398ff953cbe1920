import {
  ECONOMY,
  event,
  FINANCE,
  history,
  HOUSING,
  leadAssignment,
  objection,
  OFFICE,
  reassigned,
  sh,
  stored,
  TRANSPORT,
} from './audit-events.fixtures';
import { contactsOf } from './contacts.fold';
import { draftVersionsOf } from './drafts.fold';
import { extensionsOf } from './extensions.fold';
import { objectionsOf } from './objections.fold';
import { ratingsOf } from './ratings.fold';
import { signaturesOf } from './signatures.fold';

describe('objections (申请调整)', () => {
  it('each objection waits for the assigning office, then carries its decision', () => {
    const rejected = event(
      'objection-decided',
      { objectionId: 2, decision: 'reject', reason: '属于本单位职能' },
      { unitId: TRANSPORT, by: OFFICE, at: sh('2024-03-12') },
    );
    const events = stored(
      history(leadAssignment(), objection(FINANCE, 1), objection(TRANSPORT, 2), reassigned(FINANCE, ECONOMY, 1)),
    );
    expect(objectionsOf(events)).toEqual([
      {
        id: 1,
        unitId: FINANCE,
        reason: '不属于本单位职能',
        at: sh('2024-03-08'),
        by: `user@${FINANCE}`,
        decided: {
          decision: 'reassign',
          reason: '职能调整',
          replacementUnitId: ECONOMY,
          at: sh('2024-03-08'),
          by: `user@${OFFICE}`,
        },
      },
      expect.not.objectContaining({ decided: expect.anything() }),
    ]);

    const decided = objectionsOf(stored(history(leadAssignment(), objection(TRANSPORT, 2), rejected)));
    expect(decided[0].decided).toEqual({
      decision: 'reject',
      reason: '属于本单位职能',
      at: sh('2024-03-12'),
      by: `user@${OFFICE}`,
    });
  });
});

describe('extensions (延期)', () => {
  const requested = (extensionId: number, unitId: string) =>
    event(
      'extension-requested',
      { extensionId, deadlineKey: `reply:${unitId}`, requestedEndDate: '2024-07-31', reason: '需实地调研' },
      { unitId, by: unitId },
    );

  it('each request shows the deadline and the day asked for, then the decision', () => {
    const approved = event(
      'extension-decided',
      {
        extensionId: 1,
        deadlineKey: `reply:${TRANSPORT}`,
        decision: 'approve',
        reason: '同意',
        requestedEndDate: '2024-07-31',
      },
      { unitId: TRANSPORT, by: OFFICE, at: sh('2024-05-20') },
    );
    const events = stored(history(leadAssignment(), requested(1, TRANSPORT), requested(2, FINANCE), approved));
    expect(extensionsOf(events)).toEqual([
      {
        id: 1,
        unitId: TRANSPORT,
        deadlineKey: `reply:${TRANSPORT}`,
        requestedEndDate: '2024-07-31',
        reason: '需实地调研',
        at: sh('2024-03-08'),
        by: `user@${TRANSPORT}`,
        decided: { decision: 'approve', reason: '同意', at: sh('2024-05-20'), by: `user@${OFFICE}` },
      },
      expect.objectContaining({ id: 2, unitId: FINANCE, deadlineKey: `reply:${FINANCE}` }),
    ]);
    expect(extensionsOf(events)[1]).not.toHaveProperty('decided');
  });
});

describe('signatures (签发)', () => {
  const signed = (unitId: string, round: number, documentNumber: string, at: string) =>
    event(
      'reply-signed',
      {
        documentNumber,
        signedAt: at,
        signedBy: `signer@${unitId}`,
        draftVersion: 2,
        replyClass: 'A',
        disclosure: 'publish',
        round,
      },
      { unitId, by: unitId, at },
    );

  it('a re-handled reply is signed again in its next round, under a new document number', () => {
    const events = stored(
      history(
        signed(TRANSPORT, 1, 'X交函〔2024〕12号', sh('2024-05-15')),
        signed(HOUSING, 1, 'X住函〔2024〕3号', sh('2024-05-16')),
        signed(TRANSPORT, 2, 'X交函〔2024〕31号', sh('2024-07-01')),
      ),
    );
    expect(signaturesOf(events).map((s) => [s.unitId, s.round, s.documentNumber])).toEqual([
      [TRANSPORT, 1, 'X交函〔2024〕12号'],
      [HOUSING, 1, 'X住函〔2024〕3号'],
      [TRANSPORT, 2, 'X交函〔2024〕31号'],
    ]);
    expect(signaturesOf(events)[0]).toEqual({
      unitId: TRANSPORT,
      round: 1,
      documentNumber: 'X交函〔2024〕12号',
      signedAt: sh('2024-05-15'),
      signedBy: `signer@${TRANSPORT}`,
      draftVersion: 2,
      replyClass: 'A',
      disclosure: 'publish',
    });
  });
});

describe('ratings (满意度测评)', () => {
  const rated = (unitId: string, round: number, proposer: string, rating: 'satisfied' | 'unsatisfied') =>
    event('feedback-recorded', { round, proposer, rating }, { unitId, by: OFFICE });

  it('are per replying unit and per round: a re-handled reply is rated afresh', () => {
    const events = stored(
      history(
        rated(TRANSPORT, 1, '李明', 'unsatisfied'),
        rated(TRANSPORT, 1, '王芳', 'satisfied'),
        rated(HOUSING, 1, '李明', 'satisfied'),
        rated(TRANSPORT, 2, '李明', 'satisfied'),
      ),
    );
    expect(ratingsOf(events, TRANSPORT, 1)).toEqual({ 李明: 'unsatisfied', 王芳: 'satisfied' });
    expect(ratingsOf(events, TRANSPORT, 2)).toEqual({ 李明: 'satisfied' });
    expect(ratingsOf(events, HOUSING, 2)).toEqual({});
  });
});

describe('proposer contacts (沟通协商)', () => {
  it('keep when the contact took place apart from when it was recorded', () => {
    const contact = event(
      'contact-recorded',
      { method: 'call', contactedAt: sh('2024-03-20', '15:30'), summary: '电话沟通办理思路' },
      { unitId: TRANSPORT, by: TRANSPORT, at: sh('2024-03-21') },
    );
    expect(contactsOf(stored(history(leadAssignment(), contact)))).toEqual([
      {
        unitId: TRANSPORT,
        method: 'call',
        contactedAt: sh('2024-03-20', '15:30'),
        summary: '电话沟通办理思路',
        at: sh('2024-03-21'),
        by: `user@${TRANSPORT}`,
      },
    ]);
  });
});

describe('draft versions (拟稿)', () => {
  const version = (type: 'draft-saved' | 'draft-submitted', round: number, draftVersion: number, at: string) =>
    event(
      type,
      {
        round,
        draftVersion,
        replyClass: 'A',
        disclosure: 'publish',
        sections: [{ seq: 1, adoption: 'adopted', text: `第${round}轮第${draftVersion}稿` }],
        topic: '公共交通',
        contact: { name: '王五', phone: '12345678' },
      },
      { unitId: TRANSPORT, by: TRANSPORT, at },
    );

  it('keep saved and submitted versions, each with the comments made on it', () => {
    const sentBack = event(
      'draft-sent-back',
      { step: 'review', comment: '请补充资金安排', draftVersion: 2 },
      { unitId: TRANSPORT, by: TRANSPORT, at: sh('2024-05-03') },
    );
    const approved = event('draft-reviewed', { draftVersion: 3 }, { unitId: TRANSPORT, by: TRANSPORT });
    const events = stored(
      history(
        version('draft-saved', 1, 1, sh('2024-05-01')),
        version('draft-submitted', 1, 2, sh('2024-05-02')),
        sentBack,
        version('draft-submitted', 1, 3, sh('2024-05-04')),
        approved,
      ),
    );
    const drafts = draftVersionsOf(events, TRANSPORT);
    expect(drafts.map((d) => [d.draftVersion, d.status, d.comments.map((c) => [c.step, c.outcome])])).toEqual([
      [1, 'saved', []],
      [2, 'submitted', [['review', 'sent-back']]],
      [3, 'submitted', [['review', 'approved']]],
    ]);
    expect(drafts[1].comments[0]).toEqual({
      step: 'review',
      outcome: 'sent-back',
      comment: '请补充资金安排',
      at: sh('2024-05-03'),
      by: `user@${TRANSPORT}`,
    });
    expect(drafts[0].content).toEqual({
      replyClass: 'A',
      disclosure: 'publish',
      sections: [{ seq: 1, adoption: 'adopted', text: '第1轮第1稿' }],
      topic: '公共交通',
      contact: { name: '王五', phone: '12345678' },
    });
    expect(draftVersionsOf(events, HOUSING)).toEqual([]);
  });

  it('a comment in a re-handling round goes to that round’s version, numbered afresh', () => {
    const sentBack = event(
      'draft-sent-back',
      { step: 'sign-off', comment: '请核实数据', draftVersion: 1 },
      { unitId: TRANSPORT, by: TRANSPORT },
    );
    const drafts = draftVersionsOf(
      history(
        version('draft-submitted', 1, 1, sh('2024-05-01')),
        version('draft-submitted', 2, 1, sh('2024-07-01')),
        sentBack,
      ),
      TRANSPORT,
    );
    expect(drafts.map((d) => [d.round, d.comments.length])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('reads a draft stored before the letter’s topic, contact and headings existed', () => {
    const old = event(
      'draft-submitted',
      {
        round: 1,
        draftVersion: 1,
        replyClass: 'B',
        disclosure: 'never',
        sections: [{ seq: 1, adoption: 'for-reference', text: '留作参考' }],
      },
      { unitId: TRANSPORT, by: TRANSPORT },
    );
    const [draft] = draftVersionsOf(stored(history(old)), TRANSPORT);
    expect(draft.content).toEqual({
      replyClass: 'B',
      disclosure: 'never',
      sections: [{ seq: 1, adoption: 'for-reference', text: '留作参考' }],
    });
    expect(draft.content.topic).toBeUndefined();
  });
});
