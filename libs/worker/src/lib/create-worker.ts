import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
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
    ...options.tuning,
  });
}
