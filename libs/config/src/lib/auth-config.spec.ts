import { authConfigFromEnv } from './auth-config';

const SECRET = { JWT_SECRET: 'x'.repeat(32) };

describe('sign-in configuration', () => {
  it('limits an address to 60 attempts a minute (a bureau behind one NAT) and an account to 5 failures in 15 minutes', () => {
    expect(authConfigFromEnv(SECRET)).toEqual({
      jwtSecret: SECRET.JWT_SECRET,
      tokenTtlSeconds: 8 * 3600,
      loginAttemptsPerMinute: 60,
      loginFailuresPerAccount: 5,
      loginLockMinutes: 15,
    });
  });

  it('takes each limit from the environment, as a positive whole number', () => {
    expect(
      authConfigFromEnv({
        ...SECRET,
        LOGIN_ATTEMPTS_PER_MINUTE: '200',
        LOGIN_FAILURES_PER_ACCOUNT: '10',
        LOGIN_LOCK_MINUTES: '30',
      }),
    ).toMatchObject({ loginAttemptsPerMinute: 200, loginFailuresPerAccount: 10, loginLockMinutes: 30 });
    for (const name of ['LOGIN_ATTEMPTS_PER_MINUTE', 'LOGIN_FAILURES_PER_ACCOUNT', 'LOGIN_LOCK_MINUTES']) {
      for (const bad of ['0', '1.5', 'many']) {
        expect(() => authConfigFromEnv({ ...SECRET, [name]: bad })).toThrow(name);
      }
    }
  });

  it('refuses a short JWT_SECRET', () => {
    expect(() => authConfigFromEnv({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
