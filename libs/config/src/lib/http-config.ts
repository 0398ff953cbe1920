export interface HttpConfig {
  host: string;
  port: number;
  /** Largest JSON or CSV body the API reads; larger ones answer 413. */
  bodyLimit: string;
  /**
   * Express's `trust proxy` (TRUST_PROXY): how many reverse proxies in front of the API to
   * trust (`1`), or which (`loopback`, `uniquelocal`, CIDR ranges, comma-separated). Then the
   * client address (login rate limit, logs) comes from `X-Forwarded-For` and HTTPS from
   * `X-Forwarded-Proto`. Unset: the peer address is the client. `true` is refused: it would let
   * any client choose its own address and escape the login rate limit.
   */
  trustProxy?: number | string;
  /**
   * How long an Idempotency-Key's answer is kept (IDEMPOTENCY_RETENTION_HOURS, default 72): a
   * retry within it gets the first answer; older records are purged (hourly, by every API
   * replica: the purge is one idempotent DELETE). Longer than any client retries for.
   */
  idempotencyRetentionHours: number;
}

export function httpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env['PORT']}"`);
  }
  const trustProxy = env['TRUST_PROXY']?.trim();
  if (trustProxy && /^(true|false)$/i.test(trustProxy)) {
    throw new Error('TRUST_PROXY must be a number of proxies (e.g. 1) or a list of addresses/subnets, not true/false');
  }
  return {
    host: env['HOST']?.trim() || '127.0.0.1',
    port,
    bodyLimit: env['BODY_LIMIT']?.trim() || '5mb',
    idempotencyRetentionHours: retentionHours(env['IDEMPOTENCY_RETENTION_HOURS']),
    ...(trustProxy ? { trustProxy: /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy } : {}),
  };
}

function retentionHours(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 72;
  const hours = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(hours) || hours < 1 || hours > 8760) {
    throw new Error(`IDEMPOTENCY_RETENTION_HOURS must be a whole number of hours from 1 to 8760, got "${value}"`);
  }
  return hours;
}
