import ICAL from 'ical.js';
import {
  addDays,
  CALENDAR_LABEL_PATTERN,
  CalendarOverrides,
  CalendarYear,
  calendarOverridesProblems,
  DomainError,
  ErrorDetail,
  IsoDate,
  isoDateYear,
} from '@banli/domain';

export type CalendarFileFormat = 'json' | 'ics';

/**
 * Reads a calendar as an admin hands it over: the overrides' own JSON shape, or an iCalendar
 * file following the convention in docs/operators/calendars.md. Anything unclear is refused with a
 * VALIDATION_FAILED naming the field, line or event; nothing is guessed.
 */
export function parseCalendarFile(
  text: string,
  format: CalendarFileFormat,
  options: { label?: string } = {},
): CalendarOverrides {
  const overrides = format === 'json' ? parseCalendarJson(text, options) : parseCalendarIcs(text, options);
  const problems = calendarOverridesProblems(overrides);
  if (problems.length > 0) throw invalid(problems);
  return overrides;
}

/** Picks the format from a file name or a content type; undefined when it says neither. */
export function calendarFileFormat(nameOrType: string): CalendarFileFormat | undefined {
  const s = nameOrType.toLowerCase();
  if (s.endsWith('.json') || s.includes('application/json')) return 'json';
  if (s.endsWith('.ics') || s.includes('text/calendar')) return 'ics';
  return undefined;
}

