import { DomainError } from '../domain-error';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  endOfShanghaiDay,
  isIsoDate,
  normalizeInstant,
  toShanghaiDate,
  weekdayOf,
} from './iso-date';

describe('IsoDate helpers', () => {
  it('knows month lengths, including the Gregorian leap-year rules', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('validates dates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(() => addDays('2025-02-30', 1)).toThrow(DomainError);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-09-26', 0)).toBe('2025-09-26');
    expect(addDays('2000-01-01', 366 + 365 * 3)).toBe('2004-01-01');
    expect(daysBetween('2025-09-26', '2025-10-10')).toBe(14);
    expect(daysBetween('2025-10-10', '2025-09-26')).toBe(-14);
  });

  it('gives the weekday (0 = Sunday)', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2025-09-28')).toBe(0);
    expect(weekdayOf('2025-10-11')).toBe(6);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2023-03-08', 3)).toBe('2023-06-08');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-10-15', 14)).toBe('2026-12-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
});

describe('Asia/Shanghai instants', () => {
  it('takes the Shanghai date of an instant (UTC+8, no DST)', () => {
    expect(toShanghaiDate('2025-09-25T15:59:59.999Z')).toBe('2025-09-25');
    expect(toShanghaiDate('2025-09-25T16:00:00Z')).toBe('2025-09-26');
    expect(toShanghaiDate('2025-09-25T23:30:00Z')).toBe('2025-09-26');
    expect(toShanghaiDate('2025-09-26T00:30:00+08:00')).toBe('2025-09-26');
    expect(toShanghaiDate('2025-09-25T12:00:00-05:00')).toBe('2025-09-26');
    // A summer date: no DST shift in Shanghai.
    expect(toShanghaiDate('2025-07-01T15:59:59Z')).toBe('2025-07-01');
    expect(toShanghaiDate(new Date(Date.UTC(2025, 8, 25, 16, 30)))).toBe('2025-09-26');
  });

  it('refuses instants without an offset, whose meaning would depend on the host', () => {
    expect(() => toShanghaiDate('2025-09-26T09:00:00')).toThrow(DomainError);
    expect(() => toShanghaiDate('2025-09-26')).toThrow(DomainError);
    expect(() => toShanghaiDate('2025-09-26T25:00:00Z')).toThrow(DomainError);
    expect(() => toShanghaiDate(new Date(Number.NaN))).toThrow(DomainError);
  });

  it('normalises instants to canonical UTC', () => {
    expect(normalizeInstant('2025-09-26T00:30:00+08:00')).toBe('2025-09-25T16:30:00.000Z');
    expect(normalizeInstant('2025-09-26T00:30:00.1234567+0800')).toBe('2025-09-25T16:30:00.123Z');
    expect(normalizeInstant('2025-09-26T09:05Z')).toBe('2025-09-26T09:05:00.000Z');
    expect(normalizeInstant('2025-09-26T09:05:00.009Z')).toBe('2025-09-26T09:05:00.009Z');
  });

  it('ends a day at 23:59:59.999 Shanghai time', () => {
    expect(endOfShanghaiDay('2023-06-08')).toBe('2023-06-08T15:59:59.999Z');
    expect(endOfShanghaiDay('2025-12-31')).toBe('2025-12-31T15:59:59.999Z');
    expect(toShanghaiDate(endOfShanghaiDay('2024-02-29'))).toBe('2024-02-29');
  });
});
