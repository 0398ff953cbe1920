import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { LAPTOP, launchBrowser, newSession, overflowing, PHONE, screenshot, signIn } from './support/browser';
import { apiToken, openSession } from './support/api';
import { systemUrl } from './support/system';

/**
 * Find, print and draft (issue 18 points 6 and 7), at 390×844 and 1280×720: the inbox's
 * search, filters and sort kept in the URL (reload and back keep them); a proposal found by its
 * document number; the 提案办理单 print view with its whole record, only for those who may see
 * the proposal; two draft versions compared; the letter preview beside the editor (below it on
 * a phone) following what is typed.
 */
describe('web UI: find, print and draft', () => {
  const url = systemUrl();
  const session = `fp${Date.now().toString(36)}`;
  const token = `zhao${Date.now().toString(36)}`;
  const drafting = `${session}_1`;
  const signed = `${session}_2`;
  const UNIT = 'human-resources';
  let documentNumber = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function post(username: string, path: string, body: object): Promise<Record<string, unknown>> {
    const res = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await apiToken(url, username)}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  }

  const draft = (text: string, topic = '人力资源') => ({
    replyClass: 'A',
    disclosure: 'never',
    sections: [{ seq: 1, adoption: 'adopted', text }],
    topic,
    contact: { name: '王五', phone: '0571-88888888' },
  });

  /** Registered, accepted and assigned to the one unit: it waits for that unit's draft. */
  async function assigned(number: string, title: string): Promise<string> {
    await post('registrar', '/proposals', {
      kind: 'proposal',
      sessionCode: session,
      sessionName: '市政协八届二次会议',
      number,
      title,
      proposers: [{ name: '李明', lead: true }],
      body: '就业服务仍有短板。',
      suggestionPoints: [{ seq: 1, text: '完善就业服务' }],
    });
    const id = `${session}_${number}`;
    await post('registrar', `/proposals/${id}/review`, { decision: 'accept' });
    await post('officer', `/proposals/${id}/assignment`, { mode: 'single', unitIds: [UNIT] });
    return id;
  }

  async function as(username: string, viewport = LAPTOP, locale = 'zh-CN'): Promise<Page> {
    const context = await newSession(browser, locale, viewport);
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, url, username);
    return page;
  }

  /** Picks an option of a select that has no search box: open it, click the option in the open dropdown. */
  async function pick(select: Locator, label: string): Promise<void> {
    await select.click();
    await select
      .page()
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label })
      .first()
      .click();
  }

  /** The task titles the list shows once it has settled on `expected` (a list keeps its last page while it loads). */
  async function titlesSettle(links: Locator, expected: (titles: string[]) => boolean): Promise<string[]> {
    const until = Date.now() + 15_000;
    let titles = await links.allInnerTexts();
    while (!expected(titles) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      titles = await links.allInnerTexts();
    }
    return titles;
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await openSession(url, session);
    await assigned('1', `关于${token}就业见习的提案`);
    await assigned('2', '关于完善职业技能培训的提案');
    // Two saved versions of the first's draft; the second signed, which gives it a document number.
    await post(
      `${UNIT}-handler`,
      `/proposals/${drafting}/draft-versions`,
      draft('我局已将见习岗位列入年度计划，共三百个。'),
    );
    await post(
      `${UNIT}-handler`,
      `/proposals/${drafting}/draft-versions`,
      draft('我局已将见习岗位列入2027年度计划。', '就业服务'),
    );
    await post(`${UNIT}-handler`, `/proposals/${signed}/drafts`, draft('已采纳。'));
    await post(`${UNIT}-reviewer`, `/proposals/${signed}/drafts/review`, { decision: 'approve' });
    documentNumber = String(
      (await post(`${UNIT}-signer`, `/proposals/${signed}/sign-off`, { decision: 'sign' }))['documentNumber'],
    );
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop()?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const SIZES = [
    ['phone', PHONE],
    ['laptop', LAPTOP],
  ] as const;

  it.each(SIZES)('searches, filters and sorts the inbox, kept in the URL, on a %s', async (name, viewport) => {
    const page = await as(`${UNIT}-handler`, viewport);
    await open(page, '/');
    const search = page.getByRole('searchbox', { name: '搜索待办' });
    const links = page.getByTestId('task-link');
    // Before the search, the other proposal's task (its 发出答复) is listed too.
    expect(await titlesSettle(links, (x) => x.includes('关于完善职业技能培训的提案'))).toContain(
      '关于完善职业技能培训的提案',
    );
    await search.fill(token);
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === token);
    // The handler's tasks of that proposal alone (it has more than one), none of the other's.
    const onlyFound = (titles: string[]) =>
      titles.length > 0 && titles.every((x) => x === `关于${token}就业见习的提案`);
    expect(await titlesSettle(links, onlyFound)).toEqual(expect.arrayContaining([`关于${token}就业见习的提案`]));
    expect(onlyFound(await links.allInnerTexts())).toBe(true);
    // A reload keeps the search, the box shows it, and so does the list.
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await search.inputValue()).toBe(token);
    await titlesSettle(links, onlyFound);
    expect(onlyFound(await links.allInnerTexts())).toBe(true);
    // A stage with none of the results: the empty list says why.
    await pick(page.getByTestId('inbox-stage'), '核稿中');
    await page.waitForURL((u) => u.searchParams.get('stage') === 'review');
    await page.getByText('没有与', { exact: false }).waitFor();
    expect(await links.count()).toBe(0);
    // Back: the stage filter goes, the search stays.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('stage') && u.searchParams.get('q') === token);
    await titlesSettle(links, onlyFound);
    expect(onlyFound(await links.allInnerTexts())).toBe(true);
    await pick(page.getByTestId('inbox-sort'), '收到时间（最新在前）');
    await page.waitForURL((u) => u.searchParams.get('sort') === '-openedAt' && u.searchParams.get('q') === token);
    await titlesSettle(links, onlyFound);
    expect(onlyFound(await links.allInnerTexts())).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, `50-${name}-inbox-search`);
  });

  it.each(SIZES)('finds a proposal by its document number, short or full, on a %s', async (_name, viewport) => {
    const page = await as('officer', viewport);
    const short = documentNumber.replace(/^.*?(〔\d{4}〕\d+号)$/, '$1');
    expect(short).toMatch(/^〔\d{4}〕\d+号$/);
    for (const text of [documentNumber, short]) {
      await open(page, `/proposals`);
      const box = page.getByRole('search').getByRole('textbox').first();
      await box.fill(text);
      await box.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('q') === text);
      await page.waitForLoadState('networkidle');
      // Its own proposal: another spec's may share the title (and, by the short form, the number).
      await page
        .getByTestId('proposal-list')
        .locator(`a[href$="/proposals/${encodeURIComponent(signed)}"]`)
        .first()
        .waitFor();
    }
    expect(await overflowing(page)).toEqual([]);
  });

  it.each(SIZES)('prints the proposal with its whole handling record on a %s', async (name, viewport) => {
    const page = await as(`${UNIT}-handler`, viewport);
    await open(page, `/proposals/${signed}`);
    await page.getByTestId('open-print').click();
    await page.waitForURL(/\/print$/);
    const sheet = page.getByTestId('print-sheet');
    await sheet.getByRole('heading', { name: '提案办理单' }).waitFor();
    expect(await sheet.getByTestId('print-title').innerText()).toBe('关于完善职业技能培训的提案');
    expect(await sheet.getByTestId('print-document-number').innerText()).toBe(documentNumber);
    const record = sheet.getByTestId('print-record');
    for (const what of ['登记', '交办', '提交核稿', '核稿通过', '签发']) {
      await record.getByText(what, { exact: true }).first().waitFor();
    }
    expect(await sheet.getByTestId('print-signatures').innerText()).toContain(documentNumber);
    await sheet.getByTestId('print-deadlines').getByText('答复').first().waitFor();
    // A part with nothing to record says so.
    await sheet.getByTestId('print-extensions').getByText('无', { exact: true }).waitFor();
    await sheet.getByTestId('print-ratings').getByText('尚无满意度测评结果').waitFor();
    await page.getByTestId('print-button').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, `51-${name}-print`);
    // Printed: no app header, menu or buttons; the sheet itself is.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the print view only to those who may see the proposal', async () => {
    const page = await as('education-handler');
    await open(page, `/proposals/${signed}/print`);
    await page.getByTestId('proposal-not-found').waitFor();
    expect(await page.getByTestId('print-sheet').count()).toBe(0);
  });

  it('compares two draft versions and previews the letter beside the editor as one types (laptop)', async () => {
    const page = await as(`${UNIT}-handler`, LAPTOP);
    await open(page, `/proposals/${drafting}/workspace`);
    const diff = page.getByTestId('draft-diff');
    const section = diff.getByTestId('diff-section-1');
    await section.waitFor();
    expect(await section.locator('[data-diff=inserted]').allInnerTexts()).toEqual(['2027']);
    expect((await section.locator('[data-diff=deleted]').allInnerTexts()).join('')).toBe('，共三百个');
    expect(await diff.getByTestId('diff-topic').locator('[data-diff]').count()).toBeGreaterThan(0);
    // The same version on both sides: nothing differs.
    await pick(diff.getByTestId('diff-from'), '第1轮 第2稿');
    await diff.getByText('两稿内容相同').waitFor();

    // The preview takes the points' place beside the form and follows the typing.
    await page.getByTestId('workspace-pane').getByText('信函预览').click();
    const letter = page.frameLocator('[data-testid=draft-preview] [data-testid=letter-frame]');
    await letter.getByText('我局已将见习岗位列入2027年度计划。', { exact: false }).waitFor();
    const form = page.getByTestId('draft-form');
    const preview = await page.getByTestId('draft-preview').boundingBox();
    const editor = await form.boundingBox();
    expect(preview && editor && preview.x + preview.width <= editor.x).toBe(true);
    await page.getByTestId('section-1').getByLabel('建议1的答复').fill('实时预览的新答复文字。');
    await letter.getByText('实时预览的新答复文字。', { exact: false }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '52-laptop-workspace-diff-preview');
  });

  it('shows the letter preview below the editor on a phone, following the typing', async () => {
    const page = await as(`${UNIT}-handler`, PHONE);
    await open(page, `/proposals/${drafting}/workspace`);
    expect(await page.getByTestId('workspace-pane').count()).toBe(0);
    await page.getByTestId('draft-diff').getByTestId('diff-section-1').waitFor();
    const form = page.getByTestId('draft-form');
    await form.getByRole('button', { name: '预览答复函' }).click();
    const letter = page.frameLocator('[data-testid=draft-preview] [data-testid=letter-frame]');
    await letter.getByText('我局已将见习岗位列入2027年度计划。', { exact: false }).waitFor();
    const preview = await page.getByTestId('draft-preview').boundingBox();
    const editor = await form.boundingBox();
    expect(preview && editor && preview.y >= editor.y + editor.height).toBe(true);
    await page.getByTestId('section-1').getByLabel('建议1的答复').fill('手机上的新答复。');
    await letter.getByText('手机上的新答复。', { exact: false }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, '53-phone-workspace-preview');
  });
});
