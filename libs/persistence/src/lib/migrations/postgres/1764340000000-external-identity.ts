import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on: which Banli user an identity provider's subject signs in as. */
export class ExternalIdentityPostgres1764340000000 implements MigrationInterface {
  name = 'ExternalIdentityPostgres1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "external_identity" (
        "issuer" varchar(300) NOT NULL,
        "subject" varchar(255) NOT NULL,
        "user_id" varchar(64) NOT NULL REFERENCES "app_user" ("id"),
        "created_at" varchar(30) NOT NULL,
        PRIMARY KEY ("issuer", "subject")
      )`);
    await q.query(`CREATE INDEX "ix_external_identity_user" ON "external_identity" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "external_identity"`);
  }
}
