import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ description: 'The API process is serving' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and Temporal both answer. */
  @Get('ready')
  @ApiOkResponse({ description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  ready(): Promise<{ status: 'ok'; database: 'up'; temporal: 'up' }> {
    return this.health.ready();
  }
}
