import { Writable } from 'node:stream';
import pino from 'pino';
import { logFormatFromEnv } from './logger';
import { PinoTemporalLogger } from './temporal-logger';

describe('the log format', () => {
  it('is readable on a developer terminal and JSON in production, in a pipe, or when asked', () => {
    expect(logFormatFromEnv({}, true)).toBe('pretty');
    expect(logFormatFromEnv({ NODE_ENV: 'production' }, true)).toBe('json');
    expect(logFormatFromEnv({}, false)).toBe('json');
    expect(logFormatFromEnv({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(logFormatFromEnv({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(() => logFormatFromEnv({ LOG_FORMAT: 'xml' }, true)).toThrow(/LOG_FORMAT/);
  });
});

describe('the Temporal SDK logger on pino', () => {
  it('writes the SDK’s and Core’s lines as the process’s own pino lines, levels and fields kept', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logger = new PinoTemporalLogger(pino({ name: 'worker', level: 'debug' }, sink));
    logger.info('Worker state changed', { state: 'RUNNING', sdkComponent: 'worker' });
    logger.warn('core says', { sdkComponent: 'core', timestamp: 1733300000000000000n });
    logger.trace('too fine');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        name: 'worker',
        msg: 'Worker state changed',
        state: 'RUNNING',
        component: 'temporal-worker',
      }),
      expect.objectContaining({
        level: 40,
        msg: 'core says',
        component: 'temporal-core',
        timestamp: '1733300000000000000',
      }),
    ]);
  });
});
