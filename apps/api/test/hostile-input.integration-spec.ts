import fc from 'fast-check';
import { hasVisibleText, textProblem } from '@banli/domain';
import { testDatabases } from '@banli/testing';
import { as } from './support/api-client';
import { accepted, assignedToOne, assignedWithLead, Clients, draftOf, readyToSign } from './support/proposals';
import { rawRequest, RawResponse } from './support/raw-http';
import { DEMO_PASSWORD, startStack, Stack } from './support/stack';
import { openSession } from './support/sessions';

/**
 * Hostile input against EVERY endpoint of the OpenAPI document (so a new endpoint is fuzzed
 * without touching this file): malformed, oversized, wrongly typed and injection-laden bodies,
 * query strings, path parameters and headers (Content-Type, Idempotency-Key, Authorization,
 * the session cookie). Every answer must be a success or a coded refusal (400, 401, 403, 404,
 * 409, 413, 415, 422; 429 only on sign-in), never a 5xx; a refusal changes nothing (row counts
 * of every read-model table, the rows an admin can change, the targeted workflow's history
 * length); and the server keeps serving.
 *
 * Deterministic: the requests come from a fixed fast-check seed, printed at the start.
 * Reproduce or explore: HOSTILE_SEED=<seed> HOSTILE_RUNS=<requests per database>
 * npx jest -c apps/api/jest.integration.config.js hostile-input
 */
const SEED = Number(process.env['HOSTILE_SEED'] ?? 20_260_509);
const RUNS = Number(process.env['HOSTILE_RUNS'] ?? 1_000);

const REFUSALS = new Set([400, 401, 403, 404, 409, 413, 415, 422]);
const SUCCESSES = new Set([200, 201, 204]);
/** Tables whose rows are written on purpose by a refused request: a refusal with an Idempotency-Key is remembered. */
const WRITTEN_BY_REFUSALS = new Set(['idempotency_record', 'sign_in_attempt']);

/** Operations whose success revokes the caller's tokens: the users sign in again after one. */
const REVOKING = new Set(['POST /api/auth/sign-out', 'DELETE /api/auth/session', 'POST /api/auth/password']);

/** Strings that have broken web applications before. */
const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE proposal; --",
  '" OR 1=1 --',
  "' OR '1'='1",
  '1); SELECT pg_sleep(5); --',
  '\'); DELETE FROM "app_user"; --',
  '%',
  '_',
  '\\',
  '\\x00',
  '${7*7}{{7*7}}<%= 7*7 %>',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '\u0000',
  'a\u0000b',
  '\ufeff',
  '\u202eevil',
  '\u200b\u200c\u200d',
  '\u2028\u2029',
  '\r\n\r\nX-Injected: 1',
  'e\u0301',
  '😀👩‍👩‍👧‍👦',
  '𠀀𪚥',
  '\t',
  ' ',
  '',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '0x10',
  '__proto__',
  'constructor',
  'toString',
  'X〔2026〕1号',
  '〔',
  '字'.repeat(300),
  'a'.repeat(5_001),
  'b'.repeat(50_001),
];

const USERS = [
  'registrar',
  'officer',
  'supervisor',
  'admin',
  'lead-handler',
  'lead-reviewer',
  'lead-signer',
  'education-cohandler',
  'education-handler',
  'education-reviewer',
  'education-signer',
  'market-regulation-handler',
];
const UNITS = ['industry-it', 'education', 'human-resources', 'gov-office', 'market-regulation'];

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  type?: string;
}
interface Operation {
  method: string;
  template: string;
  params: Param[];
  bodySchema?: Schema;
  secured: boolean;
}
interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}
interface OpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: (Param & { schema?: Schema })[]; requestBody?: unknown; security?: unknown[] }>
  >;
  components: { schemas: Record<string, Schema> };
}

interface HostileRequest {
  op: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The fixture proposal the path names, if any. */
  proposalId?: string;
}

