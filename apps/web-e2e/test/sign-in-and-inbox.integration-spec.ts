import type { Browser } from 'playwright-core';
import { launchBrowser, newSession, screenshot, signIn } from './support/browser';
import { systemUrl } from './support/system';

/** The UI served by `npm start`, in Debian's Chromium: sign-in, the inbox, the language. */
describe('web UI: sign-in and inbox', () => {
  const system = { url: systemUrl() };
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens at the same URL as the API, in Chinese, and refuses a wrong password with the reason in Chinese', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    await page.goto(system.url);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill('registrar');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('error-alert').getByText('登录已失效，请重新登录').waitFor();
    await screenshot(page, '01-login');
    await context.close();
  });

  it('signs in with an HttpOnly session cookie that page scripts cannot read', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    await signIn(page, system.url, 'registrar');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'banli_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('banli_session');
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toMatch(
      /eyJ[A-Za-z0-9_-]+\./,
    );
    // A write with the cookie but without the app's header is refused (CSRF).
    const forged = await page.evaluate(async () => {
      const r = await fetch('/api/proposals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return r.status;
    });
    expect(forged).toBe(403);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await screenshot(page, '02-inbox-registrar');
    await context.close();
  });

  it('switches to English and back, and keeps the choice', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    await signIn(page, system.url, 'supervisor');
    await page.getByRole('button', { name: '语言' }).hover();
    await page.getByText('English').click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await context.close();
  });

  it('lists my tasks by default, and offers the unit’s tasks only to those the API allows', async () => {
    const handlerContext = await newSession(browser);
    const handler = await handlerContext.newPage();
    const probe = handler.waitForResponse((r) => r.url().includes('/api/tasks?') && r.url().includes('scope=unit'));
    await signIn(handler, system.url, 'lead-handler');
    expect((await probe).status()).toBe(403);
    await handler.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(await handler.getByTestId('inbox-scope').count()).toBe(0);
    await handlerContext.close();

    const reviewerContext = await newSession(browser);
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, system.url, 'lead-reviewer');
    await reviewer.getByRole('heading', { name: '我的待办' }).waitFor();
    await reviewer.getByTestId('inbox-scope').getByText('本单位', { exact: true }).click();
    await reviewer.getByRole('heading', { name: '本单位待办' }).waitFor();
    await reviewer.waitForURL(/scope=unit/);
    await reviewerContext.close();
  });
});
