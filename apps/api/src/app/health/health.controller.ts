import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-responses';
import { LivenessResponse, ReadinessResponse } from './health.response';

import { Controller, Get, HttpCode } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

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
  ready(): Promise<{ status: 'ok'; database: 'up'; temporal: 'up' }> {
    return this.health.ready();
  }
}
