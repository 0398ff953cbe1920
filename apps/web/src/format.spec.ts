import { formatDate, formatDateTime, formatIsoDate, urgencyOf } from './format';

describe('dates as the bureaus write them (Asia/Shanghai)', () => {
  it('writes 2023年7月5日 in Chinese and 5 Jul 2023 in English', () => {
    expect(formatDate('2023-07-05T02:00:00.000Z', 'zh-CN')).toBe('2023年7月5日');
    expect(formatDate('2023-07-05T02:00:00.000Z', 'en')).toBe('5 Jul 2023');
    expect(formatIsoDate('2023-07-05', 'zh-CN')).toBe('2023年7月5日');
  });

  it('uses the Shanghai day: a deadline at the end of 5 July is 15:59:59Z, still 5 July', () => {
    expect(formatDate('2023-07-05T15:59:59.999Z', 'zh-CN')).toBe('2023年7月5日');
    expect(formatDate('2023-07-05T16:00:00.000Z', 'zh-CN')).toBe('2023年7月6日');
    expect(formatDateTime('2023-07-05T06:30:00.000Z', 'zh-CN')).toBe('2023年7月5日 14:30');
  });

  it('tells overdue, due soon and not yet apart', () => {
    const now = new Date('2023-07-05T02:00:00.000Z');
    expect(urgencyOf({ dueAt: '2023-07-04T15:59:59.999Z', workingDaysOverdue: 1 }, now)).toBe('overdue');
    expect(urgencyOf({ dueAt: '2023-07-07T15:59:59.999Z', workingDaysLeft: 2 }, now)).toBe('due-soon');
    expect(urgencyOf({ dueAt: '2023-08-07T15:59:59.999Z', workingDaysLeft: 23 }, now)).toBe('normal');
    expect(urgencyOf({ dueAt: null }, now)).toBe('none');
  });
});
