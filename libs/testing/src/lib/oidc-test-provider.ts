import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as net from 'node:net';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

/** A real OpenID Connect provider (oidc-provider) in its own process; see oidc-provider.mjs. */
export interface TestOidcProvider {
  issuer: string;
  /** Registers Banli as the provider's client; the provider serves from then on. */
  register(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<void>;
  stop(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the test OpenID provider exited: ${stderr}`);
    return JSON.parse(String(value)) as Record<string, unknown>;
  };
  const { issuer } = (await next()) as { issuer: string };
  return {
    issuer,
    async register(client) {
      child.stdin.write(`${JSON.stringify(client)}\n`);
      await next();
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/** A port nobody listens on now (for a setting that must name the API's address before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A browser as far as sign-in goes: follows nothing by itself (each redirect is a step the
 * test takes) and keeps each site's cookies, sending them back to that site.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string): Promise<BrowserResponse> {
    return this.send(url, { method: 'GET' });
  }

  async postForm(url: string, form: Record<string, string>): Promise<BrowserResponse> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).host)?.get(name);
  }

  private async send(url: string, init: RequestInit): Promise<BrowserResponse> {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    const setCookies = res.headers.getSetCookie();
    for (const set of setCookies) {
      const [pair = '', ...attributes] = set.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=.*1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location === null ? undefined : new URL(location, url).href,
      setCookies,
      text: await res.text(),
    };
  }
}

export interface BrowserResponse {
  status: number;
  /** The redirect's target, made absolute. */
  location?: string;
  setCookies: string[];
  text: string;
}
