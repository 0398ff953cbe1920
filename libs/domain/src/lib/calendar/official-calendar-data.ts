// The package has no `exports` map, so these deep paths resolve the same way in Node, Jest and
// the webpack bundle of workflow code; JSON is inlined by webpack, so nothing is read at run time.
// Default imports only: webpack warns about named imports from JSON modules.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { IsoDate } from './iso-date';

/** Names the data the official calendar was built from; part of every calendar version. */
export const OFFICIAL_CALENDAR_SOURCE = `chinese-days@${chineseDaysPackage.version}`;

export interface OfficialDayEntry {
  kind: 'holiday' | 'make-up-workday';
  name: string;
}

// Values look like "National Day,国庆节,3" (English name, Chinese name, statutory days);
// the English name is kept because explanations are written in English.
function holidayName(raw: string): string {
  const english = raw.split(',')[0]?.trim();
  return english ? english : raw;
}

/**
 * Every dated entry of the official data. Weekend days inside a holiday block appear in
 * `holidays` for some years and not others (compare 2025-10-04 with 2024-06-08), which is
 * harmless: such a day is not a working day either way.
 */
export function officialDayEntries(): Map<IsoDate, OfficialDayEntry> {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const entries = new Map<IsoDate, OfficialDayEntry>();
  for (const [date, raw] of Object.entries(data.holidays)) {
    entries.set(date, { kind: 'holiday', name: holidayName(raw) });
  }
  for (const [date, raw] of Object.entries(data.workdays)) {
    entries.set(date, { kind: 'make-up-workday', name: holidayName(raw) });
  }
  return entries;
}
