import { readFileSync } from 'node:fs';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { DomainError } from '../domain-error';
import { addDays, isWeekend } from './iso-date';
import { CalendarYear, WorkingDayCalendar } from './working-day-calendar';

const official = WorkingDayCalendar.official();
const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** Not a real notice: 2027 is unpublished in chinese-days 1.5.7, so tests build their own. */
const constructed2027: CalendarYear = {
  year: 2027,
  holidays: { '2027-01-01': "New Year's Day", '2027-01-02': "New Year's Day", '2027-01-03': "New Year's Day" },
  workdays: { '2027-02-06': 'Spring Festival' },
};

describe('the official calendar (chinese-days)', () => {
  it('is versioned by the installed chinese-days package', () => {
    const installed = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as {
      version: string;
    };
    expect(official.version).toBe(`chinese-days@${installed.version}`);
    expect(official.version).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
  });

  it('is built once and shared', () => {
    expect(WorkingDayCalendar.official()).toBe(official);
  });

  it('covers 2004-2026 and nothing else', () => {
    const expected = Array.from({ length: 23 }, (_, i) => 2004 + i);
    expect(official.publishedYears()).toEqual(expected);
    expect(official.isPublished(2026)).toBe(true);
    expect(official.isPublished(2027)).toBe(false);
    expect(official.isPublished(2003)).toBe(false);
  });

  it('agrees with every entry of the raw data', () => {
    for (const date of Object.keys(data.holidays)) {
      expect([date, official.dayInfo(date).reason]).toEqual([date, 'holiday']);
    }
    for (const date of Object.keys(data.workdays)) {
      expect([date, isWeekend(date), official.dayInfo(date).reason]).toEqual([date, true, 'make-up-workday']);
    }
    // Every other day of the covered years follows the plain week.
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (d in data.holidays || d in data.workdays) continue;
      const info = official.dayInfo(d);
      if (info.working === isWeekend(d) || info.provisional) throw new Error(`unexpected ${JSON.stringify(info)}`);
    }
  });

  it('knows National Day week 2025 with its make-up Sunday and Saturday', () => {
    expect(official.dayInfo('2025-09-27')).toEqual({
      date: '2025-09-27',
      working: false,
      reason: 'weekend',
      provisional: false,
    });
    expect(official.dayInfo('2025-09-28')).toEqual({
      date: '2025-09-28',
      working: true,
      reason: 'make-up-workday',
      name: 'National Day',
      provisional: false,
    });
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) {
      expect(official.isWorkingDay(d)).toBe(false);
      expect(official.dayInfo(d).reason).toBe('holiday');
    }
    expect(official.dayInfo('2025-10-06').name).toBe('Mid-autumn Festival');
    expect(official.isWorkingDay('2025-10-09')).toBe(true);
    expect(official.dayInfo('2025-10-11').reason).toBe('make-up-workday');
    expect(official.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('knows Spring Festival 2026', () => {
    expect(official.dayInfo('2026-02-14').reason).toBe('make-up-workday');
    expect(official.dayInfo('2026-02-15')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: 'Spring Festival',
    });
    expect(official.dayInfo('2026-02-23')).toMatchObject({ working: false, reason: 'holiday' });
    expect(official.dayInfo('2026-02-24')).toMatchObject({ working: true, reason: 'workday' });
    expect(official.dayInfo('2026-02-28')).toMatchObject({ working: true, reason: 'make-up-workday' });
  });

  it('guesses unpublished years from the plain week, and says so', () => {
    expect(official.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: true,
      reason: 'workday',
      provisional: true,
    });
    expect(official.dayInfo('2027-01-02')).toEqual({
      date: '2027-01-02',
      working: false,
      reason: 'weekend',
      provisional: true,
    });
  });
});

