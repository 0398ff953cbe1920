import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'shared-secret-of-the-receiver';
const body = JSON.stringify({ event: 'assigned', title: '【交办】…' });

describe('webhook signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "t.body">, and verifies', () => {
    const header = signWebhook(secret, body, 1_767_225_600);
    expect(header).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, 1_767_225_700)).toEqual({ ok: true, timestamp: 1_767_225_600 });
  });

  it('refuses a changed body, another secret, a stale or future timestamp, a missing header', () => {
    const header = signWebhook(secret, body, 1_767_225_600);
    expect(verifyWebhookSignature(secret, `${body} `, header, 1_767_225_600)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature('another-secret-entirely', body, header, 1_767_225_600)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature(secret, body, header, 1_767_225_600 + 301)).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    });
    expect(verifyWebhookSignature(secret, body, header, 1_767_225_600 - 301)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature(secret, body, undefined)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature(secret, body, 't=abc,v1=00')).toMatchObject({ ok: false });
  });

  it('cannot be moved to a new timestamp', () => {
    const header = signWebhook(secret, body, 1_767_225_600);
    const replayed = header.replace('t=1767225600', 't=1767229200');
    expect(verifyWebhookSignature(secret, body, replayed, 1_767_229_200)).toEqual({
      ok: false,
      reason: 'signature mismatch',
    });
  });
});
