/**
 * What the screens show that the audit trail holds: each co-handler's opinion (texts live
 * only in the events), contacts, objections, extensions, ratings and signatures. Pure
 * functions of the detail and the events, so they are unit-tested without a browser.
 */
import type { PointAnswer, ProposalDetail, ProposalEvent, TaskView } from './types';

export type OpinionState = 'pending' | 'submitted' | 'returned' | 'waived';

export interface UnitOpinion {
  unitId: string;
  status: OpinionState;
  version: number;
  points: PointAnswer[];
  summary?: string;
  submittedAt?: string;
  submittedBy?: string;
  returns: { reason: string; version: number; at: string; by?: string }[];
  waiver?: { reason: string; at: string; by?: string };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** The co-handling units (reassignments applied), each with its latest opinion and history. */
export function opinionsOf(events: ProposalEvent[]): UnitOpinion[] {
  const byUnit = new Map<string, UnitOpinion>();
  const fresh = (unitId: string): UnitOpinion => ({ unitId, status: 'pending', version: 0, points: [], returns: [] });
  for (const e of events) {
    const unit = e.unitId ?? '';
    switch (e.type) {
      case 'assigned': {
        byUnit.clear();
        const ids = (e.data['coHandlerUnitIds'] as string[] | undefined) ?? [];
        for (const id of ids) byUnit.set(id, fresh(id));
        break;
      }
      case 'objection-decided': {
        const to = str(e.data['replacementUnitId']);
        if (e.data['decision'] === 'reassign' && to && byUnit.has(unit)) {
          // Keep the order of the assignment: the replacement takes the objecting unit's place.
          const entries = [...byUnit.entries()].map(([id, o]): [string, UnitOpinion] =>
            id === unit ? [to, fresh(to)] : [id, o],
          );
          byUnit.clear();
          for (const [id, o] of entries) byUnit.set(id, o);
        }
        break;
      }
      case 'opinion-submitted': {
        const o = byUnit.get(unit) ?? fresh(unit);
        byUnit.set(unit, {
          ...o,
          status: 'submitted',
          version: Number(e.data['version'] ?? o.version + 1),
          points: ((e.data['points'] as PointAnswer[] | undefined) ?? []).slice().sort((a, b) => a.seq - b.seq),
          summary: typeof e.data['summary'] === 'string' ? e.data['summary'] : undefined,
          submittedAt: e.at,
          submittedBy: e.actor?.userId,
        });
        break;
      }
      case 'opinion-returned': {
        const o = byUnit.get(unit) ?? fresh(unit);
        o.status = 'returned';
        o.returns = [
          ...o.returns,
          {
            reason: str(e.data['reason']),
            version: Number(e.data['version'] ?? o.version),
            at: e.at,
            by: e.actor?.userId,
          },
        ];
        byUnit.set(unit, o);
        break;
      }
      case 'opinion-waived': {
        const o = byUnit.get(unit) ?? fresh(unit);
        o.status = 'waived';
        o.waiver = { reason: str(e.data['reason']), at: e.at, by: e.actor?.userId };
        byUnit.set(unit, o);
        break;
      }
    }
  }
  return [...byUnit.values()];
}

export interface Contact {
  unitId: string;
  method: string;
  contactedAt: string;
  summary: string;
  by?: string;
  at: string;
}

export function contactsOf(events: ProposalEvent[]): Contact[] {
  return events
    .filter((e) => e.type === 'contact-recorded')
    .map((e) => ({
      unitId: e.unitId ?? e.actor?.unitId ?? '',
      method: str(e.data['method']),
      contactedAt: str(e.data['contactedAt']) || e.at,
      summary: str(e.data['summary']),
      by: e.actor?.userId,
      at: e.at,
    }));
}

export interface Objection {
  id: number;
  unitId: string;
  reason: string;
  at: string;
  by?: string;
  decided?: { decision: string; reason: string; replacementUnitId?: string };
}

export function objectionsOf(events: ProposalEvent[]): Objection[] {
  const list: Objection[] = [];
  for (const e of events) {
    if (e.type === 'objection-raised') {
      list.push({
        id: Number(e.data['objectionId']),
        unitId: e.unitId ?? e.actor?.unitId ?? '',
        reason: str(e.data['reason']),
        at: e.at,
        by: e.actor?.userId,
      });
    } else if (e.type === 'objection-decided') {
      const o = list.find((x) => x.id === Number(e.data['objectionId']));
      if (o) {
        o.decided = {
          decision: str(e.data['decision']),
          reason: str(e.data['reason']),
          ...(e.data['replacementUnitId'] ? { replacementUnitId: str(e.data['replacementUnitId']) } : {}),
        };
      }
    }
  }
  return list;
}

export interface Extension {
  id: number;
  unitId: string;
  deadlineKey: string;
  requestedEndDate: string;
  reason: string;
  at: string;
  decided?: { decision: string; reason: string };
}

export function extensionsOf(events: ProposalEvent[]): Extension[] {
  const list: Extension[] = [];
  for (const e of events) {
    if (e.type === 'extension-requested') {
      list.push({
        id: Number(e.data['extensionId']),
        unitId: e.unitId ?? e.actor?.unitId ?? '',
        deadlineKey: str(e.data['deadlineKey']),
        requestedEndDate: str(e.data['requestedEndDate']),
        reason: str(e.data['reason']),
        at: e.at,
      });
    } else if (e.type === 'extension-decided') {
      const x = list.find((y) => y.id === Number(e.data['extensionId']));
      if (x) x.decided = { decision: str(e.data['decision']), reason: str(e.data['reason']) };
    }
  }
  return list;
}

/** Ratings already recorded for one replying unit's reply in one round, by proposer. */
export function ratingsOf(events: ProposalEvent[], unitId: string, round: number): Record<string, string> {
  const ratings: Record<string, string> = {};
  for (const e of events) {
    if (e.type === 'feedback-recorded' && e.unitId === unitId && Number(e.data['round']) === round) {
      ratings[str(e.data['proposer'])] = str(e.data['rating']);
    }
  }
  return ratings;
}

export interface Signature {
  unitId: string;
  round: number;
  documentNumber: string;
  signedAt: string;
  replyClass: string;
  disclosure: string;
}

export function signaturesOf(events: ProposalEvent[]): Signature[] {
  return events
    .filter((e) => e.type === 'reply-signed')
    .map((e) => ({
      unitId: e.unitId ?? '',
      round: Number(e.data['round'] ?? 1),
      documentNumber: str(e.data['documentNumber']),
      signedAt: str(e.data['signedAt']) || e.at,
      replyClass: str(e.data['replyClass']),
      disclosure: str(e.data['disclosure']),
    }));
}

/**
 * A task id is `{proposalId}/{kind}/{unitId}[/…]`: a decision task ends with the objection or
 * extension id; a feedback task with the replying unit and the round.
 */
export function taskSuffix(task: TaskView): string[] {
  return task.id.split('/').slice(3);
}

export function tasksOf(detail: ProposalDetail, unitId: string, kind: string): TaskView[] {
  return detail.tasks.filter((t) => t.unitId === unitId && t.kind === kind);
}

export interface SkippedRun {
  from: string;
  to: string;
  reason: string;
  name?: string;
  days: number;
}

/** Consecutive skipped days with the same reason and name, so a holiday week reads as one range. */
export function skippedRuns(skipped: { date: string; reason: string; name?: string }[]): SkippedRun[] {
  const runs: SkippedRun[] = [];
  const nextDay = (d: string) => {
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  for (const s of [...skipped].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && last.reason === s.reason && last.name === s.name && nextDay(last.to) === s.date) {
      last.to = s.date;
      last.days++;
    } else {
      runs.push({ from: s.date, to: s.date, reason: s.reason, ...(s.name ? { name: s.name } : {}), days: 1 });
    }
  }
  return runs;
}

/** chinese-days names a holiday "National Day,国庆节,3": the name in the reader's language. */
export function holidayName(name: string | undefined, lang: string): string {
  if (!name) return '';
  const parts = name.split(',');
  if (parts.length < 2) return name;
  return lang === 'en' ? parts[0] : parts[1];
}

/** Leaders typed as one line: split on the usual separators (、，, ; and new lines). */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
