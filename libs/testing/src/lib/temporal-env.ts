import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalBinaries } from './temporal-binaries';

/** A real Temporal dev server (the CLI's `server start-dev`, in-memory), on a free port. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalBinaries().cli },
      ui: false,
      extraArgs: ['--log-level', 'error'],
    },
  });
}

/** The time-skipping test server: month-long deadlines pass in seconds. */
export function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalBinaries().testServer } },
  });
}
