import request from 'supertest';
import { testDatabases } from '@banli/testing';
import { ReplyLetterAssembler } from '@banli/persistence';
import { as, UserClient } from './support/api-client';
import { accepted, uniqueNumber } from './support/proposals';
import { DEMO_PASSWORD, startStack, Stack } from './support/stack';

/**
 * Organisation administration, as a new city's admin does it: units and people created and
 * changed through the API (every change on the admin audit trail), a whole organisation
 * imported, the city's own names in letters; a renamed unit shows its new name on screens
 * and in future letters while a signed letter keeps the name it was signed with.
 */
describe.each(testDatabases())('organisation administration ($name)', ({ config }) => {
  let stack: Stack;
  let admin: UserClient;
  const u: Record<string, UserClient> = {};
  // Unique per run and database: PostgreSQL is shared by every spec of the run.
  const run = `${config.type === 'postgres' ? 'p' : 's'}${Date.now().toString(36)}`;
  const unitId = `org-${run}`;
  const unitName = `X市测试${run}局`;
  const issuerCode = `X测${run}函`;
  const staff = { handler: `${run}-handler`, reviewer: `${run}-reviewer`, signer: `${run}-signer` };
  let settingsBefore: unknown;

  const send = async (method: 'post' | 'patch' | 'put', path: string, body: object, username = 'admin') =>
    request(stack.url)
      [method](path)
      .set('authorization', `Bearer ${await stack.token(username)}`)
      .send(body);
  const adminEvents = async (): Promise<{ type: string; actor_user_id: string; data: string }[]> =>
    stack.dataSource.query(`SELECT "type", "actor_user_id", "data" FROM "admin_event" ORDER BY "at", "id"`);

  beforeAll(async () => {
    stack = await startStack(config);
    admin = await as(stack, 'admin');
    for (const name of ['registrar', 'officer', 'supervisor']) u[name] = await as(stack, name);
    settingsBefore = (await admin.get('/api/admin/city-settings').expect(200)).body;
  });
  afterAll(async () => {
    // Other specs share the database: their letters must read the settings they always did.
    if (stack && settingsBefore) await send('put', '/api/admin/city-settings', settingsBefore as object);
    await stack?.close();
  });

  it('refuses every change to a non-admin (403) and invalid input (422), and a refusal changes nothing', async () => {
    const before = (await adminEvents()).length;
    const unit = { id: `no-${run}`, name: 'X市不该有局', kind: 'bureau' };
    expect((await send('post', '/api/admin/units', unit, 'supervisor')).status).toBe(403);
    expect((await send('patch', '/api/admin/units/education', { name: '改名' }, 'officer')).status).toBe(403);
    expect((await send('put', '/api/admin/city-settings', { governmentName: 'Y' }, 'registrar')).status).toBe(403);
    await u['supervisor'].get('/api/admin/people').expect(403);
    await u['supervisor'].get('/api/admin/events').expect(403);

    const badKind = await send('post', '/api/admin/units', { ...unit, kind: 'department' });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'kind' })],
    });
    const badPerson = await send('post', '/api/admin/people', {
      username: `no-${run}`,
      password: 'short',
      displayName: '无名',
      unitId: 'education',
      roles: ['boss'],
    });
    expect(badPerson.status).toBe(422);
    expect(badPerson.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'password',
      'roles[0]',
    ]);
    const intoNowhere = await send('post', '/api/admin/people', {
      username: `no-${run}`,
      password: DEMO_PASSWORD,
      displayName: '无名',
      unitId: 'no-such-unit',
      roles: ['handler'],
    });
    expect(intoNowhere.status).toBe(422);
    expect((await send('patch', '/api/admin/units/no-such-unit', { name: '无' })).status).toBe(404);
    expect((await send('patch', '/api/admin/people/no-such-person', { displayName: '无' })).status).toBe(404);

    expect((await adminEvents()).length).toBe(before);
    const units = (await admin.get('/api/units').expect(200)).body as { id: string }[];
    expect(units.map((x) => x.id)).not.toContain(unit.id);
    const people = (await admin.get('/api/admin/people').expect(200)).body as { id: string }[];
    expect(people.map((p) => p.id)).not.toContain(`no-${run}`);
  });

  it('creates a unit and its people, who sign in under their display names; each change is audited', async () => {
    const created = await send('post', '/api/admin/units', {
      id: unitId,
      name: unitName,
      shortName: `市测试${run}局`,
      kind: 'bureau',
      issuerCode,
      sortOrder: 50,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: unitId,
      name: unitName,
      shortName: `市测试${run}局`,
      kind: 'bureau',
      issuerCode,
      sortOrder: 50,
      enabled: true,
      openTasks: 0,
      people: 0,
    });
    const again = await send('post', '/api/admin/units', { id: unitId, name: '重复', kind: 'bureau' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_EXISTS');

    for (const [role, username] of Object.entries(staff)) {
      const res = await send('post', '/api/admin/people', {
        username,
        password: DEMO_PASSWORD,
        displayName: `测试局${role}`,
        unitId,
        roles: [role],
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: username,
        username,
        displayName: `测试局${role}`,
        unitId,
        roles: [role],
        enabled: true,
      });
    }
    const taken = await send('post', '/api/admin/people', {
      username: staff.handler,
      password: DEMO_PASSWORD,
      displayName: '重名',
      unitId,
      roles: ['handler'],
    });
    expect(taken.status).toBe(409);

    for (const username of Object.values(staff)) u[username] = await as(stack, username);
    const me = (await u[staff.handler].get('/api/auth/me').expect(200)).body;
    expect(me).toMatchObject({ username: staff.handler, displayName: '测试局handler', unitId });
    const names = (await u['registrar'].get('/api/people').expect(200)).body;
    expect(names).toContainEqual({ id: staff.signer, displayName: '测试局signer', unitId, enabled: true });
    expect((await admin.get('/api/units').expect(200)).body).toContainEqual({
      id: unitId,
      name: unitName,
      shortName: `市测试${run}局`,
      kind: 'bureau',
      enabled: true,
    });

    const mine = (await adminEvents()).filter((e) => e.data.includes(run));
    expect(mine.map((e) => [e.type, e.actor_user_id])).toEqual([
      ['unit-created', 'admin'],
      ['person-created', 'admin'],
      ['person-created', 'admin'],
      ['person-created', 'admin'],
    ]);
    expect(mine.some((e) => /argon|password/i.test(e.data))).toBe(false);
    const trail = (await admin.get('/api/admin/events?pageSize=2').expect(200)).body;
    expect(trail.items).toHaveLength(2);
    expect(trail.total).toBeGreaterThanOrEqual(4);
    expect(trail.items[0]).toMatchObject({
      type: 'person-created',
      actorUserId: 'admin',
      data: { userId: staff.signer },
    });
  });

  async function drafted(): Promise<string> {
    const id = await accepted(u);
    await u['officer'].post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: [unitId] }).expect(200);
    await u[staff.handler].post(`/api/proposals/${id}/drafts`, DRAFT).expect(200);
    return id;
  }

  it('renames a unit: screens and future letters take the new name, a signed letter keeps the old one', async () => {
    await send('put', '/api/admin/city-settings', {
      governmentName: 'X市人民政府',
      committeeNames: { proposal: '', suggestion: '' },
      copyTo: ['市政府办公室', '市政协提案委员会'],
    }).then((r) => expect(r.status).toBe(200));

    const signedId = await drafted();
    await u[staff.reviewer].post(`/api/proposals/${signedId}/drafts/review`, { decision: 'approve' }).expect(200);
    const signed = await u[staff.signer].post(`/api/proposals/${signedId}/sign-off`, { decision: 'sign' }).expect(200);
    expect(signed.body.documentNumber).toMatch(new RegExp(`^${issuerCode}〔\\d{4}〕1号$`));
    const frozen = async () =>
      (await u['supervisor'].get(`/api/proposals/${signedId}/letters/${unitId}/1/html`).expect(200)).text;
    const signedHtml = await frozen();
    expect(signedHtml).toContain(`${unitName}关于`);
    expect(signedHtml).toContain('抄送：市政府办公室、市政协提案委员会。');

    const renamed = `X市测试${run}委员会`;
    const patched = await send('patch', `/api/admin/units/${unitId}`, { name: renamed, shortName: `市测试${run}委` });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: renamed, shortName: `市测试${run}委` });
    await send('patch', `/api/admin/people/${staff.handler}`, { displayName: '王承办' }).then((r) =>
      expect(r.status).toBe(200),
    );

    // Screens: the unit list and the audit trail read today's names.
    expect((await u['officer'].get('/api/units').expect(200)).body).toContainEqual(
      expect.objectContaining({ id: unitId, name: renamed }),
    );
    const events = (await u['supervisor'].get(`/api/proposals/${signedId}/events`).expect(200)).body;
    expect(events.find((e: { type: string }) => e.type === 'draft-submitted').actor).toEqual({
      userId: staff.handler,
      displayName: '王承办',
      unitId,
    });

    const detail = (await u['supervisor'].get(`/api/proposals/${signedId}`).expect(200)).body;
    expect(detail.signatures[0].signedBy).toBe(staff.signer);
    expect(detail.displayNames).toMatchObject({ [staff.handler]: '王承办', [staff.signer]: '测试局signer' });

    // A future letter: the preview of another proposal's draft.
    const nextId = await drafted();
    const preview = await u[staff.handler].post(`/api/proposals/${nextId}/letters/preview`, DRAFT).expect(200);
    expect(preview.text).toContain(`${renamed}关于`);
    expect(preview.text).not.toContain(`${unitName}关于`);

    // The signed letter: the frozen files, and the letter assembled again from its signature.
    expect(await frozen()).toBe(signedHtml);
    const again = await new ReplyLetterAssembler(stack.dataSource).assembleSigned(signedId, unitId, 1);
    expect(again.issuer).toBe(unitName);
    expect(again.copyTo).toBe('抄送：市政府办公室、市政协提案委员会。');
  });

  it('refuses to disable a unit with open tasks or to assign work to a disabled one; a disabled person cannot sign in', async () => {
    const busy = await send('patch', `/api/admin/units/${unitId}`, { enabled: false });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('IN_USE');

    const idle = `idle-${run}`;
    expect((await send('post', '/api/admin/units', { id: idle, name: `X市空闲${run}局`, kind: 'bureau' })).status).toBe(
      201,
    );
    const disabled = await send('patch', `/api/admin/units/${idle}`, { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ enabled: false, shortName: `X市空闲${run}局` });
    expect((await u['officer'].get('/api/units').expect(200)).body).toContainEqual(
      expect.objectContaining({ id: idle, enabled: false }),
    );
    const id = await accepted(u, { number: uniqueNumber() });
    const refused = await u['officer']
      .post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: [idle] })
      .expect(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'unitIds[0]' })]);
    const joining = await send('post', '/api/admin/people', {
      username: `${run}-late`,
      password: DEMO_PASSWORD,
      displayName: '迟到',
      unitId: idle,
      roles: ['handler'],
    });
    expect(joining.status).toBe(422);

    expect((await send('patch', `/api/admin/people/${staff.reviewer}`, { enabled: false })).status).toBe(200);
    const login = await request(stack.url)
      .post('/api/auth/login')
      .send({ username: staff.reviewer, password: DEMO_PASSWORD });
    expect(login.status).toBe(401);
    // Enabled again: the tokens issued before the disable stay revoked; a new sign-in works.
    expect((await send('patch', `/api/admin/people/${staff.reviewer}`, { enabled: true })).status).toBe(200);
    await u[staff.reviewer].get('/api/auth/me').expect(401);
    const again = await request(stack.url)
      .post('/api/auth/login')
      .send({ username: staff.reviewer, password: DEMO_PASSWORD });
    expect(again.status).toBe(200);
    const self = await send('patch', '/api/admin/people/admin', { enabled: false });
    expect(self.status).toBe(422);
    const demoted = await send('patch', '/api/admin/people/admin', { roles: ['supervisor'] });
    expect(demoted.status).toBe(422);
  });

  it('imports a whole organisation from JSON and from CSV, each row applied whole or not at all', async () => {
    const json = await send('post', '/api/admin/organisation/import', {
      units: [
        {
          id: `water-${run}`,
          name: `X市水利${run}局`,
          shortName: '市水利局',
          kind: 'bureau',
          issuerCode: `X水${run}函`,
        },
        { id: `bad-${run}`, name: `X市坏${run}局`, kind: 'department' },
        { id: unitId, sortOrder: 7 },
      ],
      people: [
        {
          username: `${run}-water`,
          displayName: '水利局承办人',
          unitId: `water-${run}`,
          roles: ['handler', 'reviewer'],
          password: DEMO_PASSWORD,
        },
        { username: `${run}-nopass`, displayName: '没有密码', unitId: `water-${run}`, roles: ['handler'] },
        { username: staff.signer, displayName: '李签发' },
      ],
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ total: 6, created: 2, updated: 2, unchanged: 0, failed: 2 });
    expect(json.body.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [1, 'created'],
      [2, 'failed'],
      [3, 'updated'],
      [4, 'created'],
      [5, 'failed'],
      [6, 'updated'],
    ]);
    expect(json.body.rows[1].error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const units = (await admin.get('/api/admin/units').expect(200)).body as { id: string; sortOrder: number }[];
    expect(units.map((x) => x.id)).not.toContain(`bad-${run}`);
    expect(units.find((x) => x.id === unitId)?.sortOrder).toBe(7);
    const people = (await admin.get('/api/admin/people').expect(200)).body as { id: string; displayName: string }[];
    expect(people.map((p) => p.id)).not.toContain(`${run}-nopass`);
    expect(people.find((p) => p.id === staff.signer)?.displayName).toBe('李签发');
    await as(stack, `${run}-water`);

    const csv = [
      'type,id,name,shortName,kind,username,displayName,unitId,roles,password',
      `unit,sea-${run},X市海洋${run}局,市海洋局,bureau,,,,,`,
      `person,,,,,${run}-sea,海洋局签发人,sea-${run},signer,${DEMO_PASSWORD}`,
      `person,,,,,${run}-lost,走错单位,no-such-unit,handler,${DEMO_PASSWORD}`,
      `unit,water-${run},X市水利${run}局,市水利局,bureau,,,,,`,
    ].join('\r\n');
    const fromCsv = await request(stack.url)
      .post('/api/admin/organisation/import')
      .set('authorization', `Bearer ${await stack.token('admin')}`)
      .set('content-type', 'text/csv; charset=utf-8')
      .send(csv);
    expect(fromCsv.status).toBe(200);
    expect(fromCsv.body.rows.map((r: { row: number; id: string; status: string }) => [r.row, r.id, r.status])).toEqual([
      [1, `sea-${run}`, 'created'],
      [2, `${run}-sea`, 'created'],
      [3, `${run}-lost`, 'failed'],
      [4, `water-${run}`, 'unchanged'],
    ]);
    const imported = (await adminEvents()).filter((e) => e.data.includes('"source":"import"') && e.data.includes(run));
    expect(imported.map((e) => e.type).sort()).toEqual(
      ['person-created', 'person-created', 'person-updated', 'unit-created', 'unit-created', 'unit-updated'].sort(),
    );
  });

  it("keeps the city's settings: shown on screens, refused when blank, audited", async () => {
    const settings = {
      governmentName: `中山市人民政府${run}`,
      committeeNames: { proposal: '市政协提案委员会', suggestion: '市人大常委会代表工作委员会' },
      copyTo: [],
    };
    const put = await send('put', '/api/admin/city-settings', settings);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(settings);
    expect((await u['registrar'].get('/api/city').expect(200)).body.governmentName).toBe(settings.governmentName);
    const blank = await send('put', '/api/admin/city-settings', { ...settings, governmentName: '  ' });
    expect(blank.status).toBe(422);
    expect((await admin.get('/api/admin/city-settings').expect(200)).body).toEqual(settings);
    const audit = (await adminEvents()).filter((e) => e.type === 'city-settings-set' && e.data.includes(run));
    expect(audit).toHaveLength(1);
  });
});

const DRAFT = {
  replyClass: 'A',
  disclosure: 'never',
  sections: [{ seq: 1, adoption: 'adopted', text: '已采纳。' }],
  topic: '测试工作',
  contact: { name: '王五', phone: '12345' },
};