describe.each(testDatabases())('hostile input ($name)', ({ name, config }) => {
  let stack: Stack;
  const u: Clients = {};
  const tokens: Record<string, string> = {};
  const fixtures: Record<string, string> = {};
  let operations: Operation[] = [];
  let tables: string[] = [];
  let doc: OpenApi;

  beforeAll(async () => {
    process.stdout.write(
      `hostile input (${name}): seed ${SEED}, ${RUNS} requests; reproduce with HOSTILE_SEED=${SEED} HOSTILE_RUNS=${RUNS}\n`,
    );
    stack = await startStack(config);
    await openSession(stack, 'hx');
    for (const user of USERS) {
      u[user] = await as(stack, user);
      tokens[user] = await stack.token(user);
    }
    // Proposals at several stages, so that requests reach every kind of rule.
    fixtures['registered'] = (
      await u['registrar'].post('/api/proposals', registration('fx-registered')).expect(201)
    ).body.id;
    fixtures['consultation'] = await assignedWithLead(u, 'industry-it', ['education'], {
      points: ['建议一', '建议二'],
    });
    fixtures['signOff'] = await assignedToOne(u, 'education');
    await readyToSign(u, fixtures['signOff'], 'education');
    fixtures['dispatched'] = await assignedToOne(u, 'education');
    await readyToSign(u, fixtures['dispatched'], 'education', { ...draftOf(), disclosure: 'publish' });
    await u['education-signer']
      .post(`/api/proposals/${fixtures['dispatched']}/sign-off`, { decision: 'sign' })
      .expect(200);
    await u['education-handler'].post(`/api/proposals/${fixtures['dispatched']}/dispatch`, {}).expect(200);
    await u['education-handler'].post(`/api/proposals/${fixtures['dispatched']}/publication`, {}).expect(200);
    fixtures['accepted'] = await accepted(u);

    doc = (await rawRequest(stack.url, { method: 'GET', path: '/api/docs-json' })).json as OpenApi;
    operations = operationsOf(doc);
    tables = await readModelTables();
    // No background writer during the fuzzing: the notification relay would fan out notices
    // of accepted requests while later refusals are checked.
    await waitForOutboxDispatched();
    await stack.relay.stop();
  });
  afterAll(async () => {
    await stack?.close();
  });

  function registration(number: string, overrides: Record<string, unknown> = {}) {
    return {
      kind: 'proposal',
      sessionCode: 'hx',
      sessionName: '市政协八届二次会议',
      number: `${number}-${Date.now().toString(36)}`,
      title: '关于测试的提案',
      proposers: [{ name: '李明', lead: true }],
      body: '正文',
      suggestionPoints: [{ seq: 1, text: '建议' }],
      ...overrides,
    };
  }

  async function waitForOutboxDispatched(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const [row] = await stack.dataSource.query(
        `SELECT count(*) AS "n" FROM "notification_outbox" WHERE "status" = 'pending'`,
      );
      if (Number(row.n) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function readModelTables(): Promise<string[]> {
    const rows: { name: string }[] =
      config.type === 'postgres'
        ? await stack.dataSource.query(`SELECT tablename AS "name" FROM pg_tables WHERE schemaname = 'public'`)
        : await stack.dataSource.query(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'proposal_fts_%'`,
          );
    return rows
      .map((r) => r.name)
      .filter((t) => t !== 'migrations' && t !== 'typeorm_metadata' && !WRITTEN_BY_REFUSALS.has(t))
      .sort();
  }

  /** What a refusal must not change: every table's row count and the rows an admin or user can change. */
  async function snapshot(): Promise<string> {
    const [counts] = await stack.dataSource.query(
      `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')}`,
    );
    const [units, pools, users, proposals, unread, deliveries, sessions] = await Promise.all([
      stack.dataSource.query(`SELECT "id", "issuer_code" FROM "org_unit" ORDER BY "id"`),
      stack.dataSource.query(`SELECT * FROM "document_number_pool" ORDER BY "issuer_code", "year"`),
      stack.dataSource.query(`SELECT "id", "unit_id", "disabled" FROM "app_user" ORDER BY "id"`),
      stack.dataSource.query(`SELECT "id", "projection_version", "stage", "updated_at" FROM "proposal" ORDER BY "id"`),
      stack.dataSource.query(`SELECT count(*) AS "n" FROM "user_notification" WHERE "read_at" IS NULL`),
      stack.dataSource.query(`SELECT "id", "status", "attempts" FROM "notification_delivery" ORDER BY "id"`),
      stack.dataSource.query(`SELECT * FROM "committee_session" ORDER BY "code"`),
    ]);
    const normalise = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    return JSON.stringify(
      normalise({
        counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
        units,
        pools,
        users,
        proposals,
        unread,
        deliveries,
        sessions,
      }),
    );
  }

  async function historyLength(proposalId: string): Promise<number> {
    const described = await stack.client.workflow.getHandle(`proposal-${proposalId}`).describe();
    return described.historyLength;
  }

  /** After an accepted request: wait until the workflow and the read model are still. */
  async function settled(proposalId?: string): Promise<{ snap: string; history?: number }> {
    let last = { snap: await snapshot(), history: proposalId ? await historyLength(proposalId) : undefined };
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const next = { snap: await snapshot(), history: proposalId ? await historyLength(proposalId) : undefined };
      if (next.snap === last.snap && next.history === last.history) return next;
      last = next;
    }
    return last;
  }

  // ---------------------------------------------------------------- generators

  function operationsOf(d: OpenApi): Operation[] {
    const ops: Operation[] = [];
    for (const [template, methods] of Object.entries(d.paths)) {
      for (const [method, o] of Object.entries(methods)) {
        const content = (o.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
        ops.push({
          method: method.toUpperCase(),
          template,
          params: (o.parameters ?? []).map((p) => ({ name: p.name, in: p.in, type: p.schema?.type })),
          ...(content ? { bodySchema: Object.values(content)[0]?.schema ?? {} } : {}),
          secured: Array.isArray(o.security) && o.security.length > 0,
        });
      }
    }
    return ops;
  }

  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() as string] ?? {});
    if (schema.allOf) {
      return schema.allOf.map(resolve).reduce<Schema>(
        (m, s) => ({
          ...m,
          ...s,
          properties: { ...m.properties, ...s.properties },
          required: [...(m.required ?? []), ...(s.required ?? [])],
        }),
        {},
      );
    }
    return schema;
  }

  /** A plausible value of a schema (its example, first enum value, or a simple value of its type). */
  function sampleOf(schema: Schema, depth = 0): unknown {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.type === 'array') return depth > 4 ? [] : [sampleOf(s.items ?? {}, depth + 1)];
    if (s.type === 'integer' || s.type === 'number') return 1;
    if (s.type === 'boolean') return true;
    if (s.type === 'string') return '正文';
    if (s.properties) {
      return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    }
    return {};
  }

  /** Bodies the OpenAPI document cannot describe. */
  function sampleBody(op: Operation): unknown {
    if (op.template === '/api/proposals/import') return { proposals: [registration('imp')] };
    if (op.template === '/api/proposals') return registration('reg');
    if (op.template === '/api/auth/login' || op.template === '/api/auth/session') {
      return { username: 'lead-handler', password: DEMO_PASSWORD };
    }
    return op.bodySchema ? sampleOf(op.bodySchema) : {};
  }

  const hostileString = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );
  const deep = (n: number, open: string, close: string, inner = '1') => open.repeat(n) + inner + close.repeat(n);
  const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, 1.5, -0, 1e308, Number.MIN_VALUE) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.nat({ max: 2_000 }).map((n) => JSON.parse(deep(n, '[', ']'))) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 20_000 }, (_, i) => i)) },
  );

  /** A path inside a value: object keys and array indexes, as lists. */
  function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = [prefix];
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
    return out;
  }

  function mutate(sample: unknown, kind: string, which: number, value: unknown, key: string): unknown {
    const copy = structuredClone(sample);
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    if (kind === 'as-is' || paths.length === 0) return kind === 'replace' ? value : copy;
    const path = paths[which % paths.length];
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as
      Record<string | number, unknown> | unknown[];
    const last = path[path.length - 1];
    if (kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (kind === 'replace') {
      (parent as Record<string | number, unknown>)[last] = value;
    } else if (kind === 'add-unknown' && !Array.isArray(parent)) {
      parent[key] = value;
    } else if (kind === 'wrap') {
      (parent as Record<string | number, unknown>)[last] = [(parent as Record<string | number, unknown>)[last]];
    }
    return copy;
  }

  const RAW_BODIES = [
    '',
    '{',
    '{"title": ',
    '}{',
    'null',
    '[]',
    '"a string"',
    '12',
    'nul',
    '\u0000',
    '{"a":1,"a":2}',
    '{"__proto__": {"polluted": "yes"}, "decision": "accept"}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"title": "\\ud800", "body": "\\udfff"}',
    '{"title": "a\\u0000b"}',
    '\ufeff{}',
    '{"proposals": ' + deep(5_000, '[', ']') + '}',
    deep(100_000, '[', ']'),
    deep(20_000, '{"a":', '}'),
    '"' + 'a'.repeat(1_100_000) + '"',
    'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints\nproposal,8-2,会议,1,"<script>",李明,正文,建议\n"unterminated',
    'kind,sessionCode\n' + '"'.repeat(10_001),
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    'a=1&b=2&__proto__[polluted]=yes',
  ];

  const CONTENT_TYPES = [
    'application/json',
    'application/json; charset=utf-8',
    'text/csv',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=koi8-r',
    'application/xml',
    'application/vnd.api+json',
    '',
  ];

  /** Header values as an HTTP client can send them (no control characters; Latin-1 at most). */
  const headerString = fc
    .oneof(
      fc.constantFrom(
        '',
        ' ',
        'a'.repeat(101),
        'key with spaces',
        "'; DROP TABLE idempotency_record; --",
        '%00',
        '../x',
        'é\xff',
      ),
      fc.string({ unit: 'binary-ascii', maxLength: 120 }),
      fc.stringMatching(/^[A-Za-z0-9_.:-]{1,100}$/),
    )
    .map((v) => v.replace(/[^\t\x20-\x7e\x80-\xff]/g, ''));

  function pathValue(param: Param): fc.Arbitrary<string> {
    const hostileSegment = fc.oneof(
      hostileString.map((s) => encodeURIComponent(s.slice(0, 2_000))),
      fc.constantFrom('%', '%zz', '%00', '..', '.', '%2e%2e', '%2F', ';', '%0d%0a', '%E0%A4%A', '%C0%AF', 'a%2Fb'),
    );
    const plausible: Record<string, fc.Arbitrary<string>> = {
      id: fc.constantFrom(...Object.values(fixtures), 'hx_nope', '8-2_20230117'),
      proposalId: fc.constantFrom(fixtures['dispatched'], fixtures['signOff'], '8-2_20230117'),
      unitId: fc.constantFrom(...UNITS, 'nope'),
      round: fc.constantFrom('1', '2', '0', '-1', '1.5', '99999999999999999999', 'NaN'),
      format: fc.constantFrom('html', 'pdf', 'docx', 'exe', 'HTML'),
      issuerCode: fc.constantFrom('X工信函', 'X测函', '〔bad〕'),
      year: fc.constantFrom('2026', '1999', '2201', '-2026', '20.26', '0x7ea'),
      objectionId: fc.constantFrom('1', '0', '-1', '2147483648', 'abc'),
      extensionId: fc.constantFrom('1', '0', '-1', '2147483648', 'abc'),
    };
    return fc.oneof(
      { weight: 4, arbitrary: (plausible[param.name] ?? fc.constantFrom('1', 'x')).map(encodeURIComponent) },
      { weight: 1, arbitrary: hostileSegment },
    );
  }

  const queryValue = fc.oneof(
    hostileString.map((s) => encodeURIComponent(s.slice(0, 1_000))),
    fc.constantFrom('1', '0', '-1', '200', '201', '100001', 'true', 'false', 'csv', 'xlsx', 'json', 'unit', 'session'),
    fc.constantFrom('overdue', 'due-soon', 'en', 'zh-CN', 'open', 'closed', 'dueAt', '-dueAt', '%zz', '%00'),
  );

  function requestFor(op: Operation): fc.Arbitrary<HostileRequest> {
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
    return fc
      .record({
        path: fc.tuple(...pathParams.map(pathValue)),
        query: fc.array(
          fc.tuple(
            fc.oneof(
              {
                weight: 4,
                arbitrary: fc.constantFrom(...(queryParams.length ? queryParams.map((p) => p.name) : ['q'])),
              },
              { weight: 1, arbitrary: fc.constantFrom('unknown', '__proto__', 'page[0]', 'constructor[prototype]') },
            ),
            queryValue,
          ),
          { maxLength: 4 },
        ),
        identity: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'bearer', user })) },
          { weight: 1, arbitrary: fc.constant({ kind: 'none', user: '' }) },
          { weight: 1, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'cookie', user })) },
          { weight: 1, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'cookie+csrf', user })) },
          { weight: 1, arbitrary: headerString.map((user) => ({ kind: 'garbage', user })) },
        ),
        body: hasBody
          ? fc.oneof(
              {
                weight: 6,
                arbitrary: fc
                  .record({
                    kind: fc.constantFrom('as-is', 'delete', 'replace', 'replace', 'replace', 'add-unknown', 'wrap'),
                    which: fc.nat(),
                    value: hostileValue,
                    key: fc.oneof(hostileString, fc.constantFrom('hack', 'id', 'actor', 'version')),
                  })
                  .map(({ kind, which, value, key }) =>
                    JSON.stringify(mutate(sampleBody(op), kind, which, value, key)),
                  ),
              },
              { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
              { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
            )
          : fc.constant(undefined),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant('application/json') },
          { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        ),
        idempotencyKey: fc.option(headerString, { freq: 3 }),
        requestId: fc.option(headerString, { freq: 4 }),
      })
      .map(({ path, query, identity, body, contentType, idempotencyKey, requestId }) => {
        let i = 0;
        const pathText = op.template.replace(/\{[^}]+\}/g, () => path[i++]);
        const queryText = query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&');
        const headers: Record<string, string> = {};
        if (identity.kind === 'bearer') headers['authorization'] = `Bearer ${tokens[identity.user]}`;
        if (identity.kind === 'garbage') headers['authorization'] = `Bearer ${identity.user}`;
        if (identity.kind.startsWith('cookie')) headers['cookie'] = `banli_session=${tokens[identity.user]}`;
        if (identity.kind === 'cookie+csrf') headers['x-requested-with'] = 'banli-web';
        if (body !== undefined && contentType) headers['content-type'] = contentType;
        if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
        if (requestId !== null) headers['x-request-id'] = requestId;
        const target = Object.values(fixtures).find((id) => pathText.startsWith(`/api/proposals/${id}`));
        const request: HostileRequest = {
          op: `${op.method} ${op.template}`,
          method: op.method,
          path: `${pathText}${queryText ? `?${queryText}` : ''}`,
          headers,
          ...(body !== undefined ? { body } : {}),
          ...(target ? { proposalId: target } : {}),
        };
        // fast-check prints a failing request this way: short, whatever the size of its body.
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      });
  }

  const describeRequest = (r: HostileRequest, res?: RawResponse) =>
    JSON.stringify({
      op: r.op,
      path: r.path.slice(0, 300),
      headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.slice(0, 80)])),
      body: r.body?.slice(0, 300),
      bodyLength: r.body?.length,
      status: res?.status,
      answer: res?.text.slice(0, 300),
    });

  /** Texts that must come back exactly as sent. */
  const NASTY = {
    title: `<script>alert("标题")</script>'; DROP TABLE proposal; -- 😀`,
    proposer: `"><img src=x onerror=alert(1)>`,
    point: `Robert'); DROP TABLE "proposal";-- \u00e9 𠀀 👩‍👩‍👧‍👦 \u200fevil\u200e`,
    body: [
      '<script>document.cookie</script>',
      "' OR '1'='1'; DROP TABLE \"app_user\"; --",
      '%s %d %% _ \\ \\\\ " \' ` ${x} {{x}} <%= x %>',
      '\t\r\n\u2028\u2029\ufeff\u200b\u200d\ufffd\uffff',
      '</textarea><!-- ]]> --> &amp; &lt;',
      '１２３ ＡＢＣ 〔2026〕 𪚥 🀄',
    ].join('\n'),
    opinion: '<b onmouseover=alert(1)>同意</b>\'; UPDATE "proposal" SET "stage" = \'closed\'; --',
    measure: '<iframe src="javascript:alert(1)"></iframe>（一）',
  };

  it('takes a whole number only as digits, in every integer parameter (path or query) of the OpenAPI document', async () => {
    const NOT_DIGITS = ['0x1', '1e0', '1.0', '+1', ' 1', '1 ', '١'];
    const checked: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' || o.method === 'POST')) {
      for (const param of op.params.filter((p) => p.type === 'integer' && p.in !== 'header')) {
        // A request the operation's guards let through with the value 1 (some user may call it,
        // the other path parameters name real things), so a refusal can only be the number's.
        const build = (value: string) => {
          const path = op.template.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(
              name === param.name
                ? value
                : name === 'id'
                  ? fixtures['dispatched']
                  : name === 'unitId'
                    ? 'education'
                    : name === 'format'
                      ? 'html'
                      : '1',
            ),
          );
          return param.in === 'query' ? `${path}?${param.name}=${encodeURIComponent(value)}` : path;
        };
        const call = (user: string, value: string) =>
          rawRequest(stack.url, {
            method: op.method,
            path: build(value),
            headers: {
              authorization: `Bearer ${tokens[user]}`,
              ...(op.method === 'POST' ? { 'content-type': 'application/json' } : {}),
            },
            ...(op.method === 'POST' ? { body: JSON.stringify(sampleBody(op)) } : {}),
          });
        let caller: string | undefined;
        for (const user of USERS) {
          const res = await call(user, '1');
          if (![401, 403].includes(res.status) && res.status < 500) {
            caller = user;
            break;
          }
        }
        expect([op.method, op.template, param.name, caller !== undefined]).toEqual([
          op.method,
          op.template,
          param.name,
          true,
        ]);
        for (const value of NOT_DIGITS) {
          const res = await call(caller as string, value);
          expect([op.template, param.name, value, res.status]).toEqual([op.template, param.name, value, 400]);
        }
        checked.push(`${op.method} ${op.template} ${param.name}`);
      }
    }
    // The document has integer parameters in paths (rounds, objection and extension numbers,
    // years) and queries (page, pageSize, withinWorkingDays): all of them were tried.
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('gives back text with script, SQL and Unicode edge cases byte for byte, as JSON, and escapes it in letters', async () => {
    const reg = registration('nasty', {
      title: NASTY.title,
      body: NASTY.body,
      proposers: [{ name: NASTY.proposer, lead: true }],
      suggestionPoints: [{ seq: 1, text: NASTY.point }],
    });
    const created = await u['registrar'].post('/api/proposals', reg).expect(201);
    const id = created.body.id as string;
    const read = await rawRequest(stack.url, {
      method: 'GET',
      path: `/api/proposals/${id}`,
      headers: { authorization: `Bearer ${tokens['registrar']}` },
    });
    expect(read.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    const proposal = read.json as {
      title: string;
      body: string;
      proposers: { name: string }[];
      suggestionPoints: { text: string }[];
    };
    expect(Buffer.from(proposal.title)).toEqual(Buffer.from(NASTY.title));
    expect(Buffer.from(proposal.body)).toEqual(Buffer.from(NASTY.body));
    expect(proposal.proposers[0].name).toBe(NASTY.proposer);
    expect(proposal.suggestionPoints[0].text).toBe(NASTY.point);
    // Searching with the injection finds the proposal (words, not SQL) and breaks nothing.
    const found = await u['registrar']
      .get(`/api/proposals?q=${encodeURIComponent('DROP TABLE proposal; --')}`)
      .expect(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(id);
    await u['registrar'].get(`/api/proposals?q=${encodeURIComponent(`" OR 1=1 -- * NEAR( %_`)}`).expect(200);

    await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
    await u['officer']
      .post(`/api/proposals/${id}/assignment`, {
        mode: 'lead',
        leadUnitId: 'industry-it',
        coHandlerUnitIds: ['education'],
      })
      .expect(200);
    await u['education-cohandler']
      .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'adopted', text: NASTY.opinion }] })
      .expect(200);
    const events = (await u['lead-handler'].get(`/api/proposals/${id}/events`).expect(200)).body;
    const opinion = events.find((e: { type: string }) => e.type === 'opinion-submitted');
    expect(opinion.data.points[0].text).toBe(NASTY.opinion);
    const workspace = await u['lead-handler'].get(`/api/proposals/${id}/workspace`).expect(200);
    expect(JSON.stringify(workspace.body)).toContain(JSON.stringify(NASTY.opinion).slice(1, -1));

    const draft = {
      ...draftOf(NASTY.opinion),
      disclosure: 'publish',
      topic: '<script>x</script>',
      sections: [{ seq: 1, adoption: 'adopted', text: NASTY.opinion, measures: [NASTY.measure] }],
    };
    const preview = await rawRequest(stack.url, {
      method: 'POST',
      path: `/api/proposals/${id}/letters/preview`,
      headers: { authorization: `Bearer ${tokens['lead-handler']}`, 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    });
    expect(preview.status).toBe(200);
    expectEscaped(preview.text);

    await u['lead-handler'].post(`/api/proposals/${id}/drafts`, draft).expect(200);
    await u['lead-reviewer'].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);
    await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
    const letter = await rawRequest(stack.url, {
      method: 'GET',
      path: `/api/proposals/${id}/letters/industry-it/1/html`,
      headers: { authorization: `Bearer ${tokens['lead-handler']}` },
    });
    expect(letter.status).toBe(200);
    expectEscaped(letter.text);
    await u['lead-handler'].post(`/api/proposals/${id}/dispatch`, {}).expect(200);
    await u['lead-handler'].post(`/api/proposals/${id}/publication`, {}).expect(200);
    const published = (await rawRequest(stack.url, { method: 'GET', path: `/api/public/replies/${id}/industry-it/1` }))
      .json as { title: string; lines: string[] };
    expect(published.title).toBe(NASTY.title);
    expect(published.lines.join('\n')).toContain(NASTY.opinion);
    expect(published.lines.join('\n')).toContain(NASTY.measure);
  });

  /** Markup of the texts is shown as text: escaped, never live. */
  function expectEscaped(html: string): void {
    for (const live of ['<script>', '<img src=x', '<b onmouseover', '<iframe']) expect(html).not.toContain(live);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b onmouseover=alert(1)&gt;同意&lt;/b&gt;');
    expect(html).toContain('&lt;iframe src=');
  }

  it('refuses NUL, unpaired surrogates, control characters and bidi overrides everywhere with 400 and stores nothing', async () => {
    const before = await snapshot();
    for (const title of ['ring\u0007', '\u001b[2J', 'invoice\u202Efdp.exe', 'x\u2066y\u2069']) {
      const res = await u['registrar'].post('/api/proposals', registration('ctl', { title })).expect(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
    const nul = registration('nul', { title: 'a\u0000b' });
    const refused = await u['registrar'].post('/api/proposals', nul).expect(400);
    expect(refused.body.error.code).toBe('BAD_REQUEST');
    await expect(stack.client.workflow.getHandle(`proposal-hx_${nul.number}`).describe()).rejects.toThrow();
    const lone = `{"kind":"proposal","sessionCode":"hx","sessionName":"会","number":"lone1","title":"\\ud800","proposers":[{"name":"李","lead":true}],"body":"b","suggestionPoints":[{"seq":1,"text":"s"}]}`;
    const surrogate = await rawRequest(stack.url, {
      method: 'POST',
      path: '/api/proposals',
      headers: { authorization: `Bearer ${tokens['registrar']}`, 'content-type': 'application/json' },
      body: lone,
    });
    expect(surrogate.status).toBe(400);
    const csv = await rawRequest(stack.url, {
      method: 'POST',
      path: '/api/proposals/import',
      headers: { authorization: `Bearer ${tokens['registrar']}`, 'content-type': 'text/csv' },
      body: 'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints\nproposal,hx,会,n1,题\u0000,李明,正文,建议\n',
    });
    expect(csv.status).toBe(400);
    await u['education-cohandler']
      .post(`/api/proposals/${fixtures['consultation']}/opinions`, {
        points: [{ seq: 1, adoption: 'adopted', text: '\u0000' }],
      })
      .expect(400);
    await u['registrar'].get('/api/proposals?q=%00').expect(400);
    await u['registrar'].get(`/api/proposals/${fixtures['consultation']}%00`).expect(400);
    expect(await snapshot()).toBe(before);
  });

  it('gives back any text it takes as it was sent, in NFC (property, fixed seed)', async () => {
    // Any text the domain's rule takes (no NUL, controls but tab and line breaks, or bidi
    // overrides; something visible): it comes back exactly, in Unicode NFC.
    const text = (max: number) =>
      fc
        .string({ unit: 'binary', minLength: 1, maxLength: max })
        .filter((t) => textProblem(t) === undefined && hasVisibleText(t) && t.normalize('NFC').length <= max);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text(60), text(300), text(20), async (title, body, name) => {
        const reg = registration(`p${++n}`, { title, body, proposers: [{ name, lead: true }] });
        const created = await u['registrar'].post('/api/proposals', reg).expect(201);
        const read = (await u['registrar'].get(`/api/proposals/${created.body.id}`).expect(200)).body;
        expect([read.title, read.body, read.proposers[0].name]).toEqual(
          [title, body, name].map((t) => t.normalize('NFC')),
        );
      }),
      { seed: SEED, numRuns: 12, endOnFailure: true },
    );
  });

  it(`answers ${RUNS} hostile requests to every endpoint with a success or a coded refusal that changes nothing`, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const seen = new Map<string, Map<number, number>>();
    let baseline = await settled();
    const histories = new Map<string, number>();
    for (const id of Object.values(fixtures)) histories.set(id, await historyLength(id));

    /** Sends one request and checks its answer (throws what is wrong). */
    async function check(r: HostileRequest): Promise<void> {
      const res = await rawRequest(stack.url, r, 30_000);
      const statuses = seen.get(r.op) ?? new Map<number, number>();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      seen.set(r.op, statuses);
      const problem = (what: string) => new Error(`${what}: ${describeRequest(r, res)}`);

      if (SUCCESSES.has(res.status)) {
        if (REVOKING.has(r.op)) {
          for (const user of USERS) {
            tokens[user] = await stack.signIn(user);
            u[user] = await as(stack, user);
          }
        }
        baseline = await settled(r.proposalId);
        if (r.proposalId) histories.set(r.proposalId, await historyLength(r.proposalId));
        return;
      }
      const signIn = r.op.includes('/api/auth/');
      if (!REFUSALS.has(res.status) && !(signIn && res.status === 429)) throw problem(`status ${res.status}`);
      const error = (res.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      if (typeof error?.code !== 'string' || typeof error.message !== 'string') throw problem('no coded error');
      if (!/^application\/json/.test(String(res.headers['content-type']))) throw problem('refusal not JSON');
      const now = await snapshot();
      if (now !== baseline.snap) throw problem(`a refusal changed the read model\n${baseline.snap}\n${now}`);
      if (r.proposalId && (await historyLength(r.proposalId)) !== histories.get(r.proposalId)) {
        throw problem('a refusal changed the workflow history');
      }
    }

    // First a sweep: two requests for every operation, so each is tried whatever RUNS is.
    for (const [i, op] of operations.entries()) {
      for (const r of fc.sample(requestFor(op), { seed: SEED + i, numRuns: 2 })) {
        await check(r).catch((e: Error) => {
          throw new Error(`sweep of ${op.method} ${op.template} (seed ${SEED + i}): ${e.message}`);
        });
      }
    }
    // Then RUNS requests to operations drawn at random.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((op) => requestFor(op)),
        check,
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    // Every operation was tried; the prototype of every object is untouched.
    const untried = operations.map((o) => `${o.method} ${o.template}`).filter((o) => !seen.has(o));
    expect(untried).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    for (const [id, length] of histories) expect(await historyLength(id)).toBeGreaterThanOrEqual(length);

    // Still serving: health, and a real request all the way through the workflow.
    expect((await rawRequest(stack.url, { method: 'GET', path: '/api/health' })).status).toBe(200);
    expect((await rawRequest(stack.url, { method: 'GET', path: '/api/health/ready' })).status).toBe(200);
    await u['registrar'].post('/api/proposals', registration('after')).expect(201);
    process.stdout.write(
      `hostile input (${name}): statuses per operation ${JSON.stringify(
        Object.fromEntries([...seen].map(([op, m]) => [op, Object.fromEntries(m)])),
      )}\n`,
    );
  }, 600_000);
});
