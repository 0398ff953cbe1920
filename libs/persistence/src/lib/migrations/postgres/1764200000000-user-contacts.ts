import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a user is reached by e-mail and SMS; both optional. */
export class UserContactsPostgres1764200000000 implements MigrationInterface {
  name = 'UserContactsPostgres1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "email" varchar(200)`);
    await q.query(`ALTER TABLE "app_user" ADD COLUMN "phone" varchar(32)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "phone"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "email"`);
  }
}
