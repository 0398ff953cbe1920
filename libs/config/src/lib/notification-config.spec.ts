import { notificationConfigFromEnv } from './notification-config';

describe('notification settings from the environment', () => {
  it('defaults to in-app only, polling every 2 s, backoff 5 s doubling to 1 h, 20 attempts, digest at 08:30 Shanghai', () => {
    expect(notificationConfigFromEnv({})).toEqual({
      relay: {
        pollIntervalMs: 2_000,
        batchSize: 50,
        leaseMs: 120_000,
        maxAttempts: 20,
        backoff: { baseMs: 5_000, capMs: 3_600_000 },
      },
      sms: { provider: 'none' },
      digest: {
        scheduleId: 'banli-daily-digest',
        hour: 8,
        minute: 30,
        timezone: 'Asia/Shanghai',
      },
    });
  });

  it('turns channels on when configured', () => {
    const c = notificationConfigFromEnv({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMTP_FROM: 'Banli <banli@example.gov>',
      BANLI_WEBHOOK_URL: 'https://hooks.example.gov/banli',
      BANLI_WEBHOOK_SECRET: 'a-very-long-shared-secret',
      BANLI_SMS_PROVIDER: 'log',
      BANLI_DIGEST_TIME: '7:05',
      BANLI_DIGEST_DUE_WITHIN_WORKING_DAYS: '5',
    });
    expect(c.email).toEqual({ url: 'smtp://127.0.0.1:2525', from: 'Banli <banli@example.gov>', timeoutMs: 30_000 });
    expect(c.webhook).toEqual({
      url: 'https://hooks.example.gov/banli',
      secret: 'a-very-long-shared-secret',
      timeoutMs: 10_000,
    });
    expect(c.sms.provider).toBe('log');
    expect(c.digest).toMatchObject({ hour: 7, minute: 5, dueWithinWorkingDays: 5 });
  });

  it('configures Alibaba Cloud SMS with its keys, signature name and template; endpoint and region by default', () => {
    const keys = {
      BANLI_SMS_PROVIDER: 'aliyun',
      BANLI_SMS_ALIYUN_ACCESS_KEY_ID: 'LTAI-test',
      BANLI_SMS_ALIYUN_ACCESS_KEY_SECRET: 'secret',
      BANLI_SMS_ALIYUN_SIGN_NAME: 'X市政协',
      BANLI_SMS_ALIYUN_TEMPLATE_CODE: 'SMS_123456789',
    };
    expect(notificationConfigFromEnv(keys).sms).toEqual({
      provider: 'aliyun',
      aliyun: {
        endpoint: 'https://dysmsapi.aliyuncs.com/',
        accessKeyId: 'LTAI-test',
        accessKeySecret: 'secret',
        regionId: 'cn-hangzhou',
        signName: 'X市政协',
        templateCode: 'SMS_123456789',
        templateParam: 'content',
        timeoutMs: 10_000,
      },
    });
    const local = notificationConfigFromEnv({
      ...keys,
      BANLI_SMS_ALIYUN_ENDPOINT: 'http://127.0.0.1:9999/',
      BANLI_SMS_ALIYUN_TEMPLATE_PARAM: 'text',
      BANLI_SMS_TIMEOUT_MS: '3000',
    }).sms;
    expect(local).toMatchObject({
      aliyun: { endpoint: 'http://127.0.0.1:9999/', templateParam: 'text', timeoutMs: 3000 },
    });
    for (const missing of Object.keys(keys).filter((k) => k !== 'BANLI_SMS_PROVIDER')) {
      expect(() => notificationConfigFromEnv({ ...keys, [missing]: '' })).toThrow(missing);
    }
    expect(() => notificationConfigFromEnv({ ...keys, BANLI_SMS_TIMEOUT_MS: '90000' })).toThrow(
      /BANLI_NOTIFY_LEASE_MS/,
    );
  });

  it.each([
    [{ BANLI_NOTIFY_POLL_MS: '0' }, /BANLI_NOTIFY_POLL_MS/],
    [{ BANLI_NOTIFY_MAX_ATTEMPTS: 'many' }, /BANLI_NOTIFY_MAX_ATTEMPTS/],
    [{ BANLI_NOTIFY_BACKOFF_BASE_MS: '10000', BANLI_NOTIFY_BACKOFF_CAP_MS: '5000' }, /CAP_MS/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must be a smtp or smtps URL/],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL must be a URL/],
    [{ BANLI_WEBHOOK_URL: 'https://x.example' }, /BANLI_WEBHOOK_SECRET/],
    [{ BANLI_WEBHOOK_URL: 'https://x.example', BANLI_WEBHOOK_SECRET: 'short' }, /BANLI_WEBHOOK_SECRET/],
    [{ BANLI_WEBHOOK_URL: 'ftp://x.example', BANLI_WEBHOOK_SECRET: 'a-very-long-shared-secret' }, /http or https/],
    [{ BANLI_SMS_PROVIDER: 'twilio' }, /BANLI_SMS_PROVIDER/],
    [{ BANLI_DIGEST_TIME: '25:00' }, /BANLI_DIGEST_TIME/],
    [{ BANLI_DIGEST_TIMEZONE: 'Mars/Olympus' }, /BANLI_DIGEST_TIMEZONE/],
    [{ BANLI_DIGEST_SCHEDULE_ID: 'has space' }, /BANLI_DIGEST_SCHEDULE_ID/],
    [{ BANLI_DIGEST_DUE_WITHIN_WORKING_DAYS: '0' }, /BANLI_DIGEST_DUE_WITHIN_WORKING_DAYS/],
    [{ SMTP_URL: 'smtp://m:25', BANLI_NOTIFY_LEASE_MS: '30000' }, /BANLI_NOTIFY_LEASE_MS/],
  ])('refuses a broken setting %#', (env, message) => {
    expect(() => notificationConfigFromEnv(env)).toThrow(message);
  });
});
