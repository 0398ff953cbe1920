import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { temporalConfigFromEnv, TemporalConfig } from '@banli/config';
import { tracingEnabled } from '@banli/observability';
import { WorkflowCallQueue } from './workflow-call-queue';

export const TEMPORAL_CONFIG = Symbol('TEMPORAL_CONFIG');

/** Longer than all retries of one call take (4 attempts, at most 500 ms apart). */
const RETRY_WINDOW_MS = 1_500;

/**
 * The Temporal client. The connection is lazy, so the API starts (and answers 503 on
 * actions) while Temporal is still coming up or briefly away.
 */
@Global()
@Module({
  providers: [
    { provide: TEMPORAL_CONFIG, useFactory: () => temporalConfigFromEnv() },
    {
      provide: Client,
      inject: [TEMPORAL_CONFIG],
      useFactory: (config: TemporalConfig) =>
        new Client({
          connection: Connection.lazy({
            address: config.address,
            connectTimeout: '5s',
            // Few, quick retries: a request fails over to 503 in seconds instead of retrying
            // for long, and no retry timer outlives shutdown by more than RETRY_WINDOW_MS.
            interceptors: [
              makeGrpcRetryInterceptor(
                defaultGrpcRetryOptions({ maxAttempts: 4, initialIntervalMs: () => 100, maxIntervalMs: () => 500 }),
              ),
            ],
          }),
          namespace: config.namespace,
          // With tracing on, starts and updates carry the request's trace into the workflow.
          ...(tracingEnabled() ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } } : {}),
        }),
    },
    // One per API process: calls to one workflow go one at a time (see WorkflowCallQueue).
    { provide: WorkflowCallQueue, useFactory: () => new WorkflowCallQueue() },
  ],
  exports: [Client, TEMPORAL_CONFIG, WorkflowCallQueue],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    // The SDK does not cancel pending gRPC retry timers on close, and a retry that fires on a
    // closed channel throws outside any promise: let them run out first.
    await new Promise((resolve) => setTimeout(resolve, RETRY_WINDOW_MS));
    await this.client.connection.close().catch(() => undefined);
  }
}
