import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostgresDatabase, dropPostgresDatabase } from '@banli/testing';
import type { DatabaseConfig } from '@banli/persistence';
import { as, UserClient } from './support/api-client';
import { assignedToOne } from './support/proposals';
import { startStack, Stack } from './support/stack';

const ROOT = path.resolve(__dirname, '../../..');
const UNIT = 'market-regulation';

/**
 * `npm run calendar` against the stack's database and Temporal, as an operator runs it beside
 * the worker: no API call. The stack's database is the test's own (a loaded calendar would
 * change every other test's deadlines).
 */
describe('the calendar CLI', () => {
  let stack: Stack;
  let config: DatabaseConfig & { type: 'postgres' };
  const u: Record<string, UserClient> = {};
  let dir: string;

  beforeAll(async () => {
    config = { type: 'postgres', url: await createPostgresDatabase('banli_calendar_cli'), poolSize: 5 };
    stack = await startStack(config);
    for (const name of ['registrar', 'officer', 'supervisor']) u[name] = await as(stack, name);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-calendar-cli-'));
  });
  afterAll(async () => {
    await stack?.close();
    if (config) await dropPostgresDatabase(config.url);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>((resolve) => {
      execFile(
        'npm',
        ['run', '-s', 'calendar', '--', ...args],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: config.url,
            TEMPORAL_ADDRESS: process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string,
            TEMPORAL_TASK_QUEUE: stack.taskQueue,
          },
        },
        (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
      );
    });

  it('loads a notice, re-plans the open proposals through the worker and reports the moves', async () => {
    const id = await assignedToOne(u, UNIT);
    const detail = (await u['supervisor'].get(`/api/proposals/${id}`).expect(200)).body;
    const reply = detail.deadlines.find((d: { key: string }) => d.key === `reply:${UNIT}`);
    expect(reply.provisional).toBe(true);
    const year = Number(reply.endDate.slice(0, 4));
    const file = path.join(dir, `gov-${year}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        label: `gov-${year}`,
        years: [{ year, holidays: { [`${year}-01-01`]: '元旦', [reply.endDate]: '测试假日' }, workdays: {} }],
      }),
    );

    const loaded = await cli('load', file);
    expect(loaded).toMatchObject({ code: 0 });
    expect(loaded.out).toContain(`Loaded #1 gov-${year}: ${year}`);

    let report = await cli('report', '1');
    for (let i = 0; i < 50 && !report.out.includes(id); i++) {
      await new Promise((r) => setTimeout(r, 200));
      report = await cli('report', '1');
    }
    const after = (await u['supervisor'].get(`/api/proposals/${id}`).expect(200)).body.deadlines.find(
      (d: { key: string }) => d.key === `reply:${UNIT}`,
    );
    expect(after.provisional).toBe(false);
    expect(report.out).toContain(`${id} reply:${UNIT}: ${reply.endDate} -> ${after.endDate} (now final)`);

    expect((await cli('load', file)).out).toContain(`Already loaded #1 gov-${year}`);
    const list = await cli('list');
    expect(list.out).toMatch(
      new RegExp(`#1 gov-${year} \\(notice, json\\) covers ${year}; .* from cli:gov-${year}\\.json; re-planning done`),
    );
    expect((await cli('status')).out).toContain(`${year}: published`);
  });

  it('loads the sample files, and refuses an ambiguous iCalendar event with its line', async () => {
    for (const sample of ['sample-2027.ics', 'sample-typhoon-closure.json']) {
      const r = await cli('load', path.join(ROOT, 'docs/calendars', sample));
      expect(r).toMatchObject({ code: 0 });
    }
    const bad = path.join(dir, 'bad.ics');
    fs.writeFileSync(
      bad,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//t//t//EN',
        'BEGIN:VEVENT',
        'UID:1',
        'SUMMARY:元旦',
        'DTSTART;VALUE=DATE:20280101',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const refused = await cli('load', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('VALIDATION_FAILED');
    expect(refused.err).toContain('line 4: event "元旦": says neither');
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
