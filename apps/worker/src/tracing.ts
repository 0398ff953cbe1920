import { startTracing } from '@banli/observability';

/**
 * OpenTelemetry for the worker process, started before anything loads `pg` (main.ts imports
 * this file first). Null, and free, unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export const tracing = startTracing('banli-worker');
