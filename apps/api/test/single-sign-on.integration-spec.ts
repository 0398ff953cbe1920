import request from 'supertest';
import { execSql } from '@banli/persistence';
import { CookieBrowser, freePort, startOidcProvider, testDatabases, TestOidcProvider } from '@banli/testing';
import { startStack, Stack } from './support/stack';

const CLIENT = { clientId: 'banli', clientSecret: 'banli-test-client-secret' };
const OIDC_ENV = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_LABEL'];

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in its own process),
 * walked redirect by redirect as a browser would, keeping each site's cookies.
 */
describe.each(testDatabases())('single sign-on through an OpenID Connect provider ($name)', ({ name, config }) => {
  let provider: TestOidcProvider;
  let stack: Stack;
  let admin: string;
  const run = `${name}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    provider = await startOidcProvider();
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    Object.assign(process.env, {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.clientId,
      OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_LABEL: '粤政易',
    });
    stack = await startStack(config, { port });
    await provider.register({ ...CLIENT, redirectUri });
    admin = `Bearer ${await stack.token('admin')}`;
  });
  afterAll(async () => {
    for (const key of OIDC_ENV) delete process.env[key];
    await stack?.close();
    await provider?.stop();
  });

  const link = (subject: string, userId: string) =>
    request(stack.url).post('/api/admin/external-identities').set('authorization', admin).send({ subject, userId });

  /**
   * From Banli's SSO button to the provider's redirect back, signing in at the provider as
   * `subject`: the URL the provider sends the browser to (Banli's callback, not yet visited).
   */
  async function throughProvider(browser: CookieBrowser, subject: string, choice: 'login' | 'abort' = 'login') {
    const start = await browser.get(`${stack.url}/api/auth/oidc/login`);
    expect(start.status).toBe(302);
    const authorization = new URL(start.location ?? '');
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    expect(start.setCookies.find((c) => c.startsWith('banli_oidc='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);

    const toInteraction = await browser.get(authorization.href);
    const interaction = toInteraction.location ?? '';
    expect(interaction).toMatch(`${provider.issuer}/interaction/`);
    expect(JSON.parse((await browser.get(interaction)).text)).toMatchObject({ prompt: 'login' });
    const resume = await browser.postForm(`${interaction}/${choice}`, { login: subject });
    const back = await browser.get(resume.location ?? '');
    const callback = new URL(back.location ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(`${stack.url}/api/auth/oidc/callback`);
    return callback;
  }

  function sessionCookieIn(setCookies: string[]): string | undefined {
    return setCookies.find((c) => c.startsWith('banli_session=') && !c.startsWith('banli_session=;'));
  }

  it('tells the web UI that single sign-on is there, with its label', async () => {
    const res = await request(stack.url).get('/api/auth/providers').expect(200);
    expect(res.body).toEqual({ oidc: { loginUrl: '/api/auth/oidc/login', label: '粤政易' } });
  });

  it('signs a linked subject in as their Banli user: the same session cookie as a password sign-in', async () => {
    const subject = `zhang-${run}`;
    await link(subject, 'lead-handler').expect(201);
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, subject);
    const done = await browser.get(callback.href);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${stack.url}/`);
    const session = sessionCookieIn(done.setCookies);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\/api/);
    expect(browser.cookie(stack.url, 'banli_oidc')).toBeUndefined();

    const me = await request(stack.url)
      .get('/api/auth/me')
      .set('cookie', `banli_session=${browser.cookie(stack.url, 'banli_session')}`)
      .expect(200);
    expect(me.body).toMatchObject({ username: 'lead-handler', unitId: 'industry-it' });

    // The callback is used once: the same code and state again sign nobody in.
    const replay = await browser.get(callback.href);
    expect(replay.location).toBe(`${stack.url}/login?sso_error=SSO_STATE_INVALID`);
  });

  it('refuses a subject linked to no Banli user: back to the sign-in page, no session', async () => {
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, `stranger-${run}`);
    const done = await browser.get(callback.href);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${stack.url}/login?sso_error=SSO_NOT_LINKED`);
    expect(sessionCookieIn(done.setCookies)).toBeUndefined();
    expect(browser.cookie(stack.url, 'banli_session')).toBeUndefined();
  });

  it('refuses a subject linked to a disabled user', async () => {
    const userId = `sso-disabled-${run}`;
    const now = new Date().toISOString();
    await execSql(
      stack.dataSource,
      `INSERT INTO "app_user" ("id", "username", "display_name", "password_hash", "unit_id", "roles", "disabled", "created_at", "updated_at")
       VALUES (:id, :id, '停用用户', 'no-password', 'education', '["handler"]', 1, :now, :now)`,
      { id: userId, now },
    );
    const subject = `disabled-${run}`;
    await link(subject, userId).expect(201);
    const browser = new CookieBrowser();
    const done = await browser.get((await throughProvider(browser, subject)).href);
    expect(done.location).toBe(`${stack.url}/login?sso_error=SSO_ACCOUNT_DISABLED`);
    expect(sessionCookieIn(done.setCookies)).toBeUndefined();
  });

  it('refuses a tampered state, a callback in another browser, and the provider refusing', async () => {
    const subject = `li-${run}`;
    await link(subject, 'education-cohandler').expect(201);

    const tampered = new CookieBrowser();
    const callback = await throughProvider(tampered, subject);
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const forged = await tampered.get(callback.href);
    expect(forged.location).toBe(`${stack.url}/login?sso_error=SSO_STATE_INVALID`);
    expect(sessionCookieIn(forged.setCookies)).toBeUndefined();

    // A code sent to another browser (no pending sign-in cookie there) is worth nothing.
    const victim = new CookieBrowser();
    const stolen = await throughProvider(new CookieBrowser(), subject);
    const elsewhere = await victim.get(stolen.href);
    expect(elsewhere.location).toBe(`${stack.url}/login?sso_error=SSO_STATE_INVALID`);
    expect(sessionCookieIn(elsewhere.setCookies)).toBeUndefined();

    const refusing = new CookieBrowser();
    const refused = await refusing.get((await throughProvider(refusing, subject, 'abort')).href);
    expect(refused.location).toBe(`${stack.url}/login?sso_error=SSO_PROVIDER_REFUSED`);
    expect(sessionCookieIn(refused.setCookies)).toBeUndefined();
  });

  it('lets only an admin link and unlink subjects, with coded refusals, each change audited', async () => {
    const subject = `wang-${run}`;
    const linked = await link(subject, 'registrar').expect(201);
    expect(linked.body).toMatchObject({ issuer: `${provider.issuer}/`, subject, userId: 'registrar' });
    expect((await link(subject, 'officer').expect(409)).body.error.code).toBe('ALREADY_DONE');
    expect((await link(`nobody-${run}`, 'no-such-user').expect(404)).body.error.code).toBe('NOT_FOUND');
    await request(stack.url)
      .post('/api/admin/external-identities')
      .set('authorization', `Bearer ${await stack.token('registrar')}`)
      .send({ subject: `self-${run}`, userId: 'registrar' })
      .expect(403);
    const listed = await request(stack.url)
      .get('/api/admin/external-identities?userId=registrar')
      .set('authorization', admin)
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ subject, userId: 'registrar' })]);

    const signedIn = new CookieBrowser();
    expect((await signedIn.get((await throughProvider(signedIn, subject)).href)).location).toBe(`${stack.url}/`);

    await request(stack.url)
      .delete(`/api/admin/external-identities?subject=${encodeURIComponent(subject)}`)
      .set('authorization', admin)
      .expect(204);
    await request(stack.url)
      .delete(`/api/admin/external-identities?subject=${encodeURIComponent(subject)}`)
      .set('authorization', admin)
      .expect(404);
    const afterUnlink = new CookieBrowser();
    expect((await afterUnlink.get((await throughProvider(afterUnlink, subject)).href)).location).toBe(
      `${stack.url}/login?sso_error=SSO_NOT_LINKED`,
    );

    const { rows } = await execSql(
      stack.dataSource,
      `SELECT "type", "actor_user_id", "data" FROM "admin_event" WHERE "type" LIKE 'external-identity-%' AND "data" LIKE :like ORDER BY "at"`,
      { like: `%${subject}%` },
    );
    expect(rows.map((r) => [r['type'], r['actor_user_id']])).toEqual([
      ['external-identity-linked', 'admin'],
      ['external-identity-unlinked', 'admin'],
    ]);
  });
});
