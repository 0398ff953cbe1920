import { tracing } from './tracing';
import 'reflect-metadata';
import { httpConfigFromEnv } from '@banli/config';
import { createLogger, metricsListenFromEnv } from '@banli/observability';
import { createApp } from './app/create-app';
import { ApiMetrics } from './app/metrics/api-metrics';

const logger = createLogger('api');

async function main(): Promise<void> {
  const http = httpConfigFromEnv();
  const app = await createApp(http, { metrics: metricsListenFromEnv('BANLI_METRICS_PORT') });
  await app.listen(http.port, http.host);
  // Flush the last spans while Nest's own shutdown hooks close the app (which takes over a second).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void tracing?.shutdown());
  const metricsUrl = app.get(ApiMetrics).url;
  logger.info(
    `Banli API listening on http://${http.host}:${http.port}/api (docs: /api/docs); ` +
      `metrics ${metricsUrl ?? 'off'}; tracing ${tracing ? `to ${process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']}` : 'off'}`,
  );
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'Banli API failed to start');
  process.exit(1);
});
