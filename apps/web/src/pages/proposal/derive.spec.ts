import {
  contactsOf,
  extensionsOf,
  holidayName,
  objectionsOf,
  opinionsOf,
  ratingsOf,
  signaturesOf,
  skippedRuns,
  splitNames,
  taskSuffix,
} from './derive';
import type { ProposalEvent } from './types';

let seq = 0;
const ev = (
  type: string,
  data: Record<string, unknown> = {},
  unitId: string | null = null,
  user = 'u',
): ProposalEvent => ({
  seq: ++seq,
  type,
  at: `2026-03-0${Math.min(9, seq)}T02:00:00.000Z`,
  actor: { userId: user, unitId: unitId ?? 'gov-office' },
  unitId,
  data,
});

describe('reading the audit trail for the proposal screens', () => {
  const assigned = ev('assigned', {
    mode: 'lead',
    replyingUnitIds: ['industry-it'],
    coHandlerUnitIds: ['human-resources', 'education'],
  });

  it('lists each co-handling unit with its latest opinion, returns and waivers', () => {
    const events = [
      assigned,
      ev(
        'opinion-submitted',
        {
          version: 1,
          points: [
            { seq: 2, adoption: 'adopted', text: 'b' },
            { seq: 1, adoption: 'for-reference', text: 'a' },
          ],
          summary: 's',
        },
        'education',
        'education-cohandler',
      ),
      ev('opinion-returned', { version: 1, reason: '请补充' }, 'education', 'lead-handler'),
      ev('opinion-waived', { reason: '无职能' }, 'human-resources', 'supervisor'),
    ];
    const [hr, edu] = opinionsOf(events);
    expect(hr).toMatchObject({
      unitId: 'human-resources',
      status: 'waived',
      waiver: { reason: '无职能', by: 'supervisor' },
    });
    expect(edu).toMatchObject({ unitId: 'education', status: 'returned', version: 1, summary: 's' });
    expect(edu.points.map((p) => p.seq)).toEqual([1, 2]);
    expect(edu.returns).toEqual([expect.objectContaining({ reason: '请补充', version: 1, by: 'lead-handler' })]);

    const again = opinionsOf([...events, ev('opinion-submitted', { version: 2, points: [] }, 'education')]);
    expect(again[1]).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('puts a reassigned co-handler’s replacement in its place, with nothing submitted yet', () => {
    const events = [
      assigned,
      ev('objection-raised', { objectionId: 1, reason: '非本单位职能' }, 'education'),
      ev(
        'objection-decided',
        { objectionId: 1, decision: 'reassign', reason: '同意', replacementUnitId: 'government-data' },
        'education',
      ),
    ];
    expect(opinionsOf(events).map((o) => [o.unitId, o.status])).toEqual([
      ['human-resources', 'pending'],
      ['government-data', 'pending'],
    ]);
    expect(objectionsOf(events)).toEqual([
      expect.objectContaining({
        id: 1,
        unitId: 'education',
        reason: '非本单位职能',
        decided: { decision: 'reassign', reason: '同意', replacementUnitId: 'government-data' },
      }),
    ]);
  });

  it('reads contacts, extensions, ratings per round and signatures', () => {
    const events = [
      ev(
        'contact-recorded',
        { method: 'call', contactedAt: '2026-03-01T01:00:00.000Z', summary: '电话' },
        'industry-it',
        'lead-handler',
      ),
      ev(
        'extension-requested',
        { extensionId: 1, deadlineKey: 'reply:industry-it', requestedEndDate: '2026-07-31', reason: '调研' },
        'industry-it',
      ),
      ev('extension-decided', { extensionId: 1, decision: 'approve', reason: '同意' }, 'industry-it'),
      ev(
        'reply-signed',
        {
          documentNumber: 'X工信函〔2026〕7号',
          round: 1,
          replyClass: 'A',
          disclosure: 'publish',
          signedAt: '2026-03-05T01:00:00.000Z',
        },
        'industry-it',
      ),
      ev('feedback-recorded', { round: 1, proposer: '李明', rating: 'satisfied' }, 'industry-it'),
      ev('feedback-recorded', { round: 2, proposer: '王芳', rating: 'unsatisfied' }, 'industry-it'),
    ];
    expect(contactsOf(events)).toEqual([
      expect.objectContaining({ unitId: 'industry-it', method: 'call', summary: '电话', by: 'lead-handler' }),
    ]);
    expect(extensionsOf(events)[0]).toMatchObject({
      id: 1,
      requestedEndDate: '2026-07-31',
      decided: { decision: 'approve' },
    });
    expect(ratingsOf(events, 'industry-it', 1)).toEqual({ 李明: 'satisfied' });
    expect(signaturesOf(events)).toEqual([expect.objectContaining({ documentNumber: 'X工信函〔2026〕7号', round: 1 })]);
  });

  it('takes the objection, extension or replying unit from a task id', () => {
    const task = {
      id: '8-2_1/record-feedback/gov-office/industry-it/2',
      kind: 'record-feedback',
      unitId: 'gov-office',
    };
    const open = {
      status: 'open',
      deadlineKey: null,
      dueAt: null,
      round: 2,
      due: { state: 'none' as const },
      workingDaysLeft: null,
      workingDaysOverdue: null,
    };
    expect(taskSuffix({ ...task, ...open })).toEqual(['industry-it', '2']);
  });

  it('groups skipped days into runs and names holidays in the reader’s language', () => {
    const runs = skippedRuns([
      { date: '2026-10-02', reason: 'holiday', name: 'National Day,国庆节,3' },
      { date: '2026-10-01', reason: 'holiday', name: 'National Day,国庆节,3' },
      { date: '2026-10-10', reason: 'weekend' },
      { date: '2026-10-11', reason: 'weekend' },
    ]);
    expect(runs.map((r) => [r.from, r.to, r.days])).toEqual([
      ['2026-10-01', '2026-10-02', 2],
      ['2026-10-10', '2026-10-11', 2],
    ]);
    expect(holidayName('National Day,国庆节,3', 'zh-CN')).toBe('国庆节');
    expect(holidayName('National Day,国庆节,3', 'en')).toBe('National Day');
    expect(holidayName('市庆', 'en')).toBe('市庆');
    expect(splitNames('王副市长、李秘书长, 张主任')).toEqual(['王副市长', '李秘书长', '张主任']);
  });
});
