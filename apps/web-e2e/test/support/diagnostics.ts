import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { ROOT } from './system';

/** Where a failed test's pages are saved (git-ignored, with the screenshots). */
export const FAILURE_DIR = path.join(ROOT, 'test-artifacts', 'failures');

const contexts = new Set<BrowserContext>();
/** Each page's last API calls, oldest first, and those still unanswered: what a failed wait was waiting on. */
const apiCalls = new WeakMap<Page, { done: string[]; pending: Map<Request, number> }>();
/** API calls of this test file that took longer than SLOW_MS: printed at its end (what load does to the answers). */
const SLOW_MS = 5_000;
const slowCalls: string[] = [];

function recordApiCalls(page: Page): void {
  const log = { done: [] as string[], pending: new Map<Request, number>() };
  apiCalls.set(page, log);
  const finish = (req: Request, outcome: string) => {
    const t0 = log.pending.get(req);
    if (t0 === undefined) return;
    log.pending.delete(req);
    const ms = Date.now() - t0;
    const call = `${req.method()} ${new URL(req.url()).pathname} → ${outcome} in ${ms} ms`;
    log.done.push(call);
    if (ms > SLOW_MS) slowCalls.push(`${expect.getState().currentTestName ?? ''}: ${call}`);
    if (log.done.length > 12) log.done.shift();
  };
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/api/')) log.pending.set(req, Date.now());
  });
  page.on('requestfinished', async (req) =>
    finish(req, String((await req.response().catch(() => null))?.status() ?? '?')),
  );
  page.on('requestfailed', (req) => finish(req, `failed (${req.failure()?.errorText})`));
}

function describeApiCalls(page: Page): string[] {
  const log = apiCalls.get(page);
  if (!log) return [];
  const pending = [...log.pending].map(
    ([req, t0]) => `${req.method()} ${new URL(req.url()).pathname} unanswered for ${Date.now() - t0} ms`,
  );
  return [`  last API calls: ${JSON.stringify(log.done)}`, `  unanswered: ${JSON.stringify(pending)}`];
}

/** Remembers a browser session so a failing test can show what its pages displayed and asked. */
export function track(context: BrowserContext): BrowserContext {
  contexts.add(context);
  context.once('close', () => contexts.delete(context));
  context.pages().forEach(recordApiCalls);
  context.on('page', recordApiCalls);
  return context;
}

/**
 * After a failed test: a screenshot of every page still open, and, in the test output (all a CI
 * log keeps), each page's address, its alerts and the start of its text.
 */
async function describeOpenPages(testName: string): Promise<void> {
  fs.mkdirSync(FAILURE_DIR, { recursive: true });
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  const pages: Page[] = [...contexts].flatMap((c) => c.pages());
  const lines: string[] = [];
  for (const [i, page] of pages.entries()) {
    try {
      const file = path.join(FAILURE_DIR, `${slug}-${i + 1}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 15_000 });
      const alerts = await page.locator('[role=alert]').allInnerTexts();
      const text = (await page.locator('body').innerText({ timeout: 15_000 })).replace(/\s+/g, ' ').slice(0, 600);
      lines.push(
        `page ${i + 1}: ${page.url()}`,
        `  alerts: ${JSON.stringify(alerts)}`,
        `  text: ${text}`,
        `  screenshot: ${path.relative(ROOT, file)}`,
        ...describeApiCalls(page),
      );
    } catch (e) {
      lines.push(`page ${i + 1}: ${page.url()} (could not be described: ${(e as Error).message})`);
    }
  }
  console.log(`What the open pages showed when "${testName}" failed:\n${lines.join('\n')}`);
}

afterEach(async () => {
  const failed = (globalThis as { __BANLI_TEST_FAILED__?: boolean }).__BANLI_TEST_FAILED__;
  if (failed) await describeOpenPages(expect.getState().currentTestName ?? 'test');
});

afterAll(() => {
  if (slowCalls.length) console.log(`API calls slower than ${SLOW_MS} ms:\n${slowCalls.join('\n')}`);
});