describe('calendar overrides', () => {
  it('loads a newly published year, which then is no longer provisional', () => {
    const withYear = official.withOverrides({ label: 'gov-2027', years: [constructed2027] });
    expect(withYear.version).toBe(`${official.version}+gov-2027`);
    expect(withYear.isPublished(2027)).toBe(true);
    expect(withYear.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      reason: 'holiday',
      name: "New Year's Day",
      provisional: false,
    });
    expect(withYear.dayInfo('2027-02-06').reason).toBe('make-up-workday');
    expect(withYear.dayInfo('2027-01-04')).toMatchObject({ working: true, provisional: false });
    // The original is unchanged.
    expect(official.isPublished(2027)).toBe(false);
    expect(official.isWorkingDay('2027-01-01')).toBe(true);
  });

  it('replaces a corrected year entirely', () => {
    const corrected = official.withOverrides({
      label: 'fix-2025',
      years: [{ year: 2025, holidays: { '2025-10-01': 'National Day' }, workdays: {} }],
    });
    expect(corrected.isWorkingDay('2025-10-01')).toBe(false);
    expect(corrected.isWorkingDay('2025-10-02')).toBe(true);
    expect(corrected.dayInfo('2025-09-28').reason).toBe('weekend');
    expect(corrected.dayInfo('2026-02-15').reason).toBe('holiday');
  });

  it('adds local holidays, which win even over a make-up workday', () => {
    const city = official.withOverrides({
      label: 'city',
      localHolidays: { '2025-09-29': 'City Day', '2025-10-11': 'Local festival' },
    });
    expect(city.dayInfo('2025-09-29')).toEqual({
      date: '2025-09-29',
      working: false,
      reason: 'local-holiday',
      name: 'City Day',
      provisional: false,
    });
    expect(city.isWorkingDay('2025-10-11')).toBe(false);
    expect(official.isWorkingDay('2025-09-29')).toBe(true);
  });

  it('chains, and applies a stored list in order', () => {
    const list = [
      { label: 'gov-2027', years: [constructed2027] },
      { label: 'city', localHolidays: { '2027-01-04': 'City Day' } },
    ];
    const chained = official.withOverrides(list[0]).withOverrides(list[1]);
    const fromList = WorkingDayCalendar.fromOverrides(list);
    expect(fromList.version).toBe(`${official.version}+gov-2027+city`);
    expect(chained.version).toBe(fromList.version);
    expect(fromList.dayInfo('2027-01-04').reason).toBe('local-holiday');
    expect(fromList.isPublished(2027)).toBe(true);
    expect(WorkingDayCalendar.fromOverrides([])).toBe(official);
  });

  it.each<[string, unknown, string]>([
    ['an empty label', { label: '' }, 'label'],
    ['a label with a plus', { label: 'a+b' }, 'label'],
    ['a bad local date', { label: 'x', localHolidays: { '2025-02-30': 'X' } }, 'localHolidays'],
    ['an unnamed local holiday', { label: 'x', localHolidays: { '2025-05-05': ' ' } }, 'localHolidays.2025-05-05'],
    ['a year given twice', { label: 'x', years: [constructed2027, constructed2027] }, 'years[1].year'],
    [
      'a holiday of another year',
      { label: 'x', years: [{ ...constructed2027, holidays: { '2027-01-01': 'N', '2029-05-01': 'L' } }] },
      'years[0].holidays',
    ],
    [
      'a make-up workday on a weekday',
      { label: 'x', years: [{ ...constructed2027, workdays: { '2027-02-08': 'S' } }] },
      'years[0].workdays.2027-02-08',
    ],
    [
      'a day both holiday and workday',
      { label: 'x', years: [{ ...constructed2027, workdays: { '2027-01-02': 'N' } }] },
      'years[0].workdays.2027-01-02',
    ],
    [
      'a year without holidays',
      { label: 'x', years: [{ year: 2027, holidays: {}, workdays: {} }] },
      'years[0].holidays',
    ],
  ])('rejects %s', (_case, overrides, field) => {
    let error: unknown;
    try {
      official.withOverrides(overrides as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).details.map((d) => d.field)).toContain(field);
  });

  it("accepts a notice's days in the adjacent December (as the 2019 notice had)", () => {
    const y: CalendarYear = {
      year: 2027,
      holidays: { '2026-12-31': "New Year's Day", '2027-01-01': "New Year's Day" },
      workdays: { '2026-12-27': "New Year's Day" },
    };
    const c = official.withOverrides({ label: 'gov-2027', years: [y] });
    expect(c.dayInfo('2026-12-31').reason).toBe('holiday');
    expect(c.dayInfo('2026-12-27').reason).toBe('make-up-workday');
  });
});
