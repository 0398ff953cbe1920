import { ensureOpenSession } from '@banli/testing';
import { DEMO_PASSWORD } from './browser';

/** A bearer token of a demo user, for setting up through the API what a test does not show. */
export async function apiToken(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Opens a session for registration (as the demo admin, through the API) unless it is open already. */
export async function openSession(url: string, code: string, name = '市政协八届二次会议'): Promise<void> {
  await ensureOpenSession(url, await apiToken(url, 'admin'), { code, name });
}
