import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newSession, screenshot, signIn } from './support/browser';
import { systemUrl } from './support/system';
import { apiToken, openSession } from './support/api';

/**
 * 相似答复参考 in the drafting workspace: an earlier proposal's signed reply is listed with its
 * class, adoption and follow-up tags, and one of its sections is copied into the draft with
 * the shape it was signed in (no heading, no adoption sentence), so the preview prints it so.
 */
describe('web UI: reusing a similar signed reply while drafting', () => {
  const url = systemUrl();
  const session = `sim${Date.now().toString(36)}`;
  // The session code is a word of both titles, so no earlier run's proposal is more alike.
  const earlier = `${session}_1`;
  const target = `${session}_2`;
  let browser: Browser;
  let context: BrowserContext;

  async function post(username: string, path: string, body: object): Promise<void> {
    const res = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await apiToken(url, username)}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  }

  async function assigned(number: string, title: string): Promise<string> {
    await post('registrar', '/proposals', {
      kind: 'proposal',
      sessionCode: session,
      sessionName: '市政协八届二次会议',
      number,
      title,
      proposers: [{ name: '李明', lead: true }],
      body: `${session} 智慧停车泊位不足，停车难。`,
      suggestionPoints: [{ seq: 1, text: '建设智慧停车平台' }],
    });
    const id = `${session}_${number}`;
    await post('registrar', `/proposals/${id}/review`, { decision: 'accept' });
    await post('officer', `/proposals/${id}/assignment`, { mode: 'single', unitIds: ['industry-it'] });
    return id;
  }

  beforeAll(async () => {
    await openSession(url, session);
    browser = await launchBrowser();
    await assigned('1', `关于${session}建设智慧停车平台的提案`);
    await post('lead-handler', `/proposals/${earlier}/drafts`, {
      replyClass: 'B',
      disclosure: 'never',
      sections: [
        {
          seq: 1,
          adoption: 'adopted',
          title: '智慧停车平台建设',
          // Not the drafting page's defaults (a heading; the sentence as its own paragraph).
          omitHeading: true,
          adoptionSentence: 'omitted',
          text: '已将智慧停车平台列入明年计划。',
          measures: ['新增公共泊位2000个。'],
        },
      ],
      topic: '智慧城市建设',
      contact: { name: '王五', phone: '0571-88888888' },
    });
    await post('lead-reviewer', `/proposals/${earlier}/drafts/review`, { decision: 'approve' });
    await post('lead-signer', `/proposals/${earlier}/sign-off`, { decision: 'sign' });
    await assigned('2', `关于${session}缓解智慧停车难的提案`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists the earlier signed reply with its tags and copies its section into the draft', async () => {
    context = await newSession(browser);
    const page: Page = await context.newPage();
    await signIn(page, url, 'lead-handler');
    await page.goto(`${url}/proposals/${encodeURIComponent(target)}/workspace`);
    const panel = page.getByTestId('similar-replies');
    const item = panel.getByTestId(`similar-${earlier}`);
    await item.getByText('B类答复').waitFor();
    await item.getByText('吸收采纳').waitFor();
    await item.getByText('跟踪办理未到期').waitFor();
    expect(await panel.getByTestId(`similar-${target}`).count()).toBe(0);

    await item.click();
    const section = panel.getByTestId(`similar-section-${earlier}-1`);
    await section.getByText('已将智慧停车平台列入明年计划。').waitFor();
    await panel.getByTestId(`similar-copy-${earlier}-1`).click();
    await page.getByRole('menuitem', { name: '复制到第1项建议' }).click();
    await page.locator('.ant-message-success').getByText('已复制到第1项建议的答复').waitFor();

    const s1 = page.getByTestId('section-1');
    expect(await s1.getByLabel('建议1的答复').inputValue()).toBe('已将智慧停车平台列入明年计划。');
    expect(await s1.getByLabel('建议1的标题（可选，默认用建议原文）').inputValue()).toBe('智慧停车平台建设');
    expect(await s1.getByLabel('建议1的措施1').inputValue()).toBe('新增公共泊位2000个。');
    expect(await s1.getByRole('radio', { name: '吸收采纳' }).isChecked()).toBe(true);
    expect(await s1.getByRole('radio', { name: '不写' }).isChecked()).toBe(true);
    expect(await s1.getByTestId('omit-heading-1').isChecked()).toBe(true);
    await screenshot(page, '30-workspace-similar-replies');

    // The preview prints the copy as the signed original: text and measure, no heading, no adoption sentence.
    const form = page.getByTestId('draft-form');
    // Button-style radios: their input is hidden; the label is what people click.
    await form.getByText('B类', { exact: true }).click();
    await form.getByText('不予公开', { exact: true }).click();
    await form.getByLabel('致谢领域（如：数字经济发展）').fill('智慧城市建设');
    await form.getByLabel('联系电话').fill('0571-88888888');
    await form.getByRole('button', { name: '预览答复函' }).click();
    const letter = page.frameLocator('[data-testid=draft-preview] [data-testid=letter-frame]');
    await letter.getByText('已将智慧停车平台列入明年计划。', { exact: true }).waitFor();
    await letter.getByText('（一）新增公共泊位2000个。', { exact: true }).waitFor();
    expect(await letter.getByText('智慧停车平台建设').count()).toBe(0);
    expect(await letter.getByText('吸收采纳该建议').count()).toBe(0);
  });
});
