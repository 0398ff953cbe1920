/** How the notification relay retries a failed delivery: exponential backoff with jitter. */
export interface BackoffConfig {
  /** Delay after the first failure, in ms; doubles with each further failure. */
  baseMs: number;
  /** The delay never exceeds this, in ms. */
  capMs: number;
}

export interface NotificationRelayConfig {
  /** How often the relay looks for new outbox rows and due deliveries. */
  pollIntervalMs: number;
  /** At most this many outbox rows and this many deliveries per round. */
  batchSize: number;
  /** A claimed row stays with its relay this long; then another relay may take it over. */
  leaseMs: number;
  /** After this many failed attempts a delivery is `failed` (an admin may retry it). */
  maxAttempts: number;
  backoff: BackoffConfig;
}

export interface EmailChannelConfig {
  /** e.g. `smtp://mail.example.gov:25` or `smtps://user:pass@mail.example.gov:465`. */
  url: string;
  from: string;
  timeoutMs: number;
}

export interface WebhookChannelConfig {
  url: string;
  /** HMAC-SHA256 key of the `X-Banli-Signature` header. */
  secret: string;
  timeoutMs: number;
}

/** Alibaba Cloud SMS (阿里云短信服务, SendSms): the account's keys, the approved signature and template. */
export interface AliyunSmsConfig {
  /** The API's address; https://dysmsapi.aliyuncs.com unless set (a test points it at a local server). */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  regionId: string;
  /** 短信签名, as approved in the console. */
  signName: string;
  /** An approved template with one variable that receives the whole text, e.g. SMS_123456789 with `${content}`. */
  templateCode: string;
  /** The template's variable name. */
  templateParam: string;
  timeoutMs: number;
}

export type SmsConfig = { provider: 'log' | 'none' } | { provider: 'aliyun'; aliyun: AliyunSmsConfig };

export interface DigestConfig {
  /** Temporal Schedule id of the daily digest. */
  scheduleId: string;
  hour: number;
  minute: number;
  /** IANA time zone of `hour:minute`. */
  timezone: string;
  /**
   * Tasks with at most this many working days left (or overdue) are listed; absent: the
   * deployment's due-soon threshold (the deadline policy's dueSoonWorkingDays).
   */
  dueWithinWorkingDays?: number;
}

export interface NotificationConfig {
  relay: NotificationRelayConfig;
  /** Absent when `SMTP_URL` is not set: no e-mail is sent. */
  email?: EmailChannelConfig;
  /** Absent when `BANLI_WEBHOOK_URL` is not set. */
  webhook?: WebhookChannelConfig;
  sms: SmsConfig;
  digest: DigestConfig;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return n;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new Error(`${name} must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL, got "${raw}"`);
  }
  return raw;
}

/**
 * The SMS gateway: none (default), the log, or Alibaba Cloud SMS with its keys, signature name
 * and template (all required: a half-configured gateway refuses to start rather than fail every send).
 */
function smsConfigFromEnv(env: NodeJS.ProcessEnv): SmsConfig {
  const provider = env['BANLI_SMS_PROVIDER']?.trim() || 'none';
  if (provider === 'log' || provider === 'none') return { provider };
  if (provider !== 'aliyun') throw new Error(`BANLI_SMS_PROVIDER must be aliyun, log or none, got "${provider}"`);
  const required = (name: string): string => {
    const v = env[name]?.trim();
    if (!v) throw new Error(`${name} must be set when BANLI_SMS_PROVIDER is aliyun`);
    return v;
  };
  return {
    provider,
    aliyun: {
      endpoint: url(env, 'BANLI_SMS_ALIYUN_ENDPOINT', ['http:', 'https:']) ?? 'https://dysmsapi.aliyuncs.com/',
      accessKeyId: required('BANLI_SMS_ALIYUN_ACCESS_KEY_ID'),
      accessKeySecret: required('BANLI_SMS_ALIYUN_ACCESS_KEY_SECRET'),
      regionId: env['BANLI_SMS_ALIYUN_REGION']?.trim() || 'cn-hangzhou',
      signName: required('BANLI_SMS_ALIYUN_SIGN_NAME'),
      templateCode: required('BANLI_SMS_ALIYUN_TEMPLATE_CODE'),
      templateParam: env['BANLI_SMS_ALIYUN_TEMPLATE_PARAM']?.trim() || 'content',
      timeoutMs: positiveInt(env, 'BANLI_SMS_TIMEOUT_MS', 10_000),
    },
  };
}

