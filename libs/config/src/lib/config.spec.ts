import { httpConfigFromEnv } from './http-config';
import { temporalConfigFromEnv } from './temporal-config';

describe('configuration from the environment', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(httpConfigFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      bodyLimit: '5mb',
      idempotencyRetentionHours: 72,
    });
    expect(temporalConfigFromEnv({})).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'banli-proposals',
    });
  });

  it('takes PORT, HOST and the Temporal settings from the environment', () => {
    expect(httpConfigFromEnv({ PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', port: 8080 });
    expect(temporalConfigFromEnv({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'banli' })).toMatchObject({
      address: 'temporal:7233',
      namespace: 'banli',
    });
  });

  it('takes TRUST_PROXY as a number of proxies or a list of trusted addresses, never true', () => {
    expect(httpConfigFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(httpConfigFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(httpConfigFromEnv({ TRUST_PROXY: '' }).trustProxy).toBeUndefined();
    expect(() => httpConfigFromEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('keeps idempotency records IDEMPOTENCY_RETENTION_HOURS, a whole number of hours', () => {
    expect(httpConfigFromEnv({ IDEMPOTENCY_RETENTION_HOURS: '24' }).idempotencyRetentionHours).toBe(24);
    for (const bad of ['0', '1.5', 'abc', '9000', '-3']) {
      expect(() => httpConfigFromEnv({ IDEMPOTENCY_RETENTION_HOURS: bad })).toThrow(/IDEMPOTENCY_RETENTION_HOURS/);
    }
  });

  it.each(['abc', '-1', '70000', '3.5'])('refuses PORT=%s', (port) => {
    expect(() => httpConfigFromEnv({ PORT: port })).toThrow(/PORT/);
  });
});
