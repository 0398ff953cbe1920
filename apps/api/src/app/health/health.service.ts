import type { Client } from '@temporalio/client';
import { DomainError } from '@banli/domain';
import type { IDatabaseProbe } from '@banli/persistence';

const CHECK_TIMEOUT_MS = 3_000;

/** Whether the API can serve: the database and Temporal both answer, each within a few seconds. */
export class HealthService {
  constructor(
    private readonly database: IDatabaseProbe,
    private readonly temporal: Client,
    private readonly temporalNamespace: string,
  ) {}

  async ready(): Promise<{ status: 'ok'; database: 'up'; temporal: 'up' }> {
    const [database, temporal] = await Promise.all([
      withTimeout(this.database.ping()),
      // A deadline on the call itself, so no retry outlives the check.
      withTimeout(
        this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.connection.workflowService.describeNamespace({ namespace: this.temporalNamespace }),
        ),
      ),
    ]);
    if (!database || !temporal) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `Not ready: database ${database ? 'up' : 'down'}, temporal ${temporal ? 'up' : 'down'}`,
      );
    }
    return { status: 'ok', database: 'up', temporal: 'up' };
  }
}

async function withTimeout(p: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      p.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
