import type { IncomingMessage, ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OperationsFigures } from '@banli/persistence';
import { MetricsListen, MetricsServer, serveMetrics } from '@banli/observability';

type RoutedRequest = IncomingMessage & { route?: { path?: string }; baseUrl?: string };

/** The label of a request that matched no route (the web UI's files, 404s): raw URLs would explode the series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The API's Prometheus metrics, one registry per application: HTTP requests by route
 * template (`/api/proposals/:id`, never the raw URL) and the read model's business gauges,
 * read from the database at each scrape. Every replica reports the same business figures
 * (they come from the shared database): aggregate them with max(), not sum().
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private server: MetricsServer | undefined;

  private readonly requests = new Counter({
    name: 'banli_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly duration = new Histogram({
    name: 'banli_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(readFigures: () => Promise<OperationsFigures>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'banli_api_' });
    // One read of the database per scrape, shared by the gauges below.
    let pending: Promise<OperationsFigures> | undefined;
    const figures = () => {
      pending ??= readFigures().finally(() => setTimeout(() => (pending = undefined), 0));
      return pending;
    };
    const gauge = <L extends string>(
      name: string,
      help: string,
      labelNames: L[],
      fill: (g: Gauge<L>, f: OperationsFigures) => void,
    ) =>
      new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          const f = await figures();
          this.reset();
          fill(this, f);
        },
      });
    gauge(
      'banli_open_proposals',
      'Proposals not closed, by stage (read model; same on every replica)',
      ['stage'],
      (g, f) => {
        for (const [stage, n] of Object.entries(f.openProposalsByStage)) g.set({ stage }, n);
      },
    );
    gauge(
      'banli_overdue_deadlines',
      'Running deadlines past due, by the unit holding them (read model; same on every replica)',
      ['unit'],
      (g, f) => {
        for (const [unit, n] of Object.entries(f.overdueDeadlinesByUnit)) g.set({ unit }, n);
      },
    );
    gauge('banli_notification_outbox_pending', 'Notices not yet fanned out by the relay (the backlog)', [], (g, f) =>
      g.set(f.outboxPending),
    );
    gauge(
      'banli_notification_deliveries_unsent',
      'Deliveries (e-mail, webhook) pending or failed for good, by status',
      ['status'],
      (g, f) => {
        g.set({ status: 'pending' }, f.deliveriesUnsent.pending);
        g.set({ status: 'failed' }, f.deliveriesUnsent.failed);
      },
    );
  }

  /**
   * Express middleware: counts and times each request once answered. The route is known only
   * after routing, so it is read when the response finishes; it also names the request's
   * trace span (the HTTP instrumentation only knows the method).
   */
  readonly middleware = (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const end = this.duration.startTimer();
    const span = trace.getActiveSpan();
    res.once('finish', () => {
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : UNMATCHED_ROUTE;
      const method = req.method ?? 'GET';
      end({ method, route });
      this.requests.inc({ method, route, status: String(res.statusCode) });
      if (span && route !== UNMATCHED_ROUTE) {
        span.updateName(`${method} ${route}`);
        span.setAttribute('http.route', route);
      }
    });
    next();
  };

  /** Serves GET /metrics on its own port (see metricsListenFromEnv for why). */
  async listen(listen: MetricsListen): Promise<string> {
    this.server = await serveMetrics(this.registry, listen);
    return this.server.url;
  }

  get url(): string | undefined {
    return this.server?.url;
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }
}
