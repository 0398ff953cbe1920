import { DomainError } from '../domain-error';

/** A calendar date in Asia/Shanghai, written 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai has been UTC+08:00 without DST since 1991; a fixed offset keeps this pure. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset: a bare local time would be read in the host's time zone
// by Date.parse, and the result would differ between machines.
const ISO_INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

function invalid(message: string, field = 'date'): DomainError {
  return new DomainError('VALIDATION_FAILED', message, [{ field, message }]);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Integer civil-date arithmetic (H. Hinnant's algorithm) rather than Date objects, so results
// never depend on the host's time zone and the code needs nothing from the environment.
function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function partsOfEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validParts(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_PATTERN.exec(value);
  return m !== null && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseIsoDate(date: IsoDate): DateParts {
  const m = ISO_DATE_PATTERN.exec(typeof date === 'string' ? date : '');
  const parts = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!parts || !validParts(parts.year, parts.month, parts.day)) {
    throw invalid(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  }
  return parts;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  if (!validParts(year, month, day)) throw invalid(`Not a calendar date: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isoDateYear(date: IsoDate): number {
  return parseIsoDate(date).year;
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return epochDayOf(year, month, day);
}

function fromEpochDay(epochDay: number): IsoDate {
  return formatIsoDate(partsOfEpochDay(epochDay));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw invalid(`Days must be an integer: ${days}`, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week as in JavaScript: 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * The same day of the month `months` later; when that month is shorter, its last day
 * (31 January + 1 month = the last day of February), as the rule for legal periods says.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw invalid(`Months must be an integer: ${months}`, 'months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

function instantToEpochMs(instant: string | Date): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw invalid('Invalid Date', 'instant');
    return ms;
  }
  const m = typeof instant === 'string' ? ISO_INSTANT_PATTERN.exec(instant) : null;
  if (!m) {
    throw invalid(`Not an ISO instant with an offset (e.g. 2025-09-26T09:00:00Z): ${String(instant)}`, 'instant');
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Truncate to milliseconds by digits, not by float arithmetic that could round down a digit.
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offsetHours = m[9] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[9] === undefined ? 0 : Number(m[11]);
  if (
    !validParts(year, month, day) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    throw invalid(`Not a valid ISO instant: ${instant}`, 'instant');
  }
  const offsetMs = (m[9] === '-' ? -1 : 1) * (offsetHours * 3_600_000 + offsetMinutes * 60_000);
  return epochDayOf(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMs;
}

function formatInstant(epochMs: number): string {
  const epochDay = Math.floor(epochMs / MS_PER_DAY);
  const inDay = epochMs - epochDay * MS_PER_DAY;
  const time = [Math.floor(inDay / 3_600_000), Math.floor(inDay / 60_000) % 60, Math.floor(inDay / 1000) % 60];
  return `${fromEpochDay(epochDay)}T${time.map((n) => pad(n)).join(':')}.${pad(inDay % 1000, 3)}Z`;
}

/** The instant in canonical UTC form ('2025-09-26T01:30:00.000Z'). */
export function normalizeInstant(instant: string | Date): string {
  return formatInstant(instantToEpochMs(instant));
}

/** The Asia/Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: string | Date): IsoDate {
  return fromEpochDay(Math.floor((instantToEpochMs(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** The last millisecond of a day in Asia/Shanghai, as a UTC instant: deadlines end there. */
export function endOfShanghaiDay(date: IsoDate): string {
  return formatInstant((toEpochDay(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
}
