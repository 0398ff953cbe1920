import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newSession, screenshot } from './support/browser';
import { systemUrl } from './support/system';

/** A demo user no other browser test signs in as: its password changes here. */
const USER = 'government-data-signer';

/** The user's own account in the UI: the forced change after an admin reset, a change from the user menu, sign-out. */
describe('web UI: accounts', () => {
  const url = systemUrl();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function adminResets(username: string, temporaryPassword: string): Promise<void> {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${url}/api/admin/users/${username}/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ temporaryPassword }),
    });
    if (!res.ok) throw new Error(`reset ${username}: ${res.status} ${await res.text()}`);
  }

  async function signInWith(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  async function changePassword(page: Page, current: string, next: string): Promise<void> {
    await page.getByLabel(/当前密码|临时密码/).fill(current);
    await page.getByLabel('新密码', { exact: true }).fill(next);
    await page.getByLabel('再次输入新密码').fill(next);
    await page.getByRole('button', { name: /修改密码/ }).click();
  }

  it('after too many failed sign-ins, says in Chinese how many minutes to wait', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    // A name no account has: it is locked alike, and no other test signs in with it.
    const name = `nobody-${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) {
      await signInWith(page, name, 'wrong-password-1');
      await page.getByTestId('error-alert').getByText('登录已失效，请重新登录').waitFor();
    }
    await signInWith(page, name, 'wrong-password-1');
    await page.getByTestId('error-alert').getByText('登录尝试过多，请 15 分钟后再试').waitFor();
    await screenshot(page, 'accounts-00-sign-in-limit');
    await context.close();
  });

  it('after an admin reset, sends the user to change the password first, then on to the inbox', async () => {
    await adminResets(USER, 'Temporary-2026-web');
    const context = await newSession(browser);
    const page = await context.newPage();
    await signInWith(page, USER, 'Temporary-2026-web');
    await page.waitForURL(/\/password$/);
    await page.getByTestId('forced-change').waitFor();
    // Going elsewhere leads back here until the password is changed.
    await page.goto(`${url}/proposals`);
    await page.waitForURL(/\/password$/);
    // The policy is stated, and the API's refusal is shown in Chinese.
    await changePassword(page, 'Temporary-2026-web', `${USER}-2027`);
    await page.getByTestId('error-alert').getByText('填写的内容不符合要求').waitFor();
    await page
      .getByTestId('error-alert')
      .getByText(/must not contain the user name/)
      .waitFor();
    await screenshot(page, 'accounts-01-forced-change');
    await changePassword(page, 'Temporary-2026-web', 'Own-passphrase-2027');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await context.close();
  });

  it('changes the password from the user menu, and signing out ends the session for a copy of its cookie too', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    await signInWith(page, USER, 'Own-passphrase-2027');
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('user-menu').hover();
    await page.getByRole('menuitem', { name: /修改密码/ }).click();
    await page.waitForURL(/\/password$/);
    await changePassword(page, 'Own-passphrase-2027', 'Third-passphrase-2028');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();

    const copied = (await context.cookies()).find((c) => c.name === 'banli_session');
    expect(copied).toBeDefined();
    await page.getByTestId('user-menu').hover();
    await page.getByRole('menuitem', { name: /退出登录/ }).click();
    await page.waitForURL(/\/login$/);
    const replay = await fetch(`${url}/api/auth/me`, { headers: { cookie: `banli_session=${copied?.value}` } });
    expect(replay.status).toBe(401);

    // The old password no longer signs in; the new one does.
    await signInWith(page, USER, 'Own-passphrase-2027');
    await page.getByTestId('error-alert').waitFor();
    await signInWith(page, USER, 'Third-passphrase-2028');
    await page.getByTestId('current-user').waitFor();
    await context.close();
  });
});
