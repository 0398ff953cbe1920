import { BadRequestException, INestApplication, ValidationPipe } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from './common/request-id';
import { validationDetails } from './common/validation-details';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type { HttpConfig } from '@banli/config';
import type { MetricsListen } from '@banli/observability';
import { AppModule } from './app.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { serveWebUi, webUiDirectory } from './web-ui';
import { requestInputGuard } from './common/request-input-guard';
import { corsOptions, HELMET_OPTIONS } from './common/security-headers';
import { API_PREFIX, buildOpenApiDocument } from './openapi-document';
import { ApiMetrics } from './metrics/api-metrics';

/**
 * Builds the configured application; used by main.ts and by the HTTP tests alike. With
 * `metrics`, Prometheus metrics are served on that address (see ApiMetrics) until the app closes.
 */
export async function createApp(
  http: Omit<HttpConfig, 'idempotencyRetentionHours'>,
  options: { logger?: false; metrics?: MetricsListen | null } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(options.logger === false ? false : app.get(Logger));
  const metrics = app.get(ApiMetrics);
  app.use(metrics.middleware);
  if (options.metrics) await metrics.listen(options.metrics);
  // Behind a reverse proxy (TRUST_PROXY): the client's address and scheme come from its headers.
  if (http.trustProxy !== undefined) app.set('trust proxy', http.trustProxy);
  app.use(helmet(HELMET_OPTIONS));
  app.use(cookieParser());
  // Same-origin by default (the web UI is served by the API); other origins only by name.
  app.enableCors(corsOptions(process.env['CORS_ORIGINS']));
  // The request id first, so even a refusal of the body parser (bad JSON, 413, 415) carries it.
  app.use((req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => {
    req.id = requestIdOf(req, res);
    next();
  });
  app.useBodyParser('json', { limit: http.bodyLimit });
  app.useBodyParser('text', { type: ['text/csv', 'text/calendar'], limit: http.bodyLimit });
  app.use(requestInputGuard);
  app.setGlobalPrefix(API_PREFIX);
  const webDir = webUiDirectory();
  if (webDir) serveWebUi(app, webDir);
  app.useGlobalPipes(
    new ValidationPipe({
      // One detail per failed constraint, naming the field by its path (`points[0].text`).
      exceptionFactory: (errors) =>
        new BadRequestException({ message: 'The request is invalid', details: validationDetails(errors) }),
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // A body-less action (dispatch) validates against a class with no fields: any field is
      // then unknown and rejected by forbidNonWhitelisted.
      forbidUnknownValues: false,
    }),
  );
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
