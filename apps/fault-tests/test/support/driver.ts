import * as fs from 'node:fs';
import { DEMO_PASSWORD } from './system';
import { Random } from './random';
import { sleep } from '@banli/testing';

/** Where one proposal is meant to end, and how it gets there. */
export interface ProposalPlan {
  index: number;
  number: string;
  id: string;
  coHandlers: string[];
  /** The reviewer sends the first draft back once. */
  sendBack: boolean;
  /** `closed`: both proposers rate; `feedback`: one rating stays outstanding (a live workflow). */
  finalStage: 'closed' | 'feedback';
}

export const SESSION = { code: 'F-1', name: '市政协故障演练会议' };
export const LEAD_UNIT = 'industry-it';
export const PROPOSERS = ['李明', '王芳'];
const CO_HANDLING_UNITS = ['human-resources', 'education'];

export function planProposals(count: number, random: Random): ProposalPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const number = `2026${String(i + 1).padStart(4, '0')}`;
    const coHandlers = random.next() < 0.5 ? [...CO_HANDLING_UNITS] : [random.pick(CO_HANDLING_UNITS)];
    return {
      index: i,
      number,
      id: `${SESSION.code}_${number}`,
      coHandlers,
      sendBack: random.next() < 0.25,
      finalStage: i % 5 === 4 ? 'feedback' : 'closed',
    };
  });
}

/** Steps of a plan, in order; each is one HTTP call with its own idempotency key. */
export interface Step {
  name: string;
  user: string;
  path: string;
  body: object;
  /** Statuses that mean done; anything else but an outage is a failure of the proposal. */
  ok: number[];
  /** Consecutive steps with the same group are sent concurrently. */
  group?: string;
}

const points = [
  { seq: 1, adoption: 'adopted', text: '已纳入年度计划。' },
  { seq: 2, adoption: 'partly-adopted', text: '正在试点。' },
];

export function stepsOf(plan: ProposalPlan): Step[] {
  const p = (s = '') => `/api/proposals/${plan.id}${s}`;
  const draft = {
    replyClass: 'A',
    disclosure: 'on-request',
    sections: [{ ...points[0], title: '加快5G基站建设', measures: ['新建基站1200座。'] }, points[1]],
    topic: '数字经济发展',
    contact: { name: '张三', phone: '0571-88888888' },
  };
  const steps: Step[] = [
    {
      name: 'register',
      user: 'registrar',
      path: '/api/proposals',
      body: {
        kind: 'proposal',
        sessionCode: SESSION.code,
        sessionName: SESSION.name,
        number: plan.number,
        title: `关于故障演练第${plan.index + 1}号事项的提案`,
        proposers: PROPOSERS.map((name, i) => ({ name, lead: i === 0 })),
        body: '正文',
        suggestionPoints: [
          { seq: 1, text: '加快5G基站建设' },
          { seq: 2, text: '培育数据要素市场' },
        ],
      },
      // 200: a retry found it registered by an attempt whose answer was lost.
      ok: [201, 200],
    },
    { name: 'review', user: 'registrar', path: p('/review'), body: { decision: 'accept' }, ok: [200] },
    {
      name: 'assign',
      user: 'officer',
      path: p('/assignment'),
      body: { mode: 'lead', leadUnitId: LEAD_UNIT, coHandlerUnitIds: plan.coHandlers },
      ok: [200],
    },
    ...plan.coHandlers.map((unit) => ({
      name: `opinion:${unit}`,
      user: `${unit}-cohandler`,
      path: p('/opinions'),
      body: { points, summary: `${unit}意见` },
      ok: [200],
      group: 'opinions',
    })),
    {
      name: 'contact',
      user: 'lead-handler',
      path: p('/contacts'),
      body: { method: 'call', contactedAt: '2026-03-10T02:00:00.000Z', summary: '电话沟通' },
      ok: [200],
    },
    { name: 'draft', user: 'lead-handler', path: p('/drafts'), body: draft, ok: [200] },
  ];
  if (plan.sendBack) {
    steps.push(
      {
        name: 'review-send-back',
        user: 'lead-reviewer',
        path: p('/drafts/review'),
        body: { decision: 'send-back', comment: '请补充资金安排' },
        ok: [200],
      },
      { name: 'draft-2', user: 'lead-handler', path: p('/drafts'), body: draft, ok: [200] },
    );
  }
  steps.push(
    {
      name: 'review-approve',
      user: 'lead-reviewer',
      path: p('/drafts/review'),
      body: { decision: 'approve' },
      ok: [200],
    },
    { name: 'sign-off', user: 'lead-signer', path: p('/sign-off'), body: { decision: 'sign' }, ok: [200] },
    { name: 'dispatch', user: 'lead-handler', path: p('/dispatch'), body: {}, ok: [200] },
  );
  const raters = plan.finalStage === 'closed' ? PROPOSERS : PROPOSERS.slice(0, 1);
  for (const [i, proposer] of raters.entries()) {
    steps.push({
      name: `feedback-${i + 1}`,
      user: 'officer',
      path: p('/feedback'),
      body: { unitId: LEAD_UNIT, proposer, rating: 'satisfied' },
      ok: [200],
    });
  }
  return steps;
}

