import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `('proposal-committee', 'assigning-office', 'bureau', 'supervising-body')`;

/** See the PostgreSQL migration. SQLite cannot add a CHECK to a table, so triggers keep the kinds. */
export class OrganisationAdminSqlite1764310000000 implements MigrationInterface {
  name = 'OrganisationAdminSqlite1764310000000';

  async up(q: QueryRunner): Promise<void> {
    // Null: the same as the full name (every unit until an admin gives it a short one).
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "short_name" varchar(100)`);
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "sort_order" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "org_unit" ADD COLUMN "enabled" integer NOT NULL DEFAULT 1`);
    for (const event of ['INSERT', 'UPDATE']) {
      await q.query(`
        CREATE TRIGGER "ck_org_unit_kind_${event.toLowerCase()}" BEFORE ${event} ON "org_unit"
        WHEN NEW."kind" NOT IN ${KINDS}
        BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ck_org_unit_kind'); END`);
    }
    await q.query(`
      CREATE TABLE "city_settings" (
        "id" varchar(16) PRIMARY KEY NOT NULL,
        "data" text NOT NULL,
        "updated_at" varchar(30) NOT NULL,
        "updated_by" varchar(64) NOT NULL
      )`);
    await q.query(`ALTER TABLE "reply_signature" ADD COLUMN "letter_names" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reply_signature" DROP COLUMN "letter_names"`);
    await q.query(`DROP TABLE "city_settings"`);
    await q.query(`DROP TRIGGER "ck_org_unit_kind_update"`);
    await q.query(`DROP TRIGGER "ck_org_unit_kind_insert"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "enabled"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "sort_order"`);
    await q.query(`ALTER TABLE "org_unit" DROP COLUMN "short_name"`);
  }
}
