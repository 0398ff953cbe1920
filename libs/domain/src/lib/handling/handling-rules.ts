import { isIsoDate, toShanghaiDate } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import { DomainError, ErrorCode, ErrorDetail } from '../domain-error';
import type { DeadlineRule } from '../calendar/deadline';
import { Actor, hasRole, Role } from './actor';
import { contentKey } from './content-key';
import {
  ADOPTIONS,
  AssignInput,
  CONTACT_METHODS,
  ConfirmPublicationInput,
  DecideExtensionInput,
  DecideObjectionInput,
  MarkKeyInput,
  ObjectInput,
  PointAnswer,
  RecordContactInput,
  RecordFeedbackInput,
  ReportFollowUpInput,
  ReturnOpinionInput,
  ReviewDraftInput,
  ReviewInput,
  SignOffInput,
  SubmitDraftInput,
  SubmitOpinionInput,
  WaiveOpinionInput,
  RequestExtensionInput,
  SendReminderInput,
} from './handling-commands';
import {
  Deadline,
  DeadlineKind,
  DeadlinePlan,
  DISCLOSURES,
  HandlingSettings,
  HandlingState,
  ProposalEvent,
  ProposalEventType,
  RATINGS,
  ReplyTrack,
  SignedReply,
} from './handling-state';
import { deriveStage, openTasks } from './handling-stage';

/*
 * The rules of handling a proposal, as pure functions over HandlingState. Each action has a
 * `check…` (throws a DomainError and changes nothing: the workflow's update validators call
 * it, so a rejected action never reaches history) and an `apply…` that changes the state and
 * records an event. The workflow only orchestrates: timers, activities, projection.
 */

export const TEXT_LIMITS = { reason: 2_000, text: 20_000, summary: 5_000, name: 50 } as const;

function fail(code: ErrorCode, message: string, details: ErrorDetail[] = []): never {
  throw new DomainError(code, message, details);
}

function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) fail('ROLE_REQUIRED', `This action needs the role ${roles.join(' or ')}`);
}

function requireText(value: unknown, field: string, max: number): void {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    fail('VALIDATION_FAILED', `${field} is required (at most ${max} characters)`, [
      { field, message: `is required, at most ${max} characters` },
    ]);
  }
}

function optionalText(value: unknown, field: string, max: number): void {
  if (value !== undefined && (typeof value !== 'string' || value.length > max)) {
    fail('VALIDATION_FAILED', `${field} must be text of at most ${max} characters`, [
      { field, message: `at most ${max} characters` },
    ]);
  }
}

function requireStage(state: HandlingState, ...stages: HandlingState['stage'][]): void {
  if (!stages.includes(state.stage)) {
    fail('WRONG_STAGE', `Not possible while the proposal is at stage ${state.stage}`);
  }
}

function record(
  state: HandlingState,
  type: ProposalEventType,
  at: string,
  actor: Actor | undefined,
  data: Record<string, unknown> = {},
  unitId?: string,
): ProposalEvent {
  // Loosely typed until record() takes each type's own data (the union in handling-events.ts).
  const event = {
    seq: state.nextEventSeq++,
    type,
    at,
    ...(actor ? { actor: { userId: actor.userId, unitId: actor.unitId } } : {}),
    ...(unitId ? { unitId } : {}),
    data,
  } as ProposalEvent;
  state.pendingEvents.push(event);
  return event;
}

/** Every change ends here: the stage follows from the state, the version moves on. */
function changed(state: HandlingState): void {
  state.stage = deriveStage(state);
  state.version++;
}

export function deadlineKey(kind: DeadlineKind, unitId: string): string {
  return `${kind}:${unitId}`;
}

function planDeadline(state: HandlingState, kind: DeadlineKind, unitId: string, plan: DeadlinePlan): void {
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

function ruleFor(settings: HandlingSettings, kind: Exclude<DeadlineKind, 'limit'>): DeadlineRule {
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
  }
}

function startDeadline(state: HandlingState, kind: Exclude<DeadlineKind, 'limit'>, unitId: string, now: string): void {
  planDeadline(state, kind, unitId, { start: now, rule: ruleFor(state.settings, kind) });
}

function meetDeadline(state: HandlingState, kind: DeadlineKind, unitId: string, now: string): void {
  const d = state.deadlines[deadlineKey(kind, unitId)];
  if (d && (d.status === 'running' || d.status === 'planning')) {
    d.status = 'met';
    d.metAt = now;
  }
}

function cancelDeadline(state: HandlingState, kind: DeadlineKind, unitId: string): void {
  const d = state.deadlines[deadlineKey(kind, unitId)];
  if (d && (d.status === 'running' || d.status === 'planning')) d.status = 'cancelled';
}

/** A deadline whose day has ended; one still being planned has not. */
export function isPast(d: Deadline | undefined, now: string): boolean {
  return !!d?.dueAt && d.status !== 'cancelled' && now > d.dueAt;
}

function isAssigned(state: HandlingState, unitId: string): boolean {
  const a = state.assignment;
  return !!a && (a.replyingUnitIds.includes(unitId) || a.coHandlerUnitIds.includes(unitId));
}

function trackOf(state: HandlingState, actor: Actor): ReplyTrack {
  const track = state.tracks[actor.unitId];
  if (!track) fail('NOT_ASSIGNED', 'Your unit does not write a reply to this proposal');
  return track;
}

function trackFor(state: HandlingState, unitId: string): ReplyTrack {
  const track = state.tracks[unitId];
  if (!track) fail('NOT_ASSIGNED', `Unit ${unitId} does not write a reply to this proposal`);
  return track;
}

