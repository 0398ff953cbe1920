import type { EntityManager } from 'typeorm';
import type { HandlingProjection } from '@banli/contracts';
import { toShanghaiDate, workingDaysBetween } from '@banli/domain';
import type { Deadline, EventDataOf, FeedbackOutcome, ProposalEvent, WorkingDayCalendar } from '@banli/domain';
import { execSql } from './sql';

/*
 * The supervision read model: one `handling_record` per unit's piece of work on a proposal —
 * a co-handling unit's opinion (role `opinion`), or one round of a replying unit's reply
 * (role `reply`; a re-handling opens the next round). Built from the audit events as the
 * projection writes them (each event is written, and so applied here, exactly once) and from
 * the deadlines in the same projection. The monitoring views, the statistics and public
 * disclosure read it; nobody else writes it.
 *
 * Lateness is counted in working days with the calendar the worker holds when the work is
 * done: `working_days_late` is how many working days after the deadline's last day the
 * work came in (0 when on time), `working_days_taken` how many working days it took from
 * the start (assignment, reassignment or re-handling).
 */

type Role = 'reply' | 'opinion';

interface RecordKey {
  proposalId: string;
  unitId: string;
  role: Role;
}

export class HandlingRecordProjector {
  constructor(
    private readonly tx: EntityManager,
    private readonly p: HandlingProjection,
    private readonly at: string,
    private readonly calendar: WorkingDayCalendar | undefined,
  ) {}

  /** Applies newly written events, then keeps open records' deadlines in step. */
  async apply(newEvents: ProposalEvent[]): Promise<void> {
    await this.syncDeadlines();
    for (const e of newEvents) await this.applyEvent(e);
    if (newEvents.length) await this.syncDeadlines();
  }

  private async applyEvent(e: ProposalEvent): Promise<void> {
    switch (e.type) {
      case 'assigned':
        for (const u of e.data.replyingUnitIds) await this.open(u, 'reply', 1, e.at);
        for (const u of e.data.coHandlerUnitIds) await this.open(u, 'opinion', 1, e.at);
        return;
      case 'objection-decided': {
        const to = e.data.replacementUnitId;
        if (e.data.decision !== 'reassign' || !to || !e.unitId) return;
        const rows = await execSql(
          this.tx,
          `UPDATE "handling_record" SET "status" = 'cancelled', "updated_at" = :at
           WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "status" = 'open'
           RETURNING "role"`,
          { proposalId: this.p.proposalId, unitId: e.unitId, at: this.at },
        );
        for (const r of rows.rows) await this.open(to, r['role'] as Role, 1, e.at);
        return;
      }
      case 'opinion-submitted':
        if (e.unitId) await this.complete({ proposalId: this.p.proposalId, unitId: e.unitId, role: 'opinion' }, e.at);
        return;
      case 'opinion-waived':
        if (!e.unitId) return;
        await execSql(
          this.tx,
          `UPDATE "handling_record" SET "status" = 'waived', "completed_at" = :completedAt, "updated_at" = :at
           WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "role" = 'opinion' AND "status" = 'open'`,
          { proposalId: this.p.proposalId, unitId: e.unitId, completedAt: e.at, at: this.at },
        );
        return;
      case 'reply-signed':
        if (e.unitId)
          await this.complete({ proposalId: this.p.proposalId, unitId: e.unitId, role: 'reply' }, e.at, e.data);
        return;
      case 'feedback-closed': {
        if (!e.unitId) return;
        const outcomes = Object.values(e.data.feedback);
        const count = (o: FeedbackOutcome) => outcomes.filter((x) => x === o).length;
        await execSql(
          this.tx,
          `UPDATE "handling_record" SET "rating_satisfied" = :s, "rating_basically_satisfied" = :b,
             "rating_unsatisfied" = :u, "rating_not_rated" = :n, "rated" = 1, "updated_at" = :at
           WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "role" = 'reply' AND "round" = :round`,
          {
            proposalId: this.p.proposalId,
            unitId: e.unitId,
            round: e.data.round,
            s: count('satisfied'),
            b: count('basically-satisfied'),
            u: count('unsatisfied'),
            n: count('not-rated'),
            at: this.at,
          },
        );
        return;
      }
      case 'rehandling-opened':
        if (e.unitId) await this.open(e.unitId, 'reply', e.data.round, e.at);
        return;
      case 'reply-published':
        if (!e.unitId) return;
        await execSql(
          this.tx,
          `UPDATE "handling_record" SET "published_at" = :publishedAt, "updated_at" = :at
           WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "role" = 'reply'
             AND "document_number" = :documentNumber`,
          {
            proposalId: this.p.proposalId,
            unitId: e.unitId,
            documentNumber: e.data.documentNumber,
            publishedAt: e.at,
            at: this.at,
          },
        );
        return;
      default:
        return;
    }
  }

