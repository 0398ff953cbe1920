import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { requestIdOf } from './request-id';

/** Structured JSON logs (pino), one line per request with its id, no secrets. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({
        pinoHttp: {
          level: process.env['LOG_LEVEL']?.toLowerCase() || 'info',
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
      }),
    }),
  ],
})
export class LoggingModule {}
