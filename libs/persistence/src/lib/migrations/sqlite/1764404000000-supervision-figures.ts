import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision figures count audit events by type (催办 per unit and period, contacts per
 * reply): an index on the type, then the unit and the time, so they read only those events.
 */
export class SupervisionFiguresSqlite1764404000000 implements MigrationInterface {
  name = 'SupervisionFiguresSqlite1764404000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_proposal_event_type" ON "proposal_event" ("type", "unit_id", "at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_proposal_event_type"`);
  }
}