  private async open(unitId: string, role: Role, round: number, startedAt: string): Promise<void> {
    await execSql(
      this.tx,
      `INSERT INTO "handling_record" ("proposal_id", "unit_id", "role", "round", "session_code", "lead_unit_id",
         "status", "started_at", "updated_at")
       SELECT "id", :unitId, :role, :round, "session_code", :leadUnitId, 'open', :startedAt, :at
       FROM "proposal" WHERE "id" = :proposalId
       ON CONFLICT ("proposal_id", "unit_id", "role", "round") DO NOTHING`,
      {
        proposalId: this.p.proposalId,
        unitId,
        role,
        round,
        leadUnitId: this.p.leadUnitId ?? null,
        startedAt,
        at: this.at,
      },
    );
  }

  /** Completes the open record: on time or late, by how many working days, in how many. */
  private async complete(
    key: RecordKey,
    completedAt: string,
    reply?: Pick<EventDataOf<'reply-signed'>, 'replyClass' | 'disclosure' | 'documentNumber'>,
  ): Promise<void> {
    const found = await execSql(
      this.tx,
      `SELECT "round", "started_at", "due_at", "end_date" FROM "handling_record"
       WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "role" = :role AND "status" = 'open'
       ORDER BY "round" DESC`,
      { ...key },
    );
    const r = found.rows[0];
    if (!r) return;
    const dueAt = (r['due_at'] as string | null) ?? null;
    const endDate = (r['end_date'] as string | null) ?? null;
    const done = toShanghaiDate(completedAt);
    const onTime = dueAt === null ? null : completedAt <= dueAt ? 1 : 0;
    const late =
      this.calendar && endDate ? (done > endDate ? workingDaysBetween(this.calendar, endDate, done) : 0) : null;
    const taken = this.calendar
      ? workingDaysBetween(this.calendar, toShanghaiDate(String(r['started_at'])), done)
      : null;
    await execSql(
      this.tx,
      `UPDATE "handling_record" SET "status" = 'done', "completed_at" = :completedAt, "on_time" = :onTime,
         "working_days_late" = :late, "working_days_taken" = :taken, "reply_class" = :replyClass,
         "disclosure" = :disclosure, "document_number" = :documentNumber, "signed_at" = :signedAt, "updated_at" = :at
       WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "role" = :role AND "round" = :round`,
      {
        ...key,
        round: Number(r['round']),
        completedAt,
        onTime,
        late,
        taken,
        replyClass: reply?.replyClass ?? null,
        disclosure: reply?.disclosure ?? null,
        documentNumber: reply?.documentNumber ?? null,
        signedAt: reply ? completedAt : null,
        at: this.at,
      },
    );
  }

  /** Open records follow their deadline (planned, computed, extended). */
  private async syncDeadlines(): Promise<void> {
    for (const d of this.p.deadlines) {
      const role = roleOf(d);
      if (!role || !d.dueAt) continue;
      await execSql(
        this.tx,
        `UPDATE "handling_record" SET "due_at" = :dueAt, "end_date" = :endDate, "updated_at" = :at
         WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "role" = :role AND "status" = 'open'`,
        {
          proposalId: this.p.proposalId,
          unitId: d.unitId,
          role,
          dueAt: d.dueAt,
          endDate: d.explanation?.endDate ?? toShanghaiDate(d.dueAt),
          at: this.at,
        },
      );
    }
  }
}

function roleOf(d: Deadline): Role | undefined {
  if (d.status === 'cancelled') return undefined;
  return d.kind === 'reply' ? 'reply' : d.kind === 'opinion' ? 'opinion' : undefined;
}
