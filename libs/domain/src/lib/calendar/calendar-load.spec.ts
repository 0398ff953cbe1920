import { calendarCoverage, canonicalCalendarJson, nextYearNoticeMissing } from './calendar-load';

describe('a calendar load', () => {
  it('is a notice when it carries a year, local days off otherwise', () => {
    expect(
      calendarCoverage({ label: 'gov-2027', years: [{ year: 2027, holidays: { '2027-01-01': 'x' }, workdays: {} }] }),
    ).toEqual({ kind: 'notice', years: [2027], localDaysOff: [] });
    expect(calendarCoverage({ label: 'typhoon', localHolidays: { '2027-07-16': 'a', '2027-07-15': 'b' } })).toEqual({
      kind: 'days-off',
      years: [],
      localDaysOff: ['2027-07-15', '2027-07-16'],
    });
  });

  it('has one canonical text whatever the order of its dates', () => {
    const a = canonicalCalendarJson({ label: 'x', localHolidays: { '2027-07-15': 'a', '2027-07-16': 'b' } });
    const b = canonicalCalendarJson({ label: 'x', localHolidays: { '2027-07-16': 'b', '2027-07-15': 'a' } });
    expect(a).toBe(b);
    expect(canonicalCalendarJson({ label: 'y', localHolidays: { '2027-07-15': 'a', '2027-07-16': 'b' } })).not.toBe(a);
  });
});

describe('the reminder to load next year', () => {
  it('starts on 1 November while next year is missing', () => {
    expect(nextYearNoticeMissing('2026-10-31', [2025, 2026])).toBeUndefined();
    expect(nextYearNoticeMissing('2026-11-01', [2025, 2026])).toBe(2027);
    expect(nextYearNoticeMissing('2026-12-31', [2025, 2026])).toBe(2027);
    expect(nextYearNoticeMissing('2026-11-01', [2026, 2027])).toBeUndefined();
  });
});
