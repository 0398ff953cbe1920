import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { IIdempotencyRepository } from '@banli/persistence';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Deletes Idempotency-Key records older than the retention (IDEMPOTENCY_RETENTION_HOURS) at
 * start and then every hour. Every API replica runs it: the purge is one DELETE by age, so
 * running it twice, or at once on two replicas, deletes nothing twice and needs no leader.
 */
export class IdempotencyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyPurge');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly records: Pick<IIdempotencyRepository, 'purgeBefore'>,
    private readonly retentionHours: number,
    private readonly clock: () => Date = () => new Date(),
    private readonly everyMs = HOUR_MS,
  ) {}

  /** Purges what is older than the retention; answers how many records went. */
  async purge(): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - this.retentionHours * HOUR_MS);
    const purged = await this.records.purgeBefore(cutoff);
    if (purged > 0) this.logger.log(`Purged ${purged} idempotency record(s) created before ${cutoff.toISOString()}`);
    return purged;
  }

  onApplicationBootstrap(): void {
    const run = () =>
      void this.purge().catch((e: unknown) =>
        this.logger.warn(
          `Idempotency purge failed (retried in an hour): ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    run();
    this.timer = setInterval(run, this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
