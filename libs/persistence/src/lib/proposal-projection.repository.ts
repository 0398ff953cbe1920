import type { DataSource } from 'typeorm';
import type { ProposalProjection } from '@banli/contracts';

/**
 * Writes proposal projections. Idempotent and order-safe: a row only moves forward to a
 * newer workflow state version, so a retried or late activity never writes twice or goes
 * back. `INSERT … ON CONFLICT … DO UPDATE … WHERE` has the same meaning in PostgreSQL and
 * SQLite, so one statement serves both.
 */
export class ProposalProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(p: ProposalProjection, now: Date = new Date()): Promise<void> {
    const r = p.registration;
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `INSERT INTO "proposal" ("id", "workflow_id", "kind", "session_code", "session_name",
         "number", "title", "body", "proposers", "suggestion_points", "stage", "received_at",
         "projection_version", "updated_at")
       VALUES (:id, :workflowId, :kind, :sessionCode, :sessionName, :number, :title, :body,
         :proposers, :points, :stage, :receivedAt, :version, :now)
       ON CONFLICT ("id") DO UPDATE SET
         "stage" = excluded."stage",
         "projection_version" = excluded."projection_version",
         "updated_at" = excluded."updated_at"
       WHERE "proposal"."projection_version" < excluded."projection_version"`,
      {
        id: p.proposalId,
        workflowId: p.workflowId,
        kind: r.kind,
        sessionCode: r.sessionCode,
        sessionName: r.sessionName,
        number: r.number,
        title: r.title,
        body: r.body,
        proposers: JSON.stringify(r.proposers),
        points: JSON.stringify(r.suggestionPoints),
        stage: p.stage,
        receivedAt: p.receivedAt,
        version: p.version,
        now: now.toISOString(),
      },
    );
    await this.dataSource.query(sql, params);
  }
}
