import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { CALENDAR_REPLAN_WORKFLOW_TYPE, calendarReplanWorkflowId, CalendarReplanInput } from '@banli/contracts';
import { nextYearNoticeMissing, toShanghaiDate } from '@banli/domain';
import type { AdminActor } from '../admin-audit';
import { CalendarFileFormat, parseCalendarFile } from './calendar-file';
import type { CalendarReport, CalendarVersionView, ICalendarOverrideRepository } from './calendar-version.repository';

/**
 * Starts the re-planning workflow of a calendar version (id `calendarReplanWorkflowId(seq)`);
 * true when it runs or ran already, false when Temporal cannot be reached.
 */
export type CalendarReplanStarter = (input: CalendarReplanInput) => Promise<boolean>;

/** The starter the API and the CLI use: one workflow id per version, so a second start finds the first. */
export function temporalCalendarReplanStarter(client: Client, taskQueue: string): CalendarReplanStarter {
  return async (input) => {
    try {
      await client.workflow.start(CALENDAR_REPLAN_WORKFLOW_TYPE, {
        workflowId: calendarReplanWorkflowId(input.seq),
        taskQueue,
        args: [input],
      });
      return true;
    } catch (err) {
      // Unreachable Temporal: the version is stored, and loading it again starts re-planning.
      return err instanceof WorkflowExecutionAlreadyStartedError;
    }
  };
}

export interface CalendarLoadResult {
  version: CalendarVersionView;
  /** False when the same content was loaded before: nothing new was stored. */
  created: boolean;
  /** Whether re-planning of open proposals is started (or was already running or done). */
  replanStarted: boolean;
}

export interface CalendarYearStatus {
  year: number;
  /** The year's official notice is loaded; otherwise its deadlines are provisional. */
  published: boolean;
}

export interface CalendarStatus {
  calendarVersion: string;
  years: CalendarYearStatus[];
  /** From 1 November: next year's notice is not loaded yet. */
  missingNextYear: number | null;
}

/**
 * Loading calendars (a year's notice, local days off), their history and re-planning reports.
 * The API's controller and the `npm run calendar` CLI both use it, each with its own Temporal
 * client to start re-planning.
 */
export class CalendarLoading {
  constructor(
    private readonly calendars: ICalendarOverrideRepository,
    private readonly startReplan: CalendarReplanStarter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Stores the calendar as a new version (the same content again is the same version) and
   * starts re-planning every open proposal. A load whose re-planning did not start (Temporal
   * away) starts it when loaded again.
   */
  async load(
    actor: AdminActor,
    file: { text: string; format: CalendarFileFormat; source: string; label?: string },
  ): Promise<CalendarLoadResult> {
    const overrides = parseCalendarFile(file.text, file.format, file.label ? { label: file.label } : {});
    const { version, created } = await this.calendars.load(
      { overrides, format: file.format, source: file.source },
      actor,
      this.now(),
    );
    const replanStarted =
      version.replan.status === 'done' ||
      (await this.startReplan({ seq: version.seq, calendarVersion: version.calendarVersion }));
    return { version, created, replanStarted };
  }

  list(): Promise<CalendarVersionView[]> {
    return this.calendars.list();
  }

  report(seq: number): Promise<CalendarReport> {
    return this.calendars.report(seq);
  }

  /** Which years around today are published, and whether admins must be reminded. */
  async status(): Promise<CalendarStatus> {
    const calendar = await this.calendars.current(this.now().getTime(), true);
    const today = toShanghaiDate(this.now().toISOString());
    const thisYear = Number(today.slice(0, 4));
    const published = calendar.publishedYears();
    const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((year) => ({
      year,
      published: calendar.isPublished(year),
    }));
    return {
      calendarVersion: calendar.version,
      years,
      missingNextYear: nextYearNoticeMissing(today, published) ?? null,
    };
  }
}
