import { countText, formatDate, formatDateTime, formatIsoDate } from './format';

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
});

describe('countText', () => {
  it('shows a count the API stopped at its limit as "more than"', () => {
    expect(countText(1000, true)).toBe('1000+');
    expect(countText(12, false)).toBe('12');
    expect(countText(0, undefined)).toBe('0');
  });
});