function invalid(details: ErrorDetail[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The calendar is invalid', details);
}

function parseCalendarJson(text: string, options: { label?: string }): CalendarOverrides {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw invalid([{ field: 'body', message: `not JSON: ${(err as Error).message}` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid([{ field: 'body', message: 'must be an object with label, years and/or localHolidays' }]);
  }
  const o = value as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => !['label', 'years', 'localHolidays'].includes(k));
  if (unknownKeys.length > 0) {
    throw invalid(
      unknownKeys.map((k) => ({ field: k, message: 'is not part of a calendar (label, years, localHolidays)' })),
    );
  }
  return { ...(o as unknown as CalendarOverrides), ...(options.label && !o['label'] ? { label: options.label } : {}) };
}

type IcsDayKind = 'holiday' | 'workday' | 'day-off';

const CATEGORY_KINDS: Record<string, IcsDayKind> = {
  HOLIDAY: 'holiday',
  休: 'holiday',
  WORKDAY: 'workday',
  班: 'workday',
  'DAY-OFF': 'day-off',
  停: 'day-off',
};

/** A trailing （休）, (班) or (停) in the summary marks the kind when there is no category. */
const SUMMARY_MARKER = /^(.*?)\s*[(（]\s*(休|班|停)\s*[)）]\s*$/;

/** The longest single event: the longest holiday block is 8 days, a closure rarely a week. */
const MAX_EVENT_DAYS = 31;

function parseCalendarIcs(text: string, options: { label?: string }): CalendarOverrides {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    throw invalid([{ field: 'body', message: `not iCalendar: ${(err as Error).message}` }]);
  }
  if (root.name !== 'vcalendar') throw invalid([{ field: 'body', message: 'must be a VCALENDAR' }]);

  // BEGIN:VEVENT is never folded, so the n-th one in the text is the n-th event's line.
  const eventLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim().toUpperCase() === 'BEGIN:VEVENT') eventLines.push(i + 1);
  });

  const problems: ErrorDetail[] = [];
  const days = new Map<IsoDate, { kind: IcsDayKind; name: string; line: number }>();
  root.getAllSubcomponents('vevent').forEach((event, i) => {
    const line = eventLines[i] ?? 0;
    const summary = String(event.getFirstPropertyValue('summary') ?? '').trim();
    const refuse = (message: string) =>
      problems.push({ field: `line ${line}`, message: `event "${summary || '(no summary)'}": ${message}` });

    if (event.hasProperty('rrule') || event.hasProperty('rdate')) {
      refuse('repeating events are not accepted: list each day or range once');
      return;
    }
    const categories = event
      .getAllProperties('categories')
      .flatMap((p) => p.getValues().map((v) => String(v).trim().toUpperCase()))
      .filter((c) => c.length > 0);
    const byCategory = [...new Set(categories.map((c) => CATEGORY_KINDS[c]).filter((k) => k !== undefined))];
    const marker = SUMMARY_MARKER.exec(summary);
    const bySummary = marker ? CATEGORY_KINDS[marker[2] as string] : undefined;
    const name = (marker ? (marker[1] as string) : summary).trim();
    const kinds = [...new Set([...byCategory, ...(bySummary ? [bySummary] : [])])];
    if (kinds.length === 0) {
      refuse(
        'says neither holiday (休), make-up workday (班) nor local day off (停): set CATEGORIES or end the summary with （休）, （班） or （停）',
      );
      return;
    }
    if (kinds.length > 1) {
      refuse(`is ambiguous: it says ${kinds.join(' and ')}`);
      return;
    }
    if (!name) {
      refuse('needs a name (the holiday, or the reason for the day off) in its summary');
      return;
    }
    const start = event.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time) || !start.isDate) {
      refuse('must be an all-day event (DTSTART;VALUE=DATE:YYYYMMDD)');
      return;
    }
    const end = event.getFirstPropertyValue('dtend');
    if (end !== null && (!(end instanceof ICAL.Time) || !end.isDate)) {
      refuse('DTEND must be a date (VALUE=DATE), the day after the last day');
      return;
    }
    const first = isoOf(start);
    const last = end instanceof ICAL.Time ? addDays(isoOf(end), -1) : first;
    if (last < first) {
      refuse('DTEND must be after DTSTART');
      return;
    }
    let count = 0;
    for (let d = first; d <= last; d = addDays(d, 1)) {
      if (++count > MAX_EVENT_DAYS) {
        refuse(`spans more than ${MAX_EVENT_DAYS} days`);
        return;
      }
    }
    const kind = kinds[0] as IcsDayKind;
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const other = days.get(d);
      if (other && other.kind !== kind) {
        refuse(`${d} is also a ${other.kind} in the event at line ${other.line}`);
        return;
      }
      days.set(d, { kind, name, line });
    }
  });
  if (problems.length > 0) throw invalid(problems);
  if (days.size === 0) throw invalid([{ field: 'body', message: 'has no events' }]);

  const years = new Map<number, CalendarYear>();
  const yearOf = (y: number) => {
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { year: y, holidays: {}, workdays: {} }));
    return entry;
  };
  const localHolidays: Record<IsoDate, string> = {};
  for (const [date, day] of days) {
    if (day.kind === 'holiday') yearOf(isoDateYear(date)).holidays[date] = day.name;
  }
  for (const [date, day] of days) {
    if (day.kind === 'day-off') localHolidays[date] = day.name;
    if (day.kind !== 'workday') continue;
    // A notice may make a day of the adjacent December or January a working day (the 2019
    // notice made 2018-12-29 one): it belongs to the neighbouring year that has holidays.
    const y = isoDateYear(date);
    const owner = years.has(y) ? y : years.has(y + 1) ? y + 1 : years.has(y - 1) ? y - 1 : y;
    yearOf(owner).workdays[date] = day.name;
  }

  const declared = String(root.getFirstPropertyValue('x-banli-label') ?? '').trim();
  const yearList = [...years.keys()].sort((a, b) => a - b);
  const derived = yearList.length > 0 ? `ics-${yearList.join('-')}` : `ics-days-off-${[...days.keys()].sort()[0]}`;
  const label = options.label || declared || derived;
  if (!CALENDAR_LABEL_PATTERN.test(label)) {
    throw invalid([{ field: 'label', message: 'must be 1-64 letters, digits, dots, dashes or underscores' }]);
  }
  return {
    label,
    ...(yearList.length > 0 ? { years: yearList.map((y) => years.get(y) as CalendarYear) } : {}),
    ...(Object.keys(localHolidays).length > 0 ? { localHolidays } : {}),
  };
}

function isoOf(t: ICAL.Time): IsoDate {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}
