import type { UserClient } from './api-client';

/** Demo users by name, signed in (see `as`). */
export type Clients = Record<string, UserClient>;

let counter = 0;

/** A proposal number unique within the test run (ASCII, as the id pattern wants). */
export function uniqueNumber(prefix = 'n'): string {
  return `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export interface NewProposal {
  sessionCode?: string;
  number?: string;
  title?: string;
  body?: string;
  points?: string[];
}

/** Registers and accepts a proposal; answers its id. */
export async function accepted(u: Clients, p: NewProposal = {}): Promise<string> {
  const sessionCode = p.sessionCode ?? '8-2';
  const number = p.number ?? uniqueNumber();
  await u['registrar']
    .post('/api/proposals', {
      kind: 'proposal',
      sessionCode,
      sessionName: '市政协八届二次会议',
      number,
      title: p.title ?? '关于测试的提案',
      proposers: [{ name: '李明', lead: true }],
      body: p.body ?? '正文',
      suggestionPoints: (p.points ?? ['建议']).map((text, i) => ({ seq: i + 1, text })),
    })
    .expect(201);
  const id = `${sessionCode}_${number}`;
  await u['registrar'].post(`/api/proposals/${id}/review`, { decision: 'accept' }).expect(200);
  return id;
}

/** An accepted proposal assigned to one unit alone (no co-handlers: it goes straight to drafting). */
export async function assignedToOne(u: Clients, unitId: string, p: NewProposal = {}): Promise<string> {
  const id = await accepted(u, p);
  await u['officer'].post(`/api/proposals/${id}/assignment`, { mode: 'single', unitIds: [unitId] }).expect(200);
  return id;
}

/** An accepted proposal with a lead unit and co-handlers. */
export async function assignedWithLead(
  u: Clients,
  leadUnitId: string,
  coHandlerUnitIds: string[],
  p: NewProposal = {},
): Promise<string> {
  const id = await accepted(u, p);
  await u['officer']
    .post(`/api/proposals/${id}/assignment`, { mode: 'lead', leadUnitId, coHandlerUnitIds })
    .expect(200);
  return id;
}

export const draftOf = (text = '已采纳。') => ({
  replyClass: 'A',
  disclosure: 'never',
  sections: [{ seq: 1, adoption: 'adopted', text }],
  topic: '测试工作',
  contact: { name: '王五', phone: '0571-88888888' },
});

/** The users of a replying unit: its handler, reviewer and signer (industry-it's are `lead-*`). */
export function staffOf(unitId: string): { handler: string; reviewer: string; signer: string } {
  const prefix = unitId === 'industry-it' ? 'lead' : unitId;
  return { handler: `${prefix}-handler`, reviewer: `${prefix}-reviewer`, signer: `${prefix}-signer` };
}

/** Drafts and approves the reply of `unitId`, leaving it waiting for the signer. */
export async function readyToSign(u: Clients, id: string, unitId: string, draft: object = draftOf()): Promise<void> {
  const staff = staffOf(unitId);
  await u[staff.handler].post(`/api/proposals/${id}/drafts`, draft).expect(200);
  await u[staff.reviewer].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);
}

/** Runs `fn` over `items` with at most `limit` at a time; answers the results in order. */
export async function inBatches<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
