import { randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { UserEntity } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { createApp } from '../src/app/create-app';
import { passwordHasher } from '../src/app/auth/password-hasher';
import { checkResponsesAgainstOpenApi } from './support/openapi-responses';
import { startStack, Stack } from './support/stack';

const PASSWORD = 'first-passphrase-2026';
const NEW_PASSWORD = 'second-passphrase-2027';
const CSRF = { 'x-requested-with': 'banli-web' };

/** A token on the carrier it came on: the web UI's cookie or a Bearer header. */
interface Held {
  carrier: 'cookie' | 'bearer';
  token: string;
}

/**
 * Accounts: every way a user's tokens end (sign-out, own password change, admin reset, disable)
 * ends them on both carriers, for reads and writes; the forced change after a reset; the
 * password policy; the sign-in limits per account and per address, shared by API replicas.
 */
describe.each(testDatabases())('accounts and sign-in ($name)', ({ name, config }) => {
  let stack: Stack;
  let admin: Held;
  let serial = 0;

  beforeAll(async () => {
    stack = await startStack(config);
    admin = { carrier: 'bearer', token: await stack.token('admin') };
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A registrar of its own (so revoking its tokens disturbs no other test), signing in with PASSWORD. */
  async function newUser(): Promise<string> {
    const username = `acct-${name}-${Date.now().toString(36)}-${++serial}`;
    const at = new Date().toISOString();
    await stack.dataSource.getRepository(UserEntity).insert({
      id: username,
      username,
      displayName: '账户测试',
      passwordHash: await passwordHasher.hash(PASSWORD),
      unitId: 'committee',
      roles: ['registrar'],
      disabled: 0,
      tokenVersion: 0,
      mustChangePassword: 0,
      createdAt: at,
      updatedAt: at,
    });
    return username;
  }

  async function cookieSession(username: string, password = PASSWORD, url = stack.url): Promise<Held> {
    const res = await request(url).post('/api/auth/session').send({ username, password }).expect(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('banli_session='));
    return { carrier: 'cookie', token: String(cookie).split(';')[0].replace('banli_session=', '') };
  }

  async function bearer(username: string, password = PASSWORD): Promise<Held> {
    const res = await request(stack.url).post('/api/auth/login').send({ username, password }).expect(200);
    return { carrier: 'bearer', token: res.body.accessToken as string };
  }

  function call(held: Held, method: 'get' | 'post' | 'delete', path: string) {
    const r = request(stack.url)[method](path);
    return held.carrier === 'bearer'
      ? r.set('authorization', `Bearer ${held.token}`)
      : r.set('cookie', `banli_session=${held.token}`).set(CSRF);
  }

  /** A read (the proposal list) and a write (an empty import): [status, code] of each. */
  async function readAndWrite(held: Held): Promise<[number, string | undefined][]> {
    const read = await call(held, 'get', '/api/proposals');
    const write = await call(held, 'post', '/api/proposals/import').send({ proposals: [] });
    return [read, write].map((r) => [r.status, r.body.error?.code]);
  }

  async function works(held: Held, what: string): Promise<void> {
    const answers = await readAndWrite(held);
    expect({ what, answers: answers.map(([status]) => status < 300 || status === 422) }).toEqual({
      what,
      answers: [true, true],
    });
  }

  async function revoked(held: Held, what: string, code = 'TOKEN_REVOKED'): Promise<void> {
    expect({ what, answers: await readAndWrite(held) }).toEqual({
      what,
      answers: [
        [401, code],
        [401, code],
      ],
    });
  }

  /** Each way of ending tokens, done to `username` (by the user or an admin), and how the user goes on. */
  const revocations: Record<string, (username: string, held: Held[]) => Promise<Held | undefined>> = {
    'sign-out of the web UI (DELETE /api/auth/session, cookie)': async (_username, [cookie]) => {
      const res = await request(stack.url)
        .delete('/api/auth/session')
        .set('cookie', `banli_session=${cookie.token}`)
        .expect(204);
      expect(String(res.headers['set-cookie'])).toMatch(/banli_session=;/);
      return undefined;
    },
    'sign-out by an API client (POST /api/auth/sign-out, bearer)': async (_username, [, token]) => {
      await call(token, 'post', '/api/auth/sign-out').expect(204);
      return undefined;
    },
    'sign-out with the cookie (POST /api/auth/sign-out, cookie)': async (_username, [cookie]) => {
      await call(cookie, 'post', '/api/auth/sign-out').expect(204);
      return undefined;
    },
    'own password change with the cookie (a new cookie)': async (_username, [cookie]) => {
      const res = await call(cookie, 'post', '/api/auth/password')
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200);
      expect(res.body.accessToken).toBeUndefined();
      const set = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('banli_session='));
      expect(set).toMatch(/HttpOnly/);
      return { carrier: 'cookie', token: String(set).split(';')[0].replace('banli_session=', '') };
    },
    'own password change with a bearer token (a new token)': async (_username, [, token]) => {
      const res = await call(token, 'post', '/api/auth/password')
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      return { carrier: 'bearer', token: res.body.accessToken as string };
    },
    'admin password reset': async (username) => {
      const res = await call(admin, 'post', `/api/admin/users/${username}/password-reset`).send({}).expect(200);
      expect(res.body).toMatchObject({ userId: username, mustChangePassword: true });
      return bearer(username, res.body.temporaryPassword as string);
    },
    'disable (and enable again)': async (username, [cookie, token]) => {
      await call(admin, 'post', `/api/admin/users/${username}/disable`).expect(200);
      await revoked(cookie, 'cookie, while disabled', 'UNAUTHENTICATED');
      await revoked(token, 'bearer, while disabled', 'UNAUTHENTICATED');
      await request(stack.url).post('/api/auth/login').send({ username, password: PASSWORD }).expect(401);
      await call(admin, 'post', `/api/admin/users/${username}/enable`).expect(200);
      return bearer(username);
    },
  };

  it.each(Object.keys(revocations))(
    '%s revokes every token issued before, cookie and bearer, for reads and writes',
    async (how) => {
      const username = await newUser();
      const held = [await cookieSession(username), await bearer(username)];
      for (const h of held) await works(h, `${h.carrier} before`);
      const after = await revocations[how](username, held);
      for (const h of held) await revoked(h, `${h.carrier} after`);
      if (after?.token) {
        // The way on: a fresh session or token works (after a reset, for the password change only).
        const me = await call(after, 'get', '/api/auth/me').expect(200);
        if (!me.body.mustChangePassword) await works(after, 'the new session');
      }
    },
  );

  it('after an admin reset, the user signs in with the temporary password and must change it before anything else', async () => {
    const username = await newUser();
    const reset = await call(admin, 'post', `/api/admin/users/${username}/password-reset`)
      .set('idempotency-key', `reset-${username}`)
      .send({ temporaryPassword: 'Temporary-2026-x' })
      .expect(200);
    expect(reset.body.temporaryPassword).toBe('Temporary-2026-x');
    const events: { actor_user_id: string; type: string; data: string }[] = await stack.dataSource.query(
      `SELECT "actor_user_id", "type", "data" FROM "admin_event" WHERE "type" = 'user.password-reset'`,
    );
    const event = events.find((e) => JSON.parse(e.data).userId === username);
    expect(event).toMatchObject({ actor_user_id: 'admin', type: 'user.password-reset' });
    expect(String(event?.data)).not.toContain('Temporary-2026-x');

    await request(stack.url).post('/api/auth/session').send({ username, password: PASSWORD }).expect(401);
    const session = await cookieSession(username, 'Temporary-2026-x');
    const me = await call(session, 'get', '/api/auth/me').expect(200);
    expect(me.body.mustChangePassword).toBe(true);
    expect(await readAndWrite(session)).toEqual([
      [403, 'PASSWORD_CHANGE_REQUIRED'],
      [403, 'PASSWORD_CHANGE_REQUIRED'],
    ]);
    const changed = await call(session, 'post', '/api/auth/password')
      .set('idempotency-key', `change-${username}`)
      .send({ currentPassword: 'Temporary-2026-x', newPassword: NEW_PASSWORD })
      .expect(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    // Passwords are never stored with an Idempotency-Key, not even the request's hash.
    const remembered = await stack.dataSource.query(
      `SELECT "key" FROM "idempotency_record" WHERE "key" IN ('reset-${username}', 'change-${username}')`,
    );
    expect(remembered).toEqual([]);
    const fresh = await cookieSession(username, NEW_PASSWORD);
    await works(fresh, 'after the change');
  });

  it('only an admin resets, disables or enables, and a user that does not exist is 404', async () => {
    const username = await newUser();
    const registrar = { carrier: 'bearer' as const, token: await stack.token('registrar') };
    for (const path of ['password-reset', 'disable', 'enable']) {
      const refused = await call(registrar, 'post', `/api/admin/users/${username}/${path}`).send({});
      expect([path, refused.status, refused.body.error?.code]).toEqual([path, 403, 'ROLE_REQUIRED']);
      const missing = await call(admin, 'post', `/api/admin/users/no-such-user/${path}`).send({});
      expect([path, missing.status, missing.body.error?.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const self = await call(admin, 'post', '/api/admin/users/admin/disable');
    expect([self.status, self.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
    await works(await bearer(username), 'untouched');
  });

  it('states the password policy in its refusals, refuses a wrong current password, and changes nothing', async () => {
    const username = await newUser();
    const token = await bearer(username);
    const cases: [string, object, string, RegExp][] = [
      ['wrong current', { currentPassword: 'not-it-2026', newPassword: NEW_PASSWORD }, 'currentPassword', /wrong/],
      ['too short', { currentPassword: PASSWORD, newPassword: 'abc123' }, 'newPassword', /at least 10/],
      ['no digit', { currentPassword: PASSWORD, newPassword: 'only-letters-here' }, 'newPassword', /a digit/],
      ['the user name', { currentPassword: PASSWORD, newPassword: `${username}-9` }, 'newPassword', /user name/],
      ['unchanged', { currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword', /differ/],
    ];
    for (const [what, body, field, rule] of cases) {
      const res = await call(token, 'post', '/api/auth/password').send(body);
      expect([what, res.status, res.body.error?.code]).toEqual([what, 422, 'VALIDATION_FAILED']);
      expect(res.body.error.details).toContainEqual({ field, message: expect.stringMatching(rule) });
    }
    await works(token, 'the token after the refusals');
    await bearer(username, PASSWORD);
  });

  describe('sign-in limits, counted in the database by two API replicas', () => {
    const replicas: INestApplication[] = [];
    const urls: string[] = [];

    beforeAll(async () => {
      const saved = Object.fromEntries(
        ['LOGIN_ATTEMPTS_PER_MINUTE', 'LOGIN_FAILURES_PER_ACCOUNT'].map((k) => [k, process.env[k]]),
      );
      process.env['LOGIN_ATTEMPTS_PER_MINUTE'] = '8';
      process.env['LOGIN_FAILURES_PER_ACCOUNT'] = '3';
      try {
        for (let i = 0; i < 2; i++) {
          // Behind one proxy: each test signs in from an address of its own (X-Forwarded-For).
          const app = await createApp(
            { host: '127.0.0.1', port: 0, bodyLimit: '1mb', trustProxy: 1 },
            { logger: false },
          );
          checkResponsesAgainstOpenApi(app);
          await app.listen(0, '127.0.0.1');
          replicas.push(app);
          urls.push((await app.getUrl()).replace('[::1]', '127.0.0.1'));
        }
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    });
    afterAll(async () => {
      for (const app of replicas) await app.close();
    });

    // Counters outlive a run in a kept database: each run takes addresses of its own.
    const run = randomInt(256);
    let addressSerial = 0;
    const newAddress = () => `10.${run}.${++addressSerial >> 8}.${addressSerial & 255}`;

    /** A sign-in attempt on replica i % 2, alternating the web session and the token route. */
    const attempt = (i: number, address: string, username: string, password: string) =>
      request(urls[i % 2])
        .post(i % 3 ? '/api/auth/session' : '/api/auth/login')
        .set('x-forwarded-for', address)
        .send({ username, password });

    it('locks an account after 3 failures on either replica, even for the right password, alike for an unknown name', async () => {
      const username = await newUser();
      for (const name of [username, `nobody-${username}`]) {
        const address = newAddress();
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) statuses.push((await attempt(i, address, name, 'wrong-password-1')).status);
        expect(statuses).toEqual([401, 401, 401]);
        for (let i = 0; i < 2; i++) {
          const limited = await attempt(i, newAddress(), name, PASSWORD);
          expect([limited.status, limited.body.error?.code]).toEqual([429, 'TOO_MANY_SIGN_IN_ATTEMPTS']);
          const wait = Number(limited.headers['retry-after']);
          expect(wait).toBeGreaterThan(14 * 60);
          expect(wait).toBeLessThanOrEqual(15 * 60);
          expect(limited.body.error.retryAfterSeconds).toBe(wait);
          expect(limited.body.error.message).toMatch(/try again in 15 minutes/);
        }
      }
      // Other accounts from the same address are not locked.
      await attempt(0, newAddress(), 'registrar', 'wrong-password-1').expect(401);
    });

    it('forgets an account’s failures once it signs in', async () => {
      const username = await newUser();
      const address = newAddress();
      await attempt(0, address, username, 'wrong-password-1').expect(401);
      await attempt(1, address, username, 'wrong-password-1').expect(401);
      await attempt(0, address, username, PASSWORD).expect(200);
      await attempt(1, address, username, 'wrong-password-1').expect(401);
      await attempt(0, address, username, 'wrong-password-1').expect(401);
      await attempt(1, address, username, PASSWORD).expect(200);
    });

    it('refuses the 9th attempt of an address within a minute across both replicas, right password or not; other addresses go on', async () => {
      const username = await newUser();
      const address = newAddress();
      const statuses: number[] = [];
      // Different names, so no account reaches its own limit.
      for (let i = 0; i < 8; i++) {
        const who = i === 7 ? username : `someone-${i}-${username}`;
        statuses.push((await attempt(i, address, who, i === 7 ? PASSWORD : 'wrong-password-1')).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 200]);
      for (let i = 0; i < 2; i++) {
        const limited = await attempt(i, address, username, PASSWORD);
        expect([limited.status, limited.body.error?.code]).toEqual([429, 'TOO_MANY_SIGN_IN_ATTEMPTS']);
        const wait = Number(limited.headers['retry-after']);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60);
        expect(limited.body.error.retryAfterSeconds).toBe(wait);
      }
      await attempt(0, newAddress(), username, PASSWORD).expect(200);
    });
  });
});
