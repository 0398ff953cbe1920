import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@banli/contracts';
import { temporalBinaries } from './temporal-binaries';

/** Workers in tests log warnings and errors only (set TEST_LOG_LEVEL=INFO to see more). */
export function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger((process.env['TEST_LOG_LEVEL'] as 'INFO' | undefined) ?? 'WARN') });
  } catch {
    // Already installed in this process: keep it.
  }
}

/** A real Temporal dev server (the CLI's `server start-dev`, in-memory), on a free port. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  quietTemporalLogs();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalBinaries().cli },
      ui: false,
      extraArgs: ['--log-level', 'error'],
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
    },
  });
}

const INDEXED: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/** The time-skipping test server: month-long deadlines pass in seconds. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  quietTemporalLogs();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalBinaries().testServer } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.values(SEARCH_ATTRIBUTES).map((k) => [k.name, INDEXED[k.type]])),
  });
  return env;
}
