import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  confirmDialog,
  DEMO_PASSWORD,
  LAPTOP,
  launchBrowser,
  newSession,
  overflowing,
  PHONE,
  screenshot,
  signIn,
} from './support/browser';
import { systemUrl } from './support/system';
import { openSession } from './support/api';

/**
 * A full working day through the web UI (issue 18): every screen at 390×844 and 1280×720 with
 * no sideways scrolling and navigation that works; a 198-character title cut with the whole
 * title on hover; the title limit stated, never a silent cut; confirmations saying what an
 * irreversible action does; tasks leading where they are done; drafts kept in the browser
 * with a warning before leaving; notifications read when opened; a failed load with a retry;
 * empty lists that say why; English punctuation on English screens.
 */
describe('web UI: a working day on phones and laptops', () => {
  const url = systemUrl();
  const session = `wd${Date.now().toString(36)}`;
  // 198 characters, as the report: one title that wrecked the inbox.
  const LONG = `关于${'进一步加强和改进城市社区治理与公共服务体系建设'.repeat(8)}的提案`.slice(0, 196) + '提案';
  const longId = `${session}_1`;
  const assignedId = `${session}_2`;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function token(username: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function post(bearer: string, path: string, body: object): Promise<unknown> {
    const res = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async function register(number: string, title: string): Promise<void> {
    await post(await token('registrar'), '/proposals', {
      kind: 'proposal',
      sessionCode: session,
      sessionName: '市政协八届二次会议',
      number,
      title,
      proposers: [{ name: '李明', lead: true }],
      body: '社区治理和公共服务仍有短板。',
      suggestionPoints: [{ seq: 1, text: '完善社区服务设施' }],
    });
  }

  /** A signed-in page of `username` at `viewport` (its own browser context). */
  async function as(username: string, viewport = LAPTOP, locale = 'zh-CN'): Promise<Page> {
    const context = await newSession(browser, locale, viewport);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, url, username);
    return page;
  }

  /** Opens a screen and waits until its reads are in (no request running, no spinner). */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await openSession(url, session);
    await register('1', LONG);
    await register('2', '关于完善社区养老服务的提案');
    const [registrar, officer] = await Promise.all([token('registrar'), token('officer')]);
    await post(registrar, `/proposals/${assignedId}/review`, { decision: 'accept' });
    await post(officer, `/proposals/${assignedId}/assignment`, {
      mode: 'lead',
      leadUnitId: 'industry-it',
      coHandlerUnitIds: ['education'],
    });
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop()?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const SCREENS: { user: string; paths: string[] }[] = [
    {
      user: 'registrar',
      paths: [
        '/',
        '/proposals',
        '/intake',
        '/intake?tab=register',
        '/intake?tab=review',
        '/notifications',
        `/proposals/${longId}`,
      ],
    },
    { user: 'officer', paths: ['/assignment', '/dashboard', `/proposals/${assignedId}`] },
    { user: 'lead-handler', paths: ['/', `/proposals/${assignedId}`, `/proposals/${assignedId}/workspace`] },
    { user: 'supervisor', paths: ['/dashboard'] },
    { user: 'admin', paths: ['/admin/organisation', '/admin/calendar', '/admin/sessions'] },
  ];

  const SIZES = [
    ['phone', PHONE],
    ['laptop', LAPTOP],
  ] as const;

  it.each(SIZES.flatMap(([name, viewport]) => SCREENS.map((s) => [name, s.user, viewport, s.paths] as const)))(
    'fits every screen on a %s with no sideways scrolling: %s',
    async (name, user, viewport, paths) => {
      const wide: Record<string, string[]> = {};
      const page = await as(user, viewport);
      for (const path of paths) {
        await open(page, path);
        const out = await overflowing(page);
        if (out.length) wide[path] = out;
      }
      await screenshot(page, `40-${name}-${user}`);
      expect(wide).toEqual({});
    },
  );

  it.each(SIZES)('fits the sign-in and public pages on a %s with no sideways scrolling', async (_name, viewport) => {
    const wide: Record<string, string[]> = {};
    const visitor = await newSession(browser, 'zh-CN', viewport);
    contexts.push(visitor);
    const anonymous = await visitor.newPage();
    for (const path of ['/login', '/public']) {
      await open(anonymous, path);
      expect(anonymous.url()).toBe(`${url}${path}`);
      const out = await overflowing(anonymous);
      if (out.length) wide[path] = out;
    }
    expect(wide).toEqual({});
  });

  it('navigates on a phone through the drawer, where the user and sign-out are', async () => {
    const page = await as('registrar', PHONE);
    expect(await page.getByRole('menu', { name: 'main' }).count()).toBe(0);
    await page.getByTestId('nav-drawer-button').click();
    const drawer = page.getByTestId('nav-drawer');
    expect(await drawer.getByTestId('current-user').innerText()).toMatch(/ · X市政协提案委员会$/);
    await drawer.getByRole('menuitem', { name: '退出登录' }).waitFor();
    await drawer.getByRole('link', { name: '提案查询' }).click();
    await page.waitForURL(/\/proposals$/);
    await page.getByRole('heading', { name: '提案查询' }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('nav-drawer-button').click();
    await drawer.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
  });

  it('navigates on a laptop through the header menu', async () => {
    const page = await as('registrar', LAPTOP);
    expect(await page.getByTestId('nav-drawer-button').count()).toBe(0);
    await page.getByRole('menu', { name: 'main' }).getByRole('link', { name: '提案查询' }).click();
    await page.waitForURL(/\/proposals$/);
    await page.getByTestId('current-user').waitFor();
  });

  it('cuts a 198-character title with the whole title on hover, keeping the columns; cards on a phone', async () => {
    const page = await as('registrar', LAPTOP);
    await open(page, '/?kind=review-registration&pageSize=100');
    const row = page.locator('tbody tr.ant-table-row', { hasText: LONG.slice(0, 30) });
    const title = row.locator('.ant-typography-ellipsis').first();
    expect(await title.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect((await row.boundingBox())?.height).toBeLessThan(100);
    const taskCell = row.locator('td').nth(1);
    expect((await taskCell.boundingBox())?.width).toBeGreaterThanOrEqual(100);
    expect(await taskCell.innerText()).toBe('审查立案');
    await title.hover();
    await page.locator('.ant-tooltip:visible', { hasText: LONG }).waitFor();
    await screenshot(page, '41-inbox-long-title');

    const phone = await as('registrar', PHONE);
    await open(phone, '/?kind=review-registration&pageSize=100');
    const card = phone.getByTestId('task-card').filter({ hasText: LONG.slice(0, 10) });
    await card.first().waitFor();
    expect(await phone.locator('table').count()).toBe(0);
    expect((await card.first().boundingBox())?.height).toBeLessThan(260);
    expect(await overflowing(phone)).toEqual([]);
    await screenshot(phone, '42-inbox-phone');
  });

  it('states the title limit in the registration form and never cuts a pasted title', async () => {
    const page = await as('registrar');
    await open(page, '/intake?tab=register');
    const field = page.getByLabel('案由');
    await page.getByText('最多 200 个字，超出时请删减（不会自动截断）').waitFor();
    await field.focus();
    await page.keyboard.insertText('长'.repeat(300));
    expect((await field.inputValue()).length).toBe(300);
    await page.getByText('300 / 200').waitFor();
    await field.blur();
    await page.getByText('案由最多 200 个字，现在是 300 个字，请删减').waitFor();
  });

  it('asks before 立案, saying what happens; nothing happens on cancel', async () => {
    const page = await as('registrar');
    await open(page, '/intake?tab=review&pageSize=200');
    const row = page.getByTestId('review-list').locator('tbody tr.ant-table-row', { hasText: LONG.slice(0, 30) });
    const reviews: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/review')) reviews.push(r.url());
    });
    await row.getByRole('button', { name: /^立案：/ }).click();
    const content = page.getByTestId('confirm-content');
    await content.getByText(/立案不能撤销/).waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await content.waitFor({ state: 'detached' });
    expect(reviews).toEqual([]);
    await row.getByRole('button', { name: /^立案：/ }).click();
    expect(await confirmDialog(page, /提案进入交办环节/)).toContain(LONG.slice(0, 20));
    await page.getByTestId('review-outcome').getByText('已立案 1 件').waitFor();
    expect(reviews).toHaveLength(1);
  });

  it('takes the officer from the 交办 task and from the proposal page to where it is assigned', async () => {
    const page = await as('officer');
    await open(page, '/?kind=assign&pageSize=100');
    const link = page.locator('tbody tr.ant-table-row', { hasText: LONG.slice(0, 30) }).getByTestId('task-link');
    expect(await link.getAttribute('href')).toBe(`/assignment?focus=${encodeURIComponent(longId)}`);
    await link.click();
    await page.getByTestId(`assign-form-${longId}`).waitFor();

    await open(page, `/proposals/${encodeURIComponent(longId)}`);
    await page.getByTestId('go-to-assign').getByRole('button', { name: '去交办' }).click();
    await page.waitForURL(/\/assignment\?focus=/);
    await page.getByTestId(`assign-form-${longId}`).waitFor();
  });

  it('keeps the draft in the browser, restores it after a reload and warns before leaving', async () => {
    const page = await as('lead-handler');
    await open(page, `/proposals/${encodeURIComponent(assignedId)}/workspace`);
    const topic = page.getByLabel('致谢领域（如：数字经济发展）');
    await topic.fill('社区养老服务');
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('banli.draft:')));
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await topic.inputValue()).toBe('社区养老服务');

    // Moving elsewhere in the app: asked first; staying keeps the page and what was typed.
    await page.getByRole('menu', { name: 'main' }).getByRole('link', { name: '我的待办' }).click();
    await page.getByTestId('unsaved-warning').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '留在本页' }).click();
    expect(page.url()).toContain('/workspace');
    expect(await topic.inputValue()).toBe('社区养老服务');

    // Closing the tab: the browser's own warning (beforeunload).
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });

  it('marks a notification read when it is opened', async () => {
    await post(await token('supervisor'), `/proposals/${assignedId}/reminders`, {
      unitId: 'industry-it',
      message: '请抓紧办理',
    });
    const page = await as('lead-handler');
    await open(page, '/notifications?unread=true&pageSize=100');
    const href = `/proposals/${encodeURIComponent(assignedId)}`;
    const notice = page
      .getByTestId('notification')
      .filter({ has: page.locator(`a[href="${href}"]`) })
      .first();
    const id = await notice.getAttribute('data-row-key');
    expect(await notice.getAttribute('data-read')).toBe('false');
    await notice.getByRole('link', { name: '查看提案' }).click();
    await page.waitForURL(new RegExp(`${href}$`));
    await open(page, '/notifications?pageSize=100');
    expect(await page.locator(`[data-row-key="${id}"]`).getAttribute('data-read')).toBe('true');
  });

  it('shows what failed with a retry, and no zero counts beside it', async () => {
    const page = await as('registrar');
    await page.route('**/api/tasks?**', (route) => route.abort('connectionrefused'));
    await page.goto(`${url}/?filter=overdue`);
    const failed = page.getByTestId('load-failed');
    await failed.getByText('待办事项加载失败').waitFor();
    expect(await page.getByTestId('count-open').count()).toBe(0);
    expect(await page.getByText('暂无数据').count()).toBe(0);
    await page.unroute('**/api/tasks?**');
    await failed.getByTestId('retry').click();
    await page.getByTestId('count-open').waitFor();
    expect(await failed.count()).toBe(0);
  });

  it('says why a list is empty', async () => {
    const page = await as('registrar');
    await open(page, '/?kind=publish');
    await page.getByText('没有这一类型的事项：清除“事项类型”筛选可看到全部').waitFor();
    await open(page, `/proposals?q=${encodeURIComponent('不存在的提案标题xyz')}`);
    await page.getByText('没有符合条件的提案：请修改或重置搜索条件').waitFor();
  });

  it('writes English screens with English punctuation', async () => {
    const page = await as('lead-handler', LAPTOP, 'en');
    await page.evaluate(() => localStorage.setItem('banli.language', 'en'));
    await open(page, '/?pageSize=100');
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    const tags = await page.locator('tbody [data-due]').allInnerTexts();
    expect(tags.length).toBeGreaterThan(0);
    for (const text of tags) {
      expect(text).not.toMatch(/[（）：，。]/);
      expect(text).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}( \(.+\))?$|^done on /);
    }
    await open(page, `/proposals/${encodeURIComponent(assignedId)}`);
    await page.getByRole('tab', { name: /^Opinions \(\d+\/\d+\)$/ }).waitFor();
  });
});
