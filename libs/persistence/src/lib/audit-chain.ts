import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * A proposal's audit trail is a hash chain: each event stores the hash of the one before it
 * (`prev_hash`, empty for the first) and its own `hash`, the SHA-256 of the RFC 8785
 * (JSON Canonicalization Scheme) form of
 *
 *     { "v": 1, "proposalId", "seq", "type", "at", "actorUserId", "actorUnitId", "unitId", "data", "prev" }
 *
 * (absent actor and unit as null, `prev` the previous event's hash or ""). Changing any stored
 * event, removing one or inserting one breaks the chain from there on; rewriting the whole
 * chain changes its head, which the workflow's history keeps (see docs/developers/verification.md).
 * RFC 8785 is a published form, so anyone can recompute a hash without Banli's code.
 */
export const AUDIT_CHAIN_VERSION = 1;

export interface ChainedEvent {
  proposalId: string;
  seq: number;
  type: string;
  at: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  unitId: string | null;
  data: unknown;
}

/** The hash of `event` following the event whose hash is `prev` ("" for the first event). */
export function auditEventHash(event: ChainedEvent, prev: string): string {
  const canonical = canonicalize({
    v: AUDIT_CHAIN_VERSION,
    proposalId: event.proposalId,
    seq: event.seq,
    type: event.type,
    at: event.at,
    actorUserId: event.actorUserId ?? null,
    actorUnitId: event.actorUnitId ?? null,
    unitId: event.unitId ?? null,
    data: event.data ?? null,
    prev,
  });
  if (canonical === undefined) throw new Error(`audit event ${event.proposalId}#${event.seq} cannot be canonicalised`);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Where a chain is anchored: its last event's sequence number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface StoredChainedEvent extends ChainedEvent {
  prevHash: string | null;
  hash: string | null;
}

export type ChainCheck =
  | { valid: true; events: number; head: ChainHead | null }
  | { valid: false; events: number; head: ChainHead | null; brokenAt: number; reason: string };

/**
 * Recomputes the chain of `events` (one proposal's, in sequence order) and says where it
 * breaks: a gap in the sequence numbers, a `prev_hash` that is not the previous event's hash,
 * or a `hash` that is not the event's.
 */
export function checkAuditChain(events: StoredChainedEvent[]): ChainCheck {
  let prev = '';
  let head: ChainHead | null = null;
  const broken = (seq: number, reason: string): ChainCheck => ({
    valid: false,
    events: events.length,
    head,
    brokenAt: seq,
    reason,
  });
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return broken(e.seq, `event ${i + 1} is missing (found ${e.seq} in its place)`);
    if (e.hash === null || e.prevHash === null) return broken(e.seq, 'the event carries no hash');
    if (e.prevHash !== prev) return broken(e.seq, 'its previous hash is not the hash of the event before it');
    const computed = auditEventHash(e, prev);
    if (computed !== e.hash) return broken(e.seq, 'its content does not match its hash');
    prev = e.hash;
    head = { seq: e.seq, hash: e.hash };
  }
  return { valid: true, events: events.length, head };
}

/** A migration's or a maintenance task's access to the database (a TypeORM QueryRunner fits). */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Chains the events stored before the chain existed, proposal by proposal in sequence order
 * (used by the migration that adds the columns). `placeholder(i)` writes the database's
 * parameter marker ($1 or ?).
 */
export async function backfillAuditChain(q: Queryable, placeholder: (i: number) => string): Promise<number> {
  const rows = (await q.query(
    `SELECT "proposal_id", "seq", "type", "at", "actor_user_id", "actor_unit_id", "unit_id", "data"
     FROM "proposal_event" ORDER BY "proposal_id", "seq"`,
  )) as Record<string, unknown>[];
  let proposal = '';
  let prev = '';
  for (const r of rows) {
    const proposalId = String(r['proposal_id']);
    if (proposalId !== proposal) [proposal, prev] = [proposalId, ''];
    const raw = r['data'];
    const event: ChainedEvent = {
      proposalId,
      seq: Number(r['seq']),
      type: String(r['type']),
      at: String(r['at']),
      actorUserId: (r['actor_user_id'] as string | null) ?? null,
      actorUnitId: (r['actor_unit_id'] as string | null) ?? null,
      unitId: (r['unit_id'] as string | null) ?? null,
      data: typeof raw === 'string' ? JSON.parse(raw) : raw,
    };
    const hash = auditEventHash(event, prev);
    await q.query(
      `UPDATE "proposal_event" SET "prev_hash" = ${placeholder(1)}, "hash" = ${placeholder(2)}
       WHERE "proposal_id" = ${placeholder(3)} AND "seq" = ${placeholder(4)}`,
      [prev, hash, proposalId, event.seq],
    );
    prev = hash;
  }
  return rows.length;
}
