import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The committee's sessions (届次) as managed data: registration refers to a session by its
 * code and takes its name from here. Every session code that proposals already carry becomes
 * an open session with the name they were registered under (term, meeting and dates unknown),
 * so an existing database keeps registering as before.
 */
export class CommitteeSessionsSqlite1764330000000 implements MigrationInterface {
  name = 'CommitteeSessionsSqlite1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "committee_session" (
        "code" varchar(32) PRIMARY KEY NOT NULL,
        "name" varchar(100) NOT NULL,
        "term" integer,
        "meeting" integer,
        "year" integer NOT NULL,
        "starts_on" varchar(10),
        "ends_on" varchar(10),
        "status" varchar(8) NOT NULL,
        "created_at" varchar(30) NOT NULL,
        "updated_at" varchar(30) NOT NULL
      )`);
    await q.query(`
      INSERT INTO "committee_session" ("code", "name", "year", "status", "created_at", "updated_at")
      SELECT "session_code", MIN("session_name"), CAST(substr(MIN("received_at"), 1, 4) AS integer), 'open',
             MIN("received_at"), MIN("received_at")
      FROM "proposal" GROUP BY "session_code"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "committee_session"`);
  }
}
