import type { DataSource, EntityManager } from 'typeorm';
import type { HandlingProjection } from '@banli/contracts';
import { proposalSearchTerms } from '@banli/domain';
import type { ProposalEvent, WorkingDayCalendar } from '@banli/domain';
import { auditEventHash, ChainedEvent, ChainHead } from './audit-chain';
import { HandlingRecordProjector } from './handling-record.projector';
import { addEventNotices } from './notification-outbox.repository';
import { execSql, inTransaction } from './sql';

/**
 * What a projection leaves in the workflow's history as its activity's result: the audit
 * chain's head after it, which verification compares with the stored chain.
 */
export interface ProjectionWritten {
  chainHead: ChainHead | null;
}

/**
 * Writes a proposal's projection: its row, open tasks, deadlines and audit events. Idempotent
 * and order-safe: events are written once each by sequence number, and the rest only moves
 * forward to a newer workflow state version, so a retried or late activity never writes
 * twice or goes back. One transaction, so readers never see half a change.
 */
export class ProposalProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `calendar` counts working days for the supervision records (lateness, time taken); the
   * worker passes the calendar it plans deadlines with.
   */
  async project(
    p: HandlingProjection,
    now: Date = new Date(),
    calendar?: WorkingDayCalendar,
  ): Promise<ProjectionWritten> {
    const at = now.toISOString();
    return inTransaction(this.dataSource, async (tx) => {
      if (p.registration) await this.insertProposal(tx, p, at);
      const written: ProposalEvent[] = [];
      // The audit chain continues from the last event stored (a retry finds its own events
      // there and writes nothing); one primary-key read.
      let head = await this.chainHead(tx, p.proposalId);
      for (const e of [...p.events].sort((a, b) => a.seq - b.seq)) {
        if (head && e.seq <= head.seq) continue;
        const data = JSON.stringify(e.data);
        const row: ChainedEvent = {
          proposalId: p.proposalId,
          seq: e.seq,
          type: e.type,
          at: e.at,
          actorUserId: e.actor?.userId ?? null,
          actorUnitId: e.actor?.unitId ?? null,
          unitId: e.unitId ?? null,
          // Hashed as stored: what a verifier reads back.
          data: JSON.parse(data) as unknown,
        };
        const prevHash = head?.hash ?? '';
        const hash = auditEventHash(row, prevHash);
        const inserted = await execSql(
          tx,
          `INSERT INTO "proposal_event" ("proposal_id", "seq", "type", "at", "actor_user_id", "actor_unit_id", "unit_id", "data", "prev_hash", "hash")
           VALUES (:proposalId, :seq, :type, :at, :actorUserId, :actorUnitId, :unitId, :data, :prevHash, :hash)
           ON CONFLICT ("proposal_id", "seq") DO NOTHING`,
          { ...row, data, prevHash, hash },
        );
        if (inserted.affected > 0) written.push(e);
        head = { seq: e.seq, hash };
      }
      // The transactional outbox: a notice is handed over exactly when its event is written.
      await addEventNotices(tx, p.proposalId, written, at, {
        ...(p.leadUnitId ? { leadUnitId: p.leadUnitId } : {}),
        ...(p.state?.settings.assigningUnitId ? { assigningUnitId: p.state.settings.assigningUnitId } : {}),
      });
      const updated = await execSql(
        tx,
        `UPDATE "proposal" SET "stage" = :stage, "projection_version" = :version, "updated_at" = :at,
           "lead_unit_id" = :leadUnitId, "assigned_unit_ids" = :assigned, "key_proposal" = :key,
           "key_leaders" = :keyLeaders, "next_due_at" = :nextDueAt, "closed_at" = :closedAt,
           "handling_state" = :handlingState
         WHERE "id" = :id AND "projection_version" < :version`,
        {
          id: p.proposalId,
          stage: p.stage,
          version: p.version,
          at,
          leadUnitId: p.leadUnitId ?? null,
          assigned: JSON.stringify(p.assignedUnitIds),
          key: p.keyProposal ? 1 : 0,
          keyLeaders: p.keyLeaders ? JSON.stringify(p.keyLeaders) : null,
          nextDueAt: p.nextDueAt ?? null,
          closedAt: p.closedAt ?? null,
          handlingState: p.state ? JSON.stringify(p.state) : null,
        },
      );
      // Every unit ever assigned keeps read access, for the record: one statement for all of
      // them (every action's projection passes here; each statement is a round trip).
      const units = [...new Set(p.assignedUnitIds)];
      if (units.length > 0) {
        await execSql(
          tx,
          `INSERT INTO "proposal_access" ("proposal_id", "unit_id", "granted_at")
           VALUES ${units.map((_, i) => `(:proposalId, :unit${i}, :at)`).join(', ')}
           ON CONFLICT ("proposal_id", "unit_id") DO NOTHING`,
          { proposalId: p.proposalId, at, ...Object.fromEntries(units.map((u, i) => [`unit${i}`, u])) },
        );
      }
      // An older state than the one already written: its tasks and deadlines are stale.
      if (updated.affected > 0) {
        await this.writeTasks(tx, p, at);
        await this.writeDeadlines(tx, p, at);
        await this.copySortKeys(tx, p);
      }
      await new HandlingRecordProjector(tx, p, at, calendar).apply(written);
      return { chainHead: head };
    });
  }

  /** The last event stored for the proposal: where its audit chain goes on. */
  private async chainHead(tx: EntityManager, proposalId: string): Promise<ChainHead | null> {
    const { rows } = await execSql(
      tx,
      `SELECT "seq", "hash" FROM "proposal_event" WHERE "proposal_id" = :proposalId ORDER BY "seq" DESC LIMIT 1`,
      { proposalId },
    );
    const r = rows[0];
    return r ? { seq: Number(r['seq']), hash: String(r['hash'] ?? '') } : null;
  }

  private async insertProposal(tx: EntityManager, p: HandlingProjection, at: string): Promise<void> {
    const r = p.registration as NonNullable<HandlingProjection['registration']>;
    await execSql(
      tx,
      `INSERT INTO "proposal" ("id", "workflow_id", "kind", "session_code", "session_name", "number", "title",
         "body", "proposers", "suggestion_points", "stage", "received_at", "projection_version", "updated_at",
         "search_terms")
       VALUES (:id, :workflowId, :kind, :sessionCode, :sessionName, :number, :title, :body, :proposers, :points,
         :stage, :receivedAt, 0, :at, :searchTerms)
       ON CONFLICT ("id") DO NOTHING`,
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
        at,
        searchTerms: proposalSearchTerms(r),
      },
    );
  }

  private async writeTasks(tx: EntityManager, p: HandlingProjection, at: string): Promise<void> {
    for (const t of p.tasks) {
      await execSql(
        tx,
        `INSERT INTO "task" ("id", "proposal_id", "kind", "unit_id", "status", "deadline_key", "due_at", "round",
           "opened_at", "key_proposal", "projection_version")
         VALUES (:id, :proposalId, :kind, :unitId, 'open', :deadlineKey, :dueAt, :round, :at, :key, :version)
         ON CONFLICT ("id") DO UPDATE SET "status" = 'open', "closed_at" = NULL, "deadline_key" = excluded."deadline_key",
           "due_at" = excluded."due_at", "key_proposal" = excluded."key_proposal",
           "projection_version" = excluded."projection_version"`,
        {
          id: t.id,
          proposalId: p.proposalId,
          kind: t.kind,
          unitId: t.unitId,
          deadlineKey: t.deadlineKey ?? null,
          dueAt: t.dueAt ?? null,
          round: t.round ?? null,
          at,
          key: p.keyProposal ? 1 : 0,
          version: p.version,
        },
      );
    }
    await execSql(
      tx,
      `UPDATE "task" SET "status" = 'closed', "closed_at" = :at, "projection_version" = :version
       WHERE "proposal_id" = :proposalId AND "status" = 'open' AND "projection_version" < :version`,
      { proposalId: p.proposalId, at, version: p.version },
    );
  }

  /**
   * The pages' sort keys copied from the proposal (see the migration QuerySortKeys): when a
   * proposal is marked key or unmarked, every task and deadline it has (open or closed)
   * follows, in this same transaction, so no reader sees the proposal and its rows disagree.
   */
  private async copySortKeys(tx: EntityManager, p: HandlingProjection): Promise<void> {
    for (const table of ['task', 'deadline']) {
      await execSql(
        tx,
        `UPDATE "${table}" SET "key_proposal" = :key WHERE "proposal_id" = :proposalId AND "key_proposal" <> :key`,
        { proposalId: p.proposalId, key: p.keyProposal ? 1 : 0 },
      );
    }
  }

  /**
   * The re-planning report: a deadline that a newer calendar moved or made final (same
   * extension, another calendar version) is recorded with both dates and that version, in the
   * transaction that moves it. Idempotent per (proposal, deadline, calendar version).
   */
  private async recordCalendarChanges(tx: EntityManager, p: HandlingProjection, at: string): Promise<void> {
    const replanned = p.deadlines.filter((d) => d.explanation);
    if (replanned.length === 0) return;
    const { rows } = await execSql(
      tx,
      `SELECT "key", "end_date", "provisional", "extended", "explanation" FROM "deadline"
       WHERE "proposal_id" = :proposalId AND "projection_version" < :version`,
      { proposalId: p.proposalId, version: p.version },
    );
    const before = new Map(rows.map((r) => [String(r['key']), r]));
    for (const d of replanned) {
      const old = before.get(d.key);
      const explanation = d.explanation as NonNullable<typeof d.explanation>;
      if (!old || old['explanation'] === null || old['explanation'] === undefined) continue;
      const oldVersion = (JSON.parse(String(old['explanation'])) as { calendarVersion?: string }).calendarVersion;
      const oldProvisional = Number(old['provisional']) === 1;
      const sameExtension = Number(old['extended']) === (d.extension ? 1 : 0);
      const changed = old['end_date'] !== explanation.endDate || oldProvisional !== explanation.provisional;
      if (!sameExtension || !changed || oldVersion === explanation.calendarVersion) continue;
      await execSql(
        tx,
        `INSERT INTO "deadline_change" ("proposal_id", "deadline_key", "calendar_version", "unit_id", "old_end_date",
           "new_end_date", "old_provisional", "new_provisional", "recorded_at")
         VALUES (:proposalId, :key, :calendarVersion, :unitId, :oldEndDate, :newEndDate, :oldProvisional,
           :newProvisional, :at)
         ON CONFLICT ("proposal_id", "deadline_key", "calendar_version") DO NOTHING`,
        {
          proposalId: p.proposalId,
          key: d.key,
          calendarVersion: explanation.calendarVersion,
          unitId: d.unitId,
          oldEndDate: old['end_date'] ?? null,
          newEndDate: explanation.endDate,
          oldProvisional: oldProvisional ? 1 : 0,
          newProvisional: explanation.provisional ? 1 : 0,
          at,
        },
      );
    }
  }

  private async writeDeadlines(tx: EntityManager, p: HandlingProjection, at: string): Promise<void> {
    await this.recordCalendarChanges(tx, p, at);
    for (const d of p.deadlines) {
      await execSql(
        tx,
        `INSERT INTO "deadline" ("proposal_id", "key", "kind", "unit_id", "status", "due_at", "end_date", "provisional",
           "reminders_sent", "escalations", "extended", "explanation", "met_at", "key_proposal", "projection_version")
         VALUES (:proposalId, :key, :kind, :unitId, :status, :dueAt, :endDate, :provisional, :remindersSent,
           :escalations, :extended, :explanation, :metAt, :keyProposal, :version)
         ON CONFLICT ("proposal_id", "key") DO UPDATE SET "kind" = excluded."kind", "unit_id" = excluded."unit_id",
           "status" = excluded."status", "due_at" = excluded."due_at", "end_date" = excluded."end_date",
           "provisional" = excluded."provisional", "reminders_sent" = excluded."reminders_sent",
           "escalations" = excluded."escalations", "extended" = excluded."extended",
           "explanation" = excluded."explanation", "met_at" = excluded."met_at",
           "key_proposal" = excluded."key_proposal", "projection_version" = excluded."projection_version"
         WHERE "deadline"."projection_version" < excluded."projection_version"`,
        {
          proposalId: p.proposalId,
          key: d.key,
          kind: d.kind,
          unitId: d.unitId,
          status: d.status,
          dueAt: d.dueAt ?? null,
          endDate: d.explanation?.endDate ?? null,
          provisional: d.explanation?.provisional ? 1 : 0,
          remindersSent: d.remindersSent,
          escalations: d.escalations,
          extended: d.extension ? 1 : 0,
          explanation: d.explanation ? JSON.stringify(d.explanation) : null,
          metAt: d.metAt ?? null,
          keyProposal: p.keyProposal ? 1 : 0,
          version: p.version,
        },
      );
    }
  }
}
