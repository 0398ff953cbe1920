import { ensureOpenSession } from '@banli/testing';
import type { Stack } from './stack';

/**
 * Makes sure the stack has an open session with this code (created by the demo admin when
 * there is none; the demo city's own are 8-1, closed, and 8-2 and 8-3, open). Registrations
 * into it may then send `name` as their sessionName, or none.
 */
export async function openSession(stack: Stack, code: string, name = '市政协八届二次会议'): Promise<void> {
  await ensureOpenSession(stack.url, await stack.token('admin'), { code, name });
}