function requireTrackStatus(track: ReplyTrack, ...statuses: ReplyTrack['status'][]): void {
  if (!statuses.includes(track.status)) {
    fail('WRONG_STAGE', `Not possible while this reply is at ${track.status}`);
  }
}

function newTrack(unitId: string): ReplyTrack {
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

function checkPoints(
  state: HandlingState,
  points: PointAnswer[] | undefined,
  field: string,
  requireAll: boolean,
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
    requireText(p.text, `${field}[${i}].text`, TEXT_LIMITS.text);
  });
  if (requireAll && seen.size !== state.suggestionPointCount) {
    fail('VALIDATION_FAILED', `The reply must answer every suggestion point (${state.suggestionPointCount})`, [
      { field, message: `must answer all ${state.suggestionPointCount} suggestion points` },
    ]);
  }
}

// ---------------------------------------------------------------- review (立案 / 并案 / 转)

export function checkReview(state: HandlingState, actor: Actor, input: ReviewInput): void {
  requireRole(actor, 'registrar');
  if (actor.unitId !== state.settings.registrationUnitId)
    fail('NOT_ASSIGNED', 'Only the proposal committee reviews proposals');
  requireStage(state, 'registered');
  if (!['accept', 'merge', 'convert'].includes(input?.decision)) {
    fail('VALIDATION_FAILED', 'decision must be accept, merge or convert', [
      { field: 'decision', message: 'accept | merge | convert' },
    ]);
  }
  optionalText(input.reason, 'reason', TEXT_LIMITS.reason);
  if (input.decision === 'merge') requireText(input.mergedInto, 'mergedInto', 80);
  if (input.decision !== 'accept') requireText(input.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyReview(state: HandlingState, actor: Actor, input: ReviewInput, now: string): void {
  state.review = {
    decision: input.decision,
    at: now,
    by: actor.userId,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.mergedInto ? { mergedInto: input.mergedInto } : {}),
  };
  if (input.decision !== 'accept') state.closedAt = now;
  record(state, 'reviewed', now, actor, {
    decision: input.decision,
    reason: input.reason,
    mergedInto: input.mergedInto,
  });
  changed(state);
}

// ---------------------------------------------------------------- assignment (交办)

function assignedUnits(input: AssignInput): { replying: string[]; coHandlers: string[] } {
  if (input.mode === 'lead') return { replying: [input.leadUnitId ?? ''], coHandlers: input.coHandlerUnitIds ?? [] };
  return { replying: input.unitIds ?? [], coHandlers: [] };
}

export function checkAssign(state: HandlingState, actor: Actor, input: AssignInput): void {
  requireRole(actor, 'assigning-officer');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Only the assigning office assigns proposals');
  requireStage(state, 'assignment');
  const problems: ErrorDetail[] = [];
  if (!['lead', 'split', 'single'].includes(input?.mode))
    problems.push({ field: 'mode', message: 'lead | split | single' });
  const { replying, coHandlers } = assignedUnits(input ?? { mode: 'single' });
  const all = [...replying, ...coHandlers];
  if (all.some((u) => typeof u !== 'string' || u.trim() === '' || u.length > 64)) {
    problems.push({ field: 'units', message: 'unit ids must be non-empty' });
  }
  if (new Set(all).size !== all.length) problems.push({ field: 'units', message: 'a unit may appear only once' });
  if (all.includes(state.settings.assigningUnitId))
    problems.push({ field: 'units', message: 'the assigning office cannot handle proposals' });
  if (input?.mode === 'lead' && coHandlers.length === 0) {
    problems.push({
      field: 'coHandlerUnitIds',
      message: 'lead mode needs at least one co-handling unit (else: single)',
    });
  }
  if (input?.mode === 'split' && replying.length < 2)
    problems.push({ field: 'unitIds', message: 'split mode needs at least two units' });
  if (input?.mode === 'single' && replying.length !== 1)
    problems.push({ field: 'unitIds', message: 'single mode needs exactly one unit' });
  if (all.length > 30) problems.push({ field: 'units', message: 'at most 30 units' });
  if (problems.length) fail('VALIDATION_FAILED', 'The assignment is invalid', problems);
}

export function applyAssign(state: HandlingState, actor: Actor, input: AssignInput, now: string): void {
  const { replying, coHandlers } = assignedUnits(input);
  state.assignment = { mode: input.mode, replyingUnitIds: replying, coHandlerUnitIds: coHandlers, assignedAt: now };
  for (const unitId of replying) startReplyingUnit(state, unitId, now);
  for (const unitId of coHandlers) startCoHandler(state, unitId, now);
  for (const unitId of replying) {
    planDeadline(state, 'limit', unitId, { start: now, rule: state.settings.policy.maxTotalWithExtensions });
  }
  record(state, 'assigned', now, actor, { mode: input.mode, replyingUnitIds: replying, coHandlerUnitIds: coHandlers });
  changed(state);
}

function startReplyingUnit(state: HandlingState, unitId: string, now: string): void {
  state.tracks[unitId] = newTrack(unitId);
  startDeadline(state, 'objection', unitId, now);
  startDeadline(state, 'contact', unitId, now);
  startDeadline(state, 'reply', unitId, now);
}

function startCoHandler(state: HandlingState, unitId: string, now: string): void {
  state.opinions[unitId] = { unitId, status: 'pending', version: 0 };
  startDeadline(state, 'objection', unitId, now);
  startDeadline(state, 'opinion', unitId, now);
}

// ---------------------------------------------------------------- objections (申请调整)

export function checkObject(state: HandlingState, actor: Actor, input: ObjectInput, now: string): void {
  requireRole(actor, 'handler', 'co-handler');
  if (!isAssigned(state, actor.unitId)) fail('NOT_ASSIGNED', 'Your unit is not assigned to this proposal');
  requireText(input?.reason, 'reason', TEXT_LIMITS.reason);
  const window = state.deadlines[deadlineKey('objection', actor.unitId)];
  if (!window || window.status === 'cancelled' || isPast(window, now)) {
    fail('DEADLINE_PASSED', 'The objection window has closed: the assignment stands');
  }
  if (state.objections.some((o) => o.unitId === actor.unitId && o.status === 'pending')) {
    fail('ALREADY_DONE', 'Your unit already has an objection waiting for a decision');
  }
}

export function applyObject(state: HandlingState, actor: Actor, input: ObjectInput, now: string): number {
  const id = state.objections.length + 1;
  state.objections.push({
    id,
    unitId: actor.unitId,
    reason: input.reason,
    raisedAt: now,
    raisedBy: actor.userId,
    status: 'pending',
  });
  record(state, 'objection-raised', now, actor, { objectionId: id, reason: input.reason }, actor.unitId);
  changed(state);
  return id;
}

export function checkDecideObjection(state: HandlingState, actor: Actor, input: DecideObjectionInput): void {
  requireRole(actor, 'assigning-officer');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Only the assigning office decides objections');
  const objection = state.objections.find((o) => o.id === input?.objectionId);
  if (!objection) fail('VALIDATION_FAILED', 'No such objection', [{ field: 'objectionId', message: 'unknown' }]);
  if (objection.status !== 'pending') fail('ALREADY_DONE', 'This objection was already decided');
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
  if (input.decision === 'reassign') {
    const r = input.replacementUnitId;
    requireText(r, 'replacementUnitId', 64);
    if (isAssigned(state, r as string) || r === state.settings.assigningUnitId) {
      fail('VALIDATION_FAILED', 'The replacement unit is already assigned', [
        { field: 'replacementUnitId', message: 'already assigned' },
      ]);
    }
    // A co-handler is replaced only while consultation is open: after sign-off its
    // replacement could never give (nor be waived) an opinion.
    const track = state.tracks[objection.unitId] ?? leadTrack(state);
    if (track && (track.signed || track.signing)) fail('WRONG_STAGE', 'The reply is already signed');
  } else if (input.decision !== 'reject') {
    fail('VALIDATION_FAILED', 'decision must be reject or reassign', [
      { field: 'decision', message: 'reject | reassign' },
    ]);
  }
}

/** Reassignment hands the objecting unit's part to another unit, whose clocks start now. */
export function applyDecideObjection(
  state: HandlingState,
  actor: Actor,
  input: DecideObjectionInput,
  now: string,
): void {
  const objection = state.objections.find((o) => o.id === input.objectionId) as HandlingState['objections'][number];
  const from = objection.unitId;
  objection.status = input.decision === 'reject' ? 'rejected' : 'reassigned';
  objection.decision = {
    at: now,
    by: actor.userId,
    reason: input.reason,
    ...(input.replacementUnitId ? { replacementUnitId: input.replacementUnitId } : {}),
  };
  if (input.decision === 'reassign') {
    const to = input.replacementUnitId as string;
    const a = state.assignment as NonNullable<HandlingState['assignment']>;
    for (const kind of ['objection', 'opinion', 'contact', 'reply', 'limit'] as const)
      cancelDeadline(state, kind, from);
    if (a.replyingUnitIds.includes(from)) {
      a.replyingUnitIds = a.replyingUnitIds.map((u) => (u === from ? to : u));
      delete state.tracks[from];
      startReplyingUnit(state, to, now);
      planDeadline(state, 'limit', to, { start: now, rule: state.settings.policy.maxTotalWithExtensions });
    } else {
      a.coHandlerUnitIds = a.coHandlerUnitIds.map((u) => (u === from ? to : u));
      delete state.opinions[from];
      startCoHandler(state, to, now);
    }
  }
  record(
    state,
    'objection-decided',
    now,
    actor,
    {
      objectionId: objection.id,
      decision: input.decision,
      reason: input.reason,
      replacementUnitId: input.replacementUnitId,
    },
    from,
  );
  changed(state);
}

// ---------------------------------------------------------------- consultation (会办)

function leadTrack(state: HandlingState): ReplyTrack | undefined {
  const a = state.assignment;
  return a?.mode === 'lead' ? state.tracks[a.replyingUnitIds[0]] : undefined;
}

function requireConsultationOpen(state: HandlingState): void {
  const lead = leadTrack(state);
  if (!lead) fail('WRONG_STAGE', 'This proposal has no consultation');
  if (lead.signed || lead.signing) fail('WRONG_STAGE', 'The reply is already signed; consultation is over');
}

export function checkSubmitOpinion(state: HandlingState, actor: Actor, input: SubmitOpinionInput): void {
  requireRole(actor, 'co-handler');
  const opinion = state.opinions[actor.unitId];
  if (!opinion) fail('NOT_ASSIGNED', 'Your unit is not a co-handling unit of this proposal');
  requireConsultationOpen(state);
  if (opinion.status === 'waived') fail('ALREADY_DONE', 'Your opinion was waived by a supervisor');
  checkPoints(state, input?.points, 'points', false);
  optionalText(input.summary, 'summary', TEXT_LIMITS.summary);
  // A revision changes something: the same opinion again (a double submit, the same form sent
  // from two tabs) is refused rather than recorded as a new version.
  if (opinion.status === 'submitted' && opinion.contentKey === opinionContentKey(input)) {
    fail('ALREADY_DONE', 'This opinion is already submitted as it stands; change it to revise it');
  }
}

function opinionContentKey(input: SubmitOpinionInput): string {
  return contentKey({
    points: [...input.points].sort((a, b) => a.seq - b.seq).map((p) => [p.seq, p.adoption, p.text]),
    summary: input.summary ?? null,
  });
}

export function applySubmitOpinion(state: HandlingState, actor: Actor, input: SubmitOpinionInput, now: string): void {
  const opinion = state.opinions[actor.unitId];
  opinion.status = 'submitted';
  opinion.version++;
  opinion.submittedAt = now;
  opinion.contentKey = opinionContentKey(input);
  delete opinion.returnReason;
  meetDeadline(state, 'opinion', actor.unitId, now);
  record(
    state,
    'opinion-submitted',
    now,
    actor,
    { version: opinion.version, points: input.points, summary: input.summary },
    actor.unitId,
  );
  changed(state);
}

export function checkReturnOpinion(state: HandlingState, actor: Actor, input: ReturnOpinionInput): void {
  requireRole(actor, 'handler');
  const lead = leadTrack(state);
  if (!lead || lead.unitId !== actor.unitId) fail('NOT_ASSIGNED', 'Only the lead unit returns opinions');
  requireConsultationOpen(state);
  const opinion = state.opinions[input?.unitId];
  if (!opinion)
    fail('VALIDATION_FAILED', 'No opinion from that unit', [{ field: 'unitId', message: 'not a co-handling unit' }]);
  if (opinion.status !== 'submitted') fail('WRONG_STAGE', 'Only a submitted opinion can be returned for revision');
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyReturnOpinion(state: HandlingState, actor: Actor, input: ReturnOpinionInput, now: string): void {
  const opinion = state.opinions[input.unitId];
  opinion.status = 'returned';
  opinion.returnReason = input.reason;
  const d = state.deadlines[deadlineKey('opinion', input.unitId)];
  if (d && d.status === 'met') {
    d.status = 'running';
    delete d.metAt;
  }
  record(state, 'opinion-returned', now, actor, { reason: input.reason, version: opinion.version }, input.unitId);
  changed(state);
}

export function checkWaiveOpinion(state: HandlingState, actor: Actor, input: WaiveOpinionInput): void {
  requireRole(actor, 'supervisor');
  requireConsultationOpen(state);
  const opinion = state.opinions[input?.unitId];
  if (!opinion)
    fail('VALIDATION_FAILED', 'No opinion from that unit', [{ field: 'unitId', message: 'not a co-handling unit' }]);
  if (opinion.status === 'submitted' || opinion.status === 'waived')
    fail('ALREADY_DONE', 'That opinion is already in or waived');
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
}

export function applyWaiveOpinion(state: HandlingState, actor: Actor, input: WaiveOpinionInput, now: string): void {
  const opinion = state.opinions[input.unitId];
  opinion.status = 'waived';
  opinion.waiver = { reason: input.reason, by: actor.userId, at: now };
  cancelDeadline(state, 'opinion', input.unitId);
  record(state, 'opinion-waived', now, actor, { reason: input.reason }, input.unitId);
  changed(state);
}

// ---------------------------------------------------------------- proposer contact (沟通协商)

export function checkRecordContact(state: HandlingState, actor: Actor, input: RecordContactInput, now: string): void {
  requireRole(actor, 'handler');
  const track = trackOf(state, actor);
  if (track.status === 'done') fail('WRONG_STAGE', 'Handling of this reply is finished');
  if (!(CONTACT_METHODS as readonly string[]).includes(input?.method)) {
    fail('VALIDATION_FAILED', 'method is not a contact method', [
      { field: 'method', message: CONTACT_METHODS.join(' | ') },
    ]);
  }
  // Compared as instants: the input may carry an offset (+08:00), `now` is UTC.
  const contactedAt = typeof input.contactedAt === 'string' ? Date.parse(input.contactedAt) : NaN;
  if (Number.isNaN(contactedAt) || contactedAt > Date.parse(now)) {
    fail('VALIDATION_FAILED', 'contactedAt must be a past instant', [
      { field: 'contactedAt', message: 'ISO instant, not in the future' },
    ]);
  }
  requireText(input.summary, 'summary', TEXT_LIMITS.summary);
}

export function applyRecordContact(state: HandlingState, actor: Actor, input: RecordContactInput, now: string): void {
  const track = trackOf(state, actor);
  track.contacts++;
  meetDeadline(state, 'contact', actor.unitId, now);
  record(
    state,
    'contact-recorded',
    now,
    actor,
    { method: input.method, contactedAt: input.contactedAt, summary: input.summary },
    actor.unitId,
  );
  changed(state);
}

// ---------------------------------------------------------------- draft → review → sign-off

export function checkSubmitDraft(state: HandlingState, actor: Actor, input: SubmitDraftInput): void {
  requireRole(actor, 'handler');
  requireTrackStatus(trackOf(state, actor), 'drafting');
  checkDraftContent(state, input, true);
}

/** What a draft version must hold; a version sent for review must answer every point. */
function checkDraftContent(state: HandlingState, input: SubmitDraftInput, complete: boolean): void {
  if (!state.settings.replyClasses.includes(input?.replyClass)) {
    fail('VALIDATION_FAILED', 'replyClass is not a reply class', [
      { field: 'replyClass', message: state.settings.replyClasses.join(' | ') },
    ]);
  }
  if (!(DISCLOSURES as readonly string[]).includes(input.disclosure)) {
    fail('VALIDATION_FAILED', 'disclosure is not a disclosure value', [
      { field: 'disclosure', message: DISCLOSURES.join(' | ') },
    ]);
  }
  optionalText(input.summary, 'summary', TEXT_LIMITS.summary);
  checkPoints(state, input.sections, 'sections', complete);
  optionalText(input.topic, 'topic', 100);
  if (input.contact !== undefined) {
    requireText(input.contact?.name, 'contact.name', TEXT_LIMITS.name);
    requireText(input.contact?.phone, 'contact.phone', 40);
  }
  input.sections.forEach((sec, i) => {
    optionalText(sec.title, `sections[${i}].title`, 200);
    if (sec.measures !== undefined) {
      if (!Array.isArray(sec.measures) || sec.measures.length > 30) {
        fail('VALIDATION_FAILED', `sections[${i}].measures must be a list of at most 30`, [
          { field: `sections[${i}].measures`, message: 'at most 30 measures' },
        ]);
      }
      sec.measures.forEach((m, j) => requireText(m, `sections[${i}].measures[${j}]`, TEXT_LIMITS.text));
    }
  });
}

export function applySubmitDraft(state: HandlingState, actor: Actor, input: SubmitDraftInput, now: string): void {
  const track = recordDraftVersion(state, actor, input, now, 'draft-submitted');
  track.draft = {
    replyClass: input.replyClass,
    disclosure: input.disclosure,
    submittedAt: now,
    submittedBy: actor.userId,
  };
  track.status = 'review';
  changed(state);
}

/** Work in progress: a draft version kept without sending it for review; points may be missing. */
export function checkSaveDraft(state: HandlingState, actor: Actor, input: SubmitDraftInput): void {
  requireRole(actor, 'handler');
  requireTrackStatus(trackOf(state, actor), 'drafting');
  checkDraftContent(state, input, false);
}

export function applySaveDraft(state: HandlingState, actor: Actor, input: SubmitDraftInput, now: string): number {
  const track = recordDraftVersion(state, actor, input, now, 'draft-saved');
  changed(state);
  return track.draftVersion;
}

/** A new draft version of the actor's reply, its full content kept in the audit event. */
function recordDraftVersion(
  state: HandlingState,
  actor: Actor,
  input: SubmitDraftInput,
  now: string,
  type: 'draft-saved' | 'draft-submitted',
): ReplyTrack {
  const track = trackOf(state, actor);
  track.draftVersion++;
  record(
    state,
    type,
    now,
    actor,
    {
      round: track.round,
      draftVersion: track.draftVersion,
      replyClass: input.replyClass,
      disclosure: input.disclosure,
      summary: input.summary,
      sections: input.sections,
      topic: input.topic,
      contact: input.contact,
    },
    actor.unitId,
  );
  return track;
}

export function checkReviewDraft(state: HandlingState, actor: Actor, input: ReviewDraftInput): void {
  requireRole(actor, 'reviewer');
  const track = trackOf(state, actor);
  requireTrackStatus(track, 'review');
  if (input?.decision !== 'approve' && input?.decision !== 'send-back') {
    fail('VALIDATION_FAILED', 'decision must be approve or send-back', [
      { field: 'decision', message: 'approve | send-back' },
    ]);
  }
  if (input.decision === 'send-back') requireText(input.comment, 'comment', TEXT_LIMITS.reason);
  else optionalText(input.comment, 'comment', TEXT_LIMITS.reason);
}

export function applyReviewDraft(state: HandlingState, actor: Actor, input: ReviewDraftInput, now: string): void {
  const track = trackOf(state, actor);
  if (input.decision === 'approve') {
    track.status = 'sign-off';
    track.reviewedBy = actor.userId;
    record(
      state,
      'draft-reviewed',
      now,
      actor,
      { draftVersion: track.draftVersion, comment: input.comment },
      actor.unitId,
    );
  } else {
    sendBack(state, track, actor, 'review', input.comment as string, now);
  }
  changed(state);
}

function sendBack(
  state: HandlingState,
  track: ReplyTrack,
  actor: Actor,
  step: 'review' | 'sign-off',
  comment: string,
  now: string,
): void {
  track.status = 'drafting';
  track.sendBacks++;
  track.lastSendBack = { step, comment, by: actor.userId, at: now, draftVersion: track.draftVersion };
  record(state, 'draft-sent-back', now, actor, { step, comment, draftVersion: track.draftVersion }, track.unitId);
}

/** Opinions neither in nor waived: the reply cannot be signed while there are any. */
export function outstandingOpinions(state: HandlingState): string[] {
  return Object.values(state.opinions)
    .filter((o) => o.status === 'pending' || o.status === 'returned')
    .map((o) => o.unitId);
}

export function contactRequired(state: HandlingState): boolean {
  return state.settings.contactRequiredFor === 'all' || !!state.key;
}

export function checkSignOff(state: HandlingState, actor: Actor, input: SignOffInput): void {
  requireRole(actor, 'signer');
  const track = trackOf(state, actor);
  if (track.signing) fail('ALREADY_DONE', 'This reply is being signed');
  requireTrackStatus(track, 'sign-off');
  if (input?.decision === 'send-back') {
    requireText(input.comment, 'comment', TEXT_LIMITS.reason);
    return;
  }
  if (input?.decision !== 'sign') {
    fail('VALIDATION_FAILED', 'decision must be sign or send-back', [
      { field: 'decision', message: 'sign | send-back' },
    ]);
  }
  const missing = state.assignment?.mode === 'lead' ? outstandingOpinions(state) : [];
  if (missing.length > 0) {
    fail(
      'OPINIONS_OUTSTANDING',
      `Opinions neither in nor waived: ${missing.join(', ')}`,
      missing.map((u) => ({ field: 'opinions', message: u })),
    );
  }
  if (contactRequired(state) && track.contacts === 0) {
    fail('CONTACT_REQUIRED', 'Record a contact with the proposer before signing');
  }
}

/** First half of a sign-off: the reply is locked while its document number is allocated. */
export function beginSignOff(state: HandlingState, actor: Actor): void {
  trackOf(state, actor).signing = true;
}

export function applySignOff(state: HandlingState, actor: Actor, documentNumber: string, now: string): SignedReply {
  const track = trackOf(state, actor);
  const draft = track.draft as NonNullable<ReplyTrack['draft']>;
  const signed: SignedReply = {
    documentNumber,
    signedAt: now,
    signedBy: actor.userId,
    draftVersion: track.draftVersion,
    replyClass: draft.replyClass,
    disclosure: draft.disclosure,
  };
  track.signed = signed;
  track.signing = false;
  track.status = 'dispatch';
  meetDeadline(state, 'reply', actor.unitId, now);
  record(state, 'reply-signed', now, actor, { ...signed, round: track.round }, actor.unitId);
  changed(state);
  return signed;
}

export function abortSignOff(state: HandlingState, actor: Actor): void {
  const track = state.tracks[actor.unitId];
  if (track) track.signing = false;
}

export function applySendBackAtSignOff(state: HandlingState, actor: Actor, comment: string, now: string): void {
  sendBack(state, trackOf(state, actor), actor, 'sign-off', comment, now);
  changed(state);
}

// ---------------------------------------------------------------- dispatch, feedback, re-handling

export function checkDispatch(state: HandlingState, actor: Actor): void {
  requireRole(actor, 'handler');
  requireTrackStatus(trackOf(state, actor), 'dispatch');
}

export function applyDispatch(state: HandlingState, actor: Actor, now: string): void {
  const track = trackOf(state, actor);
  track.status = 'feedback';
  track.dispatchedAt = now;
  track.feedback = {};
  startDeadline(state, 'feedback', track.unitId, now);
  if (track.signed?.disclosure === 'publish' && !track.publishedAt)
    startDeadline(state, 'publication', track.unitId, now);
  const a = state.assignment as NonNullable<HandlingState['assignment']>;
  record(
    state,
    'reply-dispatched',
    now,
    actor,
    {
      round: track.round,
      documentNumber: track.signed?.documentNumber,
      recipients: state.proposers,
      copies: [state.settings.assigningUnitId, state.settings.registrationUnitId, ...a.coHandlerUnitIds],
    },
    track.unitId,
  );
  changed(state);
}

export function checkRecordFeedback(state: HandlingState, actor: Actor, input: RecordFeedbackInput): void {
  requireRole(actor, 'assigning-officer');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Feedback is entered by the assigning office');
  const track = trackFor(state, input?.unitId);
  requireTrackStatus(track, 'feedback');
  if (!state.proposers.includes(input.proposer)) {
    fail('VALIDATION_FAILED', 'Not a proposer of this proposal', [{ field: 'proposer', message: 'unknown proposer' }]);
  }
  if (track.feedback[input.proposer]) fail('ALREADY_DONE', 'This proposer has already rated this reply');
  if (!(RATINGS as readonly string[]).includes(input.rating)) {
    fail('VALIDATION_FAILED', 'rating is not a rating', [{ field: 'rating', message: RATINGS.join(' | ') }]);
  }
  optionalText(input.comment, 'comment', TEXT_LIMITS.reason);
}

export function applyRecordFeedback(state: HandlingState, actor: Actor, input: RecordFeedbackInput, now: string): void {
  const track = trackFor(state, input.unitId);
  track.feedback[input.proposer] = input.rating;
  record(
    state,
    'feedback-recorded',
    now,
    actor,
    { round: track.round, proposer: input.proposer, rating: input.rating, comment: input.comment },
    track.unitId,
  );
  if (state.proposers.every((p) => track.feedback[p])) closeFeedbackRound(state, track, now);
  changed(state);
}

/**
 * The end of a feedback round, when every proposer has rated or the window has passed. A
 * proposer who did not answer is "not rated", never satisfied. Any unsatisfied rating
 * re-opens handling with a new deadline.
 */
export function closeFeedbackRound(state: HandlingState, track: ReplyTrack, now: string): void {
  for (const p of state.proposers) track.feedback[p] ??= 'not-rated';
  meetDeadline(state, 'feedback', track.unitId, now);
  const unsatisfied = Object.values(track.feedback).includes('unsatisfied');
  record(
    state,
    'feedback-closed',
    now,
    undefined,
    { round: track.round, feedback: { ...track.feedback }, rehandling: unsatisfied },
    track.unitId,
  );
  const signed = track.signed as SignedReply;
  if (unsatisfied) {
    track.history.push(signed);
    track.round++;
    track.status = 'drafting';
    track.draftVersion = 0;
    delete track.draft;
    delete track.signed;
    delete track.reviewedBy;
    delete track.dispatchedAt;
    planDeadline(state, 'reply', track.unitId, { start: now, rule: state.settings.policy.rehandling });
    record(state, 'rehandling-opened', now, undefined, { round: track.round }, track.unitId);
  } else {
    track.status = 'done';
    if (state.settings.followUpClasses.includes(signed.replyClass) && !track.followUp) {
      track.followUp = { dueKey: deadlineKey('follow-up', track.unitId) };
      planDeadline(state, 'follow-up', track.unitId, { start: signed.signedAt, rule: state.settings.policy.followUp });
    }
  }
  closeIfDone(state, now);
}

/** The feedback window of a track has passed: whoever has not rated is "not rated". */
export function applyFeedbackWindowPassed(state: HandlingState, unitId: string, now: string): void {
  const track = state.tracks[unitId];
  if (!track || track.status !== 'feedback') return;
  closeFeedbackRound(state, track, now);
  changed(state);
}

// ---------------------------------------------------------------- follow-up, publication, close

export function checkReportFollowUp(state: HandlingState, actor: Actor, input: ReportFollowUpInput): void {
  requireRole(actor, 'handler');
  const track = trackOf(state, actor);
  if (!track.followUp) fail('WRONG_STAGE', 'No follow-up report is due for this reply');
  if (track.followUp.reportedAt) fail('ALREADY_DONE', 'The follow-up report was already given');
  requireText(input?.summary, 'summary', TEXT_LIMITS.text);
}

export function applyReportFollowUp(state: HandlingState, actor: Actor, input: ReportFollowUpInput, now: string): void {
  const track = trackOf(state, actor);
  (track.followUp as NonNullable<ReplyTrack['followUp']>).reportedAt = now;
  meetDeadline(state, 'follow-up', track.unitId, now);
  record(state, 'follow-up-reported', now, actor, { summary: input.summary }, track.unitId);
  closeIfDone(state, now);
  changed(state);
}

export function checkConfirmPublication(state: HandlingState, actor: Actor, input: ConfirmPublicationInput): void {
  requireRole(actor, 'handler');
  const track = trackOf(state, actor);
  const d = state.deadlines[deadlineKey('publication', actor.unitId)];
  if (!d || d.status === 'cancelled') fail('WRONG_STAGE', 'This reply is not to be published');
  if (track.publishedAt) fail('ALREADY_DONE', 'This reply is already published');
  optionalText(input?.location, 'location', 500);
}

export function applyConfirmPublication(
  state: HandlingState,
  actor: Actor,
  input: ConfirmPublicationInput,
  now: string,
): void {
  const track = trackOf(state, actor);
  track.publishedAt = now;
  meetDeadline(state, 'publication', track.unitId, now);
  record(
    state,
    'reply-published',
    now,
    actor,
    { location: input.location, documentNumber: track.signed?.documentNumber ?? track.history.at(-1)?.documentNumber },
    track.unitId,
  );
  closeIfDone(state, now);
  changed(state);
}

function trackFinished(state: HandlingState, t: ReplyTrack): boolean {
  const publication = state.deadlines[deadlineKey('publication', t.unitId)];
  const publicationDone = !publication || publication.status === 'met' || publication.status === 'cancelled';
  return t.status === 'done' && (!t.followUp || !!t.followUp.reportedAt) && publicationDone;
}

/** 办结: every reply accepted, follow-ups reported, publication done. */
function closeIfDone(state: HandlingState, now: string): void {
  const tracks = Object.values(state.tracks);
  if (state.closedAt || tracks.length === 0 || !tracks.every((t) => trackFinished(state, t))) return;
  state.closedAt = now;
  for (const d of Object.values(state.deadlines))
    if (d.status === 'running' || d.status === 'planning') d.status = 'cancelled';
  record(state, 'closed', now, undefined, {});
}

// ---------------------------------------------------------------- extensions (延期)

export function checkRequestExtension(
  state: HandlingState,
  actor: Actor,
  input: RequestExtensionInput,
  now: string,
): void {
  requireRole(actor, 'handler', 'co-handler');
  const d = state.deadlines[input?.deadlineKey];
  if (!d || d.kind === 'limit' || d.kind === 'objection' || d.kind === 'feedback') {
    fail('VALIDATION_FAILED', 'No such deadline to extend', [
      { field: 'deadlineKey', message: 'unknown or not extendable' },
    ]);
  }
  if (d.unitId !== actor.unitId) fail('NOT_ASSIGNED', 'Only the unit holding a deadline may ask to extend it');
  if (d.status !== 'running') fail('WRONG_STAGE', 'This deadline is not running');
  if (isPast(d, now)) fail('DEADLINE_PASSED', 'An extension must be requested before the deadline passes');
  if (!isIsoDate(input.requestedEndDate) || input.requestedEndDate <= (d.explanation?.endDate ?? '')) {
    fail('VALIDATION_FAILED', 'requestedEndDate must be a date after the current deadline', [
      { field: 'requestedEndDate', message: 'YYYY-MM-DD after the current end' },
    ]);
  }
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
  if (state.extensions.some((e) => e.deadlineKey === d.key && e.status === 'pending')) {
    fail('ALREADY_DONE', 'An extension of this deadline is already waiting for a decision');
  }
  checkWithinLimit(state, d, input.requestedEndDate);
}

function checkWithinLimit(state: HandlingState, d: Deadline, endDate: IsoDate): void {
  if (d.kind !== 'reply' && d.kind !== 'opinion' && d.kind !== 'contact') return;
  const replyingUnit = d.kind === 'opinion' ? state.assignment?.replyingUnitIds[0] : d.unitId;
  const limit = state.deadlines[deadlineKey('limit', replyingUnit ?? '')];
  if (limit?.explanation && endDate > limit.explanation.endDate) {
    fail('VALIDATION_FAILED', `Extensions may not go past ${limit.explanation.endDate} (the maximum from assignment)`, [
      { field: 'requestedEndDate', message: `at most ${limit.explanation.endDate}` },
    ]);
  }
}

export function applyRequestExtension(
  state: HandlingState,
  actor: Actor,
  input: RequestExtensionInput,
  now: string,
): number {
  const id = state.extensions.length + 1;
  state.extensions.push({
    id,
    deadlineKey: input.deadlineKey,
    unitId: actor.unitId,
    requestedEndDate: input.requestedEndDate,
    reason: input.reason,
    requestedAt: now,
    requestedBy: actor.userId,
    status: 'pending',
  });
  record(
    state,
    'extension-requested',
    now,
    actor,
    { extensionId: id, deadlineKey: input.deadlineKey, requestedEndDate: input.requestedEndDate, reason: input.reason },
    actor.unitId,
  );
  changed(state);
  return id;
}

export function checkDecideExtension(state: HandlingState, actor: Actor, input: DecideExtensionInput): void {
  requireRole(actor, 'assigning-officer');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Only the assigning office decides extensions');
  const ext = state.extensions.find((e) => e.id === input?.extensionId);
  if (!ext) fail('VALIDATION_FAILED', 'No such extension request', [{ field: 'extensionId', message: 'unknown' }]);
  if (ext.status !== 'pending') fail('ALREADY_DONE', 'This extension request was already decided');
  if (input.decision !== 'approve' && input.decision !== 'refuse') {
    fail('VALIDATION_FAILED', 'decision must be approve or refuse', [
      { field: 'decision', message: 'approve | refuse' },
    ]);
  }
  requireText(input.reason, 'reason', TEXT_LIMITS.reason);
  const d = state.deadlines[ext.deadlineKey];
  if (input.decision === 'approve') {
    if (!d || d.status !== 'running') fail('WRONG_STAGE', 'That deadline is no longer running');
    checkWithinLimit(state, d, ext.requestedEndDate);
  }
}

/** An approved extension moves the live deadline: the workflow re-plans it and its alarms. */
export function applyDecideExtension(
  state: HandlingState,
  actor: Actor,
  input: DecideExtensionInput,
  now: string,
): void {
  const ext = state.extensions.find((e) => e.id === input.extensionId) as HandlingState['extensions'][number];
  ext.status = input.decision === 'approve' ? 'approved' : 'refused';
  ext.decision = { at: now, by: actor.userId, reason: input.reason };
  if (input.decision === 'approve') {
    const d = state.deadlines[ext.deadlineKey];
    const fromDueAt = d.dueAt as string;
    d.plan = {
      start: d.plan.start,
      fixedEndDate: ext.requestedEndDate,
      note: `extended on ${toShanghaiDate(now)}: ${ext.reason}`,
    };
    d.status = 'planning';
    d.extension = { fromDueAt, reason: ext.reason, approvedAt: now, approvedBy: actor.userId };
    d.remindersSent = 0;
    d.escalations = 0;
    delete d.nextEscalationAt;
  }
  record(
    state,
    'extension-decided',
    now,
    actor,
    {
      extensionId: ext.id,
      deadlineKey: ext.deadlineKey,
      decision: input.decision,
      reason: input.reason,
      requestedEndDate: ext.requestedEndDate,
    },
    ext.unitId,
  );
  changed(state);
}

// ---------------------------------------------------------------- key proposals (重点提案)

export function checkMarkKey(state: HandlingState, actor: Actor, input: MarkKeyInput): void {
  requireRole(actor, 'supervisor', 'assigning-officer');
  if (state.closedAt) fail('WRONG_STAGE', 'The proposal is closed');
  if (!Array.isArray(input?.leaders) || input.leaders.length === 0 || input.leaders.length > 10) {
    fail('VALIDATION_FAILED', 'leaders must name 1-10 supervising leaders', [
      { field: 'leaders', message: '1-10 names' },
    ]);
  }
  input.leaders.forEach((l, i) => requireText(l, `leaders[${i}]`, TEXT_LIMITS.name));
}

export function applyMarkKey(state: HandlingState, actor: Actor, input: MarkKeyInput, now: string): void {
  state.key = { leaders: input.leaders, markedAt: now };
  record(state, 'key-proposal-marked', now, actor, { leaders: input.leaders });
  changed(state);
}

// ---------------------------------------------------------------- reminder notices (催办)

export function checkSendReminder(state: HandlingState, actor: Actor, input: SendReminderInput): void {
  requireRole(actor, 'supervisor', 'assigning-officer');
  if (state.closedAt) fail('WRONG_STAGE', 'The proposal is closed');
  if (typeof input?.unitId !== 'string' || !openTasks(state).some((t) => t.unitId === input.unitId)) {
    fail('VALIDATION_FAILED', 'That unit has no open task on this proposal', [
      { field: 'unitId', message: 'no open task' },
    ]);
  }
  optionalText(input.message, 'message', TEXT_LIMITS.reason);
}

/** Recorded as an audit event; the projection hands it to the notification outbox. */
export function applySendReminder(state: HandlingState, actor: Actor, input: SendReminderInput, now: string): void {
  const tasks = openTasks(state).filter((t) => t.unitId === input.unitId);
  record(
    state,
    'reminder-notice',
    now,
    actor,
    {
      message: input.message ?? null,
      tasks: tasks.map((t) => ({ kind: t.kind, deadlineKey: t.deadlineKey ?? null, dueAt: t.dueAt ?? null })),
    },
    input.unitId,
  );
  changed(state);
}

// ---------------------------------------------------------------- deadlines planned by the workflow

/** Deadlines waiting for their explanation from the calendar activity. */
export function deadlinesToPlan(state: HandlingState): Deadline[] {
  return Object.values(state.deadlines).filter((d) => d.status === 'planning');
}

export interface PlannedDeadline {
  key: string;
  explanation: NonNullable<Deadline['explanation']>;
  reminderAt: string[];
}

export function applyPlannedDeadlines(state: HandlingState, planned: PlannedDeadline[]): void {
  for (const p of planned) {
    const d = state.deadlines[p.key];
    if (!d || d.status !== 'planning') continue;
    d.explanation = p.explanation;
    d.dueAt = p.explanation.dueAt;
    d.reminderAt = p.reminderAt;
    d.status = 'running';
  }
  state.version++;
}
