import { DomainError } from '../domain-error';
import { addDays } from './iso-date';
import { addWorkingDays, computeDeadline, reminderDates, workingDaysBetween } from './deadline';
import { CalendarYear, WorkingDayCalendar } from './working-day-calendar';

const official = WorkingDayCalendar.official();

/** Not a real notice: 2027 is unpublished in chinese-days 1.5.7, so tests build their own. */
const constructed2027: CalendarYear = {
  year: 2027,
  holidays: { '2027-01-01': "New Year's Day", '2027-01-02': "New Year's Day", '2027-01-03': "New Year's Day" },
  workdays: {},
};

const holiday = (date: string, name: string) => ({ date, reason: 'holiday', name });
const weekend = (date: string) => ({ date, reason: 'weekend' });
const nationalDay2025 = [
  holiday('2025-10-01', 'National Day'),
  holiday('2025-10-02', 'National Day'),
  holiday('2025-10-03', 'National Day'),
  holiday('2025-10-04', 'National Day'),
  holiday('2025-10-05', 'National Day'),
  holiday('2025-10-06', 'Mid-autumn Festival'),
  holiday('2025-10-07', 'National Day'),
  holiday('2025-10-08', 'National Day'),
];

describe('working-day periods', () => {
  it('counts through National Day week 2025, using the make-up Sunday', () => {
    // Fri 26 Sep, 10:00 in Shanghai. Sat 27 is off, Sun 28 is worked (1), 29 (2), 30 (3),
    // 1-8 Oct are off, 9 Oct (4), 10 Oct (5).
    const e = computeDeadline(official, '2025-09-26T02:00:00Z', { unit: 'working-days', amount: 5 });
    expect(e).toMatchObject({
      start: '2025-09-26T02:00:00.000Z',
      startDate: '2025-09-26',
      rule: { unit: 'working-days', amount: 5 },
      nominalEndDate: '2025-10-10',
      endDate: '2025-10-10',
      dueAt: '2025-10-10T15:59:59.999Z',
      rolledForward: false,
      calendarVersion: official.version,
      provisional: false,
      provisionalYears: [],
    });
    expect(e.skipped).toEqual([weekend('2025-09-27'), ...nationalDay2025]);
    expect(e.skipped.map((s) => s.date)).not.toContain('2025-09-28');
    expect(e.text).toContain('5 working days from 2025-09-26 (start day not counted');
    expect(e.text).toContain('2025-10-01 to 2025-10-05 (holiday: National Day)');
    expect(e.text).toContain('Counted make-up workdays: 2025-09-28 (make-up-workday: National Day)');
    expect(e.text).toContain('The 5th working day after the start is 2025-10-10.');
    expect(e.text).toContain(`calendar ${official.version}`);
    expect(e.text).not.toContain('Provisional');
  });

  it('counts a make-up Saturday as a working day (Spring Festival 2026)', () => {
    // Thu 12 Feb: 13 (1), Sat 14 make-up (2), 15-23 off, Tue 24 (3).
    const e = computeDeadline(official, '2026-02-12T01:00:00Z', { unit: 'working-days', amount: 3 });
    expect(e.endDate).toBe('2026-02-24');
    expect(e.skipped.map((s) => s.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(e.skipped.every((s) => s.reason === 'holiday' && s.name === 'Spring Festival')).toBe(true);
  });

  it('counts 15 working days of feedback across Spring Festival 2026', () => {
    // From Tue 10 Feb: 11, 12, 13, Sat 14, [15-23], 24, 25, 26, 27, Sat 28, [1 Mar], 2, 3, 4,
    // 5, 6, [7, 8], Mon 9 Mar is the 15th.
    const e = computeDeadline(official, '2026-02-10T03:00:00Z', { unit: 'working-days', amount: 15 });
    expect(e.endDate).toBe('2026-03-09');
    expect(e.skipped).toHaveLength(9 + 1 + 2);
    expect(e.skipped.filter((s) => s.reason === 'weekend').map((s) => s.date)).toEqual([
      '2026-03-01',
      '2026-03-07',
      '2026-03-08',
    ]);
  });

  it('uses the Shanghai date of a start late in the evening UTC', () => {
    const nextDay = computeDeadline(official, '2025-09-25T16:30:00Z', { unit: 'working-days', amount: 5 });
    expect(nextDay.startDate).toBe('2025-09-26');
    expect(nextDay.endDate).toBe('2025-10-10');
    // One minute earlier it is still Thursday 25 Sep in Shanghai: 26 (1), 28 (2), 29, 30, 9 Oct.
    const sameDay = computeDeadline(official, '2025-09-25T15:59:00Z', { unit: 'working-days', amount: 5 });
    expect(sameDay.startDate).toBe('2025-09-25');
    expect(sameDay.endDate).toBe('2025-10-09');
    expect(computeDeadline(official, '2025-09-26T00:30:00+08:00', { unit: 'working-days', amount: 5 }).start).toBe(
      '2025-09-25T16:30:00.000Z',
    );
  });

  it('skips local extra holidays', () => {
    const city = official.withOverrides({ label: 'city', localHolidays: { '2025-09-29': 'City Day' } });
    // 28 Sep (1), [29 local], 30 (2), [1-8 Oct], 9 (3), 10 (4), Sat 11 Oct make-up (5).
    const e = computeDeadline(city, '2025-09-26T02:00:00Z', { unit: 'working-days', amount: 5 });
    expect(e.endDate).toBe('2025-10-11');
    expect(e.skipped).toContainEqual({ date: '2025-09-29', reason: 'local-holiday', name: 'City Day' });
    expect(e.calendarVersion).toBe(`${official.version}+city`);
    expect(e.text).toContain('2025-09-29 (local-holiday: City Day)');
  });
});

describe('month and calendar-day periods', () => {
  it('ends on the same day of the month, 8 March + 3 months = 8 June (a Thursday in 2023)', () => {
    const e = computeDeadline(official, '2023-03-08T02:00:00Z', { unit: 'months', amount: 3 });
    expect(e).toMatchObject({
      startDate: '2023-03-08',
      nominalEndDate: '2023-06-08',
      endDate: '2023-06-08',
      dueAt: '2023-06-08T15:59:59.999Z',
      rolledForward: false,
      skipped: [],
    });
    expect(e.text).toContain('3 months from 2023-03-08 (start day not counted');
    expect(e.text).toContain('Nominal end 2023-06-08 (Thursday) is a working day');
  });

  it('rolls 8 June 2024 (Saturday) past the weekend and Dragon Boat Festival to 11 June', () => {
    const e = computeDeadline(official, '2024-03-08T02:00:00Z', { unit: 'months', amount: 3 });
    expect(e.nominalEndDate).toBe('2024-06-08');
    expect(e.endDate).toBe('2024-06-11');
    expect(e.rolledForward).toBe(true);
    expect(e.skipped).toEqual([
      weekend('2024-06-08'),
      weekend('2024-06-09'),
      holiday('2024-06-10', 'Dragon Boat Festival'),
    ]);
    expect(e.text).toContain('Nominal end 2024-06-08 (Saturday) is not a working day');
    expect(e.text).toContain('to the next working day, 2024-06-11');
  });

  it('ends a month from 31 January on the last day of February', () => {
    const e2025 = computeDeadline(official, '2025-01-31T02:00:00Z', { unit: 'months', amount: 1 });
    expect([e2025.nominalEndDate, e2025.endDate]).toEqual(['2025-02-28', '2025-02-28']);
    const e2024 = computeDeadline(official, '2024-01-31T02:00:00Z', { unit: 'months', amount: 1 });
    expect([e2024.nominalEndDate, e2024.endDate]).toEqual(['2024-02-29', '2024-02-29']);
  });

  it('does not roll forward from a make-up Saturday (28 Feb 2026)', () => {
    const e = computeDeadline(official, '2025-11-30T02:00:00Z', { unit: 'months', amount: 3 });
    expect(e.endDate).toBe('2026-02-28');
    expect(e.rolledForward).toBe(false);
    expect(e.text).toContain('(Saturday, a make-up workday) is a working day');
  });

  it('rolls a period ending on National Day 2025 forward to 9 October', () => {
    const month = computeDeadline(official, '2025-09-01T02:00:00Z', { unit: 'months', amount: 1 });
    expect(month.nominalEndDate).toBe('2025-10-01');
    expect(month.endDate).toBe('2025-10-09');
    expect(month.dueAt).toBe('2025-10-09T15:59:59.999Z');
    expect(month.rolledForward).toBe(true);
    expect(month.skipped).toEqual(nationalDay2025);

    const days = computeDeadline(official, '2025-09-21T02:00:00Z', { unit: 'calendar-days', amount: 10 });
    expect(days.nominalEndDate).toBe('2025-10-01');
    expect(days.endDate).toBe('2025-10-09');
    expect(days.skipped).toEqual(nationalDay2025);
  });

  it('counts calendar days from the day after the start', () => {
    const e = computeDeadline(official, '2025-09-26T02:00:00Z', { unit: 'calendar-days', amount: 3 });
    // 26 + 3 = Mon 29 Sep, a working day.
    expect([e.nominalEndDate, e.endDate, e.rolledForward]).toEqual(['2025-09-29', '2025-09-29', false]);
  });
});

describe('unpublished years', () => {
  it('flags a working-day deadline counted into 2027 as provisional, and recomputes once 2027 is loaded', () => {
    const start = '2026-12-28T02:00:00Z'; // Monday
    const guessed = computeDeadline(official, start, { unit: 'working-days', amount: 5 });
    // 29, 30, 31 Dec, Fri 1 Jan 2027 assumed worked, [2, 3 Jan], Mon 4 Jan.
    expect(guessed.endDate).toBe('2027-01-04');
    expect(guessed.provisional).toBe(true);
    expect(guessed.provisionalYears).toEqual([2027]);
    expect(guessed.text).toContain('Provisional: the official calendar for 2027 is not published');

    const loaded = official.withOverrides({ label: 'gov-2027', years: [constructed2027] });
    const final = computeDeadline(loaded, start, { unit: 'working-days', amount: 5 });
    expect(final.endDate).toBe('2027-01-05');
    expect(final.provisional).toBe(false);
    expect(final.provisionalYears).toEqual([]);
    expect(final.calendarVersion).toBe(`${official.version}+gov-2027`);
    expect(final.calendarVersion).not.toBe(guessed.calendarVersion);
  });

  it('flags a month deadline landing in 2027, but not one that stays in 2026', () => {
    const into2027 = computeDeadline(official, '2026-12-01T02:00:00Z', { unit: 'months', amount: 3 });
    expect(into2027.endDate).toBe('2027-03-01');
    expect(into2027.provisional).toBe(true);
    expect(into2027.provisionalYears).toEqual([2027]);

    const loaded = official.withOverrides({ label: 'gov-2027', years: [constructed2027] });
    const after = computeDeadline(loaded, '2026-12-01T02:00:00Z', { unit: 'months', amount: 3 });
    expect(after.provisional).toBe(false);

    const within = computeDeadline(official, '2026-09-30T02:00:00Z', { unit: 'months', amount: 3 });
    expect(within.endDate).toBe('2026-12-30');
    expect(within.provisional).toBe(false);
  });
});

describe('rule validation', () => {
  it.each([
    { unit: 'working-days', amount: 0 },
    { unit: 'months', amount: 1.5 },
    { unit: 'calendar-days', amount: -3 },
    { unit: 'weeks', amount: 2 },
    { unit: 'working-days', amount: 1_000_000 },
  ])('rejects %o', (rule) => {
    expect(() => computeDeadline(official, '2025-09-26T02:00:00Z', rule as never)).toThrow(DomainError);
  });

  it('rejects a start without an offset', () => {
    expect(() => computeDeadline(official, '2025-09-26T10:00:00', { unit: 'months', amount: 1 })).toThrow(DomainError);
  });
});

describe('working-day arithmetic for reminders and overdue counts', () => {
  it('adds working days forwards and backwards across National Day 2025', () => {
    expect(addWorkingDays(official, '2025-09-26', 5)).toBe('2025-10-10');
    expect(addWorkingDays(official, '2025-10-09', -1)).toBe('2025-09-30');
    // 30 (1), 29 (2), Sun 28 make-up (3), [Sat 27], 26 (4).
    expect(addWorkingDays(official, '2025-10-09', -4)).toBe('2025-09-26');
    expect(addWorkingDays(official, '2025-10-04', 0)).toBe('2025-10-04');
    expect(addWorkingDays(official, '2025-10-04', -1)).toBe('2025-09-30');
    expect(() => addWorkingDays(official, '2025-10-04', 1.5)).toThrow(DomainError);
  });

  it('counts working days between two dates, excluding the first', () => {
    expect(workingDaysBetween(official, '2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysBetween(official, '2025-09-26', '2025-10-10')).toBe(5);
    expect(workingDaysBetween(official, '2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween(official, '2025-10-10', '2025-09-26')).toBe(0);
    expect(workingDaysBetween(official, '2025-10-10', '2025-10-10')).toBe(0);
    // Spring Festival 2026: Sat 14, 24, 25, 26, 27 and Sat 28 Feb.
    expect(workingDaysBetween(official, '2026-02-13', '2026-02-28')).toBe(6);
    // Overdue by: a reply due 30 Sep 2025, still open on 10 Oct.
    expect(workingDaysBetween(official, '2025-09-30', '2025-10-10')).toBe(2);
  });

  it('counts from running totals exactly as walking day by day, across years and with overrides', () => {
    // The definition: d = from + 1 … to, counting the working days.
    const dayByDay = (calendar: WorkingDayCalendar, from: string, to: string) => {
      let count = 0;
      for (let d = from; d < to;) {
        d = addDays(d, 1);
        if (calendar.isWorkingDay(d)) count++;
      }
      return count;
    };
    const overridden = official.withOverrides({
      label: 'test',
      years: [constructed2027],
      localHolidays: { '2026-05-20': 'local', '2027-03-03': 'local' },
    });
    let seed = 20260509;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const start = '2023-06-01';
    for (let i = 0; i < 400; i++) {
      const from = addDays(start, Math.floor(random() * 1800));
      const to = addDays(from, Math.floor(random() * 900) - 100);
      for (const calendar of [official, overridden]) {
        expect(workingDaysBetween(calendar, from, to)).toBe(dayByDay(calendar, from, to));
      }
    }
    // Year boundaries and a leap day.
    for (const [from, to] of [
      ['2024-12-31', '2025-01-01'],
      ['2023-12-31', '2024-12-31'],
      ['2024-02-28', '2024-03-01'],
      ['2025-01-01', '2028-01-01'],
    ] as const) {
      expect(workingDaysBetween(official, from, to)).toBe(dayByDay(official, from, to));
    }
  });

  it('places reminders 7 and 1 working days before the end, in the order asked', () => {
    // Before 10 Oct 2025: 9 Oct (1), [1-8 Oct], 30 (2), 29 (3), Sun 28 (4), 26 (5), 25 (6), 24 (7).
    expect(reminderDates(official, '2025-10-10', [7, 1])).toEqual(['2025-09-24', '2025-10-09']);
    expect(reminderDates(official, '2026-02-24', [7, 1])).toEqual(['2026-02-06', '2026-02-14']);
    expect(reminderDates(official, '2026-02-24', [])).toEqual([]);
    expect(() => reminderDates(official, '2026-02-24', [0])).toThrow(DomainError);
  });

  it('agrees with computeDeadline for working-day rules', () => {
    for (const start of ['2025-09-19', '2025-09-26', '2026-02-09', '2026-02-13', '2024-12-27']) {
      for (const amount of [1, 3, 5, 15, 20]) {
        const e = computeDeadline(official, `${start}T02:00:00Z`, { unit: 'working-days', amount });
        expect(addWorkingDays(official, start, amount)).toBe(e.endDate);
        expect(workingDaysBetween(official, start, e.endDate)).toBe(amount);
        expect(e.skipped).toHaveLength(Math.round((Date.parse(e.endDate) - Date.parse(start)) / 86_400_000) - amount);
      }
    }
  });
});
