import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import * as net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ParsedMail, simpleParser } from 'mailparser';

/** A port nobody listens on right now (for a server started later, or never). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  envelopeTo: string[];
  mail: ParsedMail;
  deliveryId: string | undefined;
  receivedAt: number;
}

/**
 * A real SMTP server (the `smtp-server` package) on a fixed port, that parses every message it
 * accepts with `mailparser`. It can be stopped and started again on the same port, to play an
 * outage of the mail server; the received messages are kept across restarts.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const header = mail.headers.get('x-banli-delivery');
            this.received.push({
              envelopeTo: (session.envelope.rcptTo ?? []).map((r) => r.address),
              mail,
              deliveryId: typeof header === 'string' ? header : undefined,
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface WebhookRequest {
  receivedAt: number;
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as sent (what the signature covers). */
  body: string;
  deliveryId: string;
  outboxId: string;
  status: number;
}

/** Decides the status of each request; `nth` counts this delivery's requests from 1. */
export type WebhookPolicy = (request: { deliveryId: string; outboxId: string; nth: number }) => number;

/** A real HTTP server receiving Banli's webhook calls, answering as its policy says. */
export class TestWebhookReceiver {
  readonly requests: WebhookRequest[] = [];
  policy: WebhookPolicy = () => 204;
  private server?: http.Server;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/banli-hook`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const deliveryId = String(req.headers['x-banli-delivery'] ?? '');
        let outboxId = '';
        try {
          outboxId = String(JSON.parse(body).outboxId ?? '');
        } catch {
          // recorded with an empty outbox id
        }
        const nth = this.requests.filter((r) => r.deliveryId === deliveryId).length + 1;
        const status = this.policy({ deliveryId, outboxId, nth });
        this.requests.push({ receivedAt: Date.now(), headers: req.headers, body, deliveryId, outboxId, status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as net.AddressInfo).port;
  }

  accepted(outboxId?: string): WebhookRequest[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300 && (!outboxId || r.outboxId === outboxId));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Polls until `check` returns a value (not undefined/false), or fails after the timeout. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A stand-in for Alibaba Cloud SMS (dysmsapi): checks each SendSms request's signature as the
 * provider documents it (its own encoder, not Banli's), answers `SignatureDoesNotMatch` when it
 * is wrong, a refusal code while `refusals` holds one, and `OK` otherwise.
 */
export class TestAliyunSmsServer {
  readonly received: { params: Record<string, string>; code: string }[] = [];
  readonly refusals: string[] = [];
  private server?: http.Server;

  constructor(
    readonly accessKeyId: string,
    private readonly secret: string,
  ) {}

  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const enc = (s: string) =>
          encodeURIComponent(s).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
        const query = Object.keys(params)
          .filter((k) => k !== 'Signature')
          .sort()
          .map((k) => `${enc(k)}=${enc(params[k] as string)}`)
          .join('&');
        const expected = createHmac('sha1', `${this.secret}&`)
          .update(`${req.method}&${enc('/')}&${enc(query)}`)
          .digest('base64');
        const code =
          params['AccessKeyId'] !== this.accessKeyId || params['Signature'] !== expected
            ? 'SignatureDoesNotMatch'
            : (this.refusals.shift() ?? 'OK');
        this.received.push({ params, code });
        res.writeHead(code === 'SignatureDoesNotMatch' ? 400 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Code: code, Message: code, RequestId: `r${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as net.AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
