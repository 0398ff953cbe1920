import request from 'supertest';
import { letterLines } from '@banli/letters';
import { ReplyLetterAssembler } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { expectInOrder, pdfText } from './support/pdf-text';
import { uniqueNumber } from './support/proposals';
import { startStack, Stack } from './support/stack';

const LEAD = 'industry-it';

/** A bureau's own words: 你们 to everyone, the consulted units as 经综合…等单位意见. */
const BUREAU_WORDING = {
  opening:
    '{you}提出的《{proposalTitle}》（{session}第{proposalNumber}号{document}）收悉。{consulted}{we}认真研究，现答复如下：',
  consulted: '经综合{consultedUnits}等单位意见，',
  closing: '感谢{proposers}对{topic}工作的关心和支持。',
  sectionHeading: '关于{pointTitle}的建议',
  adoption: {
    adopted: '该建议已吸收采纳。',
    'partly-adopted': '该建议部分采纳。',
    'for-reference': '该建议留作参考。',
  },
  addressOne: '你们',
  addressMany: '你们',
};

/**
 * Wording templates of reply letters (issue 16): an admin sets the city's and a unit's
 * wording, checked at save time and recorded in the admin audit; a letter is written in its
 * issuer's wording with the consulted units in assignment order by their short names, its
 * sections as drafted (a standalone adoption sentence, sub-points), and keeps that wording
 * once signed whatever the templates say later. Proposers' e-mail addresses are for staff.
 */
