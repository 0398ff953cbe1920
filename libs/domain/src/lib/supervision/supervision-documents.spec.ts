import { DomainError } from '../domain-error';
import type { Actor } from '../handling/actor';
import {
  canReadSupervisionDocument,
  checkCircularPeriod,
  checkSupervisionNotice,
  circularUnits,
} from './supervision-documents';

const supervisor: Actor = { userId: 's', unitId: 'gov-office', roles: ['supervisor'] };
const officer: Actor = { userId: 'o', unitId: 'gov-office', roles: ['assigning-officer'] };
const bureau: Actor = { userId: 'h', unitId: 'education', roles: ['handler'] };

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return 'no error';
};

describe('supervision documents (domain)', () => {
  it('lets supervisors, the issuing office and the addressees read a document, nobody else', () => {
    const doc = { addresseeUnitIds: ['education'], issuerUnitId: 'gov-office' };
    expect(canReadSupervisionDocument(supervisor, doc)).toBe(true);
    expect(canReadSupervisionDocument(officer, doc)).toBe(true);
    expect(canReadSupervisionDocument(bureau, doc)).toBe(true);
    expect(canReadSupervisionDocument({ ...bureau, unitId: 'transport' }, doc)).toBe(false);
  });

  it('issues a 督办通知单 by a supervisor, to a unit with an overdue deadline only', () => {
    expect(codeOf(() => checkSupervisionNotice(supervisor, 'education', ['education'], '请说明'))).toBe('no error');
    expect(codeOf(() => checkSupervisionNotice(officer, 'education', ['education'], undefined))).toBe('ROLE_REQUIRED');
    expect(codeOf(() => checkSupervisionNotice(supervisor, 'transport', ['education'], undefined))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => checkSupervisionNotice(supervisor, '', ['education'], undefined))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkSupervisionNotice(supervisor, 'education', ['education'], 'x'.repeat(2001)))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('takes a circular period of two dates in order, at most 366 days', () => {
    expect(checkCircularPeriod('2024-01-01', '2024-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(codeOf(() => checkCircularPeriod('2024-01-01', '2025-01-01'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkCircularPeriod('2024-02-01', '2024-01-31'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkCircularPeriod('2024-02-30', '2024-03-01'))).toBe('VALIDATION_FAILED');
  });

  it('lists the units with late work or days held up, most days first', () => {
    const row = (key: string, late: number, lateOpinions: number, held: number, reminders = 0) => ({
      key,
      repliesDue: 3,
      repliesOnTime: 3 - late,
      opinionsDue: 2,
      opinionsOnTime: 2 - lateOpinions,
      workingDaysHeldUp: held,
      reminderNotices: reminders,
    });
    expect(circularUnits([row('a', 0, 0, 0), row('b', 1, 1, 3, 2), row('c', 0, 0, 5), row('d', 2, 0, 3)])).toEqual([
      { unitId: 'c', overdue: 0, workingDaysHeldUp: 5, reminderNotices: 0 },
      { unitId: 'b', overdue: 2, workingDaysHeldUp: 3, reminderNotices: 2 },
      { unitId: 'd', overdue: 2, workingDaysHeldUp: 3, reminderNotices: 0 },
    ]);
  });
});
