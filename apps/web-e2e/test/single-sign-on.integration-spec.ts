import type { Browser } from 'playwright-core';
import { freePort, startOidcProvider, TestOidcProvider } from '@banli/testing';
import { DEMO_PASSWORD, launchBrowser, newSession, screenshot } from './support/browser';
import { RunningSystem, startSystem } from './support/system';

/**
 * Single sign-on as a city with a unified identity platform runs it: its own system (npm start)
 * configured for a real OpenID provider (oidc-provider, with a plain sign-in form), in Chromium.
 */
describe('web UI: single sign-on', () => {
  const client = { clientId: 'banli', clientSecret: 'banli-web-e2e-client-secret' };
  const run = Date.now().toString(36);
  let provider: TestOidcProvider;
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startOidcProvider();
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    system = await startSystem(
      {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: client.clientId,
        OIDC_CLIENT_SECRET: client.clientSecret,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_LABEL: '粤政易',
      },
      port,
    );
    await provider.register({ ...client, redirectUri });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await provider?.stop();
  });

  async function linkAsAdmin(subject: string, userId: string): Promise<void> {
    const login = await fetch(`${system.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${system.url}/api/admin/external-identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ subject, userId }),
    });
    expect(res.status).toBe(201);
  }

  async function signInAtProvider(subject: string) {
    const context = await newSession(browser);
    const page = await context.newPage();
    await page.goto(`${system.url}/login`);
    await page.getByRole('link', { name: '使用粤政易登录' }).click();
    await page.waitForURL(`${provider.issuer}/interaction/**`);
    await page.getByLabel('账号').fill(subject);
    await page.getByRole('button', { name: '登录' }).click();
    return { context, page };
  }

  it('offers the platform on the sign-in page; a linked subject lands in their inbox, signed in', async () => {
    const subject = `zhang-${run}`;
    await linkAsAdmin(subject, 'lead-handler');
    const { context, page } = await signInAtProvider(subject);
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const session = (await context.cookies()).find((c) => c.name === 'banli_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    await screenshot(page, 'sso-signed-in');
    await context.close();
  });

  it('says in Chinese why a subject linked to nobody is refused, and signs nobody in', async () => {
    const { context, page } = await signInAtProvider(`stranger-${run}`);
    await page.waitForURL(/\/login\?sso_error=SSO_NOT_LINKED$/);
    await page.getByTestId('sso-error').getByText('统一身份认证账号未关联本系统用户，请联系管理员').waitFor();
    expect((await context.cookies()).find((c) => c.name === 'banli_session')).toBeUndefined();
    await screenshot(page, 'sso-refused');
    await context.close();
  });
});
