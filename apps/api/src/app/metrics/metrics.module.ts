import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { ApiMetrics } from './api-metrics';

@Global()
@Module({
  providers: [
    {
      provide: ApiMetrics,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new ApiMetrics(() => repos.operationsFigures.read()),
    },
  ],
  exports: [ApiMetrics],
})
export class MetricsModule implements OnApplicationShutdown {
  constructor(@Inject(ApiMetrics) private readonly metrics: ApiMetrics) {}

  onApplicationShutdown(): Promise<void> {
    return this.metrics.close();
  }
}
