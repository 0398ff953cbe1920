import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  calendarCoverage,
  CalendarLoadKind,
  canonicalCalendarJson,
  CalendarOverrides,
  calendarOverridesProblems,
  DomainError,
  IsoDate,
  WorkingDayCalendar,
} from '@banli/domain';
import { AdminActor, recordAdminEvent } from '../admin-audit';
import { CalendarVersionEntity } from '../entities';
import { execSql, inTransaction } from '../sql';
import type { CalendarFileFormat } from './calendar-file';

/** A calendar as it is loaded: the overrides, the format they came in, and from where. */
export interface CalendarLoad {
  overrides: CalendarOverrides;
  format: CalendarFileFormat;
  /** Where it came from, for the history: 'api', 'web', 'cli:2027.json'. */
  source: string;
}

export type ReplanStatus = 'pending' | 'running' | 'done';

export interface CalendarVersionView {
  seq: number;
  label: string;
  kind: CalendarLoadKind;
  format: CalendarFileFormat;
  source: string;
  contentHash: string;
  years: number[];
  localDaysOff: IsoDate[];
  loadedAt: string;
  loadedBy: string;
  /** The version of the calendar in force once this load applied (deadlines' `calendarVersion`). */
  calendarVersion: string;
  replan: { status: ReplanStatus; signalled: number; finishedAt: string | null };
}

/** One deadline a calendar moved or made final. */
export interface DeadlineChangeView {
  proposalId: string;
  proposalTitle: string | null;
  deadlineKey: string;
  unitId: string;
  oldEndDate: IsoDate | null;
  newEndDate: IsoDate | null;
  oldProvisional: boolean;
  newProvisional: boolean;
  moved: boolean;
  recordedAt: string;
}

export interface CalendarReport {
  version: CalendarVersionView;
  changes: DeadlineChangeView[];
}

export interface OpenProposalWorkflow {
  proposalId: string;
  workflowId: string;
}

/** The working-day calendar in force, and the history of loaded calendars behind it. */
export interface ICalendarOverrideRepository {
  current(nowMs?: number, refresh?: boolean): Promise<WorkingDayCalendar>;
  load(load: CalendarLoad, actor: AdminActor, now?: Date): Promise<{ version: CalendarVersionView; created: boolean }>;
  list(): Promise<CalendarVersionView[]>;
  report(seq: number): Promise<CalendarReport>;
}

const REPORT_LIMIT = 5000;

/**
 * Calendars loaded by an admin (a newly published year, local days off), applied in loading
 * order on top of the official calendar. Every process reads them from the database, so all
 * API and worker replicas compute with the same calendar. Loading is idempotent by content:
 * the same calendar loaded twice is one version.
 */
export class CalendarOverrideRepository implements ICalendarOverrideRepository {
  private cached?: { calendar: WorkingDayCalendar; at: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly cacheMs = 10_000,
  ) {}

  async current(nowMs: number = Date.now(), refresh = false): Promise<WorkingDayCalendar> {
    if (!refresh && this.cached && nowMs - this.cached.at < this.cacheMs) return this.cached.calendar;
    const rows = await this.dataSource.getRepository(CalendarVersionEntity).find({ order: { seq: 'ASC' } });
    const calendar = WorkingDayCalendar.fromOverrides(rows.map((r) => r.data as CalendarOverrides));
    this.cached = { calendar, at: nowMs };
    return calendar;
  }