/** One HTTP attempt, as the client saw it. */
export interface Attempt {
  at: number;
  ms: number;
  step: string;
  proposalId: string;
  /** An HTTP status, or `network` (refused, reset) or `timeout` (no answer in time). */
  outcome: number | 'network' | 'timeout';
  replayed?: boolean;
}

export interface ProposalOutcome {
  plan: ProposalPlan;
  done: string[];
  documentNumber?: string;
  lastStage?: string;
  failure?: string;
}

export interface DriveResult {
  outcomes: ProposalOutcome[];
  attempts: Attempt[];
  durationMs: number;
}

export interface DriverOptions {
  apiUrl: string;
  concurrency: number;
  /** Give up on one step after this long of retrying (a failure of its proposal). */
  stepBudgetMs?: number;
  /** No answer within this long: treated as a lost connection and retried. */
  requestTimeoutMs?: number;
  /** Key prefix, unique per run. */
  runId: string;
  /** Appends every attempt here as a JSON line (for reading a failed run). */
  logFile?: string;
}

/**
 * A small concurrent client: `concurrency` proposals in flight, each driven step by step
 * through the HTTP API as its demo users. A step that meets an outage (503, a refused or
 * reset connection, no answer) is retried with backoff and the same Idempotency-Key, so a
 * retry either returns the first answer or applies once.
 */
