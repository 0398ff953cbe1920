import { testDatabases } from '@banli/testing';
import { DEMO_UNITS } from '../src/app/seed/demo-city';
import { as, UserClient } from './support/api-client';
import { draftOf, inBatches, staffOf, uniqueNumber } from './support/proposals';
import { startStack, Stack } from './support/stack';

/** Units whose letters are signed all at once, with their demo issuer codes (X工信函, X人社函, X教函, X数据函). */
const LETTER_UNITS = ['industry-it', 'human-resources', 'education', 'government-data'];
const LETTERS_AT_ONCE = 100;

/** Pools are configured by an admin; numbers come from them at sign-off, never reused or skipped. */
describe.each(testDatabases())('document number pools ($name)', ({ config }) => {
  let stack: Stack;
  const u: Record<string, UserClient> = {};
  const code = `X测${config.type === 'postgres' ? 'P' : 'S'}${Date.now().toString(36).slice(-4)}函`;
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of [
      'admin',
      'registrar',
      'officer',
      'supervisor',
      ...LETTER_UNITS.flatMap((unit) => Object.values(staffOf(unit))),
      'market-regulation-handler',
      'market-regulation-reviewer',
      'market-regulation-signer',
    ]) {
      u[name] = await as(stack, name);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function signOne(): Promise<string> {
    const number = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const id = `8-2_${number}`;
    await u['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number,
        title: '关于文号的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await u['officer']
      .post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: ['market-regulation'] })
      .expect(200);
    await u['market-regulation-handler']
      .post(`/api/proposals/${id}/drafts`, {
        replyClass: 'A',
        disclosure: 'never',
        sections: [{ seq: 1, adoption: 'adopted', text: '已采纳。' }],
        topic: '市场监管',
        contact: { name: '王五', phone: '12345' },
      })
      .expect(200);
    await u['market-regulation-reviewer']
      .post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' })
      .expect(200);
    const signed = await u['market-regulation-signer']
      .post(`/api/proposals/${id}/sign-off`, { decision: 'sign' })
      .expect(200);
    return signed.body.documentNumber;
  }

  it('lets only an admin see or configure them; a refusal changes nothing', async () => {
    await u['supervisor'].get('/api/admin/document-number-pools').expect(403);
    const token = await stack.token('supervisor');
    const res = await fetch(`${stack.url}/api/admin/document-number-pools/${encodeURIComponent(code)}/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ nextNumber: 99 }),
    });
    expect(res.status).toBe(403);
    const events = await stack.dataSource.query(`SELECT "data" FROM "admin_event"`);
    expect(events.filter((e: { data: string }) => e.data.includes(code))).toEqual([]);
    const pools = (await u['admin'].get('/api/admin/document-number-pools').expect(200)).body;
    expect(pools.filter((p: { issuerCode: string }) => p.issuerCode === code)).toEqual([]);
  });

  it('numbers letters from the configured start, and refuses to move a pool that has been used', async () => {
    const put = (path: string, body: object) =>
      stack.token('admin').then((t) =>
        fetch(`${stack.url}${path}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
          body: JSON.stringify(body),
        }),
      );
    expect((await put('/api/admin/units/market-regulation/issuer-code', { issuerCode: code })).status).toBe(200);
    expect(
      (await put(`/api/admin/document-number-pools/${encodeURIComponent(code)}/${year}`, { nextNumber: 41 })).status,
    ).toBe(200);

    expect(await signOne()).toBe(`${code}〔${year}〕41号`);
    expect(await signOne()).toBe(`${code}〔${year}〕42号`);

    const moved = await put(`/api/admin/document-number-pools/${encodeURIComponent(code)}/${year}`, { nextNumber: 10 });
    expect(moved.status).toBe(409);
    const pools = (await u['admin'].get('/api/admin/document-number-pools').expect(200)).body;
    expect(pools).toContainEqual({ issuerCode: code, year, nextNumber: 43, allocated: 2 });
    const audit = await stack.dataSource.query(`SELECT "type", "actor_user_id" FROM "admin_event" ORDER BY "at"`);
    expect(audit.map((r: { type: string; actor_user_id: string }) => [r.type, r.actor_user_id])).toEqual(
      expect.arrayContaining([
        ['issuer-code-set', 'admin'],
        ['document-number-pool-configured', 'admin'],
      ]),
    );
    expect((await put('/api/admin/units/market-regulation/issuer-code', { issuerCode: '〔bad〕' })).status).toBe(400);
  });

  it(`numbers ${LETTERS_AT_ONCE} letters signed at once across units: contiguous per pool, none twice, none skipped`, async () => {
    const issuerOf = Object.fromEntries(DEMO_UNITS.map((d) => [d.id, d.issuerCode])) as Record<string, string>;
    // The run's PostgreSQL database is shared by every test file: a pool other files signed
    // from continues where they left it. A pool still unused starts at 1, or, for industry-it,
    // continues a paper register at 7.
    const before = (await u['admin'].get('/api/admin/document-number-pools').expect(200)).body as {
      issuerCode: string;
      year: number;
      nextNumber: number;
      allocated: number;
    }[];
    const poolOf = (code: string) => before.find((p) => p.issuerCode === code && p.year === year);
    const start: Record<string, number> = Object.fromEntries(
      LETTER_UNITS.map((unit) => [issuerOf[unit], poolOf(issuerOf[unit])?.nextNumber ?? 1]),
    );
    const allocatedBefore = (code: string) => poolOf(code)?.allocated ?? 0;
    if (allocatedBefore(issuerOf['industry-it']) === 0) {
      const admin = await stack.token('admin');
      const configured = await fetch(
        `${stack.url}/api/admin/document-number-pools/${encodeURIComponent(issuerOf['industry-it'])}/${year}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({ nextNumber: 7 }),
        },
      );
      expect(configured.status).toBe(200);
      start[issuerOf['industry-it']] = 7;
    }

    // 25 proposals per unit, registered in one import, each taken to the signer's desk.
    const rows = Array.from({ length: LETTERS_AT_ONCE }, (_, i) => ({
      unitId: LETTER_UNITS[i % LETTER_UNITS.length],
      number: uniqueNumber(`L${i}x`),
    }));
    const imported = await u['registrar']
      .post('/api/proposals/import', {
        proposals: rows.map((r) => ({
          kind: 'proposal',
          sessionCode: '8-3',
          sessionName: '市政协八届三次会议',
          number: r.number,
          title: `关于文号并发的提案${r.number}`,
          proposers: [{ name: '李明', lead: true }],
          body: '正文',
          suggestionPoints: [{ seq: 1, text: '建议' }],
        })),
      })
      .expect(200);
    expect(imported.body).toMatchObject({ total: LETTERS_AT_ONCE, created: LETTERS_AT_ONCE, failed: 0 });
    await inBatches(rows, 12, async ({ unitId, number }) => {
      const id = `8-3_${number}`;
      const staff = staffOf(unitId);
      await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
      await u['officer'].post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: [unitId] }).expect(200);
      await u[staff.handler].post(`/api/proposals/${id}/drafts`, draftOf()).expect(200);
      await u[staff.reviewer].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);
    });

    // All at once, as clients do: with an idempotency key, retried while the API answers 503
    // (on a loaded machine 100 sign-offs, each freezing a PDF, outlast an action's 15 s).
    const signOnce = async (unitId: string, number: string) => {
      const key = `sign-${number}`;
      for (let attempt = 0; ; attempt++) {
        const res = await u[staffOf(unitId).signer].post(
          `/api/proposals/8-3_${number}/sign-off`,
          { decision: 'sign' },
          { 'idempotency-key': key },
        );
        if (res.status !== 503 || attempt >= 20) return res;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    };
    const signed = await Promise.all(rows.map(({ unitId, number }) => signOnce(unitId, number)));
    expect(signed.filter((r) => r.status !== 200).map((r) => [r.status, r.body])).toEqual([]);

    const sequences: Record<string, number[]> = {};
    signed.forEach((r, i) => {
      const match = /^(.+)〔(\d{4})〕(\d+)号$/.exec(r.body.documentNumber) as RegExpExecArray;
      expect([match?.[1], Number(match?.[2])]).toEqual([issuerOf[rows[i].unitId], year]);
      (sequences[match[1]] ??= []).push(Number(match[3]));
    });
    for (const unit of LETTER_UNITS) {
      const code = issuerOf[unit];
      const taken = [...sequences[code]].sort((a, b) => a - b);
      const expected = Array.from({ length: LETTERS_AT_ONCE / LETTER_UNITS.length }, (_, k) => start[code] + k);
      expect({ code, taken }).toEqual({ code, taken: expected });
    }
    const pools = (await u['admin'].get('/api/admin/document-number-pools').expect(200)).body;
    for (const unit of LETTER_UNITS) {
      const code = issuerOf[unit];
      const n = LETTERS_AT_ONCE / LETTER_UNITS.length;
      expect(pools).toContainEqual({
        issuerCode: code,
        year,
        nextNumber: start[code] + n,
        allocated: allocatedBefore(code) + n,
      });
    }
    // Each signature's number is the one in its frozen letters, and no number is held twice.
    const [check] = await stack.dataSource.query(
      `SELECT count(*) AS "signatures", count(DISTINCT s."document_number") AS "numbers",
              (SELECT count(DISTINCT l."proposal_id") FROM "reply_letter" l JOIN "reply_signature" s2
                 ON s2."proposal_id" = l."proposal_id" AND s2."unit_id" = l."unit_id" AND s2."round" = l."round"
               WHERE s2."proposal_id" LIKE '8-3_%' AND l."document_number" = s2."document_number") AS "frozen"
       FROM "reply_signature" s WHERE s."proposal_id" LIKE '8-3_%'`,
    );
    expect([Number(check.signatures), Number(check.numbers), Number(check.frozen)]).toEqual([
      LETTERS_AT_ONCE,
      LETTERS_AT_ONCE,
      LETTERS_AT_ONCE,
    ]);
    // Each sign-off also renders its letter (HTML, DOCX, PDF with the CJK font: about 0.4 s of CPU
    // each), so 100 at once take a while on a small machine.
  }, 240_000);
});
