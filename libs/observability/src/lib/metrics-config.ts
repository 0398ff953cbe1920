/** Where a process serves its Prometheus metrics, or null when switched off. */
export interface MetricsListen {
  host: string;
  port: number;
}

/**
 * The metrics port of one process, or null (no listener) when the variable is unset or `off`.
 * Metrics are served on their own port, bound to loopback by default, not on the public API
 * port: the reverse proxy never forwards it, and in the compose stack only Prometheus on the
 * internal network reaches it (BANLI_METRICS_HOST=0.0.0.0 there, the port not published).
 * Off unless set, so that several processes on one machine (replicas, tests) do not contend
 * for one port: `npm start` and the compose stack set the conventional ports below.
 */
export function metricsListenFromEnv(
  portVariable: 'BANLI_METRICS_PORT' | 'BANLI_WORKER_METRICS_PORT',
  env: NodeJS.ProcessEnv = process.env,
): MetricsListen | null {
  const raw = env[portVariable]?.trim();
  if (!raw || raw === 'off') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${portVariable} must be a port number or "off", got "${raw}"`);
  }
  return { host: env['BANLI_METRICS_HOST']?.trim() || '127.0.0.1', port };
}

/** The API's metrics port in `npm start` and the compose stack (BANLI_METRICS_PORT). */
export const DEFAULT_API_METRICS_PORT = 9464;
/** The worker's (Temporal Core's Prometheus exporter) there (BANLI_WORKER_METRICS_PORT). */
export const DEFAULT_WORKER_METRICS_PORT = 9465;
