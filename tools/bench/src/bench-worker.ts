// The baselines' worker: its own process and task queue, so the Banli worker is untouched.
import * as path from 'node:path';
import { bundleWorkflowCode, NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'bench-workflows.ts'),
    logger: new DefaultLogger('WARN'),
  });
  const connection = await NativeConnection.connect({ address: process.env['TEMPORAL_ADDRESS'] as string });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: process.env['BENCH_TASK_QUEUE'] as string,
    workflowBundle: { code },
  });
  console.log('bench worker polling');
  await worker.run();
  await connection.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
