export interface HttpConfig {
  host: string;
  port: number;
  /** Largest JSON or CSV body the API reads; larger ones answer 413. */
  bodyLimit: string;
}

export function httpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env['PORT']}"`);
  }
  return {
    host: env['HOST']?.trim() || '127.0.0.1',
    port,
    bodyLimit: env['BODY_LIMIT']?.trim() || '5mb',
  };
}
