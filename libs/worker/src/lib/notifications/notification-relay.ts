import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import type { DataSource } from 'typeorm';
import type { NotificationRelayConfig } from '@banli/config';
import { DEFAULT_DEADLINE_POLICY, dueStatus, WorkingDayCalendar } from '@banli/domain';
import { letterLines } from '@banli/letters';
import {
  CalendarOverrideRepository,
  DeliveryChannel,
  DueDelivery,
  newDeliveryId,
  NotificationRelayStore,
  OutboxRow,
  RecipientUser,
  ReplyLetterAssembler,
} from '@banli/persistence';
import { backoffDelayMs } from './backoff';
import type { NotificationChannels } from './channels';
import { ADMIN_KINDS, ONE_USER_KINDS, planFanOut, SUPERVISOR_KINDS, SUPERVISOR_ONLY_KINDS } from './fan-out';
import { NoticeContext, noticeText, proposerLetterMail } from './notification-text';

export interface RelayLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** One JSON line per event on stdout/stderr, like the API's logs. */
export const consoleRelayLogger: RelayLogger = {
  info: (msg, meta) => console.log(JSON.stringify({ level: 'info', component: 'notification-relay', msg, ...meta })),
  warn: (msg, meta) => console.warn(JSON.stringify({ level: 'warn', component: 'notification-relay', msg, ...meta })),
  error: (msg, meta) =>
    console.error(JSON.stringify({ level: 'error', component: 'notification-relay', msg, ...meta })),
};

export const silentRelayLogger: RelayLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface NotificationRelayOptions {
  config: NotificationRelayConfig;
  /** This replica's name in leases and attempt records; host, pid and a random suffix by default. */
  owner?: string;
  logger?: RelayLogger;
  /** Deliveries sent at the same time by this relay. */
  concurrency?: number;
}

export interface RelayRound {
  dispatched: number;
  sent: number;
  failed: number;
}

/**
 * Moves notices from the outbox to people. Each round it (1) fans out pending outbox rows into
 * in-app notifications and deliveries, and (2) sends the deliveries that are due through their
 * channels, recording every attempt; a failure is retried with exponential backoff and jitter
 * until `maxAttempts`, then the delivery is `failed`. Any number of relays (worker replicas)
 * may run against one database: each row is claimed with a lease first (see
 * NotificationRelayStore), so no two relays work on the same row at once.
 */
export class NotificationRelay {
  readonly owner: string;
  private readonly store: NotificationRelayStore;
  private readonly calendars: CalendarOverrideRepository;
  private readonly letters: ReplyLetterAssembler;
  private readonly logger: RelayLogger;
  private readonly concurrency: number;
  private loop?: Promise<void>;
  private stopping = false;
  private closed = false;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(
    dataSource: DataSource,
    private readonly channels: NotificationChannels,
    private readonly options: NotificationRelayOptions,
  ) {
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.store = new NotificationRelayStore(dataSource, this.owner);
    this.calendars = new CalendarOverrideRepository(dataSource);
    this.letters = new ReplyLetterAssembler(dataSource);
    this.logger = options.logger ?? consoleRelayLogger;
    this.concurrency = options.concurrency ?? 4;
  }

  /** The channels deliveries are sent through here; others' deliveries wait for a relay that has them. */
  get enabledChannels(): DeliveryChannel[] {
    return (['email', 'webhook', 'sms'] as const).filter((c) => this.channels[c]);
  }

  start(): void {
    if (this.closed) throw new Error('A stopped notification relay cannot be started again');
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
    this.logger.info('notification relay started', {
      owner: this.owner,
      channels: this.enabledChannels,
      pollIntervalMs: this.options.config.pollIntervalMs,
    });
  }

  /** Stops polling, waits for the sends in flight to finish and be recorded, closes the channels. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    for (const c of Object.values(this.channels)) await c?.close?.();
    this.logger.info('notification relay stopped', { owner: this.owner });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.runOnce();
      } catch (e) {
        // The database may be down: keep polling, nothing is lost (rows stay pending).
        this.logger.error('notification relay round failed', { error: errorText(e) });
      }
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.options.config.pollIntervalMs);
      });
    }
  }

  /** One round: fan out, then send what is due; repeated while batches come back full. */
  async runOnce(): Promise<RelayRound> {
    const total: RelayRound = { dispatched: 0, sent: 0, failed: 0 };
    const batch = this.options.config.batchSize;
    for (let more = true; more && !this.stopping;) {
      const fanned = await this.fanOutPending(batch);
      total.dispatched += fanned.dispatched;
      more = fanned.seen === batch;
    }
    for (let more = true; more && !this.stopping;) {
      const sent = await this.deliverDue(batch);
      total.sent += sent.sent;
      total.failed += sent.failed;
      more = sent.seen === batch;
    }
    return total;
  }