describe.each(testDatabases())('letter wording templates and sections ($name)', ({ config }) => {
  let stack: Stack;
  const u: Record<string, UserClient> = {};
  let adminBearer: string;
  let marketShortNameBefore: string;

  const admin = () => ({
    put: (path: string, body: object) => request(stack.url).put(path).set('authorization', adminBearer).send(body),
    delete: (path: string) => request(stack.url).delete(path).set('authorization', adminBearer),
    patch: (path: string, body: object) => request(stack.url).patch(path).set('authorization', adminBearer).send(body),
  });

  const fileOf = async (path: string): Promise<Buffer> =>
    (
      await u['lead-handler']
        .get(path)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  /** Registered, accepted and assigned to industry-it with co-handlers, as given. */
  async function assigned(
    coHandlerUnitIds: string[],
    email = 'liming@example.org',
  ): Promise<{ id: string; number: string }> {
    const number = uniqueNumber('w');
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
        body: `正文 ${number}`,
        suggestionPoints: [
          { seq: 1, text: '加快5G基站建设' },
          { seq: 2, text: '推进政务数据共享' },
        ],
      })
      .expect(201);
    const id = `8-2_${number}`;
    await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await u['officer']
      .post(
        `/api/proposals/${id}/assignment`,
        coHandlerUnitIds.length > 0
          ? { mode: 'lead', leadUnitId: LEAD, coHandlerUnitIds }
          : { mode: 'single', unitIds: [LEAD] },
      )
      .expect(200);
    return { id, number };
  }

  const DRAFT = {
    replyClass: 'A',
    disclosure: 'never',
    topic: '信息基础设施建设',
    contact: { name: '王伟', phone: '0571-87000000' },
    sections: [
      {
        seq: 1,
        adoption: 'adopted',
        text: '',
        adoptionSentence: 'paragraph',
        measures: ['新建5G基站300个，实现城区连续覆盖。', '简化基站建设审批流程。'],
      },
      { seq: 2, adoption: 'for-reference', text: '受条件所限，暂难实施。' },
    ],
  };

  beforeAll(async () => {
    stack = await startStack(config);
    adminBearer = `Bearer ${await stack.token('admin')}`;
    for (const name of [
      'admin',
      'registrar',
      'officer',
      'supervisor',
      'lead-handler',
      'lead-reviewer',
      'lead-signer',
      'education-cohandler',
      'market-regulation-cohandler',
    ]) {
      u[name] = await as(stack, name);
    }
    const units = (await u['admin'].get('/api/admin/units').expect(200)).body as { id: string; shortName: string }[];
    marketShortNameBefore = units.find((x) => x.id === 'market-regulation')?.shortName ?? '';
  });

  afterAll(async () => {
    // Other specs share the database: their letters must read the wording and names they always did.
    if (stack) {
      await admin().delete(`/api/admin/letter-wording/units/${LEAD}`);
      await admin().delete('/api/admin/letter-wording/city');
      if (marketShortNameBefore) {
        await admin().patch('/api/admin/units/market-regulation', { shortName: marketShortNameBefore });
      }
      await stack.close();
    }
  });

  it('lets an admin keep the city and unit wordings, records every change, and refuses others (403)', async () => {
    const list = await u['admin'].get('/api/admin/letter-wording').expect(200);
    expect(list.body.defaultWording.opening).toContain('{you}提出的《{proposalTitle}》');
    expect(list.body.placeholders.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['you', 'proposers', 'proposalTitle', 'proposalNumber', 'session', 'consultedUnits']),
    );

    const city = await admin().put('/api/admin/letter-wording/city', BUREAU_WORDING).expect(200);
    expect(city.body).toMatchObject({ scope: 'city', wording: BUREAU_WORDING, updatedBy: 'admin' });
    const unit = await admin()
      .put(`/api/admin/letter-wording/units/${LEAD}`, { ...BUREAU_WORDING, addressOne: '您', addressMany: '您们' })
      .expect(200);
    expect(unit.body).toMatchObject({ scope: 'unit', unitId: LEAD });
    const after = (await u['admin'].get('/api/admin/letter-wording').expect(200)).body;
    expect(after.city.wording).toEqual(BUREAU_WORDING);
    expect(after.units.find((w: { unitId: string }) => w.unitId === LEAD).wording.addressMany).toBe('您们');

    await admin().delete(`/api/admin/letter-wording/units/${LEAD}`).expect(204);
    await admin().delete('/api/admin/letter-wording/city').expect(204);
    const cleared = (await u['admin'].get('/api/admin/letter-wording').expect(200)).body;
    expect(cleared.city).toBeUndefined();
    expect(cleared.units.some((w: { unitId: string }) => w.unitId === LEAD)).toBe(false);

    const events = (await u['admin'].get('/api/admin/events?type=letter-wording-set&pageSize=5').expect(200)).body;
    expect(events.items[0]).toMatchObject({
      type: 'letter-wording-set',
      actorUserId: 'admin',
      data: { scope: `unit:${LEAD}` },
    });
    const removed = (await u['admin'].get('/api/admin/events?type=letter-wording-removed&pageSize=5').expect(200)).body;
    expect(removed.items[0]).toMatchObject({ data: { scope: 'city', before: BUREAU_WORDING } });

    // Unknown placeholder: 422 naming the field; unknown unit: 404.
    const bad = await admin()
      .put('/api/admin/letter-wording/city', { ...BUREAU_WORDING, opening: '{you}提出的{title}收悉。' })
      .expect(422);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'opening' })]);
    await admin().put('/api/admin/letter-wording/units/no-such-unit', BUREAU_WORDING).expect(404);

    for (const name of ['lead-handler', 'supervisor']) {
      const bearer = `Bearer ${await stack.token(name)}`;
      const get = await request(stack.url).get('/api/admin/letter-wording').set('authorization', bearer);
      const put = await request(stack.url)
        .put(`/api/admin/letter-wording/units/${LEAD}`)
        .set('authorization', bearer)
        .send(BUREAU_WORDING);
      const del = await request(stack.url).delete('/api/admin/letter-wording/city').set('authorization', bearer);
      for (const res of [get, put, del]) expect([res.status, res.body.error?.code]).toEqual([403, 'ROLE_REQUIRED']);
    }
  });

  it('writes the letter in the issuer’s wording and sections as drafted, and keeps it once signed', async () => {
    await admin().patch('/api/admin/units/market-regulation', { shortName: '市市场监管局' }).expect(200);
    await admin().put(`/api/admin/letter-wording/units/${LEAD}`, BUREAU_WORDING).expect(200);
    // Assigned market regulation first, education second; their opinions come in the other way round.
    const { id, number } = await assigned(['market-regulation', 'education']);
    const opinion = { points: [{ seq: 1, adoption: 'adopted', text: '同意。' }] };
    await u['education-cohandler'].post(`/api/proposals/${id}/opinions`, opinion).expect(200);
    await u['market-regulation-cohandler'].post(`/api/proposals/${id}/opinions`, opinion).expect(200);
    await u['lead-handler'].post(`/api/proposals/${id}/drafts`, DRAFT).expect(200);
    await u['lead-reviewer'].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);
    await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);

    const expected = [
      '李明（等）委员：',
      `你们提出的《关于加快5G基站建设的提案》（市政协八届二次会议第${number}号提案）收悉。` +
        '经综合市市场监管局、X市教育局等单位意见，我局认真研究，现答复如下：',
      '一、关于加快5G基站建设的建议',
      '该建议已吸收采纳。',
      '（一）新建5G基站300个，实现城区连续覆盖。',
      '（二）简化基站建设审批流程。',
      '二、关于推进政务数据共享的建议',
      '该建议留作参考。受条件所限，暂难实施。',
      '感谢李明等委员对信息基础设施建设工作的关心和支持。',
    ];
    const pdfPath = `/api/proposals/${id}/letters/${LEAD}/1/pdf`;
    const signedText = await pdfText(await fileOf(pdfPath));
    expectInOrder(signedText, expected);
    const html = (await fileOf(`/api/proposals/${id}/letters/${LEAD}/1/html`)).toString('utf8');
    expect(html).toContain('<p class="paragraph">该建议已吸收采纳。</p>');
    expect(html).toContain('<p class="sub-point">（一）新建5G基站300个，实现城区连续覆盖。</p>');

    // The drafted sections come back as drafted.
    const workspace = (await u['lead-handler'].get(`/api/proposals/${id}/workspace`).expect(200)).body;
    const lastDraft = workspace.drafts[workspace.drafts.length - 1];
    expect(lastDraft.content.sections[0]).toEqual(DRAFT.sections[0]);

    // The templates change: the signed letter does not; a new letter's preview does.
    await admin()
      .put(`/api/admin/letter-wording/units/${LEAD}`, { ...BUREAU_WORDING, closing: '特此函复。{you}辛苦了。' })
      .expect(200);
    await admin()
      .put('/api/admin/letter-wording/city', { ...BUREAU_WORDING, addressMany: '诸位' })
      .expect(200);
    expect(await pdfText(await fileOf(pdfPath))).toBe(signedText);
    // Beyond the frozen files, the letter re-assembled from the signature (public replies, copy notices) too.
    const reassembled = letterLines(await new ReplyLetterAssembler(stack.dataSource).assembleSigned(id, LEAD, 1));
    expect(reassembled).toEqual(expect.arrayContaining([expected[1], expected[expected.length - 1]]));
    expect((await fileOf(`/api/proposals/${id}/letters/${LEAD}/1/html`)).toString('utf8')).toBe(html);

    const next = await assigned([]);
    const preview = await u['lead-handler'].post(`/api/proposals/${next.id}/letters/preview`, DRAFT).expect(200);
    expect(preview.text).toContain('特此函复。你们辛苦了。');
    expect(preview.text).toContain('收悉。我局认真研究');
  }, 120_000);

  it('shows proposers’ e-mail addresses to the lead unit and the offices, never to a co-handling unit', async () => {
    const { id, number } = await assigned(['education'], 'wangfang@example.org');
    const emailsIn = (proposers: { email?: string }[]) => proposers.flatMap((p) => (p.email ? [p.email] : []));
    for (const [name, sees] of [
      ['lead-handler', true],
      ['supervisor', true],
      ['officer', true],
      ['registrar', true],
      ['education-cohandler', false],
    ] as const) {
      const detail = (await u[name].get(`/api/proposals/${id}`).expect(200)).body;
      expect({ name, emails: emailsIn(detail.proposers) }).toEqual({
        name,
        emails: sees ? ['wangfang@example.org'] : [],
      });
      const found = (await u[name].get(`/api/proposals?q=${encodeURIComponent(number)}`).expect(200)).body;
      const item = found.items.find((p: { id: string }) => p.id === id);
      expect(item).toBeDefined();
      expect({ name, emails: emailsIn(item.proposers) }).toEqual({
        name,
        emails: sees ? ['wangfang@example.org'] : [],
      });
    }
  });
});
