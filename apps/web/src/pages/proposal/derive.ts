/** Pure presentation helpers of the proposal screens (what the audit trail says comes from the API). */

export interface SkippedRun {
  from: string;
  to: string;
  reason: string;
  name?: string;
  days: number;
}

/** Consecutive skipped days with the same reason and name, so a holiday week reads as one range. */
export function skippedRuns(skipped: { date: string; reason: string; name?: string }[]): SkippedRun[] {
  const runs: SkippedRun[] = [];
  const nextDay = (d: string) => {
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  for (const s of [...skipped].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && last.reason === s.reason && last.name === s.name && nextDay(last.to) === s.date) {
      last.to = s.date;
      last.days++;
    } else {
      runs.push({ from: s.date, to: s.date, reason: s.reason, ...(s.name ? { name: s.name } : {}), days: 1 });
    }
  }
  return runs;
}

/** chinese-days names a holiday "National Day,国庆节,3": the name in the reader's language. */
export function holidayName(name: string | undefined, lang: string): string {
  if (!name) return '';
  const parts = name.split(',');
  if (parts.length < 2) return name;
  return lang === 'en' ? parts[0] : parts[1];
}

/** Leaders typed as one line: split on the usual separators (、，, ; and new lines). */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
