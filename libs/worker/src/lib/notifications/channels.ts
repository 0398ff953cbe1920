import * as http from 'node:http';
import * as https from 'node:https';
import { createTransport } from 'nodemailer';
import type { EmailChannelConfig, NotificationConfig, WebhookChannelConfig } from '@banli/config';
import type { DeliveryChannel, DueDelivery } from '@banli/persistence';
import { AliyunSmsProvider } from './aliyun-sms';
import { signWebhook } from './webhook-signature';

/**
 * An external way of reaching people. `send` resolves once the far side accepted the message
 * and throws otherwise; the relay records either outcome and retries failures with backoff.
 * A channel holds no state about deliveries, so any replica's channel can send any delivery.
 */
export interface NotificationChannel {
  readonly name: DeliveryChannel;
  send(delivery: DueDelivery): Promise<void>;
  close?(): Promise<void> | void;
}

// ------------------------------------------------------------------ e-mail

/** E-mail over SMTP with nodemailer: subject and plain-text body, UTF-8, and any attachments. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport;

  constructor(private readonly config: EmailChannelConfig) {
    this.transport = createTransport({
      url: config.url,
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
    });
  }

  async send(d: DueDelivery): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.from,
      to: d.target,
      subject: d.subject,
      text: d.body,
      ...(d.attachments?.length ? { attachments: d.attachments } : {}),
      headers: { 'X-Banli-Delivery': d.id, 'X-Banli-Event': d.kind },
    });
    if (info.rejected?.length) throw new Error(`SMTP rejected ${info.rejected.map(String).join(', ')}`);
  }

  close(): void {
    this.transport.close();
  }
}

// ------------------------------------------------------------------ webhook

/**
 * POSTs the delivery's JSON body (fixed at fan-out, so every attempt sends the same bytes) to
 * the configured URL, signed with HMAC-SHA256 (see webhook-signature.ts). Any non-2xx answer
 * or a timeout is a failure.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;

  constructor(
    private readonly config: WebhookChannelConfig,
    private readonly now: () => number = Date.now,
  ) {}

  get url(): string {
    return this.config.url;
  }

  async send(d: DueDelivery): Promise<void> {
    const t = Math.floor(this.now() / 1000);
    const status = await postJson(
      d.target,
      d.body,
      {
        'user-agent': 'Banli-Webhook/1',
        'x-banli-event': d.kind,
        'x-banli-delivery': d.id,
        'x-banli-signature': signWebhook(this.config.secret, d.body, t),
      },
      this.config.timeoutMs,
    );
    if (status < 200 || status >= 300) throw new Error(`webhook answered HTTP ${status}`);
  }
}

/**
 * One POST on a fresh connection (no keep-alive pool: a pooled socket the receiver has just
 * closed would fail a send that never reached it). Resolves with the status; a timeout of the
 * whole exchange or a network error rejects.
 */
function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        // Read the answer to its end (its content does not matter), then report the status.
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// ------------------------------------------------------------------ SMS

/**
 * What an SMS gateway must do. To plug in a provider (e.g. a carrier's or a cloud SMS API),
 * implement this, throwing on any refusal so the relay retries, and return it from
 * `createSmsProvider` for a new `BANLI_SMS_PROVIDER` value.
 */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export interface SmsLogger {
  log(message: string): void;
}

/** Sends nothing: writes each message to the log. For development and until a provider is chosen. */
export class LoggingSmsProvider implements SmsProvider {
  readonly name = 'log';
  readonly sent: { phone: string; text: string }[] = [];

  constructor(
    private readonly logger: SmsLogger = console,
    /** How many sent messages to keep in `sent` (for tests and diagnostics). */
    private readonly keep = 100,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
    if (this.sent.length > this.keep) this.sent.shift();
    this.logger.log(JSON.stringify({ msg: 'SMS (logged, not sent)', phone: maskPhone(phone), text }));
  }
}

export function maskPhone(phone: string): string {
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;
  constructor(readonly provider: SmsProvider) {}

  send(d: DueDelivery): Promise<void> {
    return this.provider.send(d.target, d.body);
  }
}

export function createSmsProvider(config: NotificationConfig['sms'], logger?: SmsLogger): SmsProvider | undefined {
  switch (config.provider) {
    case 'aliyun':
      return new AliyunSmsProvider(config.aliyun);
    case 'log':
      return new LoggingSmsProvider(logger);
    case 'none':
      return undefined;
  }
}

/** The channels this deployment has: each only when configured. */
export interface NotificationChannels {
  email?: NotificationChannel;
  webhook?: WebhookChannel;
  sms?: NotificationChannel;
}

export function createChannels(config: NotificationConfig, logger?: SmsLogger): NotificationChannels {
  const sms = createSmsProvider(config.sms, logger);
  return {
    ...(config.email ? { email: new EmailChannel(config.email) } : {}),
    ...(config.webhook ? { webhook: new WebhookChannel(config.webhook) } : {}),
    ...(sms ? { sms: new SmsChannel(sms) } : {}),
  };
}
