import request from 'supertest';
import { execSql, ReplyLetterAssembler } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { eventually, freePort, TestSmtpServer } from './support/notification-servers';
import { expectInOrder, pdfText } from './support/pdf-text';
import { draftOf, uniqueNumber } from './support/proposals';
import { startStack, Stack } from './support/stack';

const UNIT = 'industry-it';
const ATTACHMENTS = ['X市5G基站建设规划（2026—2028年）', '2026年基站建设进度表'];

interface DeliveryRow {
  id: string;
  channel: string;
  recipient: string;
  target: string;
  status: string;
  attempts: number;
}

/**
 * The letter's own fields (抄送, 附件) as signed, and what dispatch delivers: the signed PDF
 * to each proposer with an e-mail address (a real SMTP server), a notice to each Banli unit
 * on the copy list; deliveries recorded and retried through an SMTP outage.
 */
describe.each(testDatabases())(
  'the reply letter’s copy list and attachments, delivered at dispatch ($name)',
  ({ config }) => {
    let stack: Stack;
    let smtp: TestSmtpServer;
    let settingsBefore: object | undefined;
    const u: Record<string, UserClient> = {};

    const putCitySettings = async (copyTo: string[]) =>
      request(stack.url)
        .put('/api/admin/city-settings')
        .set('authorization', `Bearer ${await stack.token('admin')}`)
        .send({ governmentName: 'X市人民政府', committeeNames: { proposal: '', suggestion: '' }, copyTo })
        .expect(200);

    const deliveries = async (proposalId: string): Promise<DeliveryRow[]> =>
      (
        await execSql(
          stack.dataSource,
          `SELECT d."id", d."channel", d."recipient", d."target", d."status", d."attempts"
         FROM "notification_delivery" d JOIN "notification_outbox" o ON o."id" = d."outbox_id"
         WHERE o."proposal_id" = :proposalId AND o."kind" = 'reply-dispatched' ORDER BY d."channel", d."recipient"`,
          { proposalId },
        )
      ).rows.map((r) => ({ ...r, attempts: Number(r['attempts']) }) as unknown as DeliveryRow);

    /** A proposal of two proposers (李明 with an e-mail address), assigned to industry-it alone and signed. */
    async function signed(draft: object, email: string): Promise<string> {
      const number = uniqueNumber('d');
      await u['registrar']
        .post('/api/proposals', {
          kind: 'proposal',
          sessionCode: '8-2',
          sessionName: '市政协八届二次会议',
          number,
          title: '关于加快5G基站建设的提案',
          proposers: [
            { name: '李明', lead: true, email },
            { name: '王芳', lead: false },
          ],
          body: '正文',
          suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
        })
        .expect(201);
      const id = `8-2_${number}`;
      await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
      await u['officer'].post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: [UNIT] }).expect(200);
      await u['lead-handler'].post(`/api/proposals/${id}/drafts`, draft).expect(200);
      await u['lead-reviewer'].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);
      await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
      return id;
    }

    const pdfOf = async (id: string): Promise<Buffer> =>
      (
        await u['lead-handler']
          .get(`/api/proposals/${id}/letters/${UNIT}/1/pdf`)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;

    beforeAll(async () => {
      smtp = new TestSmtpServer(await freePort());
      await smtp.start();
      stack = await startStack(config, {
        notificationEnv: { SMTP_URL: smtp.url, SMTP_FROM: '办理系统 <noreply@banli.local>' },
      });
      for (const name of [
        'admin',
        'registrar',
        'officer',
        'lead-handler',
        'lead-reviewer',
        'lead-signer',
        'education-handler',
      ]) {
        u[name] = await as(stack, name);
      }
      settingsBefore = (await u['admin'].get('/api/admin/city-settings').expect(200)).body;
    });

    afterAll(async () => {
      // Other specs share the database: their letters must read the settings they always did.
      if (stack && settingsBefore) {
        await request(stack.url)
          .put('/api/admin/city-settings')
          .set('authorization', `Bearer ${await stack.token('admin')}`)
          .send(settingsBefore);
      }
      await stack?.close();
      await smtp?.stop();
    });

    it('prints the letter’s own 抄送 and its 附件; the default 抄送 is the city’s at signing, and neither changes afterwards', async () => {
      await putCitySettings(['市政府办公室', '市政协提案委员会']);
      const ws = (await u['lead-handler'].get(`/api/proposals/${await signed(draftOf(), 'a@example.org')}/workspace`))
        .body;
      expect(ws.defaultCopyTo).toEqual(['市政府办公室', '市政协提案委员会']);

      const own = await signed(
        { ...draftOf(), copyTo: ['X市教育局', '市通信管理局'], attachments: ATTACHMENTS },
        'liming@example.org',
      );
      const byDefault = await signed({ ...draftOf(), attachments: [ATTACHMENTS[1]] }, 'liming@example.org');
      const ownPdf = await pdfOf(own);
      const defaultPdf = await pdfOf(byDefault);
      expectInOrder(await pdfText(ownPdf), [
        '专此答复',
        `附件：1.${ATTACHMENTS[0]}`,
        `2.${ATTACHMENTS[1]}`,
        'X市工业和信息化局',
        '抄送：X市教育局、市通信管理局。',
      ]);
      expectInOrder(await pdfText(defaultPdf), [`附件：${ATTACHMENTS[1]}`, '抄送：市政府办公室、市政协提案委员会。']);

      // The city changes its default list: signed letters keep theirs, files and text alike.
      await putCitySettings(['市委办公室']);
      expect((await pdfOf(byDefault)).equals(defaultPdf)).toBe(true);
      expect((await pdfOf(own)).equals(ownPdf)).toBe(true);
      const assembler = new ReplyLetterAssembler(stack.dataSource);
      expect((await assembler.assembleSigned(byDefault, UNIT, 1)).copyTo).toBe(
        '抄送：市政府办公室、市政协提案委员会。',
      );
      expect((await assembler.assembleSigned(own, UNIT, 1)).attachments).toEqual([
        `附件：1.${ATTACHMENTS[0]}`,
        `2.${ATTACHMENTS[1]}`,
      ]);
      // A draft's preview takes today's default.
      const preview = await u['lead-handler'].post(`/api/proposals/${own}/letters/preview`, draftOf()).expect(200);
      expect(preview.text).toContain('抄送：市委办公室。');
    });

    it('e-mails the signed PDF to each proposer with an address and tells each Banli unit on the copy list', async () => {
      const email = `liming-${Date.now()}@example.org`;
      const id = await signed({ ...draftOf(), copyTo: ['X市教育局', '市通信管理局'], attachments: ATTACHMENTS }, email);
      const pdf = await pdfOf(id);
      await u['lead-handler'].post(`/api/proposals/${id}/dispatch`).expect(200);

      const mail = await eventually(
        async () => smtp.received.find((m) => m.envelopeTo.includes(email)),
        'the proposer’s e-mail',
      );
      expect(mail.mail.subject).toMatch(
        /^X市工业和信息化局对市政协八届二次会议第.+号提案《关于加快5G基站建设的提案》的答复函（.+〔\d{4}〕\d+号）$/,
      );
      expect(mail.mail.text?.trim().split('\n')[0]).toBe('李明委员：');
      expect(mail.mail.attachments).toHaveLength(1);
      expect(mail.mail.attachments[0].contentType).toBe('application/pdf');
      expect(mail.mail.attachments[0].content.equals(pdf)).toBe(true);

      const inbox = (await u['education-handler'].get('/api/notifications').expect(200)).body;
      const notice = inbox.items.find(
        (n: { kind: string; proposalId: string }) => n.kind === 'reply-dispatched' && n.proposalId === id,
      );
      expect(notice?.title).toMatch(/^【抄送】X市工业和信息化局对.+的答复函（.+）已寄送$/);
      // With the letter itself: education has no part in this proposal and cannot open its page.
      expect(notice.body).toContain(`附件：1.${ATTACHMENTS[0]}`);
      expect(notice.body).toContain('抄送：X市教育局、市通信管理局。');
      await u['education-handler'].get(`/api/proposals/${id}`).expect(404);

      const rows = await eventually(async () => {
        const r = await deliveries(id);
        return r.some((d) => d.recipient === 'proposer:李明' && d.status === 'sent') ? r : undefined;
      }, 'the proposer’s delivery recorded as sent');
      // Only 李明 has an address; the free-text 市通信管理局 is no Banli unit; the replying unit is not told of its own dispatch.
      expect(rows.filter((d) => d.recipient.startsWith('proposer:')).map((d) => [d.recipient, d.target])).toEqual([
        ['proposer:李明', email],
      ]);
      const targets = rows.map((d) => d.target);
      expect(targets.some((t) => t.startsWith('education'))).toBe(true);
      expect(targets.some((t) => t.startsWith('lead-'))).toBe(false);
    });

    it('records a failing SMTP delivery of the letter and retries it until it goes out', async () => {
      const email = `retry-${Date.now()}@example.org`;
      const id = await signed({ ...draftOf(), copyTo: ['市通信管理局'] }, email);
      await smtp.stop();
      await u['lead-handler'].post(`/api/proposals/${id}/dispatch`).expect(200);
      const failing = await eventually(async () => {
        const d = (await deliveries(id)).find((x) => x.recipient === 'proposer:李明');
        return d && d.attempts >= 2 && d.status === 'pending' ? d : undefined;
      }, 'the proposer’s e-mail failing while the SMTP server is down');
      const attempts = await execSql(
        stack.dataSource,
        `SELECT "outcome", "error" FROM "notification_delivery_attempt" WHERE "delivery_id" = :id ORDER BY "attempt"`,
        { id: failing.id },
      );
      expect(attempts.rows.length).toBeGreaterThanOrEqual(2);
      expect(attempts.rows[0]).toMatchObject({ outcome: 'failed' });
      expect(String(attempts.rows[0]['error'])).toMatch(/ECONNREFUSED|connect/i);

      await smtp.start();
      await eventually(async () => {
        const d = (await deliveries(id)).find((x) => x.recipient === 'proposer:李明');
        return d?.status === 'sent' ? d : undefined;
      }, 'the e-mail sent once the server is back');
      const received = smtp.received.filter((m) => m.envelopeTo.includes(email));
      expect(received).toHaveLength(1);
      expect(received[0].mail.attachments[0].content.equals(await pdfOf(id))).toBe(true);
    });
  },
);
