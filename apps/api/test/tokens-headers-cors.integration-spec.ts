import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { UserEntity } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { createApp } from '../src/app/create-app';
import { checkResponsesAgainstOpenApi } from './support/openapi-responses';
import { as } from './support/api-client';
import { assignedToOne, Clients, draftOf, readyToSign } from './support/proposals';
import { DEMO_PASSWORD, startStack, Stack, TEST_JWT_SECRET } from './support/stack';

const PARTNER = 'https://partner.example.gov';
const SIGN_IN_LIMIT = 4;

/**
 * Tokens (on the Bearer header and in the web session cookie alike), the sign-in rate limit,
 * the security headers and CORS, each as deliberately configured.
 */
describe.each(testDatabases())('tokens, sign-in limit, security headers and CORS ($name)', ({ config }) => {
  let stack: Stack;
  const u: Clients = {};
  /** A second API process on the same services, with CORS_ORIGINS and a low sign-in limit. */
  let configured: INestApplication;
  let configuredUrl: string;

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of ['registrar', 'officer', 'education-handler', 'education-reviewer', 'education-signer']) {
      u[name] = await as(stack, name);
    }
    const saved = { cors: process.env['CORS_ORIGINS'], limit: process.env['LOGIN_ATTEMPTS_PER_MINUTE'] };
    process.env['CORS_ORIGINS'] = `${PARTNER}, https://other.example.gov`;
    process.env['LOGIN_ATTEMPTS_PER_MINUTE'] = String(SIGN_IN_LIMIT);
    try {
      // Behind one proxy: the limit counts the address in X-Forwarded-For, so this spec's
      // attempts are not counted with those of the other stack (both count in one database).
      configured = await createApp({ host: '127.0.0.1', port: 0, bodyLimit: '1mb', trustProxy: 1 }, { logger: false });
      checkResponsesAgainstOpenApi(configured);
      await configured.listen(0, '127.0.0.1');
      configuredUrl = (await configured.getUrl()).replace('[::1]', '127.0.0.1');
    } finally {
      restore('CORS_ORIGINS', saved.cors);
      restore('LOGIN_ATTEMPTS_PER_MINUTE', saved.limit);
    }
  });
  afterAll(async () => {
    await configured?.close();
    await stack?.close();
  });

  function restore(name: string, value: string | undefined): void {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }

  describe('tokens', () => {
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    let user: UserEntity;

    /** A token as the API signs them (HS256, issuer banli, audience banli-api), with changes. */
    const mint = (claims: object, options: Record<string, unknown> = {}, secret = TEST_JWT_SECRET) =>
      jwt.sign(
        { sub: user.id, unit: user.unitId, ver: user.tokenVersion, ...claims },
        { algorithm: 'HS256', issuer: 'banli', audience: 'banli-api', expiresIn: 3600, secret, ...options },
      );

    /** GET and a cookie-authenticated write (with the CSRF header) both answer 401 UNAUTHENTICATED. */
    async function refused(token: string, what: string): Promise<void> {
      const bearer = await request(stack.url).get('/api/auth/me').set('authorization', `Bearer ${token}`);
      const cookie = await request(stack.url).get('/api/auth/me').set('cookie', `banli_session=${token}`);
      const write = await request(stack.url)
        .post('/api/notifications/read-all')
        .set('cookie', `banli_session=${token}`)
        .set('x-requested-with', 'banli-web');
      expect({ what, answers: [bearer, cookie, write].map((r) => [r.status, r.body.error?.code]) }).toEqual({
        what,
        answers: [
          [401, 'UNAUTHENTICATED'],
          [401, 'UNAUTHENTICATED'],
          [401, 'UNAUTHENTICATED'],
        ],
      });
    }

    beforeAll(async () => {
      user = await stack.dataSource.getRepository(UserEntity).findOneByOrFail({ username: 'education-reviewer' });
    });

    it('takes a good token on either carrier', async () => {
      const good = mint({});
      await request(stack.url).get('/api/auth/me').set('authorization', `Bearer ${good}`).expect(200);
      await request(stack.url).get('/api/auth/me').set('cookie', `banli_session=${good}`).expect(200);
    });

    it('refuses expired, not yet valid, forged, alg:none, other algorithm, wrong issuer or audience, tampered', async () => {
      const good = mint({});
      const [header, payload, signature] = good.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const cases: Record<string, string> = {
        expired: mint({}, { expiresIn: -60 }),
        'not yet valid': mint({}, { notBefore: 3600 }),
        'signed with another secret': mint({}, {}, 'not-the-secret-of-this-deployment-0123456789'),
        'alg none, no signature': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
        'alg none, the old signature': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
        'HS512 with the right secret': mint({}, { algorithm: 'HS512' }),
        'wrong issuer': mint({}, { issuer: 'someone-else' }),
        'no issuer': jwt.sign({ sub: user.id, unit: user.unitId }, { audience: 'banli-api', expiresIn: 3600 }),
        'wrong audience': mint({}, { audience: 'another-api' }),
        'no audience': jwt.sign({ sub: user.id, unit: user.unitId }, { issuer: 'banli', expiresIn: 3600 }),
        'tampered: another user': `${header}.${b64({ ...claims, sub: 'admin' })}.${signature}`,
        'tampered: later expiry': `${header}.${b64({ ...claims, exp: claims.exp + 86_400 })}.${signature}`,
        'signed for a user that does not exist': mint({ sub: 'ghost' }),
        'signed for another unit (the user moved)': mint({ unit: 'industry-it' }),
        'without a token version': mint({ ver: undefined }),
        garbage: 'not-a-token',
        'three empty parts': '..',
      };
      for (const [what, token] of Object.entries(cases)) await refused(token, what);
    });

    it('refuses a token of a disabled user and one issued before the user moved, on both carriers', async () => {
      const session = await request(stack.url)
        .post('/api/auth/session')
        .send({ username: 'education-reviewer', password: DEMO_PASSWORD })
        .expect(200);
      const cookieToken = String(session.headers['set-cookie']).split(';')[0].replace('banli_session=', '');
      const bearerToken = (
        await request(stack.url)
          .post('/api/auth/login')
          .send({ username: 'education-reviewer', password: DEMO_PASSWORD })
          .expect(200)
      ).body.accessToken as string;
      const users = stack.dataSource.getRepository(UserEntity);
      try {
        await users.update({ username: 'education-reviewer' }, { unitId: 'human-resources' });
        await refused(bearerToken, 'bearer, moved');
        await refused(cookieToken, 'cookie, moved');
        await users.update({ username: 'education-reviewer' }, { unitId: 'education', disabled: 1 });
        await refused(bearerToken, 'bearer, disabled');
        await refused(cookieToken, 'cookie, disabled');
        await request(stack.url)
          .post('/api/auth/session')
          .send({ username: 'education-reviewer', password: DEMO_PASSWORD })
          .expect(401);
      } finally {
        await users.update({ username: 'education-reviewer' }, { unitId: 'education', disabled: 0 });
      }
      await request(stack.url).get('/api/auth/me').set('authorization', `Bearer ${bearerToken}`).expect(200);
    });

    it('does not let a good cookie rescue a bad Bearer header, nor take a lower-case scheme or a bare token', async () => {
      const good = mint({});
      await request(stack.url)
        .get('/api/auth/me')
        .set('authorization', `Bearer ${mint({}, { expiresIn: -60 })}`)
        .set('cookie', `banli_session=${good}`)
        .expect(401);
      await request(stack.url).get('/api/auth/me').set('authorization', good).expect(401);
      await request(stack.url).get('/api/auth/me').set('authorization', `Basic ${good}`).expect(401);
      // A cookie-authenticated write without the CSRF header changes nothing: 403.
      await request(stack.url).post('/api/notifications/read-all').set('cookie', `banli_session=${good}`).expect(403);
    });
  });

  it(`answers 429 after ${SIGN_IN_LIMIT} sign-in attempts a minute, counted across login and the web session`, async () => {
    const address = `198.51.100.${Date.now() % 250}`;
    const attempt = (i: number) =>
      request(configuredUrl)
        .post(i % 2 ? '/api/auth/session' : '/api/auth/login')
        .set('x-forwarded-for', address)
        .send({ username: 'registrar', password: 'wrong' });
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) statuses.push((await attempt(i)).status);
    expect(statuses).toEqual([...Array(SIGN_IN_LIMIT).fill(401), 429, 429]);
    // Locked for the window even with the right password, on both routes; other routes are not limited.
    for (const path of ['/api/auth/login', '/api/auth/session']) {
      const limited = await request(configuredUrl)
        .post(path)
        .set('x-forwarded-for', address)
        .send({ username: 'registrar', password: DEMO_PASSWORD });
      expect([limited.status, limited.body.error?.code]).toEqual([429, 'TOO_MANY_SIGN_IN_ATTEMPTS']);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    const token = await stack.token('registrar');
    for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) {
      await request(configuredUrl).get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    }
    await request(configuredUrl).get('/api/health').expect(200);
  });

  describe('security headers', () => {
    function expectApiHeaders(res: request.Response): void {
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "script-src-attr 'none'",
        "object-src 'none'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "style-src 'self' 'unsafe-inline'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests|https:|\*/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }

    it('are set on answers and refusals alike', async () => {
      expectApiHeaders(await request(stack.url).get('/api/health').expect(200));
      expectApiHeaders(await request(stack.url).get('/api/tasks').expect(401));
      expectApiHeaders(await u['registrar'].get('/api/proposals/8-2_nope').expect(404));
      expectApiHeaders(
        await request(stack.url).post('/api/auth/login').set('content-type', 'application/json').send('{').expect(400),
      );
    });

    it('serve letters as sandboxed HTML that may run and load nothing', async () => {
      const id = await assignedToOne(u, 'education');
      const preview = await u['education-handler'].post(`/api/proposals/${id}/letters/preview`, draftOf()).expect(200);
      await readyToSign(u, id, 'education');
      await u['education-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
      const signed = await u['education-handler'].get(`/api/proposals/${id}/letters/education/1/html`).expect(200);
      for (const res of [preview, signed]) {
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain('sandbox');
        expect(csp).not.toMatch(/script-src|unsafe-eval/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });
  });

  describe('CORS', () => {
    const preflight = (url: string, origin: string, headers = 'authorization,content-type,idempotency-key') =>
      request(url)
        .options('/api/proposals')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', headers);

    it('allows no other origin by default, neither on requests nor on preflights', async () => {
      const res = await request(stack.url).get('/api/health').set('origin', PARTNER).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(stack.url, PARTNER);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-methods']).toBeUndefined();
      expect(pre.headers['access-control-allow-headers']).toBeUndefined();
    });

    it('allows an origin listed in CORS_ORIGINS, with a Bearer token and without credentials', async () => {
      const token = await stack.token('registrar');
      const res = await request(configuredUrl)
        .get('/api/tasks')
        .set('origin', PARTNER)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(String(res.headers['vary'])).toMatch(/Origin/i);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(res.headers['access-control-expose-headers'])).toContain('X-Request-Id');

      const pre = await preflight(configuredUrl, PARTNER).expect(204);
      expect(pre.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(String(pre.headers['access-control-allow-methods'])).toContain('POST');
      const allowed = String(pre.headers['access-control-allow-headers']).toLowerCase().split(',');
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
      // The web session's CSRF header is never allowed cross-origin.
      expect(allowed).not.toContain('x-requested-with');
      expect(pre.headers['access-control-max-age']).toBe('600');
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('allows nothing to origins not listed, look-alikes and the null origin', async () => {
      for (const origin of ['https://evil.example', `${PARTNER}.evil.example`, 'http://partner.example.gov', 'null']) {
        const res = await request(configuredUrl).get('/api/health').set('origin', origin).expect(200);
        expect({ origin, allowed: res.headers['access-control-allow-origin'] }).toEqual({ origin, allowed: undefined });
        const pre = await preflight(configuredUrl, origin);
        expect({ origin, allowed: pre.headers['access-control-allow-origin'] }).toEqual({ origin, allowed: undefined });
      }
    });
  });
});
