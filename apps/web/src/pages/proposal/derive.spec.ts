import { holidayName, skippedRuns, splitNames } from './derive';

describe('presentation helpers of the proposal screens', () => {
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
