/** Where a process serves its Prometheus metrics, or null when switched off. */
export interface MetricsListen {
  host: string;
  port: number;
}

/**
 * The metrics port of one process. Metrics are served on their own port, bound to loopback
 * by default, not on the public API port: the reverse proxy never forwards it, and in the
 * compose stack only Prometheus on the internal network reaches it (BANLI_METRICS_HOST=0.0.0.0
 * there, the port not published). `off` switches the listener off.
 */
export function metricsListenFromEnv(
  portVariable: 'BANLI_METRICS_PORT' | 'BANLI_WORKER_METRICS_PORT',
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): MetricsListen | null {
  const raw = env[portVariable]?.trim() || String(defaultPort);
  if (raw === 'off') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${portVariable} must be a port number or "off", got "${raw}"`);
  }
  return { host: env['BANLI_METRICS_HOST']?.trim() || '127.0.0.1', port };
}

/** The API's metrics port when BANLI_METRICS_PORT is unset. */
export const DEFAULT_API_METRICS_PORT = 9464;
/** The worker's (Temporal Core's Prometheus exporter) when BANLI_WORKER_METRICS_PORT is unset. */
export const DEFAULT_WORKER_METRICS_PORT = 9465;
