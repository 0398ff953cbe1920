import type { ProposalStage } from '../proposal';
import type { Deadline, DeadlineKind, HandlingState, ReplyTrack } from './handling-state';

const TRACK_ORDER: ReplyTrack['status'][] = ['drafting', 'review', 'sign-off', 'dispatch', 'feedback', 'done'];

/**
 * The proposal's stage follows from its state: the least advanced reply decides, and
 * outstanding co-handling opinions hold a lead-mode proposal in consultation.
 */
export function deriveStage(state: HandlingState): ProposalStage {
  if (!state.review) return 'registered';
  if (state.review.decision === 'merge') return 'merged';
  if (state.review.decision === 'convert') return 'converted';
  if (!state.assignment) return 'assignment';
  if (state.closedAt) return 'closed';
  const tracks = Object.values(state.tracks);
  const least = tracks.reduce<ReplyTrack | undefined>(
    (min, t) => (!min || TRACK_ORDER.indexOf(t.status) < TRACK_ORDER.indexOf(min.status) ? t : min),
    undefined,
  );
  if (!least) return 'assignment';
  const pendingOpinion = Object.values(state.opinions).some((o) => o.status === 'pending' || o.status === 'returned');
  switch (least.status) {
    case 'drafting':
      if (pendingOpinion) return 'consultation';
      return least.round > 1 ? 're-handling' : 'drafting';
    case 'review':
    case 'sign-off':
      return pendingOpinion ? 'consultation' : least.status;
    case 'dispatch':
    case 'feedback':
      return least.status;
    case 'done': {
      const followUpDue = tracks.some((t) => t.followUp && !t.followUp.reportedAt);
      return followUpDue ? 'follow-up' : 'publication';
    }
  }
}

export const TASK_KINDS = [
  'review-registration',
  'assign',
  'decide-objection',
  'decide-extension',
  'opinion',
  'contact',
  'draft',
  'review-draft',
  'sign-off',
  'dispatch',
  'record-feedback',
  'follow-up',
  'publish',
] as const;

export type TaskKind = (typeof TASK_KINDS)[number];

/** Something a unit must do now: the rows of the task inbox. */
export interface OpenTask {
  /** Stable while the task is open: `{proposalId}/{kind}/{unitId}[/{round or id}]`. */
  id: string;
  kind: TaskKind;
  unitId: string;
  deadlineKey?: string;
  dueAt?: string;
  round?: number;
}

export function openTasks(state: HandlingState): OpenTask[] {
  const s = state.settings;
  const tasks: OpenTask[] = [];
  const deadline = (kind: DeadlineKind, unitId: string): Partial<OpenTask> => {
    const d: Deadline | undefined = state.deadlines[`${kind}:${unitId}`];
    return d && d.status !== 'cancelled' ? { deadlineKey: d.key, ...(d.dueAt ? { dueAt: d.dueAt } : {}) } : {};
  };
  const add = (kind: TaskKind, unitId: string, extra: Partial<OpenTask> = {}, suffix = '') =>
    tasks.push({ id: `${state.proposalId}/${kind}/${unitId}${suffix}`, kind, unitId, ...extra });

  if (state.closedAt) return tasks;
  if (!state.review) {
    add('review-registration', s.registrationUnitId);
    return tasks;
  }
  if (!state.assignment) {
    add('assign', s.assigningUnitId);
    return tasks;
  }
  // The office's decision deadline, where the request has one (since `office-decision-deadlines`).
  const decision = (key: string): Partial<OpenTask> => {
    const d: Deadline | undefined = state.deadlines[key];
    return d ? { deadlineKey: d.key, ...(d.dueAt ? { dueAt: d.dueAt } : {}) } : {};
  };
  for (const o of state.objections)
    if (o.status === 'pending')
      add('decide-objection', s.assigningUnitId, decision(`decision:objection-${o.id}`), `/${o.id}`);
  for (const e of state.extensions)
    if (e.status === 'pending')
      add('decide-extension', s.assigningUnitId, decision(`decision:extension-${e.id}`), `/${e.id}`);
  for (const o of Object.values(state.opinions)) {
    if (o.status === 'pending' || o.status === 'returned') add('opinion', o.unitId, deadline('opinion', o.unitId));
  }
  for (const t of Object.values(state.tracks)) {
    const round = { round: t.round };
    const suffix = `/${t.round}`;
    if (t.contacts === 0 && t.status !== 'done' && state.deadlines[`contact:${t.unitId}`]?.status === 'running') {
      add('contact', t.unitId, deadline('contact', t.unitId));
    }
    const reply = deadline('reply', t.unitId);
    if (t.status === 'drafting') add('draft', t.unitId, { ...reply, ...round }, suffix);
    if (t.status === 'review') add('review-draft', t.unitId, { ...reply, ...round }, suffix);
    if (t.status === 'sign-off') add('sign-off', t.unitId, { ...reply, ...round }, suffix);
    if (t.status === 'dispatch') add('dispatch', t.unitId, round, suffix);
    if (t.status === 'feedback')
      add(
        'record-feedback',
        s.assigningUnitId,
        { ...deadline('feedback', t.unitId), ...round },
        `/${t.unitId}${suffix}`,
      );
    if (t.followUp && !t.followUp.reportedAt) add('follow-up', t.unitId, deadline('follow-up', t.unitId));
    const publication = state.deadlines[`publication:${t.unitId}`];
    if (publication && (publication.status === 'running' || publication.status === 'planning') && !t.publishedAt) {
      add('publish', t.unitId, deadline('publication', t.unitId));
    }
  }
  return tasks;
}
