import type { DeadlineRule } from '../../calendar/deadline';
import { DEFAULT_DEADLINE_POLICY } from '../../deadline-policy/deadline-policy';
import { DomainError, ErrorCode, ErrorDetail } from '../../domain-error';
import { HANDLING_ACTION_ROLES, HandlingActionName } from '../actions/action-roles';
import { Actor, hasRole, Role } from '../actor';
import { ADOPTIONS, PointAnswer } from '../handling-commands';
import type {
  Deadline,
  DeadlineKind,
  DeadlinePlan,
  HandlingSettings,
  HandlingState,
  ReplyTrack,
} from '../handling-state';
import type { EventDataOf, ProposalEventOf, ProposalEventType } from '../handling-events';
import { deriveStage } from '../handling-stage';

/*
 * What the rules of every stage share: coded refusals, the audit record, the step that ends
 * every change, and the deadline book-keeping. Internal to the rules: only TEXT_LIMITS,
 * deadlineKey and isPast are exported from the library.
 */

export const TEXT_LIMITS = { reason: 2_000, text: 20_000, summary: 5_000, name: 50 } as const;

export function fail(code: ErrorCode, message: string, details: ErrorDetail[] = []): never {
  throw new DomainError(code, message, details);
}

function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) fail('ROLE_REQUIRED', `This action needs the role ${roles.join(' or ')}`);
}

/** The first thing every action checks: the roles the actions table lists for it. */
export function requireActionRole(actor: Actor, action: HandlingActionName): void {
  requireRole(actor, ...HANDLING_ACTION_ROLES[action]);
}

export function requireText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    fail('VALIDATION_FAILED', `${field} is required (at most ${max} characters)`, [
      { field, message: `is required, at most ${max} characters` },
    ]);
  }
}

export function optionalText(value: unknown, field: string, max: number): void {
  if (value !== undefined && (typeof value !== 'string' || value.length > max)) {
    fail('VALIDATION_FAILED', `${field} must be text of at most ${max} characters`, [
      { field, message: `at most ${max} characters` },
    ]);
  }
}

export function requireStage(state: HandlingState, ...stages: HandlingState['stage'][]): void {
  if (!stages.includes(state.stage)) {
    fail('WRONG_STAGE', `Not possible while the proposal is at stage ${state.stage}`);
  }
}

/** Records an audit event; the compiler checks `data` against the shape of its type. */
export function record<T extends ProposalEventType>(
  state: HandlingState,
  type: T,
  at: string,
  actor: Actor | undefined,
  data: EventDataOf<T>,
  unitId?: string,
): ProposalEventOf<T> {
  // TypeScript does not narrow the conditional ProposalEventOf<T> for a generic T; the fields
  // are those of every member, and `data` is the member's own.
  const event = {
    seq: state.nextEventSeq++,
    type,
    at,
    ...(actor ? { actor: { userId: actor.userId, unitId: actor.unitId } } : {}),
    ...(unitId ? { unitId } : {}),
    data,
  } as ProposalEventOf<T>;
  state.pendingEvents.push(event);
  return event;
}

/** Every change ends here: the stage follows from the state, the version moves on. */
export function changed(state: HandlingState): void {
  state.stage = deriveStage(state);
  state.version++;
}

export function deadlineKey(kind: DeadlineKind, unitId: string): string {
  return `${kind}:${unitId}`;
}

export function planDeadline(state: HandlingState, kind: DeadlineKind, unitId: string, plan: DeadlinePlan): void {
  const key = deadlineKey(kind, unitId);
  state.deadlines[key] = {
    key,
    kind,
    unitId,
    plan,
    status: 'planning',
    reminderAt: [],
    remindersSent: 0,
    escalations: 0,
  };
}

export function ruleFor(settings: HandlingSettings, kind: Exclude<DeadlineKind, 'limit'>): DeadlineRule {
  const p = settings.policy;
  switch (kind) {
    case 'objection':
      return p.objection;
    case 'opinion':
      return p.opinion;
    case 'contact':
      return p.contact;
    case 'reply':
      return p.reply;
    case 'feedback':
      return p.feedback;
    case 'follow-up':
      return p.followUp;
    case 'publication':
      return p.publication;
    case 'decision':
      // Policies of proposals registered before this rule existed have none: the default.
      return p.decision ?? DEFAULT_DEADLINE_POLICY.decision;
  }
}

/** What the assigning office decides on: an objection or an extension request. */
export type DecisionRequest = 'objection' | 'extension';

/** The key of the office's deadline to decide a request: `decision:objection-1`, `decision:extension-2`. */
export function decisionKey(request: DecisionRequest, id: number): string {
  return `decision:${request}-${id}`;
}

/**
 * Starts the office's deadline to decide a request (since the workflow's patch
 * `office-decision-deadlines`): held by the assigning office, it reminds and escalates like
 * any deadline.
 */
