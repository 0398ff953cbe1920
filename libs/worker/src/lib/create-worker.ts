import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { PROPOSAL_TASK_QUEUE } from '@banli/contracts';
import { createCalendarActivities, createProposalActivities } from './proposal.activities';

export interface BanliWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  dataSource: DataSource;
  /** A pre-built bundle (production, tests) or bundled from source at start (development). */
  workflowBundle: { code: string } | { codePath: string };
  taskQueue?: string;
  tuning?: Pick<
    WorkerOptions,
    'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions'
  >;
}

export function createBanliWorker(options: BanliWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? PROPOSAL_TASK_QUEUE,
    workflowBundle: options.workflowBundle,
    activities: { ...createProposalActivities(options.dataSource), ...createCalendarActivities(options.dataSource) },
    ...options.tuning,
  });
}
