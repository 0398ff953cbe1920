import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { choose, confirmDialog, launchBrowser, newSession, screenshot, signIn, tmpFile } from './support/browser';
import { systemUrl } from './support/system';

/**
 * The registrar, the assigning office and the supervisors through the UI served by `npm start`:
 * a session imported in chunks (progress, per-row errors, a safe re-import), one proposal
 * registered by hand, the review (立案); an assignment; the supervision dashboard with 催办 and
 * the CSV export; what each role may open; a co-handler's notifications.
 */
describe('web UI: intake, assignment and supervision', () => {
  const url = systemUrl();
  const session = `e2e${Date.now().toString(36)}`;
  // Unique per run: other test files may register proposals on the same system.
  const sessionName = `市政协八届二次会议（${session}）`;
  const closedSession = `${session}c`;
  const HEADER = 'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints,urgent';
  /** 25 rows; rows 4 (no title), 9 (a number with a space) and 15 (urgent "yes") are invalid. */
  const csv = [
    HEADER,
    ...Array.from({ length: 25 }, (_, i) => {
      const n = i + 1;
      const number = n === 9 ? 'No 9' : String(n);
      const title = n === 4 ? '' : `关于推进第${n}项民生实事的提案`;
      const urgent = n === 15 ? 'yes' : n % 5 === 0 ? 'true' : 'false';
      return `proposal,${session},${sessionName},${number},${title},李明、王芳;张伟,"正文第一段，含逗号, 与引号""示例""。\n第二段。",加快实施|强化保障,${urgent}`;
    }),
  ].join('\r\n');
  const handTitle = '关于建设智慧停车诱导系统的提案';
  const handId = `${session}_100`;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(username: string): Promise<Page> {
    const context = await newSession(browser);
    const page = await context.newPage();
    await signIn(page, url, username);
    return page;
  }

  /** Usable at 1366×768: nothing sticks out sideways (the elements that do, if any). */
  async function overflowing(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return [];
      // Where it starts: an element sticking out of its parent, past the window's edge.
      return Array.from(document.querySelectorAll('body *'))
        .filter((e) => {
          const right = e.getBoundingClientRect().right;
          return right > width + 0.5 && right > (e.parentElement?.getBoundingClientRect().right ?? 0) + 0.5;
        })
        .slice(0, 8)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)} right=${Math.round(e.getBoundingClientRect().right)}`,
        )
        .concat(`scrollWidth=${document.documentElement.scrollWidth} clientWidth=${width}`);
    });
  }

  it('lets the admin open the session for registration, and close another, at /admin/sessions', async () => {
    const page = await as('admin');
    await page.getByRole('link', { name: '届次管理' }).click();
    const form = page.getByTestId('session-form');
    for (const [code, name] of [
      [session, sessionName],
      [closedSession, `市政协八届二次会议（${closedSession}）`],
    ]) {
      await form.getByLabel('届次代码', { exact: true }).fill(code);
      await form.getByLabel('届次名称', { exact: true }).fill(name);
      await form.getByLabel('届', { exact: true }).fill('8');
      await form.getByLabel('次', { exact: true }).fill('2');
      await page.getByTestId('session-create').click();
      await page.getByRole('status').getByText(`已创建届次 ${name}`).waitFor();
    }
    const row = (code: string) =>
      page.locator('tbody tr.ant-table-row', { has: page.getByRole('cell', { name: code, exact: true }) });
    await row(session).getByText('受理登记').waitFor();
    await row(closedSession).getByRole('button', { name: '关闭登记' }).click();
    await page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name: '关闭登记' }).click();
    await row(closedSession).getByText('已关闭').waitFor();
    await row(closedSession).getByRole('button', { name: '重新开放' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });

  it('imports a session CSV in chunks with real progress, lists each failed row, and re-imports safely', async () => {
    const page = await as('registrar');
    const nav = page.getByRole('menu', { name: 'main' });
    await nav.getByText('登记与导入').waitFor();
    expect(await nav.getByText('督办看板').count()).toBe(0);
    await nav.getByText('登记与导入').click();
    await page.getByRole('heading', { name: '登记与导入' }).waitFor();

    const file = tmpFile('session.csv', csv);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-file-summary').getByText('session.csv：共 25 件，将分 5 批发送').waitFor();

    // Record every value the progress bar shows while the chunks go out.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role=progressbar]');
        const v = Number(bar?.getAttribute('aria-valuenow') ?? -1);
        if (bar && seen[seen.length - 1] !== v) seen.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-progress').getByText('已处理 25 / 25 件').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(seen.some((v) => v > 0 && v < 25)).toBe(true);
    expect(seen[seen.length - 1]).toBe(25);
    await page.getByTestId('import-summary').getByText('共 25 件：新登记 22 件，未变化 0 件，失败 3 件').waitFor();

    await page.getByLabel('只看失败的行').click();
    const failed = page.locator('[data-testid=import-results] tr[data-status=failed]');
    await failed.nth(2).waitFor();
    expect(await failed.count()).toBe(3);
    expect(await failed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual(['4', '9', '15']);
    await failed.nth(0).getByText('填写的内容不符合要求').waitFor();
    await failed.nth(0).getByText('案由：必须填写，且不超过 200 字').waitFor();
    await failed.nth(1).getByText('编号：须为 1–32 位字母、数字或短横线').waitFor();
    await failed.nth(2).getByText('是否紧急：须为 true 或 false').waitFor();
    // Each record spans two lines (its text has a line break): row 15 starts on line 30.
    await failed.nth(2).getByText('文件第 30 行').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '10-intake-import');

    // The same file again: nothing new, the three invalid rows still reported.
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').getByText('共 25 件：新登记 0 件，未变化 22 件，失败 3 件').waitFor();
    await page.context().close();
  });

  it('registers one proposal by the form, keeping what was typed when the server refuses it', async () => {
    const page = await as('registrar');
    await page.goto(`${url}/intake?tab=register`);
    const form = page.getByTestId('register-form');
    // The session is chosen from those open for registration (a closed one is not offered).
    const sessionSelect = form.getByLabel('届次', { exact: true });
    await sessionSelect.click();
    await sessionSelect.fill(closedSession);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByText('没有受理登记的届次')
      .waitFor();
    await sessionSelect.press('Escape');
    await choose(sessionSelect, `${sessionName}（${session}）`);
    // Number 1 is taken by an imported proposal with another title: refused (409).
    await form.getByLabel('提案编号', { exact: true }).fill('1');
    await form.getByLabel('案由', { exact: true }).fill(handTitle);
    await form.getByLabel('第 1 位提案人姓名', { exact: true }).fill('赵敏');
    await form.getByRole('button', { name: '添加联名提案人' }).click();
    await form.getByLabel('第 2 位提案人姓名', { exact: true }).fill('钱进');
    await form.getByLabel('正文', { exact: true }).fill('城区停车难问题突出，建议建设智慧停车诱导系统。');
    await form.getByLabel('第 1 条建议', { exact: true }).fill('建设全市统一的停车信息平台');
    await form.getByRole('button', { name: '添加一条建议' }).click();
    await form.getByLabel('第 2 条建议', { exact: true }).fill('在商圈设置停车诱导屏');
    await form.getByLabel('紧急提案（按较短时限办理）').check();
    await page.getByTestId('register-submit').click();
    await page.getByTestId('error-alert').getByText('该届次和编号已登记了另一件提案').waitFor();
    expect(await form.getByLabel('案由', { exact: true }).inputValue()).toBe(handTitle);
    expect(await form.getByLabel('第 2 条建议', { exact: true }).inputValue()).toBe('在商圈设置停车诱导屏');

    await form.getByLabel('提案编号', { exact: true }).fill('100');
    await page.getByTestId('register-submit').click();
    await page.getByText(`已登记：${handTitle}`).waitFor();
    expect(await page.getByRole('link', { name: '查看提案' }).getAttribute('href')).toBe(
      `/proposals/${encodeURIComponent(handId)}`,
    );
    expect(await form.getByLabel('案由', { exact: true }).inputValue()).toBe('');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '11-intake-register');
    await page.context().close();
  });

  it('accepts the registered proposals, several at once', async () => {
    const page = await as('registrar');
    await page.goto(`${url}/intake?tab=review`);
    const list = page.getByTestId('review-list');
    await list.getByText(handTitle).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '12-intake-review');
    // This run's 23 (22 imported, 1 by hand), 20 to a page: select them, accept, until none is left.
    const mine = list.locator('tbody tr.ant-table-row', { hasText: sessionName });
    let accepted = 0;
    for (let round = 0; round < 5 && (await mine.count()) > 0; round++) {
      const count = await mine.count();
      for (let i = 0; i < count; i++) await mine.nth(i).locator('.ant-checkbox-input').check();
      await page.getByTestId('accept-selected').getByText(`立案所选（${count} 件）`).waitFor();
      await page.getByTestId('accept-selected').click();
      await confirmDialog(page, new RegExp(`所选的 ${count} 件提案立案`));
      await page.getByTestId('review-outcome').getByText(`已立案 ${count} 件`).waitFor({ timeout: 60_000 });
      accepted += count;
      await page.getByTestId('review-outcome').locator('.ant-alert-close-icon').click();
      await list.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    }
    expect(accepted).toBe(23);
    await page.context().close();
  });

  it('lists and searches proposals with the filters in the URL', async () => {
    const page = await as('registrar');
    await page.goto(`${url}/proposals?sessionCode=${session}`);
    await page.locator('.ant-pagination-total-text', { hasText: '共 23 条' }).waitFor();
    await page.getByLabel('关键词').fill('智慧停车');
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    await page.waitForURL(/q=%E6%99%BA/);
    const link = page.getByTestId('proposal-list').getByRole('link', { name: handTitle });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/proposals/${encodeURIComponent(handId)}`);
    await page.locator('.ant-pagination-total-text', { hasText: '共 1 条' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '15-proposals');
    await page.context().close();
  });

  it('assigns a proposal: lead industry-it, co-handlers human resources and education', async () => {
    const page = await as('officer');
    await page.getByRole('menu', { name: 'main' }).getByText('交办').click();
    await page.getByRole('heading', { name: '交办' }).waitFor();
    await page.getByRole('button', { name: `交办：${handTitle}` }).click();
    const form = page.getByTestId(`assign-form-${handId}`);
    await form.getByText('建设全市统一的停车信息平台').waitFor();
    // Lead + co-handlers without a co-handler is caught before sending.
    await choose(form.getByLabel('主办单位'), 'X市工业和信息化局');
    await form.getByRole('button', { name: /确认交办/ }).click();
    await form.getByText('主办 + 会办须至少选择一个会办单位（否则请选“单独办理”）').waitFor();
    await choose(form.getByLabel('会办单位'), 'X市人力资源和社会保障局', 'X市教育局');
    // The refused attempt kept the lead unit chosen before it.
    expect(await form.locator('.ant-select-content', { hasText: 'X市工业和信息化局' }).count()).toBe(1);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '13-assignment');
    await form.getByRole('button', { name: /确认交办/ }).click();
    await confirmDialog(page, /办理时限即开始计算/);
    await page.getByTestId('assigned').getByText(`已交办：${handTitle}`).waitFor();
    await page.getByRole('button', { name: `交办：${handTitle}` }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('shows the supervisor what falls due, who holds it, sends a 催办, and exports the statistics', async () => {
    const page = await as('supervisor');
    await page.goto(`${url}/dashboard?tab=due-soon&within=40&session=${session}`);
    const table = page.getByTestId('deadlines-due-soon');
    // An urgent proposal: the opinions (10 working days), the proposer contact and the reply
    // (one month) all fall due within 40 working days; each row names the unit holding it.
    const rows = table.locator('tbody tr.ant-table-row', { hasText: handTitle });
    await rows.nth(1).waitFor();
    const described = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll('td');
        return `${(cells[1] as HTMLElement).innerText.split('\n')[0]}:${(tr.querySelector('[data-testid=held-by]') as HTMLElement).innerText}`;
      }),
    );
    expect(described).toEqual(
      expect.arrayContaining(['会办意见:X市人力资源和社会保障局', '会办意见:X市教育局', '答复:X市工业和信息化局']),
    );
    await rows
      .first()
      .getByText(/还剩\d+个工作日/)
      .waitFor();
    await page.getByRole('tab', { name: `40个工作日内到期（${described.length}）` }).waitFor();

    // Filter by unit: only education's opinion is left.
    await choose(page.getByLabel('责任单位'), 'X市教育局');
    await page.waitForURL(/unit=education/);
    await page.getByRole('tab', { name: /40个工作日内到期（1）/ }).waitFor();
    const education = table.locator('tbody tr.ant-table-row', { hasText: handTitle });
    await education.getByText('会办意见').waitFor();

    await education.getByRole('button', { name: `催办：${handTitle}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('X市教育局').waitFor();
    await dialog.getByLabel('催办说明（可选）').fill('请于本周内报送会办意见。');
    await page.getByTestId('reminder-send').click();
    await page.getByTestId('reminder-sent').getByText('已向X市教育局发送催办').waitFor();

    await page.getByTestId('chart-on-time').locator('svg').waitFor();
    await page.getByTestId('chart-satisfaction').locator('svg').waitFor();
    await page.getByTestId('statistics-table').getByText('X市教育局').waitFor();
    // The office's rates, and the 合计 row the API made from the summed counts.
    await page.getByTestId('statistics-table').getByRole('columnheader', { name: '办结率', exact: true }).waitFor();
    await page.getByTestId('statistics-table').getByRole('columnheader', { name: '催办次数' }).waitFor();
    await page.getByTestId('statistics-total').getByText('合计').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '14-dashboard');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`banli-statistics-unit-${session}.csv`);
    const text = fs.readFileSync(await csvDownload.path(), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    // A report: its title, the date it was made, a blank line, then the table.
    expect(lines[0]).toBe('提案办理情况统计表（按承办单位）');
    expect(lines[1]).toMatch(/^制表日期：/);
    const header = lines[3].split(',');
    expect(header.slice(0, 5)).toEqual(['单位', '代码', '主办/单独办理件数', '会办件数', '已办结']);
    expect(header).toEqual(
      expect.arrayContaining(['答复按时率', '会办按时率', '满意', '基本满意', '不满意', '未测评']),
    );
    expect(text).toContain('education');
    expect(lines.filter(Boolean).at(-1)).toMatch(/^合计,/);

    // The list on screen as a file: the due-soon tab, filtered as shown.
    const [listDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出本列表' }).click(),
    ]);
    expect(listDownload.suggestedFilename()).toBe(`banli-due-soon-${session}.xlsx`);
    await page.context().close();
  });

  it('shows each role only its own screens', async () => {
    const registrar = await as('registrar');
    await registrar.goto(`${url}/dashboard`);
    await registrar.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(new URL(registrar.url()).pathname).toBe('/');
    await registrar.goto(`${url}/assignment`);
    await registrar.getByRole('heading', { name: '我的待办' }).waitFor();
    await registrar.context().close();

    const coHandler = await as('human-resources-cohandler');
    const nav = coHandler.getByRole('menu', { name: 'main' });
    await nav.getByText('提案查询').waitFor();
    for (const hidden of ['登记与导入', '交办', '督办看板']) expect(await nav.getByText(hidden).count()).toBe(0);
    await coHandler.goto(`${url}/intake`);
    await coHandler.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(new URL(coHandler.url()).pathname).toBe('/');
    // A bureau sees only what it was assigned.
    await coHandler.goto(`${url}/proposals?sessionCode=${session}`);
    await coHandler.locator('.ant-pagination-total-text', { hasText: '共 1 条' }).waitFor();
    await coHandler.context().close();
  });

  // Needs GET /api/notifications and POST …/read (the notifications branch).
  it("lists the co-handler's assignment notice and marks it read", async () => {
    const page = await as('human-resources-cohandler');
    const notice = page.locator('[data-testid=notification]', { hasText: handTitle }).first();
    // Notices are delivered by the relay shortly after the assignment.
    for (let i = 0; i < 20 && !(await notice.count()); i++) {
      await page.goto(`${url}/notifications?unread=true`);
      // Loaded: a notice, none (empty), or a refusal.
      await page.locator('[data-testid=notification], [data-testid=error-alert], .ant-empty').first().waitFor();
      const refused = page.getByTestId('error-alert');
      if (await refused.count()) {
        throw new Error(`GET /api/notifications was refused (${await refused.getAttribute('data-code')})`);
      }
      if (!(await notice.count())) await page.waitForTimeout(500);
    }
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.getAttribute('data-read')).toBe('false');
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '16-notifications');
    await page.goto(`${url}/notifications`);
    await notice.getByRole('button', { name: /标为已读/ }).click();
    await page.locator('[data-testid=notification][data-read=true]', { hasText: handTitle }).first().waitFor();
    expect(await page.getByRole('link', { name: '查看提案' }).first().getAttribute('href')).toMatch(/^\/proposals\//);
    await page.context().close();
  });
});
