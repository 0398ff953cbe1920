import {
  ECONOMY,
  event,
  FINANCE,
  history,
  leadAssignment,
  OFFICE,
  PLANNING,
  reassigned,
  TRANSPORT,
} from './audit-events.fixtures';
import { notifiedUnits } from './event-notice';

describe('who hears of an event', () => {
  it('an assignment: every unit assigned, replying or co-handling', () => {
    const [assigned] = history(leadAssignment());
    expect(notifiedUnits(assigned)).toEqual([TRANSPORT, FINANCE, PLANNING]);
  });

  it('a reassignment: the objecting unit and the unit that takes its place; a rejection: the objecting unit', () => {
    const [decided] = history(reassigned(FINANCE, ECONOMY));
    expect(notifiedUnits(decided)).toEqual([FINANCE, ECONOMY]);
    const [rejected] = history(
      event('objection-decided', { objectionId: 1, decision: 'reject', reason: '属于本单位职能' }, { unitId: FINANCE }),
    );
    expect(notifiedUnits(rejected)).toEqual([FINANCE]);
  });

  it('a returned opinion, a sent-back draft, an extension decision and a reminder: the unit concerned', () => {
    const events = history(
      event('opinion-returned', { reason: '请补充', version: 1 }, { unitId: FINANCE, by: TRANSPORT }),
      event('draft-sent-back', { step: 'review', comment: '请修改', draftVersion: 2 }, { unitId: TRANSPORT }),
      event(
        'extension-decided',
        {
          extensionId: 1,
          deadlineKey: `reply:${TRANSPORT}`,
          decision: 'refuse',
          reason: '理由不足',
          requestedEndDate: '2024-07-31',
        },
        { unitId: TRANSPORT, by: OFFICE },
      ),
      event('reminder-notice', { message: null, tasks: [] }, { unitId: PLANNING, by: OFFICE }),
    );
    expect(events.map((e) => notifiedUnits(e))).toEqual([[FINANCE], [TRANSPORT], [TRANSPORT], [PLANNING]]);
  });

  it('an opinion: the lead unit; reopened handling: the replying unit; an objection or extension request: the office', () => {
    const to = { leadUnitId: TRANSPORT, assigningUnitId: OFFICE };
    const events = history(
      event('opinion-submitted', { version: 1, points: [] }, { unitId: FINANCE, by: FINANCE }),
      event('rehandling-opened', { round: 2 }, { unitId: TRANSPORT }),
      event('objection-raised', { objectionId: 1, reason: '不属本单位职能' }, { unitId: PLANNING, by: PLANNING }),
      event(
        'extension-requested',
        { extensionId: 1, deadlineKey: `reply:${TRANSPORT}`, requestedEndDate: '2024-07-31', reason: '需调研' },
        { unitId: TRANSPORT, by: TRANSPORT },
      ),
    );
    expect(events.map((e) => notifiedUnits(e, to))).toEqual([[TRANSPORT], [TRANSPORT], [OFFICE], [OFFICE]]);
    // Without a lead unit or an office known, nobody (never the unit that acted).
    expect(events.map((e) => notifiedUnits(e))).toEqual([[], [TRANSPORT], [], []]);
  });

  it('work in progress is told to nobody', () => {
    const [saved] = history(
      event(
        'contact-recorded',
        { method: 'call', contactedAt: '2024-03-20T07:30:00.000Z', summary: '电话' },
        { unitId: TRANSPORT },
      ),
    );
    expect(notifiedUnits(saved)).toEqual([]);
  });
});
