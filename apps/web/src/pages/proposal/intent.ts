import { ApiError, newIdempotencyKey } from '../../api/client';

/**
 * The Idempotency-Key of one user intent. The same action with the same body, retried after
 * a network failure or a server error (the outcome unknown, or not remembered by the server),
 * keeps its key, so the server applies it at most once. A definite answer ends the intent:
 * after a success or a refusal (4xx, which the server remembers under the key), the next
 * submit is a new intent with a new key; so is a submit whose body the user has changed.
 */
export class Intent {
  private current: { key: string; signature: string } | null = null;

  constructor(private readonly newKey: () => string = newIdempotencyKey) {}

  keyFor(path: string, body: unknown): string {
    const signature = `${path}\n${JSON.stringify(body)}`;
    if (!this.current || this.current.signature !== signature) this.current = { key: this.newKey(), signature };
    return this.current.key;
  }

  succeeded(): void {
    this.current = null;
  }

  failed(error: unknown): void {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) this.current = null;
  }
}
