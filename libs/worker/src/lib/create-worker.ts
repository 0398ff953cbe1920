import { InjectedSinks, NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { DataSource } from 'typeorm';
import { PROPOSAL_TASK_QUEUE } from '@banli/contracts';
import { createCalendarActivities, createProposalActivities } from './proposal.activities';
import { createDigestActivities } from './notifications/daily-digest';

export interface BanliWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  dataSource: DataSource;
  /** A pre-built bundle (production, tests) or bundled from source at start (development). */
  workflowBundle: { code: string } | { codePath: string };
  taskQueue?: string;
  /** The daily digest's default window (the schedule passes its own). */
  digest?: { dueWithinWorkingDays: number };
  tuning?: Pick<
    WorkerOptions,
    | 'maxCachedWorkflows'
    | 'maxConcurrentActivityTaskExecutions'
    | 'maxConcurrentWorkflowTaskExecutions'
    | 'maxConcurrentLocalActivityExecutions'
  >;
  /** OpenTelemetry (the process's tracing, when configured): activity spans and the workflows' spans. */
  tracing?: { spanProcessor: SpanProcessor; resource: Resource } | null;
}

/**
 * The sink the bundled workflow interceptors send traced workflows' spans to. Registered
 * without tracing too (spans dropped), so a traced update reaching an untraced worker is not
 * an error.
 */
function workflowSpanSinks(
  tracing: BanliWorkerOptions['tracing'],
): InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }> {
  if (tracing) return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
  return { exporter: { export: { fn: () => undefined, callDuringReplay: false } } };
}

export function createBanliWorker(options: BanliWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? PROPOSAL_TASK_QUEUE,
    workflowBundle: options.workflowBundle,
    activities: {
      ...createProposalActivities(options.dataSource),
      ...createCalendarActivities(options.dataSource),
      ...createDigestActivities(options.dataSource, options.digest),
    },
    sinks: workflowSpanSinks(options.tracing),
    ...(options.tracing
      ? {
          interceptors: {
            activity: [
              (ctx) => ({
                inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
                outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
              }),
            ],
          },
        }
      : {}),
    ...options.tuning,
  });
}
