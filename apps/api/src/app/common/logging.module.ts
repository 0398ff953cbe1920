import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { logDestination, logLevelFromEnv } from '@banli/observability';
import { requestIdOf } from './request-id';

/**
 * Structured logs (pino), one line per request with its id, no secrets: JSON in production,
 * readable lines on a terminal (see logFormatFromEnv). Nest's own logger goes through it too
 * (createApp: app.useLogger).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({
        // nestjs-pino's default, path '*', is the legacy wildcard that Nest 11 (path-to-regexp 8)
        // converts with a LegacyRouteConverter warning at every start.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: [
          {
            name: 'api',
            level: logLevelFromEnv(),
            // The id the first middleware gave the request (see createApp), or a new one.
            genReqId: (req, res) => (req as { id?: string }).id ?? requestIdOf(req, res),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            customProps: (req) => {
              const user = (req as { user?: { userId: string; unitId: string } }).user;
              return user ? { userId: user.userId, unitId: user.unitId } : {};
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
          logDestination(),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
