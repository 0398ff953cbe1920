import { startTracing } from '@banli/observability';

/**
 * OpenTelemetry for the API process, started before anything loads `http` or `pg` (main.ts
 * imports this file first). Null, and free, unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export const tracing = startTracing('banli-api');
