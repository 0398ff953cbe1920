import { ensureOpenSession } from '@banli/testing';
import type { Api } from './api';

/** The proposals the benchmark registers and the steps that carry one to a signed, rated reply. */
export const LEAD_UNIT = 'industry-it';
export const CO_HANDLERS = ['human-resources', 'education', 'government-data'];
export const PROPOSERS = ['李明', '王芳'];
export const POINTS = [
  { seq: 1, text: '加快5G基站建设' },
  { seq: 2, text: '培育数据要素市场' },
];

/** The session a scenario registers into (B-1, E-1, M-1): opened by the admin before its first registration. */
export async function openSession(api: Api, sessionCode: string): Promise<void> {
  await ensureOpenSession(api.url, await api.token('admin'), { code: sessionCode, name: `基准测试会议${sessionCode}` });
}

export function registration(sessionCode: string, i: number): Record<string, unknown> {
  return {
    kind: 'proposal',
    sessionCode,
    number: `2026${String(i + 1).padStart(5, '0')}`,
    title: `关于基准测试第${i + 1}号事项的提案`,
    proposers: PROPOSERS.map((name, k) => ({ name, lead: k === 0 })),
    body: '正文：关于加快数字经济发展的若干建议。',
    suggestionPoints: POINTS,
  };
}

export const proposalId = (sessionCode: string, i: number) => `${sessionCode}_2026${String(i + 1).padStart(5, '0')}`;

export const assignment = { mode: 'lead', leadUnitId: LEAD_UNIT, coHandlerUnitIds: CO_HANDLERS };

export const opinion = (unit: string) => ({
  points: [
    { seq: 1, adoption: 'adopted', text: '已纳入年度计划。' },
    { seq: 2, adoption: 'partly-adopted', text: '正在试点。' },
  ],
  summary: `${unit}意见`,
});

export const draft = {
  replyClass: 'A',
  disclosure: 'on-request',
  sections: [
    { seq: 1, adoption: 'adopted', text: '已纳入年度计划。', title: '加快5G基站建设', measures: ['新建基站1200座。'] },
    { seq: 2, adoption: 'partly-adopted', text: '正在试点。' },
  ],
  topic: '数字经济发展',
  contact: { name: '张三', phone: '0571-88888888' },
};

export interface Step {
  user: string;
  path: string;
  body: unknown;
  /** Consecutive steps of one group go at once. */
  group?: string;
}

/** From registered to closed: review, assignment, opinions, contact, draft, review, sign-off, dispatch, ratings. */
export function stepsToClosed(sessionCode: string, i: number): Step[] {
  const p = (s: string) => `/api/proposals/${proposalId(sessionCode, i)}${s}`;
  return [
    { user: 'registrar', path: '/api/proposals', body: registration(sessionCode, i) },
    { user: 'registrar', path: p('/review'), body: { decision: 'accept' } },
    { user: 'officer', path: p('/assignment'), body: assignment },
    ...CO_HANDLERS.map((u) => ({ user: `${u}-cohandler`, path: p('/opinions'), body: opinion(u), group: 'opinions' })),
    {
      user: 'lead-handler',
      path: p('/contacts'),
      body: { method: 'call', contactedAt: '2026-03-10T02:00:00.000Z', summary: '电话沟通' },
    },
    { user: 'lead-handler', path: p('/drafts'), body: draft },
    { user: 'lead-reviewer', path: p('/drafts/review'), body: { decision: 'approve' } },
    { user: 'lead-signer', path: p('/sign-off'), body: { decision: 'sign' } },
    { user: 'lead-handler', path: p('/dispatch'), body: {} },
    ...PROPOSERS.map((proposer) => ({
      user: 'officer',
      path: p('/feedback'),
      body: { unitId: LEAD_UNIT, proposer, rating: 'satisfied' },
    })),
  ];
}