export class Driver {
  readonly attempts: Attempt[] = [];
  inFlight = 0;
  stepsDone = 0;
  stepsTotal = 0;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: DriverOptions) {}

  progress(): number {
    return this.stepsTotal === 0 ? 0 : this.stepsDone / this.stepsTotal;
  }

  async login(users: string[]): Promise<void> {
    for (const username of users) {
      const res = await this.send(
        'login',
        '-',
        'POST',
        '/api/auth/login',
        { username, password: DEMO_PASSWORD },
        undefined,
        undefined,
        [200],
      );
      this.tokens.set(username, (res.body as { accessToken: string }).accessToken);
    }
  }

  async run(plans: ProposalPlan[]): Promise<DriveResult> {
    const started = Date.now();
    const users = [...new Set(plans.flatMap((p) => stepsOf(p).map((s) => s.user)))];
    await this.login([...users, 'admin']);
    // The session the proposals are registered into, opened by the admin (retried through outages
    // like every step; 409: opened by an earlier run on the same database).
    await this.send(
      'open-session',
      '-',
      'POST',
      '/api/admin/sessions',
      { code: SESSION.code, name: SESSION.name, year: 2026 },
      this.tokens.get('admin'),
      `${this.options.runId}.open-session`,
      [201, 409],
    );
    this.stepsTotal = plans.reduce((n, p) => n + stepsOf(p).length, 0);
    const queue = [...plans];
    const outcomes: ProposalOutcome[] = [];
    const lane = async () => {
      for (let plan = queue.shift(); plan; plan = queue.shift()) outcomes.push(await this.drive(plan));
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, lane));
    outcomes.sort((a, b) => a.plan.index - b.plan.index);
    return { outcomes, attempts: this.attempts, durationMs: Date.now() - started };
  }

  private async drive(plan: ProposalPlan): Promise<ProposalOutcome> {
    const outcome: ProposalOutcome = { plan, done: [] };
    // Consecutive steps of one group (the co-handlers' opinions) go out at the same time,
    // as different bureaus would send them: concurrent updates of one workflow.
    const groups: Step[][] = [];
    for (const step of stepsOf(plan)) {
      const last = groups.at(-1);
      if (step.group && last?.[0].group === step.group) last.push(step);
      else groups.push([step]);
    }
    for (const group of groups) {
      const results = await Promise.allSettled(group.map((step) => this.runStep(plan, step, outcome)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        outcome.failure = String((failed.reason as Error).message);
        return outcome;
      }
    }
    return outcome;
  }

  private async runStep(plan: ProposalPlan, step: Step, outcome: ProposalOutcome): Promise<void> {
    try {
      const res = await this.send(
        step.name,
        plan.id,
        'POST',
        step.path,
        step.body,
        this.tokens.get(step.user),
        `${this.options.runId}.${plan.id}.${step.name}`,
        step.ok,
      );
      const body = res.body as { stage?: string; documentNumber?: string; id?: string };
      if (step.name === 'sign-off') outcome.documentNumber = body.documentNumber;
      outcome.lastStage = body.stage;
      outcome.done.push(step.name);
      this.stepsDone++;
    } catch (e) {
      throw new Error(`${step.name}: ${(e as Error).message}`);
    }
  }

  /** One step: retried on outages with the same key until it answers, or its budget is spent. */
  private async send(
    step: string,
    proposalId: string,
    method: string,
    path: string,
    body: object,
    token: string | undefined,
    key: string | undefined,
    ok: number[],
  ): Promise<{ status: number; body: unknown }> {
    const budget = Date.now() + (this.options.stepBudgetMs ?? 300_000);
    for (let attempt = 0; ; attempt++) {
      const at = Date.now();
      let outcome: Attempt['outcome'];
      let text = '';
      let replayed = false;
      this.inFlight++;
      try {
        const res = await fetch(`${this.options.apiUrl}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000),
        });
        text = await res.text();
        outcome = res.status;
        replayed = res.headers.get('idempotent-replayed') === 'true';
      } catch (e) {
        // Only a lost connection or no answer is an outage; anything else is the client's bug.
        const err = e as Error & { cause?: { code?: string } };
        if (err.name === 'TimeoutError') outcome = 'timeout';
        else if (err.message === 'fetch failed') outcome = 'network';
        else throw e;
        text = String(err.cause ?? e);
      } finally {
        this.inFlight--;
      }
      const record: Attempt = { at, ms: Date.now() - at, step, proposalId, outcome, ...(replayed ? { replayed } : {}) };
      this.attempts.push(record);
      if (this.options.logFile) {
        const detail = typeof outcome === 'number' && ok.includes(outcome) ? '' : text.slice(0, 300);
        fs.appendFileSync(
          this.options.logFile,
          `${JSON.stringify({ ...record, at: new Date(at).toISOString(), key, detail })}\n`,
        );
      }
      if (typeof outcome === 'number' && ok.includes(outcome)) return { status: outcome, body: JSON.parse(text) };
      const retryable = typeof outcome !== 'number' || outcome === 503 || outcome === 502 || outcome === 504;
      if (!retryable) throw new Error(`${method} ${path} answered ${outcome}: ${text.slice(0, 500)}`);
      if (Date.now() > budget)
        throw new Error(`${method} ${path} still failing after retries: ${outcome} ${text.slice(0, 300)}`);
      await sleep(Math.min(3_000, 100 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2));
    }
  }
}