export function startDecisionDeadline(state: HandlingState, request: DecisionRequest, id: number, now: string): void {
  if (!state.decisionDeadlines) return;
  const key = decisionKey(request, id);
  state.deadlines[key] = {
    key,
    kind: 'decision',
    unitId: state.settings.assigningUnitId,
    plan: { start: now, rule: ruleFor(state.settings, 'decision') },
    status: 'planning',
    reminderAt: [],
    remindersSent: 0,
    escalations: 0,
  };
}

/** The request is decided: its deadline is met. */
export function meetDecisionDeadline(state: HandlingState, request: DecisionRequest, id: number, now: string): void {
  const d = state.deadlines[decisionKey(request, id)];
  if (d && (d.status === 'running' || d.status === 'planning')) {
    d.status = 'met';
    d.metAt = now;
  }
}

export function startDeadline(
  state: HandlingState,
  kind: Exclude<DeadlineKind, 'limit'>,
  unitId: string,
  now: string,
): void {
  planDeadline(state, kind, unitId, { start: now, rule: ruleFor(state.settings, kind) });
}

export function meetDeadline(state: HandlingState, kind: DeadlineKind, unitId: string, now: string): void {
  const d = state.deadlines[deadlineKey(kind, unitId)];
  if (d && (d.status === 'running' || d.status === 'planning')) {
    d.status = 'met';
    d.metAt = now;
  }
}

export function cancelDeadline(state: HandlingState, kind: DeadlineKind, unitId: string): void {
  const d = state.deadlines[deadlineKey(kind, unitId)];
  if (d && (d.status === 'running' || d.status === 'planning')) d.status = 'cancelled';
}

/** A deadline whose day has ended; one still being planned has not. */
export function isPast(d: Deadline | undefined, now: string): boolean {
  return !!d?.dueAt && d.status !== 'cancelled' && now > d.dueAt;
}

export function isAssigned(state: HandlingState, unitId: string): boolean {
  const a = state.assignment;
  return !!a && (a.replyingUnitIds.includes(unitId) || a.coHandlerUnitIds.includes(unitId));
}

export function trackOf(state: HandlingState, actor: Actor): ReplyTrack {
  const track = state.tracks[actor.unitId];
  if (!track) fail('NOT_ASSIGNED', 'Your unit does not write a reply to this proposal');
  return track;
}

export function trackFor(state: HandlingState, unitId: string): ReplyTrack {
  const track = state.tracks[unitId];
  if (!track) fail('NOT_ASSIGNED', `Unit ${unitId} does not write a reply to this proposal`);
  return track;
}

export function requireTrackStatus(track: ReplyTrack, ...statuses: ReplyTrack['status'][]): void {
  if (!statuses.includes(track.status)) {
    fail('WRONG_STAGE', `Not possible while this reply is at ${track.status}`);
  }
}

export function newTrack(unitId: string): ReplyTrack {
  return {
    unitId,
    status: 'drafting',
    round: 1,
    draftVersion: 0,
    sendBacks: 0,
    feedback: {},
    contacts: 0,
    history: [],
  };
}

export function checkPoints(
  state: HandlingState,
  points: PointAnswer[] | undefined,
  field: string,
  requireAll: boolean,
  textOptional = false,
): void {
  if (!Array.isArray(points) || points.length === 0) {
    fail('VALIDATION_FAILED', `${field} must answer at least one suggestion point`, [
      { field, message: 'is required' },
    ]);
  }
  const seen = new Set<number>();
  points.forEach((p, i) => {
    if (!Number.isInteger(p?.seq) || p.seq < 1 || p.seq > state.suggestionPointCount || seen.has(p.seq)) {
      fail('VALIDATION_FAILED', `${field}[${i}].seq must name a suggestion point once`, [
        { field: `${field}[${i}].seq`, message: `must be 1-${state.suggestionPointCount}, each once` },
      ]);
    }
    seen.add(p.seq);
    if (!(ADOPTIONS as readonly string[]).includes(p.adoption)) {
      fail('VALIDATION_FAILED', `${field}[${i}].adoption is not an adoption status`, [
        { field: `${field}[${i}].adoption`, message: `must be one of ${ADOPTIONS.join(', ')}` },
      ]);
    }
    if (textOptional) optionalText(p.text, `${field}[${i}].text`, TEXT_LIMITS.text);
    else requireText(p.text, `${field}[${i}].text`, TEXT_LIMITS.text);
  });
  if (requireAll && seen.size !== state.suggestionPointCount) {
    fail('VALIDATION_FAILED', `The reply must answer every suggestion point (${state.suggestionPointCount})`, [
      { field, message: `must answer all ${state.suggestionPointCount} suggestion points` },
    ]);
  }
}

export function leadTrack(state: HandlingState): ReplyTrack | undefined {
  const a = state.assignment;
  return a?.mode === 'lead' ? state.tracks[a.replyingUnitIds[0]] : undefined;
}
