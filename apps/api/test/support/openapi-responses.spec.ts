import { OpenApiResponseValidator } from './openapi-responses';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const validator = new OpenApiResponseValidator({
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: ref('Thing') } } },
          '404': { content: { 'application/json': { schema: ref('Error') } } },
        },
      },
    },
    '/api/things/special': {
      get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
    '/api/things/{id}/read': { post: { responses: { '204': {} } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'owner'],
        properties: {
          id: { type: 'string' },
          count: { type: 'integer' },
          owner: { nullable: true, type: 'object', allOf: [ref('Owner')] },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Error: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: ['NOT_FOUND'] } } },
    },
  },
});

describe('OpenApiResponseValidator', () => {
  const get = (url: string, status: number, type: string | undefined, body: Buffer) =>
    validator.problem('GET', url, status, type, body);

  it('accepts an answer as declared, a nullable object as null or as the object', () => {
    expect(
      get('/api/things/1', 200, 'application/json; charset=utf-8', json({ id: '1', owner: null })),
    ).toBeUndefined();
    expect(
      get('/api/things/1', 200, 'application/json', json({ id: '1', count: 2, owner: { name: 'a' } })),
    ).toBeUndefined();
    expect(get('/api/things/1', 404, 'application/json', json({ code: 'NOT_FOUND' }))).toBeUndefined();
  });

  it('refuses a status the operation does not declare', () => {
    expect(get('/api/things/1', 409, 'application/json', json({ code: 'NOT_FOUND' }))).toMatch(/does not declare/);
  });

  it('refuses a field the schema does not name, a missing one and a wrong type', () => {
    expect(get('/api/things/1', 200, 'application/json', json({ id: '1', owner: null, extra: 1 }))).toMatch(
      /additional properties/,
    );
    expect(get('/api/things/1', 200, 'application/json', json({ id: '1' }))).toMatch(/required property 'owner'/);
    expect(get('/api/things/1', 200, 'application/json', json({ id: '1', owner: null, count: 1.5 }))).toMatch(
      /must be integer/,
    );
    expect(get('/api/things/1', 200, 'application/json', json({ id: '1', owner: { name: 1 } }))).toMatch(/must/);
    expect(get('/api/things/1', 404, 'application/json', json({ code: 'OTHER' }))).toMatch(/allowed values/);
  });

  it('refuses a media type the status does not declare, and a body where none is declared', () => {
    expect(get('/api/things/special', 200, 'text/csv; charset=utf-8', Buffer.from('a,b'))).toBeUndefined();
    expect(get('/api/things/special', 200, 'application/json', json({}))).toMatch(/content type/);
    expect(validator.problem('POST', '/api/things/1/read', 204, undefined, Buffer.alloc(0))).toBeUndefined();
    expect(validator.problem('POST', '/api/things/1/read', 204, 'text/plain', Buffer.from('x'))).toMatch(
      /declares none/,
    );
  });

  it('picks the literal route over the templated one, and leaves requests to no operation alone', () => {
    expect(get('/api/things/special', 200, 'text/csv', Buffer.from(''))).toBeUndefined();
    expect(get('/api/elsewhere', 500, 'text/html', Buffer.from('<p>'))).toBeUndefined();
    expect(validator.problem('DELETE', '/api/things/1', 404, 'application/json', json({}))).toBeUndefined();
  });
});
