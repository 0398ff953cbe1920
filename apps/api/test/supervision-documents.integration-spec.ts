import { execSql } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { eventually } from './support/notification-servers';
import { expectInOrder, pdfText } from './support/pdf-text';
import { openSession } from './support/sessions';
import { startStack, Stack } from './support/stack';

/**
 * The supervision documents over the real stack: the 催办单 each 催办 issues, the 督办通知单 to a
 * unit holding an overdue deadline, the 督办通报 over a period from the statistics; each
 * numbered from its pool, recorded (with the hash of its text and an audit entry), delivered
 * in-app through the outbox with its download links, and readable by supervisors and its
 * units only.
 */
describe.each(testDatabases())('supervision documents through the API ($name)', ({ config }) => {
  let stack: Stack;
  const users: Record<string, UserClient> = {};
  const session = `sd${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;
  let id = '';
  let number = '';
  const path = (p = '') => `/api/proposals/${id}${p}`;
  const file = (user: UserClient, url: string) =>
    user
      .get(url)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const pdfOf = async (user: UserClient, docId: string) =>
    (await file(user, `/api/supervision-documents/${docId}/pdf`).expect(200)).body as Buffer;

  beforeAll(async () => {
    stack = await startStack(config);
    await openSession(stack, session);
    for (const u of [
      'registrar',
      'officer',
      'supervisor',
      'lead-handler',
      'education-cohandler',
      'human-resources-cohandler',
      'market-regulation-handler',
    ]) {
      users[u] = await as(stack, u);
    }
    number = `D${Date.now().toString(36)}`;
    id = `${session}_${number}`;
    await users['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: session,
        sessionName: '市政协八届二次会议',
        number,
        title: '关于加快城市公交线网优化的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '优化公交线网' }],
      })
      .expect(201);
    await users['registrar'].post(path('/review'), { decision: 'accept' }).expect(200);
    await users['officer']
      .post(path('/assignment'), {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['human-resources', 'education'],
      })
      .expect(200);
  });
  afterAll(async () => {
    await stack?.close();
  });

  let reminderId = '';
  let noticeId = '';

  it('issues a 催办单 with each 催办: numbered, recorded with its text hash and audit entry, the same on a retry', async () => {
    const key = `remind-${session}`;
    const sent = (
      await users['supervisor']
        .post(
          path('/reminders'),
          { unitId: 'industry-it', message: '请于本周内报送答复。' },
          { 'Idempotency-Key': key },
        )
        .expect(200)
    ).body;
    expect(sent.documentNumber).toMatch(/^催办〔\d{4}〕\d+号$/);
    reminderId = sent.documentId;
    const again = (
      await users['supervisor']
        .post(
          path('/reminders'),
          { unitId: 'industry-it', message: '请于本周内报送答复。' },
          { 'Idempotency-Key': key },
        )
        .expect(200)
    ).body;
    expect(again.documentId).toBe(reminderId);

    const doc = (await users['supervisor'].get(`/api/supervision-documents/${reminderId}`).expect(200)).body;
    expect(doc).toMatchObject({
      kind: 'reminder',
      documentNumber: sent.documentNumber,
      proposalId: id,
      unitId: 'industry-it',
      addresseeUnitIds: ['industry-it'],
      issuerUnitId: 'gov-office',
    });
    const { rows } = await execSql(
      stack.dataSource,
      `SELECT count(*) AS "n" FROM "supervision_document" WHERE "proposal_id" = :id AND "kind" = 'reminder'`,
      { id },
    );
    expect(Number(rows[0]['n'])).toBe(1);
    const audit = await execSql(
      stack.dataSource,
      `SELECT "actor_unit_id", "data" FROM "admin_event" WHERE "type" = 'supervision-document-issued'`,
    );
    const entry = audit.rows.map((r) => JSON.parse(String(r['data']))).find((d) => d.documentId === reminderId);
    expect(entry).toMatchObject({
      kind: 'reminder',
      documentNumber: sent.documentNumber,
      contentHash: doc.contentHash,
    });
  });

  it('renders the 催办单 as PDF and DOCX in the letter layout, for the unit and supervisors only', async () => {
    const pdf = await pdfOf(users['lead-handler'], reminderId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expectInOrder(text, [
      'X市人民政府办公室',
      '催办〔',
      `关于市政协八届二次会议第${number}号提案的催办单`,
      'X市工业和信息化局：',
      `贵单位承办的市政协八届二次会议第${number}号提案《关于加快城市公交线网优化的提案》，下列事项尚未办结：`,
      '（一）',
      '催办意见：请于本周内报送答复。',
      '请贵单位抓紧办理，确保按期办结。',
    ]);
    expect(text).toMatch(/尚余\d+个工作日/);
    const docx = await file(users['supervisor'], `/api/supervision-documents/${reminderId}/docx`).expect(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const doc = (await users['supervisor'].get(`/api/supervision-documents/${reminderId}`).expect(200)).body;
    expect(docx.headers['x-content-sha256']).toBe(doc.contentHash);

    // Another unit, even one on the proposal, cannot learn it exists; nor can it guess a format.
    const other = users['education-cohandler'];
    expect((await other.get(`/api/supervision-documents/${reminderId}`).expect(404)).body.error.code).toBe('NOT_FOUND');
    await other.get(`/api/supervision-documents/${reminderId}/pdf`).expect(404);
    await users['lead-handler'].get(`/api/supervision-documents/${reminderId}/html`).expect(404);
    await users['lead-handler'].get('/api/supervision-documents/not-a-document/pdf').expect(404);
  });

  it('delivers it in-app to the unit through the outbox, with the download links', async () => {
    const notice = await eventually(async () => {
      const page = (await users['lead-handler'].get('/api/notifications?pageSize=200').expect(200)).body;
      return page.items.find(
        (i: { kind: string; body: string }) => i.kind === 'supervision-document' && i.body.includes(reminderId),
      );
    }, 'the 催办单 notice');
    expect(notice.title).toMatch(/^【催办单】X市人民政府办公室催办单（催办〔\d{4}〕\d+号）$/);
    expect(notice.body).toContain(`/api/supervision-documents/${reminderId}/pdf`);
    expect(notice.proposalId).toBe(id);
    const others = (await users['education-cohandler'].get('/api/notifications?pageSize=200').expect(200)).body;
    expect(others.items.filter((i: { body: string }) => i.body.includes(reminderId))).toEqual([]);
  });

  it('issues a 督办通知单 only to a unit holding an overdue deadline, by a supervisor, refusing bad input with nothing changed', async () => {
    const count = async () =>
      Number(
        (
          await execSql(
            stack.dataSource,
            `SELECT count(*) AS "n" FROM "supervision_document" WHERE "proposal_id" = :id`,
            { id },
          )
        ).rows[0]['n'],
      );
    const before = await count();
    expect((await users['supervisor'].get(path()).expect(200)).body.supervisionNoticeUnits).toEqual([]);
    expect(
      (await users['supervisor'].post(path('/supervision-notices'), { unitId: 'education' }).expect(422)).body.error,
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'unitId', message: 'no overdue deadline' }],
    });
    expect(
      (await users['officer'].post(path('/supervision-notices'), { unitId: 'education' }).expect(403)).body.error.code,
    ).toBe('ROLE_REQUIRED');
    // Unknown fields are refused by the request's validation (400).
    await users['supervisor'].post(path('/supervision-notices'), { unitId: 'education', extra: 1 }).expect(400);
    await users['supervisor'].post('/api/proposals/nope_1/supervision-notices', { unitId: 'education' }).expect(404);
    expect(await count()).toBe(before);

    // The education bureau's opinion deadline passes.
    const { affected } = await execSql(
      stack.dataSource,
      `UPDATE "deadline" SET "due_at" = '2026-01-05T15:59:59.999Z', "end_date" = '2026-01-05'
       WHERE "proposal_id" = :id AND "kind" = 'opinion' AND "unit_id" = 'education'`,
      { id },
    );
    expect(affected).toBe(1);
    // The proposal offers the notice for that unit to supervisors only.
    expect((await users['supervisor'].get(path()).expect(200)).body.supervisionNoticeUnits).toEqual(['education']);
    expect((await users['officer'].get(path()).expect(200)).body.supervisionNoticeUnits).toEqual([]);
    const doc = (
      await users['supervisor']
        .post(path('/supervision-notices'), { unitId: 'education', message: '请说明逾期原因。' })
        .expect(201)
    ).body;
    noticeId = doc.id;
    expect(doc).toMatchObject({ kind: 'supervision-notice', unitId: 'education', addresseeUnitIds: ['education'] });
    expect(doc.documentNumber).toMatch(/^督办〔\d{4}〕\d+号$/);
    const text = await pdfText(await pdfOf(users['education-cohandler'], noticeId));
    expectInOrder(text, [
      `关于市政协八届二次会议第${number}号提案的督办通知单`,
      'X市教育局：',
      '（一）会办意见，办理期限2026年1月5日，已逾期',
      '督办意见：请说明逾期原因。',
      '现予督办。',
    ]);
    await users['lead-handler'].get(`/api/supervision-documents/${noticeId}/pdf`).expect(404);

    // Each unit lists its own; supervisors list all.
    const ids = async (u: UserClient) =>
      (await u.get(path('/supervision-documents')).expect(200)).body.map((d: { id: string }) => d.id).sort();
    expect(await ids(users['supervisor'])).toEqual([reminderId, noticeId].sort());
    expect(await ids(users['education-cohandler'])).toEqual([noticeId]);
    expect(await ids(users['lead-handler'])).toEqual([reminderId]);
  });

  it('issues a 督办通报 over a period from the statistics per unit, delivered to each unit listed', async () => {
    // The proposal's work assigned and due in March 2025, still open: late for all three units.
    await execSql(
      stack.dataSource,
      `UPDATE "handling_record" SET "started_at" = '2025-03-03T02:00:00.000Z', "due_at" = '2025-03-21T15:59:59.999Z',
         "end_date" = '2025-03-21' WHERE "proposal_id" = :id`,
      { id },
    );
    const from = '2025-03-01';
    const to = '2025-03-31';
    expect(
      (await users['supervisor'].post('/api/supervision/circulars', { from: to, to: from }).expect(422)).body.error
        .code,
    ).toBe('VALIDATION_FAILED');
    await users['supervisor'].post('/api/supervision/circulars', { from: '2025-01-01', to: '2026-06-01' }).expect(422);
    await users['lead-handler'].post('/api/supervision/circulars', { from, to }).expect(403);

    const stats = (
      await users['supervisor'].get(`/api/supervision/statistics?groupBy=unit&from=${from}&to=${to}`).expect(200)
    ).body;
    type Row = {
      key: string;
      name: string;
      repliesDue: number;
      repliesOnTime: number;
      opinionsDue: number;
      opinionsOnTime: number;
      workingDaysHeldUp: number;
      reminderNotices: number;
    };
    const late = (stats.items as Row[])
      .map((r) => ({ ...r, overdue: r.repliesDue - r.repliesOnTime + r.opinionsDue - r.opinionsOnTime }))
      .filter((r) => r.overdue > 0 || r.workingDaysHeldUp > 0);
    // By hand: the reply and both opinions are open past their deadline.
    expect(late.map((r) => [r.key, r.overdue]).sort()).toEqual([
      ['education', 1],
      ['human-resources', 1],
      ['industry-it', 1],
    ]);

    const circular = (await users['supervisor'].post('/api/supervision/circulars', { from, to }).expect(201)).body;
    expect(circular).toMatchObject({ kind: 'circular', periodFrom: from, periodTo: to, proposalId: null });
    expect(circular.documentNumber).toMatch(/^督办通报〔\d{4}〕\d+号$/);
    expect([...circular.addresseeUnitIds].sort()).toEqual(['education', 'human-resources', 'industry-it']);
    const text = await pdfText(await pdfOf(users['education-cohandler'], circular.id));
    const ordered = [...late].sort(
      (a, b) => b.workingDaysHeldUp - a.workingDaysHeldUp || b.overdue - a.overdue || a.key.localeCompare(b.key),
    );
    expectInOrder(text, [
      '关于2025年3月1日至2025年3月31日建议提案办理逾期情况的通报',
      '各承办单位：',
      ...ordered.map(
        (r) => `${r.name}：逾期事项${r.overdue}项，延误${r.workingDaysHeldUp}个工作日，被催办${r.reminderNotices}次。`,
      ),
    ]);
    await users['market-regulation-handler'].get(`/api/supervision-documents/${circular.id}/pdf`).expect(404);
    const outbox = await execSql(
      stack.dataSource,
      `SELECT "unit_id" FROM "notification_outbox" WHERE "kind" = 'supervision-document' AND "id" LIKE :prefix ORDER BY "unit_id"`,
      { prefix: `supervision-document/${circular.id}/%` },
    );
    expect(outbox.rows.map((r) => r['unit_id'])).toEqual(['education', 'human-resources', 'industry-it']);
    const listed = (await users['supervisor'].get('/api/supervision/circulars').expect(200)).body;
    expect(listed[0].id).toBe(circular.id);
  });
});
