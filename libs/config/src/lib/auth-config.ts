export interface AuthConfig {
  jwtSecret: string;
  /** Lifetime of an access token, in seconds. */
  tokenTtlSeconds: number;
  /** Login attempts per client address per minute before 429. */
  loginAttemptsPerMinute: number;
}

/** JWT_SECRET is required and long: a guessable secret would let anyone forge any user. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const jwtSecret = env['JWT_SECRET'] ?? '';
  if (jwtSecret.length < 32) {
    throw new Error('JWT_SECRET must be set to at least 32 characters (npm start generates one in data/)');
  }
  const tokenTtlSeconds = Number(env['JWT_TTL_SECONDS'] ?? 8 * 3600);
  const loginAttemptsPerMinute = Number(env['LOGIN_ATTEMPTS_PER_MINUTE'] ?? 10);
  for (const [name, v] of [
    ['JWT_TTL_SECONDS', tokenTtlSeconds],
    ['LOGIN_ATTEMPTS_PER_MINUTE', loginAttemptsPerMinute],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  }
  return { jwtSecret, tokenTtlSeconds, loginAttemptsPerMinute };
}
