import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation administration: a unit's short name (what letters call it), its place in
 * lists and whether it can still be given work; the four unit kinds as a constraint; the
 * city's settings (one JSON row); and the names a signed letter was signed with, so a later
 * rename never changes it.
 */
export class OrganisationAdminPostgres1764310000000 implements MigrationInterface {
  name = 'OrganisationAdminPostgres1764310000000';

  async up(q: QueryRunner): Promise<void> {
    // Null: the same as the full name (every unit until an admin gives it a short one).
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "short_name" varchar(100)`);
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "sort_order" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "enabled" integer NOT NULL DEFAULT 1`);
    await q.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "ck_org_unit_kind"
       CHECK ("kind" IN ('proposal-committee', 'assigning-office', 'bureau', 'supervising-body'))`,
    );
    await q.query(`
      CREATE TABLE "city_settings" (
        "id" varchar(16) PRIMARY KEY,
        "data" text NOT NULL,
        "updated_at" varchar(30) NOT NULL,
        "updated_by" varchar(64) NOT NULL
      )`);
    await q.query(`ALTER TABLE "reply_signature" ADD COLUMN "letter_names" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reply_signature" DROP COLUMN "letter_names"`);
    await q.query(`DROP TABLE "city_settings"`);
    await q.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "ck_org_unit_kind"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "enabled"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "sort_order"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "short_name"`);
  }
}
