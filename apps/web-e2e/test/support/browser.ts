import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page, Response } from 'playwright-core';
import { track } from './diagnostics';
import { chromiumPath, ROOT } from './system';

/** Screenshots of each main screen, kept as test artefacts (git-ignored). */
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Quiet: no background requests to the (unreachable) internet.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The sizes every screen is checked at (issue 18): a phone and a small laptop. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 720 };

/**
 * How long a page waits for anything (every wait of a session, screenshots included). An
 * action may take the API up to 15 s before it answers (`TEMPORAL_CALL_DEADLINE_MS` in
 * apps/api: the workflow update and the wait for the read model together, then 503), and the
 * page reads the proposal again after the answer: a wait for what an action shows must outlast
 * both, with room for a loaded machine. Waits of 15 s failed while the action was still under
 * way; with the shared 2-core machine at a load average of 25–30, single GETs took up to 30 s
 * and a full-page screenshot more than 30 s. A longer wait costs nothing when the page is right.
 */
export const WAIT_MS = 60_000;

/**
 * A separate browser session (own cookies) for one user, at the size bureau PCs have (or
 * `viewport`). Each session's page renders and runs its timers at full rate whether or not it
 * is "in front" (Playwright starts Chromium without background throttling; checked with 60
 * animation frames a second in each of three sessions): never bring a page to the front.
 */
export async function newSession(
  browser: Browser,
  locale = 'zh-CN',
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(WAIT_MS);
  return track(context);
}

/**
 * Does `act` (the click, and the confirmation if any) and waits for the API's answer to the
 * POST whose path ends with `pathEnd`: a refusal fails here with its status and body, not as a
 * panel that never goes; a slow action is waited for as long as the API may take. Returns
 * the answer; what the page shows after it is then waited for as usual.
 */
export async function submitted(page: Page, pathEnd: string, act: () => Promise<unknown>): Promise<Response> {
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(pathEnd),
  );
  await act();
  const r = await answer;
  if (!r.ok()) throw new Error(`POST …${pathEnd} answered ${r.status()}: ${await r.text()}`);
  return r;
}

/**
 * Goes ahead in the confirmation an irreversible action asks for, and returns what it said
 * would happen (checked against `says` when given).
 */
export async function confirmDialog(page: Page, says?: RegExp): Promise<string> {
  const content = page.getByTestId('confirm-content').last();
  await content.waitFor();
  const text = await content.innerText();
  if (says && !says.test(text)) throw new Error(`the confirmation said "${text}", not ${says}`);
  const dialog = page.getByRole('dialog').filter({ has: content });
  await dialog.getByTestId('confirm-ok').click();
  await content.waitFor({ state: 'detached' });
  return text;
}

/**
 * What makes the page wider than the window (empty when nothing does): an element sticking
 * out of its parent past the window's edge, and the widths.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
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
      .concat(`scrollWidth=${document.documentElement.scrollWidth} innerWidth=${width}`);
  });
}

export const DEMO_PASSWORD = process.env['BANLI_DEMO_PASSWORD'] ?? 'banli-demo-2026';

/** Signs in through the login screen and waits for the inbox. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  // On a wide screen the user's name is in the header; on a phone, in the drawer behind the menu button.
  await page.getByTestId('current-user').or(page.getByTestId('nav-drawer-button')).first().waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export function tmpFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-upload-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Picks options of an Ant Design select by typing each label and taking the option it leaves
 * active in the open dropdown (not a closed one still in the page), and waits until each shows
 * as chosen in the select itself.
 */
export async function choose(select: Locator, ...labels: string[]): Promise<void> {
  const page = select.page();
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (const label of labels) {
    await select.click();
    await select.fill(label);
    // The typed label filters the options; Enter takes the active (first) one. (Clicking the
    // option was lost now and then on a long, busy page in CI: the dropdown re-rendered.)
    await open.locator('.ant-select-item-option-active', { hasText: label }).first().waitFor();
    await select.press('Enter');
    await field.getByText(label, { exact: true }).first().waitFor();
  }
  await select.press('Escape');
  await open.first().waitFor({ state: 'hidden' });
}
