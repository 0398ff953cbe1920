import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import request from 'supertest';
import { auditEventHash, execSql } from '@banli/persistence';
import { testDatabases } from '@banli/testing';
import { as, UserClient } from './support/api-client';
import { assignedToOne, draftOf, readyToSign } from './support/proposals';
import { startStack, Stack } from './support/stack';

const UNIT = 'industry-it';
const ROOT = path.resolve(__dirname, '../../..');

interface Verification {
  valid: boolean;
  problems: string[];
  chain: { valid: boolean; events: number; head: { seq: number; hash: string } | null; brokenAt: number | null };
  anchor: {
    recorded: { seq: number; hash: string; runId: string } | null;
    matches: boolean | null;
    eventsAfter: number;
  };
  letters: {
    format: string;
    sha256: string;
    contentMatches: boolean;
    recordedInHistory: boolean;
    historyMatches: boolean | null;
  }[];
}

/** `npm run verify` as an operator runs it, against this stack's database and Temporal. */
function verifyCli(databaseUrl: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/verify/verify-cli.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: process.env['BANLI_TEST_TEMPORAL_ADDRESS'],
        TEMPORAL_NAMESPACE: 'default',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/**
 * The tamper-evident record (issue 20 point 5): the audit trail as a hash chain whose head the
 * workflow's history keeps, the signed letters' hashes recorded at signing, the check over
 * both by API and CLI, and the public letter's SHA-256. A changed stored event, a rewritten
 * chain and a changed letter file are each found.
 */
describe.each(testDatabases())('a proposal’s record anyone can verify ($name)', ({ config }) => {
  let stack: Stack;
  const u: Record<string, UserClient> = {};
  const databaseUrl = config.type === 'postgres' ? config.url : `sqlite:${config.file}`;

  const verification = async (id: string): Promise<Verification> =>
    (await u['lead-handler'].get(`/api/proposals/${id}/verification`).expect(200)).body as Verification;

  /**
   * The verification once the history has recorded the last projection's completion: an action
   * answers when the read model shows it, a moment before that completion is recorded.
   */
  async function settled(id: string): Promise<Verification> {
    for (let i = 0; ; i++) {
      const v = await verification(id);
      if ((v.anchor.recorded && v.anchor.eventsAfter === 0) || i >= 100) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A proposal carried to a signed, dispatched and published reply. */
  async function published(): Promise<string> {
    const id = await assignedToOne(u, UNIT);
    await readyToSign(u, id, UNIT, { ...draftOf(), disclosure: 'publish' });
    await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
    await u['lead-handler'].post(`/api/proposals/${id}/dispatch`).expect(200);
    await u['lead-handler'].post(`/api/proposals/${id}/publication`, { location: '市政府门户网站' }).expect(200);
    return id;
  }

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of ['registrar', 'officer', 'lead-handler', 'lead-reviewer', 'lead-signer', 'education-handler']) {
      u[name] = await as(stack, name);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('finds an intact record intact: the chain, its head as the history recorded it, and every letter file', async () => {
    const id = await published();
    const v = await settled(id);
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.chain.valid).toBe(true);
    const { rows } = await execSql(
      stack.dataSource,
      `SELECT "seq", "prev_hash", "hash" FROM "proposal_event" WHERE "proposal_id" = :id ORDER BY "seq"`,
      { id },
    );
    expect(v.chain.events).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(5);
    // Each event names the one before it.
    rows.forEach((r, i) => expect(r['prev_hash']).toBe(i === 0 ? '' : rows[i - 1]['hash']));
    // The history recorded the head the read model has (every projection's completion is recorded by now).
    const last = rows[rows.length - 1];
    expect(v.anchor.recorded).toMatchObject({ seq: Number(last['seq']), hash: last['hash'] });
    expect(v.anchor.matches).toBe(true);
    expect(v.letters.map((l) => l.format).sort()).toEqual(['docx', 'html', 'pdf']);
    for (const l of v.letters)
      expect(l).toMatchObject({ contentMatches: true, recordedInHistory: true, historyMatches: true });

    // The public reply shows the PDF's SHA-256, and a downloaded copy hashes to it.
    const reply = await request(stack.url).get(`/api/public/replies/${id}/${UNIT}/1`).expect(200);
    const pdf = await request(stack.url)
      .get(`/api/public/replies/${id}/${UNIT}/1/letter.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const downloaded = createHash('sha256')
      .update(pdf.body as Buffer)
      .digest('hex');
    expect(reply.body.pdfSha256).toBe(downloaded);
    expect(v.letters.find((l) => l.format === 'pdf')?.sha256).toBe(downloaded);

    const cli = await verifyCli(databaseUrl, id);
    expect(cli.out).toContain(`ok   ${id}`);
    expect(cli.code).toBe(0);
  });

  it('finds a changed stored event: the chain breaks at it, and the CLI fails', async () => {
    const id = await assignedToOne(u, UNIT);
    const before = await execSql(
      stack.dataSource,
      `SELECT "data" FROM "proposal_event" WHERE "proposal_id" = :id AND "seq" = 2`,
      {
        id,
      },
    );
    await execSql(
      stack.dataSource,
      `UPDATE "proposal_event" SET "data" = :data WHERE "proposal_id" = :id AND "seq" = 2`,
      { id, data: JSON.stringify({ decision: 'reject', reason: '改过' }) },
    );
    const v = await verification(id);
    expect(v.valid).toBe(false);
    expect(v.chain).toMatchObject({ valid: false, brokenAt: 2 });
    expect(v.problems.join('\n')).toContain('audit event 2');
    const cli = await verifyCli(databaseUrl, id);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`FAIL ${id}`);

    // Put back as it was, the record is whole again: the check reads what is stored, nothing else.
    await execSql(
      stack.dataSource,
      `UPDATE "proposal_event" SET "data" = :data WHERE "proposal_id" = :id AND "seq" = 2`,
      {
        id,
        data: before.rows[0]['data'],
      },
    );
    expect((await verification(id)).valid).toBe(true);
  });

  it('finds a chain rewritten from a changed event on, by the head the workflow history recorded', async () => {
    const id = await assignedToOne(u, UNIT);
    expect((await settled(id)).anchor.recorded?.seq).toBeGreaterThanOrEqual(2);
    const { rows } = await execSql(
      stack.dataSource,
      `SELECT "proposal_id", "seq", "type", "at", "actor_user_id", "actor_unit_id", "unit_id", "data", "hash"
       FROM "proposal_event" WHERE "proposal_id" = :id ORDER BY "seq"`,
      { id },
    );
    // Whoever can write the database changes event 2 and recomputes every hash after it.
    let prev = String(rows[0]['hash']);
    for (const r of rows.slice(1)) {
      const data = Number(r['seq']) === 2 ? { decision: 'reject', reason: '改过' } : JSON.parse(String(r['data']));
      const hash = auditEventHash(
        {
          proposalId: id,
          seq: Number(r['seq']),
          type: String(r['type']),
          at: String(r['at']),
          actorUserId: (r['actor_user_id'] as string | null) ?? null,
          actorUnitId: (r['actor_unit_id'] as string | null) ?? null,
          unitId: (r['unit_id'] as string | null) ?? null,
          data,
        },
        prev,
      );
      await execSql(
        stack.dataSource,
        `UPDATE "proposal_event" SET "data" = :data, "prev_hash" = :prev, "hash" = :hash WHERE "proposal_id" = :id AND "seq" = :seq`,
        { id, seq: r['seq'], data: JSON.stringify(data), prev, hash },
      );
      prev = hash;
    }
    const v = await verification(id);
    expect(v.chain.valid).toBe(true);
    expect(v.anchor.matches).toBe(false);
    expect(v.valid).toBe(false);
    expect(v.problems.join('\n')).toContain('not the one the workflow history recorded');
  });

  it('finds a changed letter file, against its stored hash and the hash recorded at signing', async () => {
    const id = await assignedToOne(u, UNIT);
    await readyToSign(u, id, UNIT);
    await u['lead-signer'].post(`/api/proposals/${id}/sign-off`, { decision: 'sign' }).expect(200);
    await execSql(
      stack.dataSource,
      `UPDATE "reply_letter" SET "content" = :content WHERE "proposal_id" = :id AND "format" = 'html'`,
      { id, content: Buffer.from('<html>另一封信</html>', 'utf8') },
    );
    let v = await verification(id);
    expect(v.valid).toBe(false);
    expect(v.letters.find((l) => l.format === 'html')).toMatchObject({ contentMatches: false, historyMatches: true });
    // Its stored hash changed to match: the hash recorded at signing still tells.
    await execSql(
      stack.dataSource,
      `UPDATE "reply_letter" SET "sha256" = :sha WHERE "proposal_id" = :id AND "format" = 'html'`,
      { id, sha: createHash('sha256').update('<html>另一封信</html>', 'utf8').digest('hex') },
    );
    v = await verification(id);
    expect(v.valid).toBe(false);
    expect(v.letters.find((l) => l.format === 'html')).toMatchObject({ contentMatches: true, historyMatches: false });
  });

  it('answers 404 for a proposal the caller may not see, and 401 without a token', async () => {
    const id = await assignedToOne(u, UNIT);
    await u['education-handler'].get(`/api/proposals/${id}/verification`).expect(404);
    await request(stack.url).get(`/api/proposals/${id}/verification`).expect(401);
  });
});
