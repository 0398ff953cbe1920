import type { Browser, Page } from 'playwright-core';
import { choose, DEMO_PASSWORD, launchBrowser, newSession, screenshot, signIn } from './support/browser';
import { systemUrl } from './support/system';

/**
 * 组织机构管理: the admin adds a unit and a person to it on the screen; the person signs in
 * and sees their name and their unit's. A non-admin is not offered the screen.
 */
describe('web UI: organisation administration', () => {
  const url = systemUrl();
  const run = Date.now().toString(36);
  const unit = { id: `web-${run}`, name: `X市网页${run}局`, short: `市网页${run}局`, issuer: `X网${run}函` };
  const person = { username: `web-${run}`, displayName: `网页局承办人${run}` };
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a unit and a person in it; the person signs in under their name', async () => {
    const context = await newSession(browser);
    const page: Page = await context.newPage();
    await signIn(page, url, 'admin');
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await page.getByRole('heading', { name: '组织机构管理' }).waitFor();

    await page.getByTestId('unit-add').click();
    const unitForm = page.getByTestId('unit-form');
    await unitForm.getByLabel('单位编码').fill(unit.id);
    await unitForm.getByLabel('单位全称').fill(unit.name);
    await unitForm.getByLabel('简称（用于函件）').fill(unit.short);
    await unitForm.getByLabel('发文字号前缀').fill(unit.issuer);
    await page.getByTestId('unit-save').click();
    await unitForm.waitFor({ state: 'detached' });
    const row = page.getByTestId('units-table').getByRole('row', { name: new RegExp(unit.id) });
    await row.getByText(unit.name).waitFor();
    await row.getByText('承办单位').waitFor();
    await screenshot(page, 'organisation-units');

    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByTestId('person-add').click();
    const personForm = page.getByTestId('person-form');
    await personForm.getByLabel('登录名').fill(person.username);
    await personForm.getByLabel('初始密码').fill(DEMO_PASSWORD);
    await personForm.getByLabel('姓名').fill(person.displayName);
    await choose(personForm.getByLabel('所在单位'), unit.name);
    await choose(personForm.getByLabel('角色'), '承办人');
    await page.getByTestId('person-save').click();
    await personForm.waitFor({ state: 'detached' });
    const personRow = page.getByTestId('people-table').getByRole('row', { name: new RegExp(person.username) });
    await personRow.getByText(person.displayName).waitFor();
    await personRow.getByText(unit.name).waitFor();

    await page.getByRole('tab', { name: '操作记录' }).click();
    await page.getByTestId('admin-events-table').getByText('新增人员').first().waitFor();
    await context.close();

    const theirs = await newSession(browser);
    const theirPage = await theirs.newPage();
    await signIn(theirPage, url, person.username);
    // The unit's name comes with the unit list, a moment after the page.
    await theirPage.getByTestId('current-user').filter({ hasText: unit.name }).waitFor();
    expect(await theirPage.getByTestId('current-user').innerText()).toBe(`${person.displayName} · ${unit.name}`);
    expect(await theirPage.getByRole('menuitem', { name: '组织机构' }).count()).toBe(0);
    await theirs.close();
  });

  it("keeps the new unit's letter wording: an unknown placeholder is refused naming its field, then saved and reset", async () => {
    const context = await newSession(browser);
    const page: Page = await context.newPage();
    await signIn(page, url, 'admin');
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await page.getByRole('tab', { name: '答复函措辞' }).click();
    const wording = page.getByTestId('letter-wording');
    await choose(wording.getByLabel('适用范围'), `单位：${unit.name}`);
    await wording.getByText('当前沿用', { exact: false }).first().waitFor();

    const opening = page.getByTestId('wording-opening');
    await opening.fill('{you}提出的{title}收悉。{we}认真研究，现答复如下：');
    await page.getByTestId('letter-wording-save').click();
    await wording
      .getByRole('alert')
      .getByText(/opening: unknown placeholder \{title\}/)
      .waitFor();

    await opening.fill('{you}提出的《{proposalTitle}》收悉。{consulted}{we}认真研究，现答复如下：');
    await page.getByTestId('letter-wording-save').click();
    await page.getByText('已保存；已签发的答复函不受影响').waitFor();
    await wording.getByText('本范围自定义措辞').waitFor();
    expect(await opening.inputValue()).toBe(
      '{you}提出的《{proposalTitle}》收悉。{consulted}{we}认真研究，现答复如下：',
    );
    await screenshot(page, 'organisation-letter-wording');

    await page.getByTestId('letter-wording-reset').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await wording.getByText(/当前沿用(全市默认|系统默认)措辞/).waitFor();
    await page.getByRole('tab', { name: '操作记录' }).click();
    await page.getByTestId('admin-events-table').getByText('恢复答复函默认措辞').first().waitFor();
    await page.getByTestId('admin-events-table').getByText('修改答复函措辞').first().waitFor();
    await context.close();
  });
});
