import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-responses';
import { LivenessResponse, ReadinessResponse } from './health.response';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CONFIG } from '../temporal/temporal.module';
import { Public } from '../auth/auth.decorators';
import type { TemporalConfig } from '@banli/config';

const CHECK_TIMEOUT_MS = 3_000;

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    @Inject(TEMPORAL_CONFIG) private readonly temporalConfig: TemporalConfig,
  ) {}

  /** Liveness: the process serves HTTP. */
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ type: LivenessResponse, description: 'The API process is serving' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and Temporal both answer. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponse, description: 'Database and Temporal reachable' })
  @ApiError(503, 'The database or Temporal does not answer (SERVICE_UNAVAILABLE)')
  async ready(): Promise<{ status: 'ok'; database: 'up'; temporal: 'up' }> {
    const [database, temporal] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1')),
      // A deadline on the call itself, so no retry outlives the check.
      withTimeout(
        this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.connection.workflowService.describeNamespace({ namespace: this.temporalConfig.namespace }),
        ),
      ),
    ]);
    if (!database || !temporal) {
      throw new ServiceUnavailableException({
        message: `Not ready: database ${database ? 'up' : 'down'}, temporal ${temporal ? 'up' : 'down'}`,
      });
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
