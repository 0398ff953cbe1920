import type { Client as TemporalClient } from '@temporalio/client';
import type { Pool } from 'pg';
import { proposalStateQuery, ProposalStateView } from '@banli/contracts';
import { proposalWorkflowIdOf } from '@banli/domain';
import { LEAD_UNIT, ProposalOutcome, ProposalPlan } from './driver';
import { sleep } from '@banli/testing';

/** The audit events a plan must leave, each exactly once (or as often as the plan did it). */
export function expectedEventCounts(plan: ProposalPlan): Record<string, number> {
  const ratings = plan.finalStage === 'closed' ? 2 : 1;
  const counts: Record<string, number> = {
    registered: 1,
    reviewed: 1,
    assigned: 1,
    'opinion-submitted': plan.coHandlers.length,
    'contact-recorded': 1,
    'draft-submitted': plan.sendBack ? 2 : 1,
    'draft-sent-back': plan.sendBack ? 1 : 0,
    'draft-reviewed': 1,
    'reply-signed': 1,
    'reply-dispatched': 1,
    'feedback-recorded': ratings,
    'feedback-closed': plan.finalStage === 'closed' ? 1 : 0,
    closed: plan.finalStage === 'closed' ? 1 : 0,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

export interface InvariantReport {
  violations: string[];
  checkedProposals: number;
  signedLetters: number;
  documentNumbers: Record<string, number>;
  opinions: number;
  /** How long the read model took to equal the workflows' state after the run. */
  convergedAfterMs: number;
  /** Passes over the invariants until they held (1: at once), and what the first pass found. */
  passes: number;
  firstPass: string[];
}

type Row = Record<string, unknown>;

async function rowsBy(db: Pool, sql: string): Promise<Map<string, Row[]>> {
  const { rows } = await db.query(sql);
  const by = new Map<string, Row[]>();
  for (const r of rows as Row[]) {
    const id = String(r['proposal_id']);
    by.set(id, [...(by.get(id) ?? []), r]);
  }
  return by;
}

const norm = (v: unknown) => (v === undefined || v === null ? null : v);

async function queryAll(client: TemporalClient, ids: string[]): Promise<Map<string, ProposalStateView | Error>> {
  const out = new Map<string, ProposalStateView | Error>();
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          out.set(id, await client.workflow.getHandle(proposalWorkflowIdOf(id)).query(proposalStateQuery));
        } catch (e) {
          out.set(id, e as Error);
        }
      }
    }),
  );
  return out;
}

