import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConfigFromEnv, TemporalConfig } from '@banli/config';

export const TEMPORAL_CONFIG = Symbol('TEMPORAL_CONFIG');

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
          connection: Connection.lazy({ address: config.address, connectTimeout: '5s' }),
          namespace: config.namespace,
        }),
    },
  ],
  exports: [Client, TEMPORAL_CONFIG],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close().catch(() => undefined);
  }
}
