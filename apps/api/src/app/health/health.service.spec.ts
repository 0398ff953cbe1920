import type { Client } from '@temporalio/client';
import { newDatabaseProbeMock } from '../../../test/support/repository-mocks';
import { HealthService } from './health.service';

/** A Temporal client whose namespace lookup answers as the spec says. */
function temporalAnswering(describeNamespace: jest.Mock): Client {
  const connection = {
    withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
    workflowService: { describeNamespace },
  };
  return { connection } as unknown as Client;
}

describe('HealthService: ready to serve when the database and Temporal answer', () => {
  let database: ReturnType<typeof newDatabaseProbeMock>;
  let describeNamespace: jest.Mock;
  let sut: HealthService;

  beforeEach(() => {
    database = newDatabaseProbeMock();
    database.ping.mockResolvedValue(undefined);
    describeNamespace = jest.fn().mockResolvedValue({});
    sut = new HealthService(database, temporalAnswering(describeNamespace), 'banli');
  });

  it('is ready when both answer', async () => {
    await expect(sut.ready()).resolves.toEqual({ status: 'ok', database: 'up', temporal: 'up' });
    expect(describeNamespace).toHaveBeenCalledWith({ namespace: 'banli' });
  });

  it('is not ready, and says which is down, when the database does not answer', async () => {
    database.ping.mockRejectedValue(new Error('connection refused'));
    await expect(sut.ready()).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Not ready: database down, temporal up',
    });
  });

  it('is not ready when Temporal does not answer', async () => {
    describeNamespace.mockRejectedValue(new Error('unavailable'));
    await expect(sut.ready()).rejects.toMatchObject({ message: 'Not ready: database up, temporal down' });
  });
});
