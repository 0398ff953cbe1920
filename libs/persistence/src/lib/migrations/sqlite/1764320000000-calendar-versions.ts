import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { calendarCoverage, canonicalCalendarJson, CalendarOverrides } from '@banli/domain';

/**
 * Calendars become versioned (issue 15): `calendar_version` keeps every load (who, when, from
 * where, its content hash, what it covers, how far re-planning got) in loading order, and
 * replaces `calendar_override`, whose rows are carried over in their order.
 * `deadline_change` is the re-planning report: every deadline a new calendar moved or made
 * final, written by the projection in the transaction that moves it.
 */
export class CalendarVersionsSqlite1764320000000 implements MigrationInterface {
  name = 'CalendarVersionsSqlite1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "calendar_version" (
        "seq" integer PRIMARY KEY,
        "label" varchar(64) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "format" varchar(8) NOT NULL,
        "source" varchar(200) NOT NULL,
        "content_hash" varchar(64) NOT NULL,
        "years" text NOT NULL,
        "local_days_off" text NOT NULL,
        "data" text NOT NULL,
        "loaded_at" varchar(30) NOT NULL,
        "loaded_by" varchar(64) NOT NULL,
        "replan_status" varchar(16) NOT NULL,
        "replan_signalled" integer NOT NULL DEFAULT 0,
        "replan_finished_at" varchar(30)
      )`);
    await q.query(`CREATE UNIQUE INDEX "ux_calendar_version_hash" ON "calendar_version" ("content_hash")`);
    await q.query(`
      CREATE TABLE "deadline_change" (
        "proposal_id" varchar(80) NOT NULL,
        "deadline_key" varchar(100) NOT NULL,
        "calendar_version" varchar(1000) NOT NULL,
        "unit_id" varchar(64) NOT NULL,
        "old_end_date" varchar(10),
        "new_end_date" varchar(10),
        "old_provisional" integer NOT NULL,
        "new_provisional" integer NOT NULL,
        "recorded_at" varchar(30) NOT NULL,
        PRIMARY KEY ("proposal_id", "deadline_key", "calendar_version")
      )`);
    await q.query(`CREATE INDEX "ix_deadline_change_version" ON "deadline_change" ("calendar_version")`);

    const rows: { label: string; data: string; loaded_at: string; loaded_by: string }[] = await q.query(
      `SELECT "label", "data", "loaded_at", "loaded_by" FROM "calendar_override" ORDER BY "loaded_at", "label"`,
    );
    let seq = 0;
    for (const r of rows) {
      const overrides = JSON.parse(r.data) as CalendarOverrides;
      const coverage = calendarCoverage(overrides);
      const hash = createHash('sha256').update(canonicalCalendarJson(overrides)).digest('hex');
      await q.query(
        `INSERT INTO "calendar_version" ("seq", "label", "kind", "format", "source", "content_hash", "years",
           "local_days_off", "data", "loaded_at", "loaded_by", "replan_status", "replan_signalled")
         VALUES (${Array(12).fill('?').join(', ')}, 0)`,
        [
          ++seq,
          r.label,
          coverage.kind,
          'json',
          'calendar_override',
          hash,
          JSON.stringify(coverage.years),
          JSON.stringify(coverage.localDaysOff),
          r.data,
          r.loaded_at,
          r.loaded_by,
          'done',
        ],
      );
    }
    await q.query(`DROP TABLE "calendar_override"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "calendar_override" (
        "label" varchar(64) PRIMARY KEY,
        "data" text NOT NULL,
        "loaded_at" varchar(30) NOT NULL,
        "loaded_by" varchar(64) NOT NULL
      )`);
    // Back to one row per label (a label loaded twice keeps its last content).
    const rows: { label: string; data: string; loaded_at: string; loaded_by: string }[] = await q.query(
      `SELECT "label", "data", "loaded_at", "loaded_by" FROM "calendar_version" ORDER BY "seq"`,
    );
    for (const r of rows) {
      await q.query(`DELETE FROM "calendar_override" WHERE "label" = ?`, [r.label]);
      await q.query(`INSERT INTO "calendar_override" ("label", "data", "loaded_at", "loaded_by") VALUES (?, ?, ?, ?)`, [
        r.label,
        r.data,
        r.loaded_at,
        r.loaded_by,
      ]);
    }
    await q.query(`DROP TABLE "deadline_change"`);
    await q.query(`DROP TABLE "calendar_version"`);
  }
}
