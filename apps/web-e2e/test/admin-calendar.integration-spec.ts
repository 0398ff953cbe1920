import type { Browser } from 'playwright-core';
import { launchBrowser, newSession, screenshot, signIn, tmpFile } from './support/browser';
import { systemUrl } from './support/system';

/**
 * The admin's calendar screen. The system is shared by every browser test, so the load here
 * is a local day off in a year no test reaches (2030): it changes no other test's deadlines.
 */
describe('web UI: the holiday calendar (admin)', () => {
  const system = { url: systemUrl() };
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows which years are provisional, loads local days off, lists the version and its report', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    await signIn(page, system.url, 'admin');
    await page.getByRole('menu').getByRole('link', { name: '节假日日历' }).click();
    await page.getByRole('heading', { name: '节假日日历' }).waitFor();

    const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const years = page.getByTestId('calendar-years');
    await years.locator(`[data-year="${thisYear}"][data-published="true"]`).waitFor();
    await years
      .locator(`[data-year="${thisYear + 2}"][data-published="false"]`)
      .getByText('暂定')
      .waitFor();

    const closure = { label: `e2e-closure-${Date.now().toString(36)}`, localHolidays: { '2030-07-15': '台风停工' } };
    await page.locator('input[type=file]').setInputFiles(tmpFile('closure.json', JSON.stringify(closure)));
    await page.getByRole('status').getByText(`（${closure.label}）`).waitFor();
    const row = page.getByRole('row').filter({ hasText: closure.label });
    await row.getByText('本地停工日').waitFor();
    await row.getByText('已完成').waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: '变动报告' }).click();
    await page.getByRole('dialog').getByText('没有时限因这一版而变动').waitFor();
    await screenshot(page, 'admin-calendar');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /close|关闭/i })
      .click();

    // A refused file says why, by field.
    await page.locator('input[type=file]').setInputFiles(tmpFile('bad.json', '{"label":"x","holidays":{}}'));
    await page
      .getByTestId('error-alert')
      .getByText(/holidays/)
      .waitFor();
    await context.close();
  });

  it('is not in the menu of other roles', async () => {
    const context = await newSession(browser);
    const page = await context.newPage();
    await signIn(page, system.url, 'supervisor');
    await page.getByRole('menu').getByRole('link', { name: '督办看板' }).waitFor();
    expect(await page.getByRole('menu').getByRole('link', { name: '节假日日历' }).count()).toBe(0);
    await context.close();
  });
});
