import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ResponsesObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AppModule } from './app.module';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from './auth/auth.constants';
import { ApiErrorResponse } from './common/api-error.response';
import { BEARER_SCHEME, ErrorStatus, MEANING, SESSION_COOKIE_SCHEME } from './common/api-responses';

export const API_PREFIX = 'api';

/**
 * The OpenAPI document of the application's routes: served at /api/docs-json, written to
 * apps/api/openapi.json (`npx nx run api:openapi`), from which the web client is generated.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Banli API')
    .setDescription('Proposal handling: registration, tasks, deadlines and supervision')
    .setVersion('0.1.0')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken of POST /api/auth/login' },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: `The web UI's session (POST /api/auth/session); a change made with it also needs the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`,
      },
      SESSION_COOKIE_SCHEME,
    )
    .build();
  return withPipelineRefusals(SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorResponse] }));
}

/**
 * The document without a running application: the app is created in preview mode, which
 * reads the modules' routes and decorators but constructs no provider, so neither the
 * database nor Temporal is needed.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

const CHANGES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The refusals that come from the request pipeline rather than from an operation's own rules,
 * added to every operation the pipeline applies them to, where the operation does not say
 * more itself: the input guard and validation pipe (400) and outages (503) on every request;
 * the auth guard on signed-in operations (401; 403 for a user who must change their password
 * first, and for a change signed with the cookie but without the CSRF header); the
 * Idempotency-Key check on signed-in POSTs (422); the body parsers on changes (413, 415).
 */
function withPipelineRefusals(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (!operation?.responses) continue;
      const signedIn = (operation.security ?? []).length > 0;
      const statuses: ErrorStatus[] = [400, 503];
      if (signedIn) statuses.push(401, 403);
      if (signedIn && method === 'post') statuses.push(422);
      if (CHANGES.has(method)) statuses.push(413, 415);
      operation.responses = sortedResponses(operation.responses, statuses);
    }
  }
  return document;
}

function sortedResponses(responses: ResponsesObject, added: ErrorStatus[]): ResponsesObject {
  const all: ResponsesObject = { ...responses };
  for (const status of added) {
    all[status] ??= {
      description: MEANING[status],
      content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorResponse) } } },
    };
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}