/**
 * Notification settings: the relay's pace and retries, the channels (each off unless
 * configured), and the daily digest's schedule. Refuses broken values at start.
 */
export function notificationConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const baseMs = positiveInt(env, 'BANLI_NOTIFY_BACKOFF_BASE_MS', 5_000);
  const capMs = positiveInt(env, 'BANLI_NOTIFY_BACKOFF_CAP_MS', 3_600_000);
  if (capMs < baseMs) throw new Error('BANLI_NOTIFY_BACKOFF_CAP_MS must not be less than BANLI_NOTIFY_BACKOFF_BASE_MS');
  const relay: NotificationRelayConfig = {
    pollIntervalMs: positiveInt(env, 'BANLI_NOTIFY_POLL_MS', 2_000, 3_600_000),
    batchSize: positiveInt(env, 'BANLI_NOTIFY_BATCH_SIZE', 50, 1_000),
    leaseMs: positiveInt(env, 'BANLI_NOTIFY_LEASE_MS', 120_000),
    maxAttempts: positiveInt(env, 'BANLI_NOTIFY_MAX_ATTEMPTS', 20, 1_000),
    backoff: { baseMs, capMs },
  };

  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const email = smtpUrl
    ? {
        url: smtpUrl,
        from: env['SMTP_FROM']?.trim() || '办理系统 <noreply@banli.local>',
        timeoutMs: positiveInt(env, 'SMTP_TIMEOUT_MS', 30_000),
      }
    : undefined;

  const webhookUrl = url(env, 'BANLI_WEBHOOK_URL', ['http:', 'https:']);
  const secret = env['BANLI_WEBHOOK_SECRET'] ?? '';
  if (webhookUrl && secret.length < 16) {
    throw new Error('BANLI_WEBHOOK_SECRET must be set to at least 16 characters when BANLI_WEBHOOK_URL is set');
  }
  const webhook = webhookUrl
    ? { url: webhookUrl, secret, timeoutMs: positiveInt(env, 'BANLI_WEBHOOK_TIMEOUT_MS', 10_000) }
    : undefined;
  const sms = smsConfigFromEnv(env);
  // The lease must outlast any single send, or a slow send could be taken over and sent twice.
  const longestSend = Math.max(
    email?.timeoutMs ?? 0,
    webhook?.timeoutMs ?? 0,
    sms.provider === 'aliyun' ? sms.aliyun.timeoutMs : 0,
  );
  if (relay.leaseMs <= 2 * longestSend) {
    throw new Error(
      'BANLI_NOTIFY_LEASE_MS must be more than twice the longest send timeout (SMTP_TIMEOUT_MS, BANLI_WEBHOOK_TIMEOUT_MS, BANLI_SMS_TIMEOUT_MS)',
    );
  }

  const time = env['BANLI_DIGEST_TIME']?.trim() || '08:30';
  const hm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!hm) throw new Error(`BANLI_DIGEST_TIME must be HH:MM, got "${time}"`);
  const timezone = env['BANLI_DIGEST_TIMEZONE']?.trim() || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new Error(`BANLI_DIGEST_TIMEZONE must be an IANA time zone, got "${timezone}"`);
  }
  const scheduleId = env['BANLI_DIGEST_SCHEDULE_ID']?.trim() || 'banli-daily-digest';
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(scheduleId)) {
    throw new Error(`BANLI_DIGEST_SCHEDULE_ID must be letters, digits, '.', '_' or '-', got "${scheduleId}"`);
  }

  return {
    relay,
    ...(email ? { email } : {}),
    ...(webhook ? { webhook } : {}),
    sms,
    digest: {
      scheduleId,
      hour: Number(hm[1]),
      minute: Number(hm[2]),
      timezone,
      ...(env['BANLI_DIGEST_DUE_WITHIN_WORKING_DAYS']?.trim()
        ? { dueWithinWorkingDays: positiveInt(env, 'BANLI_DIGEST_DUE_WITHIN_WORKING_DAYS', 0, 60) }
        : {}),
    },
  };
}
