import { HttpException } from '@nestjs/common';
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isUnappliedUpdateFailure, WorkflowCallQueue, withUnappliedRetries } from './workflow-call-queue';

const grpc = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details });
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('WorkflowCallQueue', () => {
  it('runs calls to one workflow one at a time, in arrival order, and other workflows alongside', async () => {
    const queue = new WorkflowCallQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const call = (name: string) => async () => {
      most = Math.max(most, ++running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([
      queue.run('a', call('a1')),
      queue.run('a', call('a2')),
      queue
        .run('a', async () => {
          throw new Error('a3 fails');
        })
        .catch((e: Error) => e.message),
      queue.run('a', call('a4')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'a3 fails', 'a4']);
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a4', 'end a4']);
    expect(most).toBe(1);
    expect(queue.pending).toBe(0);

    running = 0;
    most = 0;
    await Promise.all([queue.run('x', call('x')), queue.run('y', call('y'))]);
    expect(most).toBe(2);
  });

  it('answers 429 beyond its limit of waiting calls for one workflow', async () => {
    const queue = new WorkflowCallQueue(2);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = queue.run('a', () => gate);
    const second = queue.run('a', async () => 'second');
    await expect(queue.run('a', async () => 'third')).rejects.toBeInstanceOf(HttpException);
    await expect(queue.run('a', async () => 'third')).rejects.toMatchObject({ status: 429 });
    await expect(queue.run('b', async () => 'other')).resolves.toBe('other');
    open();
    await first;
    await expect(second).resolves.toBe('second');
    expect(queue.pending).toBe(0);
  });
});

describe('isUnappliedUpdateFailure', () => {
  it('retries only what Temporal did not apply', () => {
    const service = (cause: Error) => new ServiceError('Workflow Update failed', { cause });
    expect(isUnappliedUpdateFailure(service(grpc(8, 'limit on number of concurrent in-flight updates')))).toBe(true);
    expect(isUnappliedUpdateFailure(service(grpc(14, 'workflow update was aborted')))).toBe(true);
    expect(isUnappliedUpdateFailure(service(grpc(14, 'connection refused')))).toBe(false);
    expect(isUnappliedUpdateFailure(service(grpc(4, 'deadline exceeded')))).toBe(false);
    const notProcessed = ApplicationFailure.create({
      message:
        "Workflow Update is rejected because it wasn't processed by worker. Probably, Workflow Update is not supported by the worker.",
    });
    expect(isUnappliedUpdateFailure(new WorkflowUpdateFailedError('Workflow Update failed', notProcessed))).toBe(true);
    const refused = ApplicationFailure.create({ message: 'Not possible at this stage', type: 'WRONG_STAGE' });
    expect(isUnappliedUpdateFailure(new WorkflowUpdateFailedError('Workflow Update failed', refused))).toBe(false);
    expect(isUnappliedUpdateFailure(new Error('boom'))).toBe(false);
  });

  it('sends an unapplied call again, and gives up on anything else at once', async () => {
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw new ServiceError('Workflow Update failed', { cause: grpc(8, 'limit') });
      return 'done';
    };
    await expect(withUnappliedRetries(flaky)).resolves.toBe('done');
    expect(calls).toBe(3);

    calls = 0;
    const refused = async () => {
      calls++;
      throw new Error('refused');
    };
    await expect(withUnappliedRetries(refused)).rejects.toThrow('refused');
    expect(calls).toBe(1);

    calls = 0;
    const alwaysBusy = async () => {
      calls++;
      throw new ServiceError('Workflow Update failed', { cause: grpc(8, 'limit') });
    };
    await expect(withUnappliedRetries(alwaysBusy, 3)).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toBe(3);
  });
});
