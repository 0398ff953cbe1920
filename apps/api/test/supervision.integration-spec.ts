import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { execSql } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';

/**
 * Supervision over the real stack: notices handed to the outbox for assignments and 催办,
 * key proposals first with their leaders, the monitoring views, statistics with CSV and XLSX
 * exports counted against what the test did, and public disclosure of 主动公开 replies only.
 */
describe.each(testDatabases())('supervision through the API ($name)', ({ config }) => {
  let stack: Stack;
  const users: Record<string, UserClient> = {};
  // Its own session, so the statistics count only this file's proposals on this database.
  const session = `sv${Date.now().toString(36)}${config.type === 'postgres' ? 'p' : 's'}`;
  const ids: Record<string, string> = {};
  const path = (id: string, p = '') => `/api/proposals/${id}${p}`;
  const points = [
    { seq: 1, adoption: 'adopted', text: '已纳入年度计划。' },
    { seq: 2, adoption: 'partly-adopted', text: '正在试点。' },
  ];

  beforeAll(async () => {
    stack = await startStack(config);
    await openSession(stack, session);
    for (const u of [
      'registrar',
      'officer',
      'supervisor',
      'lead-handler',
      'lead-reviewer',
      'lead-signer',
      'human-resources-cohandler',
      'education-cohandler',
    ]) {
      users[u] = await as(stack, u);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function registerAndAssign(name: string, title: string): Promise<string> {
    const number = `${name}${Date.now().toString(36)}`;
    const id = `${session}_${number}`;
    await users['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: session,
        sessionName: '市政协八届二次会议',
        number,
        title,
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
        ],
        body: '正文',
        suggestionPoints: [
          { seq: 1, text: '加快5G基站建设' },
          { seq: 2, text: '培育数据要素市场' },
        ],
      })
      .expect(201);
    await users['registrar'].post(path(id, '/review'), { decision: 'accept' }).expect(200);
    await users['officer']
      .post(path(id, '/assignment'), {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['human-resources', 'education'],
      })
      .expect(200);
    ids[name] = id;
    return id;
  }

  /** Opinions, contact, draft, review, sign-off, dispatch, both ratings; publication if 主动公开. */
  async function handleToTheEnd(
    id: string,
    replyClass: string,
    disclosure: string,
    ratings: string[],
    contactMethod = 'call',
  ) {
    for (const unit of ['human-resources', 'education']) {
      await users[`${unit}-cohandler`].post(path(id, '/opinions'), { points, summary: `${unit}意见` }).expect(200);
    }
    await users['lead-handler']
      .post(path(id, '/contacts'), { method: contactMethod, contactedAt: new Date().toISOString(), summary: '沟通' })
      .expect(200);
    await users['lead-handler']
      .post(path(id, '/drafts'), {
        replyClass,
        disclosure,
        sections: points,
        topic: '数字经济发展',
        contact: { name: '张三', phone: '0571-88888888' },
      })
      .expect(200);
    await users['lead-reviewer'].post(path(id, '/drafts/review'), { decision: 'approve' }).expect(200);
    await users['lead-signer'].post(path(id, '/sign-off'), { decision: 'sign' }).expect(200);
    await users['lead-handler'].post(path(id, '/dispatch')).expect(200);
    for (const [i, proposer] of ['李明', '王芳'].entries()) {
      await users['officer']
        .post(path(id, '/feedback'), { unitId: 'industry-it', proposer, rating: ratings[i] })
        .expect(200);
    }
    if (disclosure === 'publish') {
      await users['lead-handler'].post(path(id, '/publication'), { location: '市政府门户网站' }).expect(200);
    }
  }

  const outbox = async (id: string) =>
    (
      await execSql(
        stack.dataSource,
        `SELECT "unit_id", "kind", "payload" FROM "notification_outbox" WHERE "proposal_id" = :id ORDER BY "id"`,
        { id },
      )
    ).rows.map((r) => ({
      unitId: r['unit_id'],
      kind: r['kind'],
      payload: JSON.parse(String(r['payload'])) as Record<string, unknown>,
    }));

  it('hands an assignment to the outbox once for each assigned unit, with the audit event', async () => {
    const id = await registerAndAssign('a', '关于推进数据开放的提案');
    const notices = (await outbox(id)).filter((n) => n.kind === 'assigned');
    expect(notices.map((n) => n.unitId).sort()).toEqual(['education', 'human-resources', 'industry-it']);
    expect(notices[0].payload).toMatchObject({ proposalId: id, eventType: 'assigned' });
    expect(notices[0].payload['data']).toMatchObject({ coHandlerUnitIds: ['human-resources', 'education'] });
  });

  it('marks a key proposal with its supervising leaders, and shows it first in every list', async () => {
    const plain = await registerAndAssign('b', '关于完善职业培训的提案');
    const key = await registerAndAssign('c', '关于建设智慧城市的提案');
    await users['lead-handler'].post(path(key, '/key'), { leaders: ['王副市长'] }).expect(403);
    await users['supervisor'].post(path(key, '/key'), { leaders: ['王副市长', '李秘书长'] }).expect(200);

    const monitored = (await users['supervisor'].get(`/api/supervision/proposals?session=${session}`).expect(200)).body;
    expect(monitored.items[0]).toMatchObject({ id: key, keyProposal: true, keyLeaders: ['王副市长', '李秘书长'] });
    expect(monitored.items.map((p: { id: string }) => p.id)).toContain(plain);
    // A key proposal needs a proposer contact: its 15-working-day deadline comes first.
    expect(monitored.items[0].nextDeadline).toMatchObject({
      kind: 'contact',
      unitId: 'industry-it',
      heldBy: [{ unitId: 'industry-it', workingDays: 0 }],
    });
    const keyOnly = (
      await users['supervisor'].get(`/api/supervision/proposals?session=${session}&keyOnly=true`).expect(200)
    ).body;
    expect(keyOnly.items.map((p: { id: string }) => p.id)).toEqual([key]);

    const inbox = (await users['lead-handler'].get('/api/tasks?pageSize=200').expect(200)).body;
    const mine = inbox.items.filter((t: { proposalId: string }) => t.proposalId.startsWith(session));
    expect(mine[0].proposalId).toBe(key);
    const list = (await users['supervisor'].get(`/api/proposals?pageSize=200`).expect(200)).body;
    expect(list.items.findIndex((p: { id: string }) => p.id === key)).toBeLessThan(
      list.items.findIndex((p: { id: string }) => p.id === plain),
    );
  });

  it('requires a recorded proposer contact before a key proposal is signed', async () => {
    const id = ids['c'];
    for (const unit of ['human-resources', 'education']) {
      await users[`${unit}-cohandler`].post(path(id, '/opinions'), { points, summary: '意见' }).expect(200);
    }
    await users['lead-handler']
      .post(path(id, '/drafts'), {
        replyClass: 'A',
        disclosure: 'never',
        sections: points,
        topic: '智慧城市建设',
        contact: { name: '张三', phone: '0571-88888888' },
      })
      .expect(200);
    await users['lead-reviewer'].post(path(id, '/drafts/review'), { decision: 'approve' }).expect(200);
    const refused = await users['lead-signer'].post(path(id, '/sign-off'), { decision: 'sign' }).expect(409);
    expect(refused.body.error.code).toBe('CONTACT_REQUIRED');
  });

  it('sends a reminder notice (催办) to a unit with an open task; recorded, audited and handed to the outbox', async () => {
    const id = ids['a'];
    await users['lead-handler'].post(path(id, '/reminders'), { unitId: 'education' }).expect(403);
    await users['supervisor'].post(path(id, '/reminders'), { unitId: 'market-regulation' }).expect(422);
    await users['supervisor'].post(path(id, '/reminders'), { unitId: 'education', extra: 1 }).expect(400);
    const before = (await outbox(id)).length;
    await users['supervisor']
      .post(path(id, '/reminders'), { unitId: 'education', message: '请于本周内报送会办意见' })
      .expect(200);
    const notices = (await outbox(id)).filter((n) => n.kind === 'reminder-notice');
    // The 催办's notice, and the 催办单's (see supervision-documents.integration-spec.ts).
    expect((await outbox(id)).length).toBe(before + 2);
    expect((await outbox(id)).filter((n) => n.kind === 'supervision-document')).toEqual([
      expect.objectContaining({ unitId: 'education', payload: expect.objectContaining({ documentKind: 'reminder' }) }),
    ]);
    expect(notices).toEqual([
      expect.objectContaining({
        unitId: 'education',
        payload: expect.objectContaining({
          actor: { userId: 'supervisor', unitId: 'gov-office' },
          data: expect.objectContaining({
            message: '请于本周内报送会办意见',
            tasks: [expect.objectContaining({ kind: 'opinion' })],
          }),
        }),
      }),
    ]);
    const events = (await users['supervisor'].get(path(id, '/events')).expect(200)).body;
    expect(events.at(-1)).toMatchObject({ type: 'reminder-notice', unitId: 'education' });
  });

  it('lists deadlines due soon with working days left and the unit holding each; refuses other roles', async () => {
    await users['lead-handler'].get('/api/supervision/deadlines').expect(403);
    await users['human-resources-cohandler'].get('/api/supervision/statistics').expect(403);
    await request(stack.url).get('/api/supervision/proposals').expect(401);
    await users['supervisor'].get('/api/supervision/deadlines?state=late').expect(400);
    await users['supervisor'].get('/api/supervision/deadlines?withinWorkingDays=-1').expect(400);

    const soon = (
      await users['supervisor']
        .get(
          `/api/supervision/deadlines?state=due-soon&withinWorkingDays=80&session=${session}&kind=opinion&pageSize=200`,
        )
        .expect(200)
    ).body;
    const mine = soon.items.filter((d: { proposalId: string }) => d.proposalId === ids['b']);
    expect(mine.map((d: { unitId: string }) => d.unitId).sort()).toEqual(['education', 'human-resources']);
    for (const d of mine) {
      expect(d.workingDaysLeft).toBeGreaterThan(15);
      expect(d.workingDaysOverdue).toBeUndefined();
      expect(d.heldBy).toEqual([{ unitId: d.unitId, workingDays: 0 }]);
    }
    const all = (
      await users['supervisor']
        .get(`/api/supervision/deadlines?state=due-soon&withinWorkingDays=80&session=${session}`)
        .expect(200)
    ).body;
    expect(all.items[0]).toMatchObject({ keyProposal: true, kind: 'contact' });
    const none = (
      await users['supervisor'].get(`/api/supervision/deadlines?state=overdue&session=${session}`).expect(200)
    ).body;
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('publishes only 主动公开 replies, with the full letter text, to anyone', async () => {
    const published = await registerAndAssign('d', '关于发展数字经济的提案');
    const onRequest = await registerAndAssign('e', '关于保护个人信息的提案');
    const never = await registerAndAssign('f', '关于涉密事项的提案');
    await handleToTheEnd(published, 'A', 'publish', ['satisfied', 'basically-satisfied'], 'visit');
    await handleToTheEnd(onRequest, 'B', 'on-request', ['satisfied', 'satisfied']);
    await handleToTheEnd(never, 'C', 'never', ['basically-satisfied', 'satisfied']);

    const list = (await request(stack.url).get(`/api/public/replies?session=${session}`).expect(200)).body;
    expect(list.items.map((r: { proposalId: string }) => r.proposalId)).toEqual([published]);
    const reply = list.items[0];
    expect(reply).toMatchObject({ unitId: 'industry-it', round: 1, title: '关于发展数字经济的提案' });
    expect(reply.lines[0]).toBe('(A类)');
    expect(reply.lines).toContain(reply.documentNumber);
    expect(reply.lines.join('\n')).toContain('公开方式：主动公开');
    const one = await request(stack.url).get(`/api/public/replies/${published}/industry-it/1`).expect(200);
    expect(one.body.lines).toEqual(reply.lines);
    const pdf = await request(stack.url).get(`/api/public/replies/${published}/industry-it/1/letter.pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    for (const hidden of [onRequest, never]) {
      await request(stack.url).get(`/api/public/replies/${hidden}/industry-it/1`).expect(404);
      await request(stack.url).get(`/api/public/replies/${hidden}/industry-it/1/letter.pdf`).expect(404);
    }
    await request(stack.url).get('/api/public/replies?pageSize=1000').expect(400);
  });

  it('counts the statistics per unit and session as handled above, and exports them as CSV and XLSX', async () => {
    const stats = (await users['supervisor'].get(`/api/supervision/statistics?session=${session}`).expect(200)).body;
    const byUnit = Object.fromEntries(stats.items.map((r: { key: string }) => [r.key, r]));
    // Six proposals, all led by industry-it with two co-handling units; three replied, all in time.
    expect(byUnit['industry-it']).toMatchObject({
      name: 'X市工业和信息化局',
      assignedAsReplying: 6,
      assignedAsCoHandling: 0,
      closed: 2,
      repliesDue: 3,
      repliesOnTime: 3,
      replyOnTimeRate: 1,
      replyClasses: { A: 1, B: 1, C: 1 },
      satisfaction: { satisfied: 4, basicallySatisfied: 2, unsatisfied: 0, notRated: 0 },
      rehandled: 0,
    });
    expect(byUnit['industry-it'].averageWorkingDaysToReply).toBe(0);
    // The figures a proposal office reports, counted by hand from what this file did:
    expect(byUnit['industry-it']).toMatchObject({
      closedOnTime: 2, // d (class A, published) and f (class C); e (class B) awaits its follow-up
      closingRate: 0.3333, // 办结率 2 of 6 assigned
      closedOnTimeRate: 0.3333, // 按期办结率 2 of 6
      repliesSigned: 3, // d, e, f (c was refused without a contact)
      repliesWithContact: 3, // a call for e and f, a visit for d
      repliesWithMeeting: 1, // d's visit
      contactRate: 1, // 沟通率 3 of 3
      meetingRate: 0.3333, // 见面率 1 of 3
      satisfactionRate: 1, // 满意率 (4 + 2) of 6 rated
      reminderNotices: 0,
      workingDaysHeldUp: 0,
      review: null,
    });
    expect(byUnit['education']).toMatchObject({ reminderNotices: 1, workingDaysHeldUp: 0 }); // a's 催办
    expect(byUnit['human-resources']).toMatchObject({ reminderNotices: 0, closingRate: null, contactRate: null });
    expect(stats.total).toMatchObject({
      key: 'total',
      name: '合计',
      assignedAsReplying: 6,
      assignedAsCoHandling: 12,
      closed: 2,
      closingRate: 0.3333,
      reminderNotices: 1,
    });
    expect(stats.replyClasses).toEqual(['A', 'B', 'C']);
    // A class nobody signed is still a column: only A, then only B, were signed here.
    const onlyUnit = (
      await users['supervisor'].get(`/api/supervision/statistics?session=${session}&unit=education`).expect(200)
    ).body;
    expect(onlyUnit.items).toEqual([expect.objectContaining({ key: 'education', replyClasses: { A: 0, B: 0, C: 0 } })]);
    // Nothing was assigned in 2020: every unit's row is gone, the columns and the 合计 stay.
    const past = (
      await users['supervisor']
        .get(`/api/supervision/statistics?session=${session}&from=2020-01-01&to=2020-12-31`)
        .expect(200)
    ).body;
    expect(past.items).toEqual([]);
    expect(past.total).toMatchObject({ assignedAsReplying: 0, closingRate: null, replyClasses: { A: 0, B: 0, C: 0 } });
    await users['supervisor'].get(`/api/supervision/statistics?from=2026-02-30`).expect(400);
    await users['supervisor'].get(`/api/supervision/statistics?to=3%2F4%2F2026`).expect(400);
    // Opinions given for d, e, f and the key proposal c: four each, all on time.
    for (const unit of ['human-resources', 'education']) {
      expect(byUnit[unit]).toMatchObject({
        assignedAsReplying: 0,
        assignedAsCoHandling: 6,
        opinionsDue: 4,
        opinionsOnTime: 4,
        opinionOnTimeRate: 1,
      });
    }
    const bySession = (
      await users['supervisor'].get(`/api/supervision/statistics?session=${session}&groupBy=session`).expect(200)
    ).body;
    expect(bySession.items).toEqual([
      expect.objectContaining({
        key: session,
        name: '市政协八届二次会议',
        assignedAsReplying: 6,
        assignedAsCoHandling: 12,
        // Six registered here, all accepted (立案).
        review: { registered: 6, accepted: 6, notAccepted: 0, merged: 0, awaitingReview: 0 },
      }),
    ]);

    const csv = await users['supervisor'].get(`/api/supervision/statistics?session=${session}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['提案办理情况统计表（按承办单位）']);
    expect(rows[1]?.[0]).toMatch(/^制表日期：\d{4}年\d{1,2}月\d{1,2}日；会次：/);
    const head = rows[3];
    expect(head.slice(0, 3)).toEqual(['单位', '代码', '主办/单独办理件数']);
    const lead = rows.find((r) => r[1] === 'industry-it') as string[];
    expect(lead[0]).toBe('X市工业和信息化局');
    expect(lead[head.indexOf('A类')]).toBe('1');
    expect(lead[head.indexOf('满意')]).toBe('4');
    expect(lead[head.indexOf('答复按时率')]).toBe('1');
    expect(lead[head.indexOf('见面率')]).toBe('0.3333');
    const total = rows.at(-1) as string[];
    expect(total[0]).toBe('合计');
    expect(total[head.indexOf('会办件数')]).toBe('12');
    expect(total[head.indexOf('催办次数')]).toBe('1');

    const xlsx = await users['supervisor']
      .get(`/api/supervision/statistics?session=${session}&format=xlsx&lang=en`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    const sheet = workbook.getWorksheet('Statistics');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Proposal handling statistics by unit');
    expect(String(sheet?.getRow(2).getCell(1).value)).toMatch(/^Made on \d{4}-\d{2}-\d{2}; session /);
    const header = (sheet?.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Unit', 'Code', 'Assigned to reply']);
    const values = sheet
      ?.getSheetValues()
      .slice(4)
      .map((r) => (r as unknown[]).slice(1));
    expect(values?.at(-1)?.[0]).toBe('Total');
    const leadRow = values?.find((r) => r[1] === 'industry-it') as unknown[];
    expect(leadRow[header.indexOf('Assigned to reply')]).toBe(6);
    expect(leadRow[header.indexOf('Satisfied')]).toBe(4);
    expect(leadRow[header.indexOf('Class B')]).toBe(1);
  });
  it('exports the progress list and the deadlines list as report files, whole, with the names of the units', async () => {
    const json = (
      await users['supervisor'].get(`/api/supervision/proposals?session=${session}&pageSize=200`).expect(200)
    ).body;
    const csv = await users['supervisor']
      .get(`/api/supervision/proposals?session=${session}&format=csv&pageSize=1`)
      .expect(200);
    expect(csv.headers['content-disposition']).toContain(`banli-progress-${session}.csv`);
    const rows = parse(csv.text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['提案办理进度表']);
    expect(rows[3]?.slice(0, 6)).toEqual(['会次', '编号', '标题', '重点提案', '领办领导', '阶段']);
    // The whole list, not the page asked for; key proposals first, as on screen.
    expect(rows.slice(4).map((r) => r[1])).toEqual(json.items.map((p: { number: string }) => p.number));
    expect(rows[4]?.slice(3, 5)).toEqual(['是', '王副市长、李秘书长']);
    expect(rows[4]?.[6]).toBe('X市工业和信息化局');

    const soon = (
      await users['supervisor']
        .get(`/api/supervision/deadlines?state=due-soon&withinWorkingDays=80&session=${session}&pageSize=200`)
        .expect(200)
    ).body;
    const xlsx = await users['supervisor']
      .get(`/api/supervision/deadlines?state=due-soon&withinWorkingDays=80&session=${session}&format=xlsx&lang=en`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Deadlines due soon');
    const header = (sheet?.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(4, 8)).toEqual(['Deadline', 'Unit', 'Due', 'Status']);
    expect(sheet ? sheet.rowCount - 3 : 0).toBe(soon.total);
    expect(String(sheet?.getRow(4).getCell(8).value)).toMatch(/^\d+ working days left$/);

    // Filtered by the unit charged: nothing here is overdue, so nobody holds anything up.
    const held = (
      await users['supervisor']
        .get(`/api/supervision/deadlines?state=overdue&session=${session}&heldBy=education`)
        .expect(200)
    ).body;
    expect(held).toMatchObject({ items: [], total: 0 });
    await users['supervisor'].get(`/api/supervision/deadlines?heldBy=Not%20a%20unit`).expect(400);
    await users['lead-handler'].get(`/api/supervision/proposals?format=csv`).expect(403);
  });

  it('writes a session name that is a formula as text in the CSV, and names every export safely whatever the filter', async () => {
    const formulaSession = `${session}f`;
    await openSession(stack, formulaSession, '=SUM(1,1)会议');
    const number = `f${Date.now().toString(36)}`;
    await users['registrar']
      .post('/api/proposals', {
        kind: 'proposal',
        sessionCode: formulaSession,
        sessionName: '=SUM(1,1)会议',
        number,
        title: '关于公式的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '建议' }],
      })
      .expect(201);
    const id = `${formulaSession}_${number}`;
    await users['registrar'].post(path(id, '/review'), { decision: 'accept' }).expect(200);
    await users['officer']
      .post(path(id, '/assignment'), { mode: 'lead', leadUnitId: 'industry-it', coHandlerUnitIds: ['education'] })
      .expect(200);
    const csv = await users['supervisor']
      .get(`/api/supervision/statistics?session=${formulaSession}&groupBy=session&format=csv`)
      .expect(200);
    const rows = parse(csv.text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows[4]?.[0]).toBe("'=SUM(1,1)会议");

    // Every file the statistics export writes, with filters a header cannot hold as they are.
    for (const format of ['csv', 'xlsx']) {
      for (const filter of ['中文', 'a\r\nSet-Cookie: x=1', 'a"; filename=evil.exe']) {
        const res = await users['supervisor']
          .get(`/api/supervision/statistics?session=${encodeURIComponent(filter)}&format=${format}`)
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect([res.status, format, filter]).toEqual([200, format, filter]);
        const disposition = String(res.headers['content-disposition']);
        expect(disposition).not.toMatch(/[\r\n]/);
        // One filename parameter outside quoted strings: the filter added none.
        expect(disposition.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/filename=/g)).toHaveLength(1);
        const extended = /filename\*=UTF-8''([^;]+)$/.exec(disposition)?.[1] ?? '';
        expect(decodeURIComponent(extended)).toBe(`banli-statistics-unit-${filter}.${format}`);
      }
    }
  });
});