  // ------------------------------------------------------------------ fan-out

  private async fanOutPending(limit: number): Promise<{ seen: number; dispatched: number }> {
    const now = new Date();
    const ids = await this.store.pendingOutbox(now.toISOString(), limit);
    let dispatched = 0;
    let unitNames: Map<string, string> | undefined;
    let calendar: WorkingDayCalendar | undefined;
    for (const id of ids) {
      if (this.stopping) break;
      const claimedAt = new Date();
      const row = await this.store.claimOutbox(
        id,
        claimedAt.toISOString(),
        new Date(claimedAt.getTime() + this.options.config.leaseMs).toISOString(),
      );
      if (!row) continue;
      try {
        unitNames ??= await this.store.unitNames();
        calendar ??= await this.calendars.current();
        const fanOut = await this.fanOut(row, unitNames, calendar);
        if (await this.store.dispatch(row, fanOut, new Date().toISOString())) {
          dispatched++;
        } else {
          this.logger.warn('lost the lease of an outbox row before dispatching it', { outboxId: row.id });
        }
      } catch (e) {
        const retryAt = new Date(Date.now() + backoffDelayMs(row.attempts + 1, this.options.config.backoff));
        this.logger.error('fan-out failed; will retry', { outboxId: row.id, error: errorText(e) });
        await this.store.outboxFailed(row.id, errorText(e), retryAt.toISOString()).catch(() => undefined);
      }
    }
    return { seen: ids.length, dispatched };
  }

  private async fanOut(row: OutboxRow, unitNames: Map<string, string>, calendar: WorkingDayCalendar) {
    const payload = parsePayload(row.payload);
    const p = obj(payload);
    const proposalId = row.proposalId ?? (typeof p['proposalId'] === 'string' ? p['proposalId'] : null);
    const proposal = proposalId ? await this.store.proposal(proposalId) : undefined;
    const ctx: NoticeContext = {
      kind: row.kind,
      payload,
      unitId: row.unitId,
      proposalId,
      ...(proposal ? { proposal } : {}),
      unitName: (id) => unitNames.get(id) ?? id,
    };
    if ((row.kind === 'deadline-reminder' || row.kind === 'deadline-escalation') && typeof p['dueAt'] === 'string') {
      ctx.workingDays = workingDaysAt(calendar, row.createdAt, p['dueAt']);
    }
    if (row.kind === 'assigned' && proposalId) {
      ctx.unitDeadlines = await this.store.unitDeadlines(proposalId, row.unitId);
    }
    if (row.kind === 'reply-dispatched' && proposalId) return this.dispatchFanOut(row, payload, proposalId, ctx);
    const recipients = (await this.store.recipients(row.unitId, SUPERVISOR_KINDS.has(row.kind))).filter(
      (u) =>
        (!ADMIN_KINDS.has(row.kind) || u.roles.includes('admin')) &&
        (!SUPERVISOR_ONLY_KINDS.has(row.kind) || u.roles.includes('supervisor')) &&
        (!ONE_USER_KINDS.has(row.kind) || u.id === p['userId']),
    );
    if (recipients.length === 0) {
      this.logger.warn('no enabled user to notify in the unit', { outboxId: row.id, unitId: row.unitId });
    }
    return planFanOut(row, payload, recipients, noticeText(ctx), this.enabled());
  }

  /**
   * A dispatched reply: the users of every Banli unit on the signed letter's 抄送 list get the
   * notice (in-app, e-mail), and each proposer with an e-mail address gets the letter; every
   * e-mail of this kind carries the signed PDF (attached when sent, see `deliver`).
   */
  private async dispatchFanOut(row: OutboxRow, payload: unknown, proposalId: string, ctx: NoticeContext) {
    const round = Number(obj(obj(payload)['data'])['round']);
    const units = await this.letters.copyUnitsOfSigned(proposalId, row.unitId, round);
    ctx.letterLines = letterLines(await this.letters.assembleSigned(proposalId, row.unitId, round));
    const byId = new Map<string, RecipientUser>();
    for (const unitId of units) for (const u of await this.store.recipients(unitId, false)) byId.set(u.id, u);
    const enabled = this.enabled();
    const fanOut = planFanOut(row, payload, [...byId.values()], noticeText(ctx), enabled);
    if (enabled.email) {
      for (const p of await this.store.proposerEmails(proposalId)) {
        const mail = proposerLetterMail(ctx, p.name);
        fanOut.deliveries.push({
          id: newDeliveryId(),
          channel: 'email',
          recipient: `proposer:${p.name}`,
          target: p.email,
          subject: mail.subject,
          body: mail.body,
        });
      }
    }
    return fanOut;
  }

