import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { replicaKills } from './support/chaos';
import { SESSION } from './support/driver';
import { sleep } from '@banli/testing';
import { ChaosOutcome, runScenario, scenarioTimeoutMs } from './support/scenario';
import { DEMO_PASSWORD, FaultSystem } from './support/system';

/**
 * Banli as a province runs it, on one machine: two API and two worker processes on one
 * PostgreSQL database, the APIs behind nginx. One of each is killed mid-run. Beside the
 * invariants every fault scenario checks (nothing lost, nothing done twice, document numbers
 * 1..n without gaps or repeats across both APIs' signers), what must be shared between
 * replicas is: sign-in limits, idempotency keys, and the notification relay (each notice
 * reaches the receiver, and no two relays send one).
 */
const WEBHOOK_SECRET = 'replicas-webhook-secret-0123456789';
/** Sends in flight per relay (NotificationRelay's default concurrency): what one kill can cut. */
const RELAY_CONCURRENCY = 4;

interface Receiver {
  url: string;
  received: Map<string, number>;
  close(): Promise<void>;
}

/** The webhook's receiver: counts each delivery id it is sent (`X-Banli-Delivery`). */
async function webhookReceiver(): Promise<Receiver> {
  const received = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-banli-delivery'] ?? '');
      if (id && req.headers['x-banli-signature']) received.set(id, (received.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/banli`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** Failed sign-ins spread over both replicas lock the account on both. */
async function signInLimitsAreShared(system: FaultSystem): Promise<string[]> {
  const [a, b] = system.apiUrls;
  const username = 'market-regulation-signer';
  for (let i = 0; i < 5; i++) {
    const r = await post(`${i % 2 === 0 ? a : b}/api/auth/login`, { username, password: 'wrong-password-1' });
    if (r.status !== 401) return [`sign-in limits: failure ${i + 1} answered ${r.status} ${r.text}`];
  }
  const right = await post(`${b}/api/auth/login`, { username, password: DEMO_PASSWORD });
  return right.status === 429 && right.json?.error?.code === 'TOO_MANY_SIGN_IN_ATTEMPTS'
    ? []
    : [`sign-in limits: 5 failures on two replicas, then the right password answered ${right.status} ${right.text}`];
}

/** A request repeated with its Idempotency-Key on the other replica gets the first answer. */
async function idempotencyIsShared(system: FaultSystem): Promise<string[]> {
  const [a, b] = system.apiUrls;
  const login = await post(`${a}/api/auth/login`, { username: 'registrar', password: DEMO_PASSWORD });
  const auth = { authorization: `Bearer ${login.json.accessToken}`, 'idempotency-key': `replicas-${Date.now()}` };
  const registration = {
    kind: 'proposal',
    sessionCode: SESSION.code,
    number: `9${Date.now() % 100_000_000}`,
    title: '关于副本幂等检查的提案',
    proposers: [{ name: '李明', lead: true }],
    body: '正文',
    suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
  };
  const first = await post(`${a}/api/proposals`, registration, auth);
  const again = await post(`${b}/api/proposals`, registration, auth);
  const v: string[] = [];
  if (first.status !== 201) v.push(`idempotency: the registration answered ${first.status} ${first.text}`);
  // Without the shared record, the second replica would register again and answer 200 (already there).
  if (again.status !== 201 || again.headers.get('idempotent-replayed') !== 'true' || again.text !== first.text) {
    v.push(
      `idempotency: the same key on the other replica answered ${again.status} (replayed: ${again.headers.get('idempotent-replayed')})`,
    );
  }
  return v;
}

/** Both API replicas served sign-offs (so the document numbers were drawn by both). */
function bothApisSigned(system: FaultSystem): string[] {
  return system.apis.flatMap((api, i) => {
    const log = fs.readFileSync(path.join(system.runDir, `${api.name}.log`), 'utf8');
    return /\/sign-off/.test(log) ? [] : [`api replica ${i + 1} served no sign-off (its log has none)`];
  });
}

/** Every webhook notice was sent, by one relay, and reached the receiver (again only if a kill cut its send). */
async function notificationsSentOnce(system: FaultSystem, receiver: Receiver, chaos: ChaosOutcome): Promise<string[]> {
  const until = Date.now() + 90_000;
  let pending = -1;
  while (Date.now() < until) {
    const { rows } = await system.db.query(
      `SELECT count(*)::int AS n FROM "notification_delivery" WHERE "channel" = 'webhook' AND "status" <> 'sent'`,
    );
    pending = rows[0].n;
    if (pending === 0) break;
    await sleep(1_000);
  }
  const v: string[] = [];
  if (pending !== 0) v.push(`notifications: ${pending} webhook deliveries still not sent after 90 s`);
  const { rows: sent } = await system.db.query(
    `SELECT "id" FROM "notification_delivery" WHERE "channel" = 'webhook' AND "status" = 'sent'`,
  );
  if (sent.length === 0) v.push('notifications: no webhook delivery at all (the channel was not exercised)');
  const missing = sent.filter((r) => !receiver.received.has(r.id));
  if (missing.length > 0) v.push(`notifications: ${missing.length} sent deliveries never reached the receiver`);
  const { rows: twice } = await system.db.query(
    `SELECT "delivery_id" FROM "notification_delivery_attempt" WHERE "outcome" = 'sent'
      GROUP BY "delivery_id" HAVING count(*) > 1`,
  );
  if (twice.length > 0) v.push(`notifications: ${twice.length} deliveries recorded as sent by two attempts`);
  const { rows: relays } = await system.db.query(
    `SELECT count(DISTINCT "relay")::int AS n FROM "notification_delivery_attempt"`,
  );
  if (relays[0].n < 2) v.push(`notifications: only ${relays[0].n} relay sent anything; both workers should`);
  const workerKills = ((chaos.details['worker'] as { kills?: unknown[] } | undefined)?.kills ?? []).length;
  const duplicates = [...receiver.received.values()].filter((n) => n > 1).length;
  // At-least-once by design: a relay killed between the receiver's answer and its record sends again.
  if (duplicates > RELAY_CONCURRENCY * workerKills) {
    v.push(
      `notifications: ${duplicates} deliveries reached the receiver twice, more than ${workerKills} kill(s) can cut`,
    );
  }
  process.stdout.write(
    `[fault-tests] replicas: ${sent.length} webhook notices sent, ${receiver.received.size} received, ${duplicates} received twice, ${relays[0].n} relays\n`,
  );
  return v;
}

describe('fault: two API and two worker replicas behind nginx, one of each killed', () => {
  it(
    'shares what must be shared, and loses nothing',
    async () => {
      const receiver = await webhookReceiver();
      try {
        const r = await runScenario(
          'replicas',
          {
            postgres: 'shared',
            replicas: 2,
            env: { BANLI_WEBHOOK_URL: receiver.url, BANLI_WEBHOOK_SECRET: WEBHOOK_SECRET },
          },
          replicaKills,
          async (system, chaos) => [
            ...(await signInLimitsAreShared(system)),
            ...(await idempotencyIsShared(system)),
            ...bothApisSigned(system),
            ...(await notificationsSentOnce(system, receiver, chaos)),
          ],
        );
        expect(r.chaos.violations).toEqual([]);
        expect(r.invariants.violations).toEqual([]);
        expect(r.unexpectedExits).toEqual([]);
        expect(r.chaos.faults).toBeGreaterThanOrEqual(2);
      } finally {
        await receiver.close();
      }
    },
    scenarioTimeoutMs(),
  );
});
