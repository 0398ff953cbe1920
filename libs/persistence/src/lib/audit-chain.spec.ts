import { createHash } from 'node:crypto';
import { auditEventHash, checkAuditChain, ChainedEvent, StoredChainedEvent } from './audit-chain';

const EVENT: ChainedEvent = {
  proposalId: '8-2_20260001',
  seq: 2,
  type: 'reviewed',
  at: '2026-03-02T01:00:00.000Z',
  actorUserId: 'u-registrar',
  actorUnitId: 'cppcc-office',
  unitId: null,
  data: { note: '符合立案标准', decision: 'accept' },
};

/** A chain of `n` events as the projection stores them. */
function chain(n: number): StoredChainedEvent[] {
  const events: StoredChainedEvent[] = [];
  let prev = '';
  for (let seq = 1; seq <= n; seq++) {
    const e = { ...EVENT, seq, data: { step: seq } };
    const hash = auditEventHash(e, prev);
    events.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('the audit chain', () => {
  it('hashes the RFC 8785 form that docs/developers/verification.md gives, so anyone can recompute it', () => {
    // Keys sorted, no spaces, UTF-8: the form written out by hand, hashed by Node.js alone.
    const canonical =
      '{"actorUnitId":"cppcc-office","actorUserId":"u-registrar","at":"2026-03-02T01:00:00.000Z",' +
      '"data":{"decision":"accept","note":"符合立案标准"},"prev":"' +
      'ab'.repeat(32) +
      '","proposalId":"8-2_20260001","seq":2,"type":"reviewed","unitId":null,"v":1}';
    expect(auditEventHash(EVENT, 'ab'.repeat(32))).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('depends on every field and on the previous hash', () => {
    const base = auditEventHash(EVENT, '');
    const variants: ChainedEvent[] = [
      { ...EVENT, proposalId: '8-2_20260002' },
      { ...EVENT, seq: 3 },
      { ...EVENT, type: 'rejected' },
      { ...EVENT, at: '2026-03-02T01:00:00.001Z' },
      { ...EVENT, actorUserId: 'u-other' },
      { ...EVENT, actorUnitId: null },
      { ...EVENT, unitId: 'education' },
      { ...EVENT, data: { note: '符合立案标准', decision: 'reject' } },
    ];
    for (const v of variants) expect(auditEventHash(v, '')).not.toBe(base);
    expect(auditEventHash(EVENT, 'x')).not.toBe(base);
    // Key order in the data is not content.
    expect(auditEventHash({ ...EVENT, data: { decision: 'accept', note: '符合立案标准' } }, '')).toBe(base);
  });

  it('accepts an intact chain and names its head', () => {
    const events = chain(5);
    expect(checkAuditChain(events)).toEqual({ valid: true, events: 5, head: { seq: 5, hash: events[4].hash } });
    expect(checkAuditChain([])).toEqual({ valid: true, events: 0, head: null });
  });

  it('breaks at a changed event, a removed one, a re-linked one and an unhashed one', () => {
    const changed = chain(5);
    changed[2] = { ...changed[2], data: { step: 'changed' } };
    expect(checkAuditChain(changed)).toMatchObject({ valid: false, brokenAt: 3, head: { seq: 2 } });

    const removed = chain(5).filter((e) => e.seq !== 3);
    expect(checkAuditChain(removed)).toMatchObject({ valid: false, brokenAt: 4 });

    // Event 4 recomputed to follow a forged event 3: event 3's own hash no longer matches.
    const relinked = chain(5);
    relinked[3] = { ...relinked[3], prevHash: 'f'.repeat(64) };
    expect(checkAuditChain(relinked)).toMatchObject({ valid: false, brokenAt: 4 });

    const unhashed = chain(3);
    unhashed[1] = { ...unhashed[1], hash: null };
    expect(checkAuditChain(unhashed)).toMatchObject({ valid: false, brokenAt: 2 });
  });
});
