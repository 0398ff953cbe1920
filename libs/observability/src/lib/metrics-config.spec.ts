import { Registry, Counter } from 'prom-client';
import { metricsListenFromEnv } from './metrics-config';
import { serveMetrics } from './metrics-server';

describe('the metrics listener', () => {
  it('listens on the port it is given, on loopback unless told otherwise, and not at all unless given one', () => {
    expect(metricsListenFromEnv('BANLI_METRICS_PORT', { BANLI_METRICS_PORT: '9464' })).toEqual({
      host: '127.0.0.1',
      port: 9464,
    });
    expect(
      metricsListenFromEnv('BANLI_METRICS_PORT', { BANLI_METRICS_PORT: '9500', BANLI_METRICS_HOST: '0.0.0.0' }),
    ).toEqual({
      host: '0.0.0.0',
      port: 9500,
    });
    expect(metricsListenFromEnv('BANLI_WORKER_METRICS_PORT', {})).toBeNull();
    expect(metricsListenFromEnv('BANLI_WORKER_METRICS_PORT', { BANLI_WORKER_METRICS_PORT: 'off' })).toBeNull();
    expect(() => metricsListenFromEnv('BANLI_METRICS_PORT', { BANLI_METRICS_PORT: 'abc' })).toThrow(
      /BANLI_METRICS_PORT/,
    );
  });

  it('answers GET /metrics with the registry in the Prometheus text format, and nothing else', async () => {
    const registry = new Registry();
    new Counter({ name: 'banli_test_total', help: 'a test counter', registers: [registry] }).inc(3);
    const server = await serveMetrics(registry, { host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(server.url);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await res.text()).toContain('banli_test_total 3');
      expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
