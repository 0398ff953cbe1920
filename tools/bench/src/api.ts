import { DEMO_PASSWORD } from './system';

export interface ApiResponse {
  status: number;
  body: unknown;
  ms: number;
}

/** A small HTTP client of the Banli API, signed in as the demo users. */
export class Api {
  private readonly tokens = new Map<string, Promise<string>>();
  private seq = 0;
  /** Requests answered 503 (Temporal or the database overloaded) and sent again. */
  retried503 = 0;
  constructor(
    readonly url: string,
    private readonly runId: string,
  ) {}

  token(user: string): Promise<string> {
    let t = this.tokens.get(user);
    if (!t) {
      t = (async () => {
        const res = await fetch(`${this.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
        });
        if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { accessToken: string }).accessToken;
      })();
      this.tokens.set(user, t);
    }
    return t;
  }

  async request(
    method: string,
    path: string,
    user: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<ApiResponse> {
    const token = await this.token(user);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = idempotencyKey ?? `${this.runId}-${++this.seq}`;
    }
    const t = performance.now();
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const ms = performance.now() - t;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, ms };
  }

  /**
   * POST that must answer one of `ok`, else throws with the answer. Retries 503 (an overloaded
   * moment) a few times with the same idempotency key, as a client must: the action may have
   * been applied although its answer was lost.
   */
  async post(path: string, user: string, body: unknown, ok = [200, 201]): Promise<ApiResponse> {
    const key = `${this.runId}-${++this.seq}`;
    for (let attempt = 0; ; attempt++) {
      const res = await this.request('POST', path, user, body, key);
      if (ok.includes(res.status)) return res;
      if (res.status === 503 && attempt < 5) {
        this.retried503++;
        continue;
      }
      throw new Error(`POST ${path} as ${user}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    }
  }

  async get(path: string, user: string): Promise<ApiResponse> {
    const res = await this.request('GET', path, user);
    if (res.status !== 200)
      throw new Error(`GET ${path} as ${user}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    return res;
  }
}
