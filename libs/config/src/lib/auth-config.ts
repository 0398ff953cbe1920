export interface AuthConfig {
  jwtSecret: string;
  /** Lifetime of an access token, in seconds. */
  tokenTtlSeconds: number;
  /** Sign-in attempts per client address per minute (all of them, right or wrong) before 429. */
  loginAttemptsPerMinute: number;
  /** Failed sign-ins of one account before its sign-in is locked. */
  loginFailuresPerAccount: number;
  /** How long an account's failures are counted, and so the longest it stays locked, in minutes. */
  loginLockMinutes: number;
}

/**
 * Placeholders published with Banli (docker/.env.example, the docs) and the words such
 * placeholders are made of: a secret containing one was copied, not generated.
 */
const PLACEHOLDER_MARKERS = [
  'replace-with',
  'replace_with',
  'change-me',
  'changeme',
  'change_me',
  'your-secret',
  'placeholder',
];

/**
 * JWT_SECRET is required, long, and not a published placeholder: a guessable secret would
 * let anyone forge any user.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const jwtSecret = env['JWT_SECRET'] ?? '';
  if (jwtSecret.length < 32) {
    throw new Error('JWT_SECRET must be set to at least 32 characters (npm start generates one in data/)');
  }
  const lower = jwtSecret.toLowerCase();
  if (PLACEHOLDER_MARKERS.some((m) => lower.includes(m)) || new Set(jwtSecret).size < 8) {
    throw new Error(
      'JWT_SECRET is a placeholder or too regular to be secret (e.g. the value of docker/.env.example): ' +
        'generate one, e.g. `openssl rand -hex 32`, and set it in the env file',
    );
  }
  const tokenTtlSeconds = Number(env['JWT_TTL_SECONDS'] ?? 8 * 3600);
  // High enough for a whole bureau signing in behind one NAT at 9:00.
  const loginAttemptsPerMinute = Number(env['LOGIN_ATTEMPTS_PER_MINUTE'] ?? 60);
  const loginFailuresPerAccount = Number(env['LOGIN_FAILURES_PER_ACCOUNT'] ?? 5);
  const loginLockMinutes = Number(env['LOGIN_LOCK_MINUTES'] ?? 15);
  for (const [name, v] of [
    ['JWT_TTL_SECONDS', tokenTtlSeconds],
    ['LOGIN_ATTEMPTS_PER_MINUTE', loginAttemptsPerMinute],
    ['LOGIN_FAILURES_PER_ACCOUNT', loginFailuresPerAccount],
    ['LOGIN_LOCK_MINUTES', loginLockMinutes],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  }
  return { jwtSecret, tokenTtlSeconds, loginAttemptsPerMinute, loginFailuresPerAccount, loginLockMinutes };
}
