import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines in production (for the log collector); readable lines on a developer's
 * terminal. LOG_FORMAT says which; unset, a terminal (stdout is a TTY) outside production
 * gets readable lines and everything else JSON.
 */
export function logFormatFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  isTty = Boolean(process.stdout.isTTY),
): LogFormat {
  const raw = env['LOG_FORMAT']?.trim().toLowerCase();
  if (raw === 'json' || raw === 'pretty') return raw;
  if (raw) throw new Error(`LOG_FORMAT must be "json" or "pretty", got "${raw}"`);
  return isTty && env['NODE_ENV'] !== 'production' ? 'pretty' : 'json';
}

export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['LOG_LEVEL']?.trim().toLowerCase() || 'info';
}

/** The stream a process's one pino logger writes to: stdout, through pino-pretty if readable. */
export function logDestination(format: LogFormat = logFormatFromEnv()): DestinationStream {
  if (format === 'json') return pino.destination({ fd: 1, sync: true });
  // In-process (no worker thread), so lines are not lost when the process exits on an error.
  return pretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    singleLine: true,
    // One line per event: Nest's context and pino-http's request and response inside the message.
    messageFormat:
      '{if context}[{context}] {end}{msg}{if req} {req.method} {req.url}{end}{if res} → {res.statusCode}{end}{if responseTime} ({responseTime} ms){end}',
    ignore: 'pid,hostname,context,req,res,responseTime',
  });
}

/** The process's logger; `name` says which process wrote a line (api, worker). */
export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  return pino({ name, level: logLevelFromEnv(), ...options }, logDestination());
}
