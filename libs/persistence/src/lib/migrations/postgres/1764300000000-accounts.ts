import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: a token version per user (a token carries it; bumping it revokes every token issued
 * before), a forced password change after an admin reset, and the sign-in attempt counters every
 * API replica shares (one row per account or client address and its current window).
 */
export class AccountsPostgres1764300000000 implements MigrationInterface {
  name = 'AccountsPostgres1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "token_version" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "must_change_password" integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE "sign_in_attempt" (
        "key" varchar(200) PRIMARY KEY NOT NULL,
        "window_started_at" bigint NOT NULL,
        "attempts" integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "ix_sign_in_attempt_window" ON "sign_in_attempt" ("window_started_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sign_in_attempt"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
