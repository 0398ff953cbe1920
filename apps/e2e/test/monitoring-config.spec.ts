import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_API_METRICS_PORT, DEFAULT_WORKER_METRICS_PORT } from '@banli/observability';

/**
 * The monitoring of the compose stack (docker/monitoring) as far as it can be checked without
 * Prometheus or Grafana (promtool is not available): every file parses, the scrape targets use
 * the apps' metrics ports, the alert rules asked for exist, and the rules and the dashboard
 * read only metrics the API declares or the worker exports (the worker's list is checked
 * against a real worker in apps/api/test/observability.integration-spec.ts).
 */
const ROOT = path.resolve(__dirname, '../../..');
const MONITORING = path.join(ROOT, 'docker/monitoring');
const read = (rel: string) => fs.readFileSync(path.join(MONITORING, rel), 'utf8');

/** YAML through PyYAML, as docker-stack.spec.ts reads compose's output. */
function yaml<T>(rel: string): T {
  const json = execFileSync(
    'python3',
    ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
    {
      input: read(rel),
      encoding: 'utf8',
    },
  );
  return JSON.parse(json) as T;
}

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string };
}
interface Panel {
  title: string;
  datasource: { uid: string };
  targets: { expr: string; datasource: { uid: string } }[];
}

/** The API's metrics as declared in its code, histograms with their series suffixes. */
function apiMetricNames(): Set<string> {
  const source = fs.readFileSync(path.join(ROOT, 'apps/api/src/app/metrics/api-metrics.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of source.matchAll(/name: '(banli_\w+)'/g)) names.add(m[1] as string);
  for (const m of source.matchAll(/^\s+(banli_\w+)',/gm)) names.add(m[1] as string);
  for (const m of source.matchAll(/gauge\(\s*'(banli_\w+)'/g)) names.add(m[1] as string);
  for (const h of source.matchAll(/new Histogram\(\{\s*name: '(banli_\w+)'/g)) {
    for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${h[1]}${suffix}`);
  }
  return names;
}

const workerMetricNames = new Set(
  read('temporal-worker-metrics.txt')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

/** The Banli and Temporal SDK metric names an expression reads. */
const metricsIn = (expr: string) => [...expr.matchAll(/\b(banli_\w+|temporal_\w+)/g)].map((m) => m[1] as string);

describe('the monitoring configuration of the compose stack', () => {
  const prometheus = yaml<{
    rule_files: string[];
    scrape_configs: { job_name: string; dns_sd_configs: { names: string[]; port: number }[] }[];
  }>('prometheus/prometheus.yml');
  const rules = yaml<{ groups: { name: string; rules: Rule[] }[] }>('prometheus/alerts.yml').groups.flatMap(
    (g) => g.rules,
  );
  const dashboard = JSON.parse(read('grafana/dashboards/banli.json')) as {
    uid: string;
    title: string;
    panels: Panel[];
  };
  const datasources = yaml<{ datasources: { uid: string; url: string; type: string }[] }>(
    'grafana/provisioning/datasources/prometheus.yaml',
  ).datasources;
  const providers = yaml<{ providers: { options: { path: string } }[] }>(
    'grafana/provisioning/dashboards/banli.yaml',
  ).providers;
  const compose = fs.readFileSync(path.join(ROOT, 'docker/compose.yaml'), 'utf8');

  it('scrapes every API and worker replica on the ports the apps serve their metrics on', () => {
    const job = (name: string) => prometheus.scrape_configs.find((c) => c.job_name === name)?.dns_sd_configs[0];
    expect(job('banli-api')).toMatchObject({ names: ['api'], port: DEFAULT_API_METRICS_PORT });
    expect(job('banli-worker')).toMatchObject({ names: ['worker'], port: DEFAULT_WORKER_METRICS_PORT });
    // The apps are told these ports by the compose file.
    expect(compose).toContain(`BANLI_METRICS_PORT: "${DEFAULT_API_METRICS_PORT}"`);
    expect(compose).toContain(`BANLI_WORKER_METRICS_PORT: "${DEFAULT_WORKER_METRICS_PORT}"`);
    // The rule file is where compose mounts it.
    for (const file of prometheus.rule_files) expect(compose).toContain(`:${file}:ro`);
  });

  it('has the alert rules asked for, each with a severity and a summary', () => {
    const names = rules.map((r) => r.alert);
    for (const wanted of [
      'BanliOverdueSpike',
      'BanliWorkflowTaskBacklog',
      'BanliNotificationFailures',
      'BanliNotificationBacklog',
    ]) {
      expect(names).toContain(wanted);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const r of rules) {
      expect([r.alert, r.labels.severity]).toEqual([r.alert, expect.stringMatching(/^(warning|critical)$/)]);
      expect(r.annotations.summary.length).toBeGreaterThan(10);
      expect(r.expr.split('(').length).toBe(r.expr.split(')').length);
    }
  });

  it('reads only metrics the API declares or the worker exports, in the rules and on the dashboard', () => {
    const known = new Set([...apiMetricNames(), ...workerMetricNames]);
    expect(known.has('banli_overdue_deadlines')).toBe(true);
    expect(known.has('banli_http_request_duration_seconds_bucket')).toBe(true);
    const exprs = [...rules.map((r) => r.expr), ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))];
    const used = exprs.flatMap(metricsIn);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((m) => !known.has(m))).toEqual([]);
    // The three business figures and the SDK's slots and latency are on the dashboard.
    const onDashboard = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricsIn(t.expr))));
    for (const m of [
      'banli_open_proposals',
      'banli_overdue_deadlines',
      'banli_notification_outbox_pending',
      'banli_http_requests_total',
      'temporal_worker_task_slots_available',
      'temporal_workflow_task_schedule_to_start_latency_bucket',
      'temporal_sticky_cache_size',
    ]) {
      expect([m, onDashboard.has(m)]).toEqual([m, true]);
    }
  });

  it('provisions the dashboard and its Prometheus data source where compose mounts them', () => {
    expect(dashboard.uid).toBe('banli-overview');
    const uid = datasources[0]?.uid;
    expect(datasources).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' })]);
    for (const p of dashboard.panels) {
      expect(p.datasource.uid).toBe(uid);
      for (const t of p.targets) expect(t.datasource.uid).toBe(uid);
    }
    expect(compose).toContain(`./monitoring/grafana/dashboards:${providers[0]?.options.path}:ro`);
    expect(compose).toContain('./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro');
  });
});
