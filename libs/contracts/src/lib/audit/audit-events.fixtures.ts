/*
 * Events for the folds' specs, written as the domain records them. Imported only by *.spec.ts
 * files; never exported from the library.
 */
import type { EventDataOf, ProposalEvent, ProposalEventOf, ProposalEventType } from './audit-events';

export const OFFICE = 'gov-office';
export const TRANSPORT = 'transport-bureau';
export const HOUSING = 'housing-bureau';
export const FINANCE = 'finance-bureau';
export const PLANNING = 'planning-bureau';
export const ECONOMY = 'economy-bureau';

/** An instant given as Asia/Shanghai wall time, in the canonical UTC form. */
export function sh(date: string, time = '10:00'): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** A history: each event gets the next sequence number, as the workflow numbers them. */
export function history(...events: Omit<ProposalEvent, 'seq'>[]): ProposalEvent[] {
  return events.map((e, i) => ({ ...e, seq: i + 1 }) as ProposalEvent);
}

/** One event of `type` about `unitId` (the unit it concerns), by a user of `byUnit`. */
export function event<T extends ProposalEventType>(
  type: T,
  data: EventDataOf<T>,
  { unitId, by, at = sh('2024-03-08') }: { unitId?: string; by?: string; at?: string } = {},
): Omit<ProposalEventOf<T>, 'seq'> {
  return {
    type,
    at,
    ...(by ? { actor: { userId: `user@${by}`, unitId: by } } : {}),
    ...(unitId ? { unitId } : {}),
    data,
    // A generic T cannot be narrowed to its member of the union; each call site is checked.
  } as unknown as Omit<ProposalEventOf<T>, 'seq'>;
}

/** Events as they come back from the read model: JSON, so absent fields are not even keys. */
export function stored(events: ProposalEvent[]): ProposalEvent[] {
  return JSON.parse(JSON.stringify(events)) as ProposalEvent[];
}

export const leadAssignment = (coHandlers: string[] = [FINANCE, PLANNING]) =>
  event('assigned', { mode: 'lead', replyingUnitIds: [TRANSPORT], coHandlerUnitIds: coHandlers }, { by: OFFICE });

export const opinion = (unitId: string, version: number, text = `${unitId}的意见 v${version}`, at?: string) =>
  event(
    'opinion-submitted',
    {
      version,
      points: [
        { seq: 2, adoption: 'partly-adopted', text: `${text}（二）` },
        { seq: 1, adoption: 'adopted', text },
      ],
    },
    { unitId, by: unitId, at },
  );

export const objection = (unitId: string, objectionId = 1) =>
  event('objection-raised', { objectionId, reason: '不属于本单位职能' }, { unitId, by: unitId });

export const reassigned = (from: string, to: string, objectionId = 1) =>
  event(
    'objection-decided',
    { objectionId, decision: 'reassign', reason: '职能调整', replacementUnitId: to },
    { unitId: from, by: OFFICE },
  );
