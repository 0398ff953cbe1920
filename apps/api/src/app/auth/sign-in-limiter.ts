import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ISignInAttemptRepository } from '@banli/persistence';
import { RetryLaterError } from '../common/retry-later-error';

const MINUTE_MS = 60_000;

export interface SignInLimits {
  /** Attempts per client address per minute, right or wrong. */
  attemptsPerAddressPerMinute: number;
  /** Failed attempts of one account within `lockMinutes` that lock its sign-in. */
  failuresPerAccount: number;
  lockMinutes: number;
}

/**
 * The sign-in limits, counted in the database so that every API replica sees every attempt:
 * per client address (every attempt; high, for a bureau behind one NAT) and per account
 * (failed attempts; low, against password guessing). An account is counted by the name typed,
 * whether it exists or not, so the answers never tell which accounts exist.
 */
export class SignInLimiter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SignInLimiter');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly attempts: ISignInAttemptRepository,
    private readonly limits: SignInLimits,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Counts the attempt against the address; refuses it (429) over either limit. */
  async admit(address: string, username: string): Promise<void> {
    const now = this.clock();
    const fromAddress = await this.attempts.count(addressKey(address), MINUTE_MS, now);
    if (fromAddress.attempts > this.limits.attemptsPerAddressPerMinute) {
      throw refusal(fromAddress.windowStartedAt.getTime() + MINUTE_MS - now.getTime(), 'from this address');
    }
    await this.checkAccount(username);
  }

  /** Refuses (429) while the account's sign-in is locked by its failures. */
  async checkAccount(username: string): Promise<void> {
    const now = this.clock();
    const account = await this.attempts.current(accountKey(username), this.lockMs, now);
    if (account && account.attempts >= this.limits.failuresPerAccount) {
      throw refusal(account.windowStartedAt.getTime() + this.lockMs - now.getTime(), 'for this account');
    }
  }

  /** A wrong password (or an unknown or disabled account): one more failure for that name. */
  async failed(username: string): Promise<void> {
    await this.attempts.count(accountKey(username), this.lockMs, this.clock());
  }

  /** The right password: the account's failures are forgotten. */
  async succeeded(username: string): Promise<void> {
    await this.attempts.clear(accountKey(username));
  }

  /** Deletes counters whose window is over; every replica may run it, in any order. */
  purge(): Promise<number> {
    const longest = Math.max(MINUTE_MS, this.lockMs);
    return this.attempts.purgeBefore(new Date(this.clock().getTime() - longest));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.purge().catch((e: unknown) => this.logger.warn(`Purge of sign-in counters failed: ${String(e)}`)),
      this.lockMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private get lockMs(): number {
    return this.limits.lockMinutes * MINUTE_MS;
  }
}

const addressKey = (address: string) => `address:${address}`;
const accountKey = (username: string) => `account:${username}`;

function refusal(waitMs: number, where: string): RetryLaterError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new RetryLaterError(
    'TOO_MANY_SIGN_IN_ATTEMPTS',
    `Too many sign-in attempts ${where}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    seconds,
  );
}
