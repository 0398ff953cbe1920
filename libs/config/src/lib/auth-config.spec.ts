import * as fs from 'node:fs';
import * as path from 'node:path';
import { authConfigFromEnv } from './auth-config';

const SECRET = { JWT_SECRET: 'c1f0e2a97b5d4e3f8a6b0c9d7e1f2a3b' };

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

  it('refuses the placeholder of docker/.env.example, copied unedited, with a message that says what to do', () => {
    const example = fs.readFileSync(path.resolve(__dirname, '../../../../docker/.env.example'), 'utf8');
    const placeholder = /^JWT_SECRET=(.+)$/m.exec(example)?.[1] ?? '';
    expect(placeholder.length).toBeGreaterThanOrEqual(32);
    expect(() => authConfigFromEnv({ JWT_SECRET: placeholder })).toThrow(/placeholder.*openssl rand/);
  });

  it('refuses other placeholders and long but regular values', () => {
    for (const bad of [
      'please-change-me-before-production-0001',
      'x'.repeat(40),
      '0123012301230123012301230123012301',
    ]) {
      expect(() => authConfigFromEnv({ JWT_SECRET: bad })).toThrow(/JWT_SECRET is a placeholder/);
    }
  });
});
