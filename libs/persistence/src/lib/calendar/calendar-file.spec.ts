import { DomainError } from '@banli/domain';
import { parseCalendarFile } from './calendar-file';

function ics(...events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Banli//sample//EN',
    'X-BANLI-LABEL:sample-2027',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e.split('\n'), 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('an iCalendar file', () => {
  it('gives holidays, make-up workdays and local days off by category or summary marker', () => {
    const overrides = parseCalendarFile(
      ics(
        'UID:1\nSUMMARY:元旦\nCATEGORIES:HOLIDAY\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270104',
        'UID:2\nSUMMARY:春节（班）\nDTSTART;VALUE=DATE:20270206',
        'UID:3\nSUMMARY:台风停工\nCATEGORIES:停\nDTSTART;VALUE=DATE:20270715',
      ),
      'ics',
    );
    expect(overrides).toEqual({
      label: 'sample-2027',
      years: [
        {
          year: 2027,
          holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' },
          workdays: { '2027-02-06': '春节' },
        },
      ],
      localHolidays: { '2027-07-15': '台风停工' },
    });
  });

  it("puts a make-up workday of the adjacent December into the notice's year", () => {
    const overrides = parseCalendarFile(
      ics(
        'UID:1\nSUMMARY:元旦（休）\nDTSTART;VALUE=DATE:20190101',
        'UID:2\nSUMMARY:元旦（班）\nDTSTART;VALUE=DATE:20181229',
      ),
      'ics',
      { label: 'gov-2019' },
    );
    expect(overrides.label).toBe('gov-2019');
    expect(overrides.years).toEqual([
      { year: 2019, holidays: { '2019-01-01': '元旦' }, workdays: { '2018-12-29': '元旦' } },
    ]);
  });

  it('refuses an event whose category and summary disagree, naming its line', () => {
    const e = refusal(() =>
      parseCalendarFile(
        ics(
          'UID:1\nSUMMARY:元旦\nCATEGORIES:HOLIDAY\nDTSTART;VALUE=DATE:20270101',
          'UID:2\nSUMMARY:春节（班）\nCATEGORIES:HOLIDAY\nDTSTART;VALUE=DATE:20270206',
        ),
        'ics',
      ),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details).toEqual([{ field: 'line 11', message: expect.stringContaining('ambiguous') }]);
  });

  it('refuses an event that says neither 休 nor 班, a timed event and a repeating one', () => {
    const e = refusal(() =>
      parseCalendarFile(
        ics(
          'UID:1\nSUMMARY:元旦\nDTSTART;VALUE=DATE:20270101',
          'UID:2\nSUMMARY:春节（休）\nDTSTART:20270206T090000Z',
          'UID:3\nSUMMARY:周会（班）\nDTSTART;VALUE=DATE:20270206\nRRULE:FREQ=WEEKLY',
        ),
        'ics',
      ),
    );
    expect(e.details?.map((d) => d.field)).toEqual(['line 5', 'line 10', 'line 15']);
    expect(e.details?.[0]?.message).toContain('says neither');
    expect(e.details?.[1]?.message).toContain('all-day');
    expect(e.details?.[2]?.message).toContain('repeating');
  });

  it('refuses a day that is a holiday in one event and a workday in another', () => {
    const e = refusal(() =>
      parseCalendarFile(
        ics(
          'UID:1\nSUMMARY:春节（休）\nDTSTART;VALUE=DATE:20270206\nDTEND;VALUE=DATE:20270208',
          'UID:2\nSUMMARY:春节（班）\nDTSTART;VALUE=DATE:20270207',
        ),
        'ics',
      ),
    );
    expect(e.details?.[0]).toMatchObject({ field: 'line 11', message: expect.stringContaining('line 5') });
  });

  it('refuses text that is not iCalendar', () => {
    expect(refusal(() => parseCalendarFile('hello', 'ics')).code).toBe('VALIDATION_FAILED');
  });
});

describe('a JSON calendar', () => {
  it('is the overrides shape, checked by the domain rules', () => {
    const text = JSON.stringify({ label: 'typhoon-2027-07', localHolidays: { '2027-07-15': '台风停工' } });
    expect(parseCalendarFile(text, 'json')).toEqual({
      label: 'typhoon-2027-07',
      localHolidays: { '2027-07-15': '台风停工' },
    });
  });

  it('refuses unknown fields, bad JSON and a make-up workday on a weekday', () => {
    expect(refusal(() => parseCalendarFile('{"label":"x","holidays":{}}', 'json')).details).toEqual([
      { field: 'holidays', message: expect.any(String) },
    ]);
    expect(refusal(() => parseCalendarFile('{', 'json')).details?.[0]?.field).toBe('body');
    const weekday = JSON.stringify({
      label: 'gov-2027',
      years: [{ year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: { '2027-01-04': '元旦' } }],
    });
    expect(refusal(() => parseCalendarFile(weekday, 'json')).details).toContainEqual({
      field: 'years[0].workdays.2027-01-04',
      message: 'a make-up workday must be a Saturday or Sunday',
    });
  });
});
