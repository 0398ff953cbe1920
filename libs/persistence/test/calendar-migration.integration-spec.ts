import { DataSource } from 'typeorm';
import { CalendarOverrideRepository, dataSourceOptions, execSql, runMigrations } from '../src';
import { upgradeDatabase } from './upgrade-database';

/**
 * Calendars become versioned: overrides loaded before the upgrade (table calendar_override)
 * become the first versions, in their order, so the calendar in force does not change.
 */
describe.each(['postgres', 'sqlite'] as const)('the calendar versions migration on %s', (type) => {
  const db = upgradeDatabase(type, 'banli_test_cal');

  it('carries loaded overrides over as versions in loading order, and can be undone', async () => {
    const old = db.before((all) => all.filter((m) => !m.name.startsWith('CalendarVersions')));
    await old.initialize();
    await runMigrations(old);
    const year2027 = { year: 2027, holidays: { '2027-01-01': "New Year's Day" }, workdays: {} };
    for (const [label, data, at] of [
      ['local', { label: 'local', localHolidays: { '2026-07-15': '台风停工' } }, '2026-07-14T00:00:00.000Z'],
      ['gov-2027', { label: 'gov-2027', years: [year2027] }, '2026-11-20T00:00:00.000Z'],
    ] as const) {
      await execSql(
        old,
        `INSERT INTO "calendar_override" ("label", "data", "loaded_at", "loaded_by") VALUES (:label, :data, :at, 'admin')`,
        { label, data: JSON.stringify(data), at },
      );
    }
    await old.destroy();

    const current = new DataSource(dataSourceOptions(db.config()));
    await current.initialize();
    try {
      expect(await runMigrations(current)).toEqual([expect.stringMatching(/^CalendarVersions/)]);
      const calendars = new CalendarOverrideRepository(current);
      const versions = await calendars.list();
      expect(versions.map((v) => [v.seq, v.label, v.kind, v.years, v.localDaysOff, v.replan.status])).toEqual([
        [2, 'gov-2027', 'notice', [2027], [], 'done'],
        [1, 'local', 'days-off', [], ['2026-07-15'], 'done'],
      ]);
      const calendar = await calendars.current();
      expect(calendar.version).toMatch(/\+local\+gov-2027$/);
      expect(calendar.isPublished(2027)).toBe(true);
      expect(calendar.isWorkingDay('2026-07-15')).toBe(false);

      await current.undoLastMigration({ transaction: 'each' });
      const back = await execSql(current, `SELECT "label" FROM "calendar_override" ORDER BY "loaded_at"`);
      expect(back.rows).toEqual([{ label: 'local' }, { label: 'gov-2027' }]);
      expect(await runMigrations(current)).toHaveLength(1);
    } finally {
      await current.destroy();
    }
  });
});
