// A worker in its own process, so a test can kill it with SIGKILL as a crash would.
// Run with: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register worker-process.ts
import * as fs from 'node:fs';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createDataSource } from '@banli/persistence';
import { createCalendarActivities, createProposalActivities } from '@banli/worker';
import { quietTemporalLogs } from '@banli/testing';

async function main(): Promise<void> {
  quietTemporalLogs();
  const env = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is required`);
    return v;
  };
  const dataSource = createDataSource({ type: 'sqlite', file: env('SQLITE_FILE') });
  await dataSource.initialize();
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') }),
    taskQueue: env('TASK_QUEUE'),
    workflowBundle: { code: fs.readFileSync(env('WORKFLOW_BUNDLE_PATH'), 'utf8') },
    activities: { ...createProposalActivities(dataSource), ...createCalendarActivities(dataSource) },
    // Without the sticky cache, the next worker picks up the workflow at once after a crash.
    stickyQueueScheduleToStartTimeout: '1 second',
  });
  const running = worker.run();
  process.stdout.write('worker ready\n');
  await running;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
