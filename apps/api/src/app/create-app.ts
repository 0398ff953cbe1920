import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type { HttpConfig } from '@banli/config';
import { AppModule } from './app.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { serveWebUi, webUiDirectory } from './web-ui';
import { requestInputGuard } from './common/request-input-guard';
import { corsOptions, HELMET_OPTIONS } from './common/security-headers';
import { API_PREFIX, buildOpenApiDocument } from './openapi-document';

/** Builds the configured application; used by main.ts and by the HTTP tests alike. */
export async function createApp(
  http: Omit<HttpConfig, 'idempotencyRetentionHours'>,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(options.logger === false ? false : app.get(Logger));
  // Behind a reverse proxy (TRUST_PROXY): the client's address and scheme come from its headers.
  if (http.trustProxy !== undefined) app.set('trust proxy', http.trustProxy);
  app.use(helmet(HELMET_OPTIONS));
  app.use(cookieParser());
  // Same-origin by default (the web UI is served by the API); other origins only by name.
  app.enableCors(corsOptions(process.env['CORS_ORIGINS']));
  app.useBodyParser('json', { limit: http.bodyLimit });
  app.useBodyParser('text', { type: 'text/csv', limit: http.bodyLimit });
  app.use(requestInputGuard);
  app.setGlobalPrefix(API_PREFIX);
  const webDir = webUiDirectory();
  if (webDir) serveWebUi(app, webDir);
  app.useGlobalPipes(
    new ValidationPipe({
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
