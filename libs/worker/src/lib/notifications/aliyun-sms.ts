import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AliyunSmsConfig } from '@banli/config';
import type { SmsProvider } from './channels';

/*
 * Alibaba Cloud Short Message Service (阿里云短信服务), operation SendSms of API version
 * 2017-05-25, called as its RPC-style HTTP API documents it ("Signature method", SMS
 * documentation): every parameter but Signature sorted by name, names and values
 * percent-encoded (RFC 3986: only A–Z a–z 0–9 - _ . ~ left as they are, a space is %20), joined
 * as name=value with &; the string to sign is
 *   HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQueryString)
 * and Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", stringToSign)).
 */

/** RFC 3986 percent-encoding as Alibaba Cloud signs it. */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalized query string: parameters sorted by name (Signature excluded), encoded, joined. */
export function aliyunCanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k] ?? '')}`)
    .join('&');
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
}

/** The Signature parameter of an RPC-style request. */
export function signAliyunRpc(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

/** Alibaba Cloud's timestamp: ISO 8601 in UTC, to the second (2017-07-12T02:42:19Z). */
const aliyunTimestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What SendSms answers (JSON): `Code` is `OK` when the message was accepted. */
interface SendSmsAnswer {
  Code?: string;
  Message?: string;
  RequestId?: string;
  BizId?: string;
}

/**
 * Sends each message with the deployment's signature name (签名) and one approved template
 * whose single variable (`templateParam`, `content` by default) receives the notice's text.
 * Any answer other than HTTP 2xx with `Code: "OK"` throws, so the relay retries it with backoff
 * like every other delivery; a new SignatureNonce and Timestamp are made for each attempt.
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';

  constructor(
    private readonly config: AliyunSmsConfig,
    private readonly now: () => number = Date.now,
    private readonly nonce: () => string = randomUUID,
  ) {}

  /** The request's parameters, signed. */
  signedParams(phone: string, text: string): Record<string, string> {
    const params: Record<string, string> = {
      AccessKeyId: this.config.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: phone,
      RegionId: this.config.regionId,
      SignName: this.config.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.nonce(),
      SignatureVersion: '1.0',
      TemplateCode: this.config.templateCode,
      TemplateParam: JSON.stringify({ [this.config.templateParam]: text }),
      Timestamp: aliyunTimestamp(this.now()),
      Version: '2017-05-25',
    };
    return { ...params, Signature: signAliyunRpc('POST', params, this.config.accessKeySecret) };
  }

  async send(phone: string, text: string): Promise<void> {
    const params = this.signedParams(phone, text);
    const body = Object.entries(params)
      .map(([k, v]) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(v)}`)
      .join('&');
    const { status, text: answer } = await postForm(this.config.endpoint, body, this.config.timeoutMs);
    let parsed: SendSmsAnswer = {};
    try {
      parsed = JSON.parse(answer) as SendSmsAnswer;
    } catch {
      // Not JSON (a proxy's error page): reported below with the status.
    }
    if (status < 200 || status >= 300 || parsed.Code !== 'OK') {
      throw new Error(
        `Aliyun SMS refused (HTTP ${status}): ${parsed.Code ?? 'no code'} ${parsed.Message ?? answer.slice(0, 200)}`.trim(),
      );
    }
  }
}

/** One form POST on a fresh connection; resolves with the status and the answer's text. */
function postForm(url: string, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
          'user-agent': 'Banli-SMS/1',
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
