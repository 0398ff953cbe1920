// The baselines' workflows: the least a workflow can be on the same Temporal server. Bundled
// by bench-worker.ts on its own task queue; not part of the product's workflow bundle.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** Starts and completes: one workflow task. */
export async function noopWorkflow(): Promise<void> {
  return;
}

export const bump = defineUpdate<number, [number]>('bump');
export const finish = defineUpdate<void, []>('finish');

/** Holds a counter; every `bump` update is one workflow task and answers the new value. */
export async function updateWorkflow(): Promise<void> {
  let count = 0;
  let done = false;
  setHandler(bump, (n: number) => (count += n));
  setHandler(finish, () => void (done = true));
  await condition(() => done);
}
