import type { Browser, Locator, Page } from 'playwright-core';
import { confirmDialog, launchBrowser, newSession, screenshot, signIn, tmpFile } from './support/browser';
import { systemUrl } from './support/system';
import { openSession } from './support/api';

/**
 * One proposal from the session import to a signed, rated reply, entirely through the web UI,
 * each person in their own browser session: the committee's registrar, the assigning office,
 * a supervisor, two co-handling bureaus, and the lead bureau's handler, reviewer and signer.
 */
describe('web UI: a proposal from import to a signed, rated reply', () => {
  const url = systemUrl();
  const session = `ff${Date.now().toString(36)}`;
  const title = '关于推进政务数据共享开放的提案';
  const id = `${session}_1`;
  const pages = new Map<string, Page>();
  let browser: Browser;

  beforeAll(async () => {
    await openSession(url, session);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(username: string, path?: string): Promise<Page> {
    let page = pages.get(username);
    if (!page) {
      const context = await newSession(browser);
      page = await context.newPage();
      await signIn(page, url, username);
      pages.set(username, page);
    }
    if (path) await page.goto(`${url}${path}`);
    return page;
  }

  const detail = async (username: string) => {
    const page = await as(username, `/proposals/${encodeURIComponent(id)}`);
    await page.getByTestId('proposal-title').waitFor();
    return page;
  };

  /**
   * Picks options of an Ant Design select by typing and clicking them in the open dropdown (not
   * a closed one still in the page), and waits until each shows as chosen in the select itself.
   */
  async function choose(select: Locator, ...labels: string[]): Promise<void> {
    const page = select.page();
    const field = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    for (const label of labels) {
      await select.click();
      await select.fill(label);
      await open.locator('.ant-select-item-option', { hasText: label }).first().click();
      await field.getByText(label, { exact: true }).first().waitFor();
    }
    await select.press('Escape');
    await open.first().waitFor({ state: 'hidden' });
  }

  it('goes through import, review, assignment, 催办, opinions, drafting, review, sign-off, dispatch and feedback', async () => {
    // The committee imports the session file and accepts the proposal.
    const registrar = await as('registrar', '/intake');
    const csv = [
      'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints,urgent',
      `proposal,${session},市政协八届二次会议,1,${title},李明、王芳,建议推进政务数据共享。,建设数据共享平台|开放公共数据目录,false`,
    ].join('\n');
    await registrar.locator('input[type=file]').setInputFiles(tmpFile('session.csv', csv));
    await registrar.getByTestId('import-start').click();
    await registrar.getByTestId('import-summary').getByText('共 1 件：新登记 1 件，未变化 0 件，失败 0 件').waitFor();
    await registrar.goto(`${url}/intake?tab=review&pageSize=200`);
    const row = registrar.getByTestId('review-list').locator('tbody tr.ant-table-row', { hasText: title });
    await row.locator('.ant-checkbox-input').check();
    await registrar.getByTestId('accept-selected').click();
    await confirmDialog(registrar, /立案不能撤销/);
    await registrar.getByTestId('review-outcome').getByText('已立案 1 件').waitFor();

    // The assigning office assigns it: lead industry-it, co-handlers human resources and education.
    const officer = await as('officer', '/assignment?pageSize=200');
    await officer.getByRole('button', { name: `交办：${title}` }).click();
    const form = officer.getByTestId(`assign-form-${id}`);
    await choose(form.getByLabel('主办单位'), 'X市工业和信息化局');
    await choose(form.getByLabel('会办单位'), 'X市人力资源和社会保障局', 'X市教育局');
    await form.getByRole('button', { name: /确认交办/ }).click();
    await confirmDialog(officer, /办理时限即开始计算/);
    await officer.getByTestId('assigned').getByText(`已交办：${title}`).waitFor();

    // A supervisor sees what falls due and reminds the education bureau (催办).
    const supervisor = await as('supervisor', `/dashboard?tab=due-soon&within=40&session=${session}&unit=education`);
    const due = supervisor.getByTestId('deadlines-due-soon').locator('tbody tr.ant-table-row', { hasText: title });
    await due.getByRole('button', { name: `催办：${title}` }).click();
    await supervisor.getByRole('dialog').getByLabel('催办说明（可选）').fill('请尽快报送会办意见。');
    await supervisor.getByTestId('reminder-send').click();
    await supervisor.getByTestId('reminder-sent').getByText('已向X市教育局发送催办').waitFor();

    // Both co-handling bureaus send their opinions, point by point.
    for (const [user, texts] of [
      ['human-resources-cohandler', ['同意建设共享平台。', '建议分批开放。']],
      ['education-cohandler', ['教育数据可纳入平台。', '留作参考。']],
    ] as const) {
      const page = await detail(user);
      const panel = page.getByTestId('panel-opinion');
      for (const [i, text] of texts.entries()) {
        await panel
          .getByRole('radiogroup', { name: `建议${i + 1}的采纳情况` })
          .getByRole('radio', { name: '吸收采纳' })
          .check();
        await panel.getByLabel(`建议${i + 1}的意见`).fill(text);
      }
      await panel.getByRole('button', { name: '报送意见' }).click();
      await panel.waitFor({ state: 'detached' });
    }

    // The lead handler drafts the reply beside the opinions and submits it.
    const handler = await detail('lead-handler');
    await handler.getByTestId('panel-draft').getByRole('button', { name: '打开拟稿工作台' }).click();
    await handler.waitForURL(/\/workspace$/);
    await handler.getByTestId('ws-opinion-1-human-resources').getByText('同意建设共享平台。').waitFor();
    const draft = handler.getByTestId('draft-form');
    await draft.getByText('A类', { exact: true }).click();
    await draft.getByText('主动公开', { exact: true }).click();
    for (const [seq, text] of [
      [1, '我局已启动政务数据共享平台建设。'],
      [2, '公共数据目录将分批开放。'],
    ] as const) {
      const section = handler.getByTestId(`section-${seq}`);
      await section.getByRole('radio', { name: '吸收采纳' }).check();
      await section.getByLabel(`建议${seq}的答复`).fill(text);
    }
    await draft.getByLabel('致谢领域（如：数字经济发展）').fill('政务数据共享');
    await draft.getByLabel('联系电话').fill('0571-88888888');
    await draft.getByRole('button', { name: '提交核稿' }).click();
    await handler.waitForURL(/\/proposals\/[^/]+$/);

    // The reviewer approves; the signer signs and gets the document number.
    const reviewer = await detail('lead-reviewer');
    const review = reviewer.getByTestId('panel-review');
    await review.getByText('我局已启动政务数据共享平台建设。').waitFor();
    await review.getByRole('button', { name: '核稿通过' }).click();
    await review.waitFor({ state: 'detached' });
    const signer = await detail('lead-signer');
    await signer
      .getByTestId('panel-sign-off')
      .getByRole('button', { name: /^签\s*发$/ })
      .click();
    await confirmDialog(signer, /文号池/);
    const number = signer.getByTestId('document-number');
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^X工信函〔\d{4}〕\d+号$/);

    // The handler dispatches it; the assigning office records both proposers' ratings.
    const back = await detail('lead-handler');
    await back.getByTestId('panel-dispatch').getByRole('button', { name: '发出答复' }).click();
    await confirmDialog(back);
    await back.getByTestId('stage').getByText('满意度测评中').waitFor();
    const rating = (await detail('officer')).getByTestId('panel-feedback-industry-it');
    for (const [proposer, result] of [
      ['李明', '满意'],
      ['王芳', '基本满意'],
    ] as const) {
      await rating
        .getByRole('radiogroup', { name: `${proposer}的测评结果` })
        .getByRole('radio', { name: result, exact: true })
        .check();
      await rating.getByRole('button', { name: `录入${proposer}的测评` }).click();
      await rating.getByText(`${proposer}：${result}`).or(rating.page().getByTestId('stage')).first().waitFor();
    }
    // A 主动公开 reply is published next: the handler confirms it, and the proposal is closed.
    const publisher = await detail('lead-handler');
    await publisher.getByTestId('stage').getByText('待公开').waitFor();
    const publish = publisher.getByTestId('panel-publication');
    await publish.getByLabel('公开位置（可选，如网站栏目）').fill('市政府门户网站·建议提案办理');
    await publish.getByRole('button', { name: '确认已公开' }).click();
    await confirmDialog(publisher);
    await publisher.getByTestId('stage').getByText('已办结').waitFor();
    await screenshot(publisher, '30-full-flow-closed');

    // The audit timeline names every step, and the supervisor's 催办 is in it.
    const timeline = await detail('supervisor');
    await timeline.getByRole('tab', { name: '办理记录' }).click();
    for (const step of ['催办', '报送会办意见', '提交核稿', '核稿通过', '签发', '发出答复', '办结']) {
      await timeline.getByTestId('timeline').getByText(step, { exact: true }).first().waitFor();
    }
  });
});
