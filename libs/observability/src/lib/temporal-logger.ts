import type { Logger as PinoLogger } from 'pino';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger interface on top of pino, for Runtime.install: the worker's own
 * lines, the SDK's and (forwarded by the Runtime) Temporal Core's come out in one format.
 */
export class PinoTemporalLogger implements Logger {
  constructor(private readonly pino: PinoLogger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const method = LEVELS[level] ?? 'info';
    // Core's lines carry a bigint timestamp and the Rust target: keep them readable in JSON.
    const { sdkComponent, ...rest } = (meta ?? {}) as LogMetadata & { sdkComponent?: string };
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) fields[k] = typeof v === 'bigint' ? v.toString() : v;
    if (sdkComponent) fields['component'] = `temporal-${sdkComponent}`;
    this.pino[method](fields, message);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