/** One pass over every invariant; returns what is wrong (nothing, when all hold). */
export async function checkOnce(
  db: Pool,
  temporal: TemporalClient,
  outcomes: ProposalOutcome[],
): Promise<Omit<InvariantReport, 'convergedAfterMs' | 'passes' | 'firstPass'>> {
  const v: string[] = [];
  const ids = outcomes.map((o) => o.plan.id);
  const states = await queryAll(temporal, ids);
  const proposals = await rowsBy(db, `SELECT "id" AS "proposal_id", "stage", "projection_version" FROM "proposal"`);
  const tasks = await rowsBy(
    db,
    `SELECT "proposal_id", "id", "kind", "unit_id", "deadline_key", "due_at", "round" FROM "task" WHERE "status" = 'open' ORDER BY "id"`,
  );
  const deadlines = await rowsBy(
    db,
    `SELECT "proposal_id", "key", "kind", "unit_id", "status", "due_at", "reminders_sent", "escalations", "extended", "met_at" FROM "deadline" ORDER BY "key"`,
  );
  const events = await rowsBy(
    db,
    `SELECT "proposal_id", "seq", "type", "unit_id" FROM "proposal_event" ORDER BY "seq"`,
  );
  const signatures = await rowsBy(
    db,
    `SELECT "proposal_id", "unit_id", "round", "issuer_code", "year", "sequence", "document_number" FROM "reply_signature"`,
  );
  const letters = await rowsBy(
    db,
    `SELECT "proposal_id", "unit_id", "round", "format", "document_number", "sha256" FROM "reply_letter"`,
  );
  const records = await rowsBy(
    db,
    `SELECT "proposal_id", "unit_id", "role", "round", "completed_at", "document_number", "rated", "rating_satisfied" FROM "handling_record"`,
  );

  let opinions = 0;
  for (const o of outcomes) {
    const { plan } = o;
    const id = plan.id;
    const at = (msg: string) => v.push(`${id}: ${msg}`);
    if (o.failure) at(`the client could not finish: ${o.failure}`);

    // Every proposal is closed or in its expected stage, in the read model and the workflow.
    const row = proposals.get(id)?.[0];
    const state = states.get(id);
    if (!row) {
      at('no proposal row in the read model');
      continue;
    }
    if (row['stage'] !== plan.finalStage) at(`read model stage ${row['stage']}, expected ${plan.finalStage}`);
    if (!state || state instanceof Error) {
      at(`workflow query failed: ${state instanceof Error ? state.message : 'no answer'}`);
      continue;
    }
    if (state.stage !== plan.finalStage) at(`workflow stage ${state.stage}, expected ${plan.finalStage}`);

    // The read model equals the workflow's state: stage, version, tasks, deadlines.
    if (row['stage'] !== state.stage) at(`stage: read model ${row['stage']} != workflow ${state.stage}`);
    if (Number(row['projection_version']) !== state.version) {
      at(`version: read model ${row['projection_version']} != workflow ${state.version}`);
    }
    if (state.projectedVersion !== state.version) {
      at(`workflow projected version ${state.projectedVersion} != its version ${state.version}`);
    }
    const taskKey = (t: {
      id: unknown;
      kind: unknown;
      unitId: unknown;
      deadlineKey?: unknown;
      dueAt?: unknown;
      round?: unknown;
    }) => JSON.stringify([t.id, t.kind, t.unitId, norm(t.deadlineKey), norm(t.dueAt), norm(t.round)]);
    const rmTasks = (tasks.get(id) ?? [])
      .map((t) =>
        taskKey({
          id: t['id'],
          kind: t['kind'],
          unitId: t['unit_id'],
          deadlineKey: t['deadline_key'],
          dueAt: t['due_at'],
          round: t['round'],
        }),
      )
      .sort();
    const wfTasks = state.tasks.map(taskKey).sort();
    if (JSON.stringify(rmTasks) !== JSON.stringify(wfTasks)) {
      at(`open tasks differ: read model ${JSON.stringify(rmTasks)} workflow ${JSON.stringify(wfTasks)}`);
    }
    const dlKey = (d: {
      key: unknown;
      kind: unknown;
      unitId: unknown;
      status: unknown;
      dueAt: unknown;
      remindersSent: unknown;
      escalations: unknown;
      extended: unknown;
      metAt: unknown;
    }) =>
      JSON.stringify([
        d.key,
        d.kind,
        d.unitId,
        d.status,
        norm(d.dueAt),
        Number(d.remindersSent),
        Number(d.escalations),
        Number(d.extended),
        norm(d.metAt),
      ]);
    const rmDeadlines = (deadlines.get(id) ?? [])
      .map((d) =>
        dlKey({
          key: d['key'],
          kind: d['kind'],
          unitId: d['unit_id'],
          status: d['status'],
          dueAt: d['due_at'],
          remindersSent: d['reminders_sent'],
          escalations: d['escalations'],
          extended: d['extended'],
          metAt: d['met_at'],
        }),
      )
      .sort();
    const wfDeadlines = state.deadlines
      .map((d) =>
        dlKey({
          key: d.key,
          kind: d.kind,
          unitId: d.unitId,
          status: d.status,
          dueAt: d.dueAt,
          remindersSent: d.remindersSent,
          escalations: d.escalations,
          extended: d.extension ? 1 : 0,
          metAt: d.metAt,
        }),
      )
      .sort();
    if (JSON.stringify(rmDeadlines) !== JSON.stringify(wfDeadlines)) {
      at(`deadlines differ: read model ${JSON.stringify(rmDeadlines)} workflow ${JSON.stringify(wfDeadlines)}`);
    }

    // Every event once, in order, none missing; nothing done twice.
    const evs = events.get(id) ?? [];
    const seqs = evs.map((e) => Number(e['seq']));
    if (seqs.some((s, i) => s !== i + 1)) at(`event sequence not contiguous: ${seqs.join(',')}`);
    if (seqs.length !== state.state.nextEventSeq - 1) {
      at(`read model has ${seqs.length} events, the workflow recorded ${state.state.nextEventSeq - 1}`);
    }
    const counts: Record<string, number> = {};
    for (const e of evs) counts[String(e['type'])] = (counts[String(e['type'])] ?? 0) + 1;
    const expected = expectedEventCounts(plan);
    if (JSON.stringify(Object.entries(counts).sort()) !== JSON.stringify(Object.entries(expected).sort())) {
      at(`events ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
    }

    // No opinion lost: each co-handler's opinion is in the workflow and in the audit trail, once.
    for (const unit of plan.coHandlers) {
      const opinion = state.state.opinions[unit];
      if (opinion?.status !== 'submitted' || opinion.version !== 1) {
        at(`opinion of ${unit} in the workflow: ${JSON.stringify(opinion)}`);
      }
      const submitted = evs.filter((e) => e['type'] === 'opinion-submitted' && e['unit_id'] === unit).length;
      if (submitted !== 1) at(`opinion of ${unit}: ${submitted} opinion-submitted events`);
      else opinions++;
    }

    // Exactly one signed reply, its number the same everywhere, frozen once in each format.
    const sigs = signatures.get(id) ?? [];
    const signed = state.state.tracks[LEAD_UNIT]?.signed;
    if (sigs.length !== 1) at(`${sigs.length} reply_signature rows`);
    const sig = sigs[0];
    if (sig) {
      if (sig['unit_id'] !== LEAD_UNIT || Number(sig['round']) !== 1)
        at(`signature of ${sig['unit_id']} round ${sig['round']}`);
      if (signed?.documentNumber !== sig['document_number']) {
        at(`workflow document number ${signed?.documentNumber}, read model ${sig['document_number']}`);
      }
      if (o.documentNumber !== undefined && o.documentNumber !== sig['document_number']) {
        at(`the signer was answered ${o.documentNumber}, the read model holds ${sig['document_number']}`);
      }
      const ls = letters.get(id) ?? [];
      const formats = ls.map((l) => String(l['format'])).sort();
      if (JSON.stringify(formats) !== JSON.stringify(['docx', 'html', 'pdf']))
        at(`letter formats ${formats.join(',')}`);
      if (ls.some((l) => l['document_number'] !== sig['document_number'] || Number(l['round']) !== 1)) {
        at(
          `a frozen letter carries another number or round: ${JSON.stringify(ls.map((l) => [l['format'], l['document_number'], l['round']]))}`,
        );
      }
    }

    // The supervision records, built from the events: each piece of work once, done once.
    const recs = records.get(id) ?? [];
    const shape = recs.map((r) => `${r['role']}:${r['unit_id']}:${r['round']}`).sort();
    const expectedShape = [`reply:${LEAD_UNIT}:1`, ...plan.coHandlers.map((u) => `opinion:${u}:1`)].sort();
    if (JSON.stringify(shape) !== JSON.stringify(expectedShape)) at(`handling records ${shape.join(',')}`);
    for (const r of recs) {
      if (!r['completed_at']) at(`handling record ${r['role']}:${r['unit_id']} not completed`);
      if (r['role'] === 'reply') {
        if (sig && r['document_number'] !== sig['document_number'])
          at(`handling record number ${r['document_number']}`);
        const ratings = plan.finalStage === 'closed' ? [1, 2] : [0, 0];
        if (Number(r['rated']) !== ratings[0] || Number(r['rating_satisfied']) !== ratings[1]) {
          at(
            `handling record rated ${r['rated']} with ${r['rating_satisfied']} satisfied, expected ${ratings.join('/')}`,
          );
        }
      }
    }
  }

  // Proposals nobody asked for (a retried registration must not make a second one).
  const planned = new Set(ids);
  for (const id of proposals.keys()) if (!planned.has(id)) v.push(`${id}: unexpected proposal in the read model`);

  // Document numbers: per (issuer code, year) exactly 1..n, no duplicates, and the pool at n + 1.
  const { rows: sigRows } = await db.query(
    `SELECT "issuer_code", "year", "sequence", "document_number" FROM "reply_signature" ORDER BY "issuer_code", "year", "sequence"`,
  );
  const { rows: pools } = await db.query(`SELECT "issuer_code", "year", "next_number" FROM "document_number_pool"`);
  const byPool = new Map<string, number[]>();
  for (const r of sigRows as Row[]) {
    const k = `${r['issuer_code']}〔${r['year']}〕`;
    byPool.set(k, [...(byPool.get(k) ?? []), Number(r['sequence'])]);
  }
  const numbers = (sigRows as Row[]).map((r) => String(r['document_number']));
  if (new Set(numbers).size !== numbers.length)
    v.push(`duplicate document numbers: ${numbers.filter((n, i) => numbers.indexOf(n) !== i).join(', ')}`);
  const documentNumbers: Record<string, number> = {};
  for (const [k, seqs] of byPool) {
    documentNumbers[k] = seqs.length;
    const gaps = seqs.filter((s, i) => s !== i + 1);
    if (gaps.length > 0) v.push(`document numbers of ${k} are not 1..${seqs.length}: ${seqs.join(',')}`);
  }
  for (const p of pools as Row[]) {
    const k = `${p['issuer_code']}〔${p['year']}〕`;
    const n = byPool.get(k)?.length ?? 0;
    if (Number(p['next_number']) !== n + 1)
      v.push(`pool ${k} is at ${p['next_number']} with ${n} numbers allocated (a number skipped)`);
  }

  return {
    violations: v,
    checkedProposals: outcomes.length,
    signedLetters: sigRows.length,
    documentNumbers,
    opinions,
  };
}

/**
 * Checks every invariant, waiting up to `convergeWithinMs` for the read model to catch up
 * with the workflows (after an outage, activities are still retrying for a while).
 */
export async function checkInvariants(
  db: Pool,
  temporal: TemporalClient,
  outcomes: ProposalOutcome[],
  convergeWithinMs = 120_000,
): Promise<InvariantReport> {
  const started = Date.now();
  let firstPass: string[] | undefined;
  for (let passes = 1; ; passes++) {
    const report = await checkOnce(db, temporal, outcomes);
    firstPass ??= report.violations.slice(0, 20);
    if (report.violations.length === 0 || Date.now() - started > convergeWithinMs) {
      return { ...report, convergedAfterMs: Date.now() - started, passes, firstPass };
    }
    await sleep(2_000);
  }
}
