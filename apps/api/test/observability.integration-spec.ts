import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  AppProcess,
  createPostgresDatabase,
  dropPostgresDatabase,
  freePort,
  parsePrometheusText,
  PromSample,
  sampleSum,
  startAppProcess,
} from '@banli/testing';
import { CommitteeSessionRepository, createDataSource, DirectoryRepository, runMigrations } from '@banli/persistence';
import { seedDemoCity } from '../src/app/seed/seed.service';
import { seedDemoSessions } from '../src/app/seed/demo-sessions';
import { as } from './support/api-client';
import { accepted, Clients } from './support/proposals';
import { DEMO_PASSWORD, TEST_NOTIFICATION_ENV } from './support/stack';

/** The worker metrics the dashboard and the alert rules read (docker/monitoring). */
function workerMetricNames(): string[] {
  return fs
    .readFileSync(path.resolve(__dirname, '../../../docker/monitoring/temporal-worker-metrics.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** A span as OTLP/HTTP JSON carries it, with its process's service.name. */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** A tiny OTLP/HTTP receiver: keeps every span POSTed to /v1/traces. */
async function startOtlpReceiver(): Promise<{ endpoint: string; spans: ExportedSpan[]; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) {
        const doc = JSON.parse(body) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: { spans: Omit<ExportedSpan, 'service'>[] }[];
          }[];
        };
        for (const rs of doc.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function scrape(url: string): Promise<PromSample[]> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return parsePrometheusText(await res.text());
}

async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The API and the worker as real processes (their main.ts, as `npm start` runs them) on a
 * database of their own, the run's Temporal dev server and a tiny OTLP receiver: their
 * Prometheus metrics parse and move with real work, and one proposal action is one trace
 * from the HTTP request through the workflow update to the activity and its SQL.
 */
describe('metrics and traces of the running API and worker', () => {
  let databaseUrl: string;
  let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let api: AppProcess;
  let worker: AppProcess;
  let apiUrl: string;
  let apiMetrics: string;
  let workerMetrics: string;
  let u: Clients;

  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase('banli_observability');
    const dataSource = createDataSource({ type: 'postgres', url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seedDemoCity(new DirectoryRepository(dataSource), DEMO_PASSWORD);
    await seedDemoSessions(new CommitteeSessionRepository(dataSource));
    await dataSource.destroy();

    otlp = await startOtlpReceiver();
    const taskQueue = `banli-observability-${process.pid}-${Date.now().toString(36)}`;
    const [apiPort, apiMetricsPort, workerMetricsPort] = [await freePort(), await freePort(), await freePort()];
    const common: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string,
      TEMPORAL_TASK_QUEUE: taskQueue,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    apiUrl = `http://127.0.0.1:${apiPort}`;
    apiMetrics = `http://127.0.0.1:${apiMetricsPort}/metrics`;
    workerMetrics = `http://127.0.0.1:${workerMetricsPort}/metrics`;
    [api, worker] = await Promise.all([
      startAppProcess(
        'api',
        {
          ...common,
          PORT: String(apiPort),
          BANLI_METRICS_PORT: String(apiMetricsPort),
          JWT_SECRET: 'observability-test-secret-0123456789-abcdefghijklmnop',
          LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        },
        { url: `${apiUrl}/api/health` },
      ),
      startAppProcess(
        'worker',
        {
          ...common,
          ...TEST_NOTIFICATION_ENV,
          BANLI_WORKER_METRICS_PORT: String(workerMetricsPort),
          WORKFLOW_BUNDLE_PATH: process.env['WORKFLOW_BUNDLE_PATH'] as string,
          BANLI_CJK_FONT: process.env['BANLI_CJK_FONT'] ?? '',
          BANLI_DIGEST_SCHEDULE_ID: `banli-daily-digest-${taskQueue}`,
        },
        { url: workerMetrics },
      ),
    ]);
    const tokens = new Map<string, string>();
    const stack = {
      url: apiUrl,
      token: async (username: string) => {
        const known = tokens.get(username);
        if (known) return known;
        const res = await fetch(`${apiUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD }),
        });
        const { accessToken } = (await res.json()) as { accessToken: string };
        tokens.set(username, accessToken);
        return accessToken;
      },
    };
    u = { registrar: await as(stack, 'registrar') };
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await otlp?.close();
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
  }, 60_000);

  it('counts requests by route template and reports the open proposals, and the worker its task slots and latencies', async () => {
    const apiBefore = await scrape(apiMetrics);
    const workerBefore = await scrape(workerMetrics);
    const reviews = (s: PromSample[]) =>
      sampleSum(s, 'banli_http_requests_total', { method: 'POST', route: '/api/proposals/:id/review', status: '200' });
    const activities = (s: PromSample[]) => sampleSum(s, 'temporal_activity_execution_latency_count');
    const workflowTasks = (s: PromSample[]) => sampleSum(s, 'temporal_workflow_task_execution_latency_count');

    const id = await accepted(u);
    await u['registrar'].get(`/api/proposals/${id}`).expect(200);
    await u['registrar'].get('/api/proposals/no-such-proposal').expect(404);

    const apiAfter = await scrape(apiMetrics);
    expect(reviews(apiAfter)).toBe(reviews(apiBefore) + 1);
    expect(sampleSum(apiAfter, 'banli_http_requests_total', { route: '/api/proposals/:id', status: '404' })).toBe(1);
    // Never the raw URL as a label.
    expect(apiAfter.some((s) => s.labels['route']?.includes(id))).toBe(false);
    expect(
      sampleSum(apiAfter, 'banli_http_request_duration_seconds_count', { route: '/api/proposals/:id/review' }),
    ).toBeGreaterThanOrEqual(1);
    // The business gauges come from this test's own database: one accepted proposal, now in assignment.
    expect(sampleSum(apiAfter, 'banli_open_proposals')).toBe(1);
    expect(sampleSum(apiAfter, 'banli_open_proposals', { stage: 'assignment' })).toBe(1);
    expect(
      apiAfter.some((s) => s.name === 'banli_overdue_deadlines' || s.name === 'banli_notification_outbox_pending'),
    ).toBe(true);

    const workerAfter = await eventually(async () => {
      const s = await scrape(workerMetrics);
      return activities(s) > activities(workerBefore) ? s : undefined;
    }, 'the worker to count its activities');
    expect(workflowTasks(workerAfter)).toBeGreaterThan(workflowTasks(workerBefore));
    // Every SDK metric the committed dashboard and alert rules read is exported by a real worker.
    for (const name of workerMetricNames()) {
      expect([name, workerAfter.some((s) => s.name === name)]).toEqual([name, true]);
    }
  }, 60_000);

  it('traces an action from the HTTP request through the workflow update to the activity and its SQL', async () => {
    const id = await accepted(u);
    const spanOfRequest = await eventually(
      () =>
        otlp.spans.find(
          (s) => s.service === 'banli-api' && s.name === 'POST /api/proposals/:id/review' && !s.parentSpanId,
        ),
      'the API span of the review',
    );
    const trace = () => otlp.spans.filter((s) => s.traceId === spanOfRequest.traceId);
    await eventually(
      () => (trace().some((s) => s.service === 'banli-worker' && s.name.startsWith('pg.query')) ? true : undefined),
      'the SQL of the review’s activity in the same trace',
    );
    const spans = trace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestry = (s: ExportedSpan): string[] => {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      return parent ? [...ancestry(parent), parent.name] : [];
    };
    const update = spans.find((s) => s.name === 'HandleUpdate:review');
    const activity = spans.find((s) => s.name.startsWith('RunActivity:') && s.service === 'banli-worker');
    const sql = spans.find((s) => s.name.startsWith('pg.query') && s.service === 'banli-worker');
    expect(update && ancestry(update)).toEqual(
      expect.arrayContaining(['POST /api/proposals/:id/review', 'StartWorkflowUpdate:review']),
    );
    expect(activity && ancestry(activity)).toEqual(
      expect.arrayContaining(['POST /api/proposals/:id/review', 'HandleUpdate:review']),
    );
    expect(sql && ancestry(sql)).toEqual(expect.arrayContaining(['HandleUpdate:review', activity?.name]));
    expect(id).toBeTruthy();
  }, 60_000);
});