  async load(
    load: CalendarLoad,
    actor: AdminActor,
    now: Date = new Date(),
  ): Promise<{ version: CalendarVersionView; created: boolean }> {
    const problems = calendarOverridesProblems(load.overrides);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'The calendar is invalid', problems);
    const canonical = canonicalCalendarJson(load.overrides);
    const contentHash = createHash('sha256').update(canonical).digest('hex');
    const coverage = calendarCoverage(load.overrides);
    // Two replicas loading at once both pick the next seq; the loser retries and then either
    // finds the same content (idempotent) or takes the following seq.
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await inTransaction(this.dataSource, async (tx) => {
          const repo = tx.getRepository(CalendarVersionEntity);
          if (await repo.findOneBy({ contentHash })) return false;
          const last = await repo.find({ order: { seq: 'DESC' }, take: 1 });
          const seq = (last[0]?.seq ?? 0) + 1;
          await repo.insert({
            seq,
            label: load.overrides.label,
            kind: coverage.kind,
            format: load.format,
            source: load.source.slice(0, 200),
            contentHash,
            years: coverage.years,
            localDaysOff: coverage.localDaysOff,
            data: JSON.parse(canonical) as CalendarOverrides,
            loadedAt: now.toISOString(),
            loadedBy: actor.userId,
            replanStatus: 'pending',
            replanSignalled: 0,
            replanFinishedAt: null,
          });
          await recordAdminEvent(
            tx,
            actor,
            'calendar.loaded',
            { seq, label: load.overrides.label, ...coverage, format: load.format, source: load.source, contentHash },
            now,
          );
          return true;
        });
        this.cached = undefined;
        const version = (await this.list()).find((v) => v.contentHash === contentHash);
        if (!version) throw new Error('The loaded calendar version is not readable');
        return { version, created };
      } catch (err) {
        if (attempt >= 3 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  /** Every version, newest first, with the calendar version each one produced. */
  async list(): Promise<CalendarVersionView[]> {
    const rows = await this.dataSource.getRepository(CalendarVersionEntity).find({ order: { seq: 'ASC' } });
    let calendarVersion = WorkingDayCalendar.official().version;
    const views = rows.map((r) => {
      calendarVersion = `${calendarVersion}+${r.label}`;
      return toView(r, calendarVersion);
    });
    return views.reverse();
  }

  async report(seq: number): Promise<CalendarReport> {
    const version = (await this.list()).find((v) => v.seq === seq);
    if (!version) throw new DomainError('NOT_FOUND', `No calendar version ${seq}`);
    const { rows } = await execSql(
      this.dataSource,
      `SELECT c."proposal_id", p."title", c."deadline_key", c."unit_id", c."old_end_date", c."new_end_date",
         c."old_provisional", c."new_provisional", c."recorded_at"
       FROM "deadline_change" c LEFT JOIN "proposal" p ON p."id" = c."proposal_id"
       WHERE c."calendar_version" = :version
       ORDER BY c."proposal_id", c."deadline_key"
       LIMIT ${REPORT_LIMIT}`,
      { version: version.calendarVersion },
    );
    return {
      version,
      changes: rows.map((r) => ({
        proposalId: String(r['proposal_id']),
        proposalTitle: r['title'] === null || r['title'] === undefined ? null : String(r['title']),
        deadlineKey: String(r['deadline_key']),
        unitId: String(r['unit_id']),
        oldEndDate: (r['old_end_date'] as string | null) ?? null,
        newEndDate: (r['new_end_date'] as string | null) ?? null,
        oldProvisional: Number(r['old_provisional']) === 1,
        newProvisional: Number(r['new_provisional']) === 1,
        moved: r['old_end_date'] !== r['new_end_date'],
        recordedAt: String(r['recorded_at']),
      })),
    };
  }

  /** Open proposals after `after` (by id), for re-planning in batches. */
  async openProposalWorkflows(after: string, limit: number): Promise<OpenProposalWorkflow[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "workflow_id" FROM "proposal" WHERE "closed_at" IS NULL AND "id" > :after ORDER BY "id" LIMIT ${Math.max(1, Math.min(limit, 1000))}`,
      { after },
    );
    return rows.map((r) => ({ proposalId: String(r['id']), workflowId: String(r['workflow_id']) }));
  }

  /** How far re-planning after version `seq` got; never goes back from done. */
  async recordReplan(seq: number, status: ReplanStatus, signalled: number, now: Date = new Date()): Promise<void> {
    await execSql(
      this.dataSource,
      `UPDATE "calendar_version" SET "replan_status" = :status, "replan_signalled" = :signalled,
         "replan_finished_at" = :finishedAt
       WHERE "seq" = :seq AND "replan_status" <> 'done'`,
      { seq, status, signalled, finishedAt: status === 'done' ? now.toISOString() : null },
    );
  }
}

function toView(r: CalendarVersionEntity, calendarVersion: string): CalendarVersionView {
  return {
    seq: r.seq,
    label: r.label,
    kind: r.kind,
    format: r.format,
    source: r.source,
    contentHash: r.contentHash,
    years: r.years,
    localDaysOff: r.localDaysOff,
    loadedAt: r.loadedAt,
    loadedBy: r.loadedBy,
    calendarVersion,
    replan: { status: r.replanStatus, signalled: r.replanSignalled, finishedAt: r.replanFinishedAt },
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  return e?.code === '23505' || e?.driverError?.code === '23505' || /UNIQUE constraint failed/.test(String(e?.message));
}
