import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/*
 * Every answer the API gives in the integration suite is checked against the committed
 * OpenAPI document (apps/api/openapi.json): its status must be one the operation declares,
 * its media type one declared for that status, and a JSON body must match the schema. An
 * object may hold no field the schema does not name. So a drift between the code and the
 * document (which the web client is generated from) fails the suite.
 */

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export const OPENAPI_FILE = path.join(__dirname, '..', '..', 'openapi.json');

/** Bodies bigger than this are not kept for checking (no answer of this API comes near it). */
const MAX_CAPTURED_BYTES = 20 * 1024 * 1024;

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal segments first: `/proposals/import` wins over `/proposals/{id}`. */
  literals: number;
  operation: Operation;
}

export class OpenApiResponseValidator {
  private readonly routes: Route[];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly components: Record<string, Schema>;

  constructor(document: Document) {
    this.components = closed(openApiToJsonSchema(document.components.schemas)) as Record<string, Schema>;
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          // As Express routes: case-insensitive, a trailing slash allowed.
          pattern: new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          operation,
        })),
      )
      .sort((a, b) => b.literals - a.literals);
  }

  static fromCommittedFile(): OpenApiResponseValidator {
    return new OpenApiResponseValidator(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Document);
  }

  /**
   * Why this answer breaks the document, or undefined when it keeps to it. Requests to no
   * operation of the document (the web UI, the docs, unknown routes, HEAD and preflights)
   * are not the document's business.
   */
  problem(
    method: string,
    url: string,
    status: number,
    contentType: string | undefined,
    body: Buffer,
  ): string | undefined {
    const pathname = url.split('?')[0] ?? url;
    const route = this.routes.find((r) => r.method === method && r.pattern.test(pathname));
    if (!route) return undefined;
    const where = `${method} ${pathname} (${route.template}) answered ${status}`;
    const response = route.operation.responses[String(status)];
    if (!response) {
      return `${where}, a status the document does not declare (it declares ${Object.keys(route.operation.responses).join(', ')})`;
    }
    if (!response.content) {
      return body.length === 0 ? undefined : `${where} with a body, where the document declares none`;
    }
    const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const declared = response.content[mediaType];
    if (!declared) {
      return `${where} with content type "${contentType ?? ''}", not one of ${Object.keys(response.content).join(', ')}`;
    }
    if (!/[/+]json$/.test(mediaType) || !declared.schema) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return `${where} with a body that is not JSON`;
    }
    const validate = this.validatorFor(`${route.method} ${route.template} ${status} ${mediaType}`, declared.schema);
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    return `${where} with a body that does not match the document: ${errors.join('; ')}; body: ${body.toString('utf8').slice(0, 500)}`;
  }

  private validatorFor(key: string, schema: Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({
        ...(closed(openApiToJsonSchema(schema)) as Schema),
        components: { schemas: this.components },
      });
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/**
 * OpenAPI 3.0's `nullable` beside `allOf`/`$ref` (how Nest writes a nullable object) means
 * "this, or null"; JSON Schema would apply the `allOf` to null too. Rewritten as `anyOf`.
 */
function openApiToJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openApiToJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const converted = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openApiToJsonSchema(v)]));
  if (converted['nullable'] === true && (converted['allOf'] || converted['$ref'])) {
    const rest = { ...converted };
    delete rest['nullable'];
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return converted;
}

/** An object schema that names its fields allows no others (drift shows as an unknown field). */
function closed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closed);
  if (value === null || typeof value !== 'object') return value;
  const converted = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closed(v)]));
  if (converted['properties'] && converted['additionalProperties'] === undefined) {
    converted['additionalProperties'] = false;
  }
  return converted;
}

/** What the answers of the servers checked so far broke, in order; taken by `takeViolations`. */
const violations: string[] = [];
let validator: OpenApiResponseValidator | undefined;

/** The broken answers since the last call (the suite fails the test on any; see setup). */
export function takeViolations(): string[] {
  return violations.splice(0, violations.length);
}

/**
 * Checks every answer of this application against the document. Installed on the HTTP
 * server itself, ahead of Express, so nothing escapes it: answers from the routes, the
 * filters, the body parsers and the guards alike, whatever client the test uses.
 */
export function checkResponsesAgainstOpenApi(app: INestApplication): void {
  validator ??= OpenApiResponseValidator.fromCommittedFile();
  const check = validator;
  const server = app.getHttpServer() as Server;
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || bytes > MAX_CAPTURED_BYTES) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      bytes += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as ServerResponse['write'];
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as ServerResponse['end'];
    res.once('finish', () => {
      if (bytes > MAX_CAPTURED_BYTES) return;
      const contentType = res.getHeader('content-type');
      const problem = check.problem(
        req.method ?? 'GET',
        req.url ?? '/',
        res.statusCode,
        typeof contentType === 'string' ? contentType : undefined,
        Buffer.concat(chunks),
      );
      if (problem) violations.push(problem);
    });
  });
}
