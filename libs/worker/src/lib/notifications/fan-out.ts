import type { FanOut, OutboxRow, RecipientUser } from '@banli/persistence';
import { newDeliveryId } from '@banli/persistence';
import type { NoticeText } from './notification-text';

/** Outbox kinds that also go out by SMS (it costs money): escalations and supervisors' 催办. */
export const SMS_KINDS: ReadonlySet<string> = new Set(['deadline-escalation', 'reminder-notice']);

/** Outbox kinds whose recipients include every supervisor, besides the unit's own users. */
export const SUPERVISOR_KINDS: ReadonlySet<string> = new Set(['deadline-escalation']);

/** Outbox kinds for the unit's supervisors only (the supervisors' digest). */
export const SUPERVISOR_ONLY_KINDS: ReadonlySet<string> = new Set(['supervisor-digest']);

/** Outbox kinds for one user of the unit only, named by the payload's `userId` (a leader's digest). */
export const ONE_USER_KINDS: ReadonlySet<string> = new Set(['leader-digest']);

/** Outbox kinds for the unit's admins only (the calendar is theirs to load). */
export const ADMIN_KINDS: ReadonlySet<string> = new Set(['calendar-reminder']);

export interface EnabledChannels {
  email: boolean;
  sms: boolean;
  /** Set when the webhook channel is configured: one delivery per outbox row goes there. */
  webhookUrl?: string;
}

/** The JSON a webhook receiver gets (the body is signed as sent). */
export interface WebhookBody {
  /** The delivery id, also in `X-Banli-Delivery`: the same on every retry, for idempotency. */
  id: string;
  event: string;
  outboxId: string;
  unitId: string;
  proposalId: string | null;
  createdAt: string;
  title: string;
  text: string;
  /** The outbox row's payload as written (an object, or the raw text if it was not JSON). */
  payload: unknown;
}

/**
 * What one outbox row becomes: an in-app notification per recipient; an e-mail per recipient
 * with an address; an SMS per recipient with a phone, for SMS kinds only; one webhook call.
 */
export function planFanOut(
  row: OutboxRow,
  payload: unknown,
  recipients: RecipientUser[],
  text: NoticeText,
  channels: EnabledChannels,
): FanOut {
  const deliveries: FanOut['deliveries'] = [];
  if (channels.email) {
    for (const u of recipients) {
      if (u.email) {
        deliveries.push({
          id: newDeliveryId(),
          channel: 'email',
          recipient: u.id,
          target: u.email,
          subject: text.title,
          body: text.body,
        });
      }
    }
  }
  if (channels.sms && SMS_KINDS.has(row.kind)) {
    for (const u of recipients) {
      if (u.phone) {
        deliveries.push({
          id: newDeliveryId(),
          channel: 'sms',
          recipient: u.id,
          target: u.phone,
          subject: text.title,
          body: text.sms,
        });
      }
    }
  }
  if (channels.webhookUrl) {
    const id = newDeliveryId();
    const body: WebhookBody = {
      id,
      event: row.kind,
      outboxId: row.id,
      unitId: row.unitId,
      proposalId: row.proposalId,
      createdAt: row.createdAt,
      title: text.title,
      text: text.body,
      payload: payload === undefined ? row.payload : payload,
    };
    deliveries.push({
      id,
      channel: 'webhook',
      recipient: '',
      target: channels.webhookUrl,
      subject: text.title,
      body: JSON.stringify(body),
    });
  }
  return {
    notifications: recipients.map((u) => ({ userId: u.id, title: text.title, body: text.body })),
    deliveries,
  };
}
