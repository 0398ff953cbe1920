/** A session (届次) a test or the benchmark registers its proposals into. */
export interface TestSession {
  code: string;
  name: string;
  year?: number;
}

/**
 * Makes sure the API at `apiUrl` has this session open for registration, creating it as an
 * admin (`adminToken`, a bearer token) when there is none. Registration refuses unknown and
 * closed sessions, so every test that registers proposals into a session of its own calls
 * this first. An existing session must have the same name and be open, else this throws.
 */
export async function ensureOpenSession(apiUrl: string, adminToken: string, session: TestSession): Promise<void> {
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${apiUrl}/api/admin/sessions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: session.code, name: session.name, year: session.year ?? 2026 }),
  });
  if (created.status === 201) return;
  const listed = await fetch(`${apiUrl}/api/sessions`, { headers });
  const existing = listed.ok
    ? ((await listed.json()) as { code: string; name: string; status: string }[]).find((s) => s.code === session.code)
    : undefined;
  if (created.status !== 409 || existing?.name !== session.name || existing.status !== 'open') {
    throw new Error(
      `Session ${session.code} (${session.name}) cannot be opened: ${created.status} ${await created.text()}; now ${JSON.stringify(existing)}`,
    );
  }
}
