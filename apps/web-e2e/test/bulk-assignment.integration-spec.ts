import type { Browser, Page } from 'playwright-core';
import {
  choose,
  confirmDialog,
  DEMO_PASSWORD,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  tmpFile,
} from './support/browser';
import { systemUrl } from './support/system';
import { openSession } from './support/api';

/**
 * 批量交办: the committee imports a session accepted (导入即立案), the assigning office
 * ticks several proposals on its desk and assigns them in one step, confirms, and sees each
 * proposal's result: assigned, or refused (one was assigned by someone else meanwhile).
 */
describe('web UI: bulk assignment', () => {
  const url = systemUrl();
  const session = `ba${Date.now().toString(36)}`;
  const titles = ['推进老旧小区加装电梯', '完善社区养老服务', '加强河道综合治理', '建设口袋公园'].map(
    (t) => `关于${t}的提案（${session}）`,
  );
  const idOf = (i: number) => `${session}_${i + 1}`;
  let browser: Browser;

  async function token(username: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function api(username: string, method: 'GET' | 'POST', path: string, body?: object): Promise<unknown> {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(username)}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  beforeAll(async () => {
    await openSession(url, session);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a session accepted: each proposal registered and accepted (导入即立案)', async () => {
    const context = await newSession(browser);
    const page: Page = await context.newPage();
    await signIn(page, url, 'registrar');
    await page.goto(`${url}/intake`);
    const header = 'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints';
    const csv = [
      header,
      ...titles.map((title, i) => `proposal,${session},市政协八届二次会议,${i + 1},${title},李明,正文,建议`),
    ];
    await page.locator('input[type=file]').setInputFiles(tmpFile('accepted.csv', csv.join('\r\n')));
    await page.getByLabel(/导入即立案/).check();
    await page.getByTestId('import-start').click();
    await page
      .getByTestId('import-summary')
      .getByText(
        `共 ${titles.length} 件：新登记 ${titles.length} 件，未变化 0 件，失败 0 件；其中本次立案 ${titles.length} 件`,
      )
      .waitFor();
    // Accepted: on the office's desk, no longer awaiting the committee's review.
    for (let i = 0; i < titles.length; i++) {
      const p = (await api('registrar', 'GET', `/proposals/${idOf(i)}`)) as { stage: string };
      expect([i, p.stage]).toEqual([i, 'assignment']);
    }
    await context.close();
  });

  it('assigns the ticked proposals in one step and shows each one’s result', async () => {
    const context = await newSession(browser);
    const page: Page = await context.newPage();
    await signIn(page, url, 'officer');
    await page.goto(`${url}/assignment?pageSize=100`);
    await page.getByRole('heading', { name: '交办' }).waitFor();
    const bulk = page.getByTestId('bulk-assign');
    expect(await bulk.isDisabled()).toBe(true);

    // Tick three of the four; the fourth stays on the desk.
    for (const title of titles.slice(0, 3)) await page.getByLabel(`选择 ${title}`).check();
    await bulk.getByText('批量交办（3）').waitFor();
    await bulk.click();
    const modal = page.getByTestId('bulk-assign-modal');
    await modal.getByText('批量交办 3 件提案').waitFor();

    // Lead + co-handlers without a co-handler is caught before anything is sent.
    await choose(modal.getByLabel('主办单位'), 'X市工业和信息化局');
    await modal.getByRole('button', { name: '下一步' }).click();
    await modal.getByText('主办 + 会办须至少选择一个会办单位（否则请选“单独办理”）').waitFor();
    await choose(modal.getByLabel('会办单位'), 'X市教育局');
    await modal.getByRole('button', { name: '下一步' }).click();
    await modal.getByText(/将以下 3 件提案交办：主办单位 X市工业和信息化局，会办单位 X市教育局/).waitFor();
    for (const title of titles.slice(0, 3)) await modal.getByText(title).waitFor();
    await screenshot(page, '16-bulk-assignment-confirm');

    // Meanwhile the second is assigned by another hand: its row is refused, the others go on.
    await api('officer', 'POST', `/proposals/${idOf(1)}/assignment`, { mode: 'single', unitIds: ['education'] });
    await page.getByTestId('bulk-assign-confirm').click();
    await modal.getByTestId('bulk-assign-summary').getByText('已交办 2 件，未交办 1 件').waitFor();
    const results = modal.getByTestId('bulk-assign-results');
    const row = (title: string) => results.locator('tr', { hasText: title });
    await row(titles[0]).getByText('已交办').waitFor();
    await row(titles[2]).getByText('已交办').waitFor();
    await row(titles[1]).getByText('未交办').waitFor();
    expect(await row(titles[1]).locator('td').nth(2).innerText()).not.toBe('');
    await screenshot(page, '17-bulk-assignment-results');

    // What the read model holds now: two assigned to the chosen units, the fourth still waiting.
    for (const i of [0, 2]) {
      const p = (await api('officer', 'GET', `/proposals/${idOf(i)}`)) as { stage: string; leadUnitId: string };
      expect([i, p.stage, p.leadUnitId]).toEqual([i, 'consultation', 'industry-it']);
    }
    const second = (await api('officer', 'GET', `/proposals/${idOf(1)}`)) as { stage: string; leadUnitId: string };
    expect(second.stage).toBe('drafting');

    await modal.getByRole('button', { name: /完\s*成/ }).click();
    await modal.waitFor({ state: 'detached' });
    for (const title of titles.slice(0, 3)) await page.getByLabel(`选择 ${title}`).waitFor({ state: 'detached' });
    await page.getByLabel(`选择 ${titles[3]}`).waitFor();
    await bulk.getByText('批量交办（0）').waitFor();
    await context.close();
  });

  it('suggests the units similar proposals went to, for one proposal and in bulk; the officer confirms', async () => {
    // Two proposals on a subject assigned to education with human resources; a third arrives.
    const topic = `chanjiao${Date.now().toString(36)}`;
    const register = async (number: string, title: string) => {
      await api('registrar', 'POST', '/proposals', {
        kind: 'proposal',
        sessionCode: session,
        sessionName: '市政协八届二次会议',
        number,
        title,
        proposers: [{ name: '李明', lead: true }],
        body: `${topic} 产教融合 实训基地`,
        suggestionPoints: [{ seq: 1, text: '建设产教融合实训基地' }],
      });
      await api('registrar', 'POST', `/proposals/${session}_${number}/review`, { decision: 'accept' });
      return `${session}_${number}`;
    };
    for (const [number, title] of [
      ['s1', '关于推进产教融合的提案'],
      ['s2', '关于共建实训基地的提案'],
    ]) {
      const id = await register(number, title);
      await api('officer', 'POST', `/proposals/${id}/assignment`, {
        mode: 'lead',
        leadUnitId: 'education',
        coHandlerUnitIds: ['human-resources'],
      });
    }
    const title = `关于深化产教融合实训基地建设的提案（${session}）`;
    const id = await register('s3', title);

    const context = await newSession(browser);
    const page: Page = await context.newPage();
    await signIn(page, url, 'officer');
    await page.goto(`${url}/assignment?pageSize=100`);
    await page.getByRole('button', { name: `交办：${title}` }).click();
    const form = page.getByTestId(`assign-form-${id}`);
    const hint = form.getByTestId('assignment-suggestion');
    await hint.getByText('交办建议：主办 X市教育局，会办 X市人力资源和社会保障局').waitFor();
    await hint.getByText(/依据 2 件已交办的相似提案/).waitFor();
    await hint.getByRole('button', { name: '采用建议' }).click();
    await hint.getByText('已按建议填入，请核对后确认交办').waitFor();
    await screenshot(page, '18-assignment-suggestion');
    await form.getByRole('button', { name: '确认交办' }).click();
    await confirmDialog(page);
    await page.getByRole('button', { name: `交办：${title}` }).waitFor({ state: 'detached' });
    const p = (await api('officer', 'GET', `/proposals/${id}`)) as { stage: string; leadUnitId: string };
    expect([p.stage, p.leadUnitId]).toEqual(['consultation', 'education']);

    // In bulk: two more on the subject and one on another, each as suggested.
    const more = [
      [
        await register('s4', `关于产教融合实训基地运营的提案（${session}）`),
        `关于产教融合实训基地运营的提案（${session}）`,
      ],
      [
        await register('s5', `关于产教融合型企业认定的提案（${session}）`),
        `关于产教融合型企业认定的提案（${session}）`,
      ],
    ];
    const other = `关于琥珀蜂蜡标本馆藏的提案（${session}）`;
    await api('registrar', 'POST', '/proposals', {
      kind: 'proposal',
      sessionCode: session,
      sessionName: '市政协八届二次会议',
      number: 's6',
      title: other,
      proposers: [{ name: '王芳', lead: true }],
      body: `hupo${Date.now().toString(36)} 琥珀标本`,
      suggestionPoints: [{ seq: 1, text: '整理琥珀标本' }],
    });
    await api('registrar', 'POST', `/proposals/${session}_s6/review`, { decision: 'accept' });
    await page.reload();
    for (const t of [...more.map(([, t]) => t), other]) await page.getByLabel(`选择 ${t}`).check();
    await page.getByTestId('bulk-assign').click();
    const modal = page.getByTestId('bulk-assign-modal');
    await modal.getByTestId('bulk-assign-suggested').click();
    const suggestions = modal.getByTestId('bulk-assign-suggestions');
    for (const [, t] of more) {
      await suggestions
        .locator('tr', { hasText: t })
        .getByText('主办单位 X市教育局，会办单位 X市人力资源和社会保障局')
        .waitFor();
    }
    await modal.getByTestId('bulk-assign-without-suggestion').getByText(other).waitFor();
    await page.getByTestId('bulk-assign-confirm').click();
    await modal.getByTestId('bulk-assign-summary').getByText('已交办 2 件，未交办 0 件').waitFor();
    for (const [moreId] of more) {
      const q = (await api('officer', 'GET', `/proposals/${moreId}`)) as { leadUnitId: string; stage: string };
      expect([moreId, q.stage, q.leadUnitId]).toEqual([moreId, 'consultation', 'education']);
    }
    const left = (await api('officer', 'GET', `/proposals/${session}_s6`)) as { stage: string };
    expect(left.stage).toBe('assignment');
    await context.close();
  });
});
