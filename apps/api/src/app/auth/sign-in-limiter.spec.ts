import { newSignInAttemptRepositoryMock } from '../../../test/support/repository-mocks';
import { SignInLimiter } from './sign-in-limiter';

const NOW = new Date('2026-12-04T09:00:30.000Z');

describe('SignInLimiter: attempts per address, failures per account', () => {
  let attempts: ReturnType<typeof newSignInAttemptRepositoryMock>;
  let sut: SignInLimiter;

  beforeEach(() => {
    attempts = newSignInAttemptRepositoryMock();
    attempts.count.mockResolvedValue({ attempts: 1, windowStartedAt: NOW });
    attempts.current.mockResolvedValue(null);
    sut = new SignInLimiter(
      attempts,
      { attemptsPerAddressPerMinute: 60, failuresPerAccount: 5, lockMinutes: 15 },
      () => NOW,
    );
  });

  it('counts every attempt against its address, in one-minute windows', async () => {
    await sut.admit('10.0.0.1', 'lead-handler');
    expect(attempts.count).toHaveBeenCalledWith('address:10.0.0.1', 60_000, NOW);
  });

  it('refuses the 61st attempt of an address within the minute, until the minute is over', async () => {
    attempts.count.mockResolvedValue({ attempts: 61, windowStartedAt: new Date('2026-12-04T09:00:00.000Z') });
    await expect(sut.admit('10.0.0.1', 'lead-handler')).rejects.toMatchObject({
      code: 'TOO_MANY_SIGN_IN_ATTEMPTS',
      retryAfterSeconds: 30,
      message: expect.stringContaining('from this address; try again in 1 minute'),
    });
  });

  it('refuses an account with 5 failures in its window until 15 minutes after the first', async () => {
    attempts.current.mockResolvedValue({ attempts: 5, windowStartedAt: new Date('2026-12-04T08:50:30.000Z') });
    await expect(sut.admit('10.0.0.1', 'lead-handler')).rejects.toMatchObject({
      code: 'TOO_MANY_SIGN_IN_ATTEMPTS',
      retryAfterSeconds: 300,
      message: expect.stringContaining('for this account; try again in 5 minutes'),
    });
    expect(attempts.current).toHaveBeenCalledWith('account:lead-handler', 15 * 60_000, NOW);
  });

  it('lets an account with fewer failures try', async () => {
    attempts.current.mockResolvedValue({ attempts: 4, windowStartedAt: NOW });
    await expect(sut.admit('10.0.0.1', 'lead-handler')).resolves.toBeUndefined();
  });

  it('counts a failure against the name typed, and forgets the failures on success', async () => {
    await sut.failed('nobody');
    expect(attempts.count).toHaveBeenCalledWith('account:nobody', 15 * 60_000, NOW);
    await sut.succeeded('lead-handler');
    expect(attempts.clear).toHaveBeenCalledWith('account:lead-handler');
  });
});