  private enabled() {
    return {
      email: !!this.channels.email,
      sms: !!this.channels.sms,
      ...(this.channels.webhook ? { webhookUrl: this.channels.webhook.url } : {}),
    };
  }

  // ------------------------------------------------------------------ deliveries

  private async deliverDue(limit: number): Promise<{ seen: number; sent: number; failed: number }> {
    const ids = await this.store.dueDeliveries(new Date().toISOString(), this.enabledChannels, limit);
    const result = { seen: ids.length, sent: 0, failed: 0 };
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !this.stopping) {
        const id = ids[next++];
        const claimedAt = new Date();
        const d = await this.store.claimDelivery(
          id,
          claimedAt.toISOString(),
          new Date(claimedAt.getTime() + this.options.config.leaseMs).toISOString(),
        );
        if (!d) continue;
        if (await this.deliver(d)) result.sent++;
        else result.failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, ids.length) }, worker));
    return result;
  }

  private async deliver(d: DueDelivery): Promise<boolean> {
    const channel = this.channels[d.channel];
    const startedAt = new Date().toISOString();
    let outcome: Parameters<NotificationRelayStore['recordAttempt']>[1];
    let finished = new Date();
    try {
      if (!channel) throw new Error(`channel ${d.channel} is not configured here`);
      const attachments =
        d.channel === 'email' && d.kind === 'reply-dispatched'
          ? [await this.store.dispatchedLetterPdf(d.outboxId)]
          : [];
      await channel.send(attachments.length > 0 ? { ...d, attachments } : d);
      finished = new Date();
      outcome = { sent: true };
    } catch (e) {
      finished = new Date();
      const failures = d.attempts + 1;
      const giveUp = failures >= this.options.config.maxAttempts;
      const nextAttemptAt = giveUp
        ? null
        : new Date(finished.getTime() + backoffDelayMs(failures, this.options.config.backoff)).toISOString();
      outcome = { sent: false, error: errorText(e), nextAttemptAt };
      const meta = { deliveryId: d.id, channel: d.channel, attempt: failures, error: outcome.error, nextAttemptAt };
      if (giveUp) this.logger.error('delivery failed for good', meta);
      else this.logger.warn('delivery failed; will retry', meta);
    }
    // Recording is kept apart from sending: a database hiccup after a successful send must not
    // count as a failed send (that would send it again). It is retried while the lease lasts;
    // if it never succeeds, the lease expires and the delivery is sent again (at least once).
    const finishedAt = finished.toISOString();
    for (let i = 0; ; i++) {
      try {
        await this.store.recordAttempt(d, outcome, startedAt, finishedAt);
        break;
      } catch (e) {
        if (i >= 4) {
          this.logger.error('could not record a delivery attempt', { deliveryId: d.id, error: errorText(e) });
          break;
        }
        await new Promise((r) => setTimeout(r, 200 * 2 ** i));
      }
    }
    return outcome.sent;
  }
}

/** Working days left to the deadline at the notice's time, or past it: the domain's dueStatus. */
export function workingDaysAt(
  calendar: WorkingDayCalendar,
  noticeAt: string,
  dueAt: string,
): { left: number } | { overdue: number } {
  // The threshold only names the state; the days counted do not depend on it.
  const due = dueStatus({ status: 'running', dueAt }, noticeAt, calendar, DEFAULT_DEADLINE_POLICY);
  return due.state === 'overdue'
    ? { overdue: due.workingDaysOverdue }
    : { left: due.state === 'due-soon' || due.state === 'on-track' ? due.workingDaysLeft : 0 };
}

function parsePayload(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** An error's message and its cause's (duck-typed: errors from another realm are not `instanceof Error`). */
function errorText(e: unknown): string {
  const message = (x: unknown): string | undefined =>
    x && typeof x === 'object' && typeof (x as { message?: unknown }).message === 'string'
      ? [(x as { code?: unknown }).code, (x as { message: string }).message].filter(Boolean).join(' ')
      : undefined;
  const own = message(e) ?? String(e);
  const cause = message((e as { cause?: unknown } | undefined)?.cause);
  return cause ? `${own}: ${cause}` : own;
}
