import { DomainError } from '@banli/domain';
import { ReadModelWait } from './read-model-wait';

describe('ReadModelWait: an action answers once the read model shows its version', () => {
  const projectedVersionOf = jest.fn<Promise<number | null>, [string]>();
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  beforeEach(() => {
    projectedVersionOf.mockReset();
    sleeps.length = 0;
  });

  it('returns at the first look when the row already shows the version (a workflow that projected first)', async () => {
    projectedVersionOf.mockResolvedValue(7);
    await new ReadModelWait({ projectedVersionOf }, 1_000, sleep).until('p1', 7);
    expect(projectedVersionOf).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });

  it('looks again, sooner first, until the row reaches the version', async () => {
    projectedVersionOf
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce(5)
      .mockResolvedValueOnce(6)
      .mockResolvedValue(8);
    await new ReadModelWait({ projectedVersionOf }, 1_000, sleep).until('p1', 7);
    expect(projectedVersionOf).toHaveBeenCalledTimes(4);
    expect(sleeps).toEqual([2, 4, 8]);
  });

  it('answers 503 SERVICE_UNAVAILABLE with a retry hint when the read model lags past the bound', async () => {
    projectedVersionOf.mockResolvedValue(3);
    const wait = new ReadModelWait({ projectedVersionOf }, 30, (ms) => new Promise((r) => setTimeout(r, ms)));
    const error = await wait.until('p1', 4).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(1);
  });
});
