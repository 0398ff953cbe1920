import { ApiError } from '../../api/client';
import { Intent } from './intent';

describe('the idempotency key of a user intent', () => {
  let n = 0;
  const intent = () => new Intent(() => `k${++n}`);

  it('keeps the key when the same submit is retried after a network failure or a server error', () => {
    const i = intent();
    const first = i.keyFor('/sign-off', { decision: 'sign' });
    i.failed(new ApiError(0, 'NETWORK', 'unreachable'));
    expect(i.keyFor('/sign-off', { decision: 'sign' })).toBe(first);
    i.failed(new ApiError(503, 'SERVICE_UNAVAILABLE', 'later'));
    expect(i.keyFor('/sign-off', { decision: 'sign' })).toBe(first);
  });

  it('starts a new intent after a refusal, a success, or a changed body', () => {
    const i = intent();
    const first = i.keyFor('/sign-off', { decision: 'sign' });
    i.failed(new ApiError(409, 'OPINIONS_OUTSTANDING', 'missing'));
    const second = i.keyFor('/sign-off', { decision: 'sign' });
    expect(second).not.toBe(first);
    expect(i.keyFor('/sign-off', { decision: 'sign', comment: 'x' })).not.toBe(second);
    const third = i.keyFor('/dispatch', {});
    i.succeeded();
    expect(i.keyFor('/dispatch', {})).not.toBe(third);
  });
});
