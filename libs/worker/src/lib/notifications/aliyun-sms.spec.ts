import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AliyunSmsConfig } from '@banli/config';
import { AliyunSmsProvider, aliyunStringToSign, signAliyunRpc } from './aliyun-sms';

/**
 * A stand-in for dysmsapi.aliyuncs.com: it checks every request's signature as Alibaba Cloud
 * documents it, written here apart from the code under test (URLSearchParams to read the form,
 * its own RFC 3986 encoder), and answers as SendSms does.
 */
class FakeAliyunSms {
  readonly received: Record<string, string>[] = [];
  /** The Code of the next answers, one per request; then OK. */
  readonly refusals: string[] = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      this.received.push(params);
      const answer = (status: number, body: Record<string, string>) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ RequestId: `req-${this.received.length}`, ...body }));
      };
      if (req.method !== 'POST' || params['AccessKeyId'] !== this.keyId)
        return answer(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' });
      if (params['Signature'] !== this.expectedSignature(params))
        return answer(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched.' });
      const refusal = this.refusals.shift();
      if (refusal) return answer(200, { Code: refusal, Message: 'refused by the test' });
      answer(200, { Code: 'OK', Message: 'OK', BizId: `biz-${this.received.length}` });
    });
  });

  constructor(
    private readonly keyId: string,
    private readonly secret: string,
  ) {}

  private expectedSignature(params: Record<string, string>): string {
    const enc = (s: string) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    const query = Object.keys(params)
      .filter((k) => k !== 'Signature')
      .sort()
      .map((k) => `${enc(k)}=${enc(params[k] as string)}`)
      .join('&');
    return createHmac('sha1', this.secret + '&')
      .update(`POST&${enc('/')}&${enc(query)}`)
      .digest('base64');
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('Alibaba Cloud SMS (SendSms), against a local server that checks the signature', () => {
  const fake = new FakeAliyunSms('LTAI-banli-test', 'banli-test-secret');
  let config: AliyunSmsConfig;

  beforeAll(async () => {
    config = {
      endpoint: await fake.start(),
      accessKeyId: 'LTAI-banli-test',
      accessKeySecret: 'banli-test-secret',
      regionId: 'cn-hangzhou',
      signName: 'X市政协',
      templateCode: 'SMS_123456789',
      templateParam: 'content',
      timeoutMs: 5_000,
    };
  });
  afterAll(() => fake.stop());

  it('signs as the SMS documentation’s own example does', () => {
    // The worked example of Alibaba Cloud's SMS "signature method" page (GET, AccessKey secret testSecret).
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunStringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
        '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1' +
        '%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007' +
        '%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z' +
        '%26Version%3D2017-05-25',
    );
    expect(signAliyunRpc('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('sends the text in the template’s variable, signed, and resolves on Code OK', async () => {
    const sms = new AliyunSmsProvider(
      config,
      () => Date.parse('2026-04-03T02:00:00.000Z'),
      () => 'nonce-1',
    );
    const text = '【督办】市政协八届二次会议第20230117号提案的答复已逾期2个工作日 (A&B=100%+*~)';
    await sms.send('13800571234', text);
    expect(fake.received.at(-1)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      Format: 'JSON',
      PhoneNumbers: '13800571234',
      SignName: 'X市政协',
      TemplateCode: 'SMS_123456789',
      TemplateParam: JSON.stringify({ content: text }),
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'nonce-1',
      Timestamp: '2026-04-03T02:00:00Z',
    });
  });

  it('throws when the gateway refuses (so the relay retries), and when the signature is wrong', async () => {
    fake.refusals.push('isv.BUSINESS_LIMIT_CONTROL');
    const sms = new AliyunSmsProvider(config);
    await expect(sms.send('13800571234', '催办')).rejects.toThrow(/isv\.BUSINESS_LIMIT_CONTROL/);
    // The next attempt (a new nonce and timestamp) goes through.
    await expect(sms.send('13800571234', '催办')).resolves.toBeUndefined();
    const forged = new AliyunSmsProvider({ ...config, accessKeySecret: 'not-the-secret' });
    await expect(forged.send('13800571234', '催办')).rejects.toThrow(/HTTP 400.*SignatureDoesNotMatch/);
    const nonces = fake.received.slice(-3).map((r) => r['SignatureNonce']);
    expect(new Set(nonces).size).toBe(3);
  });

  it('throws when nothing answers', async () => {
    const down = new AliyunSmsProvider({ ...config, endpoint: 'http://127.0.0.1:9/', timeoutMs: 1_000 });
    await expect(down.send('13800571234', '催办')).rejects.toThrow();
  });
});
