/*
 * Test fixtures for the handling specs: settings, actors, a clock in Asia/Shanghai, and
 * "plan every new deadline now" with the real official calendar, as the workflow's planning
 * activity does. Imported only by *.spec.ts files (handling-fixtures-usage.spec.ts checks it);
 * never exported from the library.
 */
import { computeDeadline, DeadlineExplanation, reminderDates } from '../calendar/deadline';
import { daysBetween, IsoDate, toShanghaiDate } from '../calendar/iso-date';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_DEADLINE_POLICY } from '../deadline-policy/deadline-policy';
import { DomainError, ErrorCode } from '../domain-error';
import type { ProposalRegistration } from '../proposal';
import type { Actor, Role } from './actor';
import { dueAlarms, fireAlarm } from './handling-alarms';
import type { AssignInput, RecordFeedbackInput, SubmitDraftInput, SubmitOpinionInput } from './handling-commands';
import { newHandlingState } from './handling-init';
import { openTasks } from './handling-stage';
import {
  applyAssign,
  applyDispatch,
  applyPlannedDeadlines,
  applyRecordContact,
  applyRecordFeedback,
  applyReview,
  applyReviewDraft,
  applySignOff,
  applySubmitDraft,
  applySubmitOpinion,
  beginSignOff,
  checkAssign,
  checkDispatch,
  checkRecordContact,
  checkRecordFeedback,
  checkReview,
  checkReviewDraft,
  checkSignOff,
  checkSubmitDraft,
  checkSubmitOpinion,
  deadlinesToPlan,
  PlannedDeadline,
} from './handling-rules';
import type {
  Deadline,
  Disclosure,
  HandlingSettings,
  HandlingState,
  ProposalEvent,
  SignedReply,
} from './handling-state';
import { isEvent, ProposalEventOf, ProposalEventType } from './handling-events';

// ---------------------------------------------------------------- units and people

export const OFFICE = 'gov-office';
export const COMMITTEE = 'committee';
/** Lead units, split units, single units. */
export const TRANSPORT = 'transport-bureau';
export const HOUSING = 'housing-bureau';
/** Co-handling units. */
export const FINANCE = 'finance-bureau';
export const PLANNING = 'planning-bureau';
/** Units with no part in the proposal until an objection is decided. */
export const ECONOMY = 'economy-bureau';
export const EDUCATION = 'education-bureau';

export const PROPOSERS = ['李明', '王芳'];

export function actor(unitId: string, ...roles: Role[]): Actor {
  return { userId: `${roles.join('+')}@${unitId}`, unitId, roles };
}

export const registrar = actor(COMMITTEE, 'registrar');
export const officer = actor(OFFICE, 'assigning-officer');
export const supervisor = actor(OFFICE, 'supervisor');
export const handler = (unitId: string) => actor(unitId, 'handler');
export const reviewer = (unitId: string) => actor(unitId, 'reviewer');
export const signer = (unitId: string) => actor(unitId, 'signer');
export const coHandler = (unitId: string) => actor(unitId, 'co-handler');

// ---------------------------------------------------------------- settings and registration

export function settings(overrides: Partial<HandlingSettings> = {}): HandlingSettings {
  return {
    policy: DEFAULT_DEADLINE_POLICY,
    replyClasses: ['A', 'B', 'C'],
    followUpClasses: ['B'],
    contactRequiredFor: 'key',
    assigningUnitId: OFFICE,
    registrationUnitId: COMMITTEE,
    ...overrides,
  };
}

export function registration(proposers: string[] = PROPOSERS, pointCount = 2): ProposalRegistration {
  return {
    kind: 'proposal',
    sessionCode: '8-2',
    sessionName: '市政协八届二次会议',
    number: '20240117',
    title: '关于优化公交线路的提案',
    proposers: proposers.map((name, i) => ({ name, lead: i === 0 })),
    body: '正文',
    suggestionPoints: Array.from({ length: pointCount }, (_, i) => ({ seq: i + 1, text: `建议${i + 1}` })),
  };
}

export const PROPOSAL_ID = '8-2_20240117';

// ---------------------------------------------------------------- the clock

/** An instant given as Asia/Shanghai wall time, in the canonical UTC form the workflow uses. */
export function sh(date: IsoDate, time = '10:00'): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The last millisecond of a day in Asia/Shanghai: when a deadline on that day ends. */
export function endOf(date: IsoDate): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

/** One millisecond later: the first instant a deadline ending at `instant` has passed. */
export function justAfter(instant: string): string {
  return new Date(Date.parse(instant) + 1).toISOString();
}

export const RECEIVED_AT = sh('2024-03-01');
export const REVIEWED_AT = sh('2024-03-05');
/** Friday 8 March 2024: three months later is Saturday 8 June, and 10 June is Dragon Boat Festival. */
export const ASSIGNED_AT = sh('2024-03-08');

// ---------------------------------------------------------------- deadline planning

export const CALENDAR = WorkingDayCalendar.official();

/** What the planning activity computes for a deadline: its explanation from the real calendar. */
export function explain(d: Deadline): DeadlineExplanation {
  if ('rule' in d.plan) return computeDeadline(CALENDAR, d.plan.start, d.plan.rule);
  // An approved extension names its last day; it rolls forward like any calendar-day period.
  const amount = daysBetween(toShanghaiDate(d.plan.start), d.plan.fixedEndDate);
  return computeDeadline(CALENDAR, d.plan.start, { unit: 'calendar-days', amount });
}

export function planned(state: HandlingState, d: Deadline): PlannedDeadline {
  const explanation = explain(d);
  const reminderAt = reminderDates(CALENDAR, explanation.endDate, state.settings.policy.reminderWorkingDaysBefore).map(
    (date) => sh(date, '09:00'),
  );
  return { key: d.key, explanation, reminderAt };
}

/** Plans every deadline waiting for its explanation, as the workflow does after each action. */
export function planAll(state: HandlingState): PlannedDeadline[] {
  const pending = deadlinesToPlan(state).map((d) => planned(state, d));
  if (pending.length > 0) applyPlannedDeadlines(state, pending);
  return pending;
}

/** The last day of a deadline, as computed. */
export function endDateOf(state: HandlingState, key: string): IsoDate | undefined {
  return state.deadlines[key]?.explanation?.endDate;
}

/** Fires every alarm due at `now`, over and over, like the workflow's alarm loop. */
export function fireDueAlarms(state: HandlingState, now: string): void {
  for (let round = 0; round < 50; round++) {
    const due = dueAlarms(state, now);
    if (due.length === 0) return;
    for (const alarm of due) fireAlarm(state, alarm, now);
  }
  throw new Error('alarms kept firing');
}

// ---------------------------------------------------------------- refusals

/**
 * Expects `attempt` to be refused with the code (and, if given, a detail naming the field),
 * and the state to be exactly as before: a check never changes anything.
 */
export function expectRefused(
  state: HandlingState,
  attempt: () => unknown,
  code: ErrorCode,
  field?: string,
): DomainError {
  const before = structuredClone(state);
  let thrown: unknown;
  try {
    attempt();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  const error = thrown as DomainError;
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.details.map((d) => d.field)).toContain(field);
  expect(state).toEqual(before);
  return error;
}

// ---------------------------------------------------------------- walking a proposal forward

export interface ProposalOptions {
  proposers?: string[];
  pointCount?: number;
  settings?: Partial<HandlingSettings>;
}

export function registeredProposal(o: ProposalOptions = {}): HandlingState {
  return newHandlingState(PROPOSAL_ID, registration(o.proposers, o.pointCount), settings(o.settings), RECEIVED_AT);
}

export function acceptedProposal(o: ProposalOptions = {}): HandlingState {
  const state = registeredProposal(o);
  checkReview(state, registrar, { decision: 'accept' });
  applyReview(state, registrar, { decision: 'accept' }, REVIEWED_AT);
  return state;
}

/** Assigned at ASSIGNED_AT, every deadline planned. */
export function assignedProposal(input: AssignInput, o: ProposalOptions = {}): HandlingState {
  const state = acceptedProposal(o);
  checkAssign(state, officer, input);
  applyAssign(state, officer, input, ASSIGNED_AT);
  planAll(state);
  return state;
}

export const LEAD_MODE: AssignInput = { mode: 'lead', leadUnitId: TRANSPORT, coHandlerUnitIds: [FINANCE, PLANNING] };
export const SINGLE_MODE: AssignInput = { mode: 'single', unitIds: [TRANSPORT] };
export const SPLIT_MODE: AssignInput = { mode: 'split', unitIds: [TRANSPORT, HOUSING] };

export function opinion(...seqs: number[]): SubmitOpinionInput {
  return { points: seqs.map((seq) => ({ seq, adoption: 'adopted', text: `关于第${seq}条的意见` })) };
}

export function submitOpinion(state: HandlingState, unitId: string, now: string, input = opinion(1)): void {
  checkSubmitOpinion(state, coHandler(unitId), input);
  applySubmitOpinion(state, coHandler(unitId), input, now);
  planAll(state);
}

export function draft(replyClass = 'A', disclosure: Disclosure = 'publish', pointCount = 2): SubmitDraftInput {
  return {
    replyClass,
    disclosure,
    sections: Array.from({ length: pointCount }, (_, i) => ({
      seq: i + 1,
      adoption: 'adopted' as const,
      text: `措施${i + 1}`,
    })),
  };
}

export function recordContact(state: HandlingState, unitId: string, now: string): void {
  const input = { method: 'call' as const, contactedAt: now, summary: '电话沟通' };
  checkRecordContact(state, handler(unitId), input, now);
  applyRecordContact(state, handler(unitId), input, now);
  planAll(state);
}

export function submitDraft(state: HandlingState, unitId: string, now: string, input = draft()): void {
  checkSubmitDraft(state, handler(unitId), input);
  applySubmitDraft(state, handler(unitId), input, now);
  planAll(state);
}

export function approveDraft(state: HandlingState, unitId: string, now: string): void {
  checkReviewDraft(state, reviewer(unitId), { decision: 'approve' });
  applyReviewDraft(state, reviewer(unitId), { decision: 'approve' }, now);
  planAll(state);
}

/** Sign-off as the workflow does it: check, lock, allocate the number, sign. */
export function sign(state: HandlingState, unitId: string, now: string, documentNumber: string): SignedReply {
  checkSignOff(state, signer(unitId), { decision: 'sign' });
  beginSignOff(state, signer(unitId));
  const signed = applySignOff(state, signer(unitId), documentNumber, now);
  planAll(state);
  return signed;
}

/** Draft, review and sign-off on one day. */
export function replyThroughSignOff(
  state: HandlingState,
  unitId: string,
  date: IsoDate,
  documentNumber: string,
  input = draft(),
): SignedReply {
  submitDraft(state, unitId, sh(date, '09:00'), input);
  approveDraft(state, unitId, sh(date, '11:00'));
  return sign(state, unitId, sh(date, '15:00'), documentNumber);
}

export function dispatch(state: HandlingState, unitId: string, now: string): void {
  checkDispatch(state, handler(unitId));
  applyDispatch(state, handler(unitId), now);
  planAll(state);
}

export function rate(
  state: HandlingState,
  unitId: string,
  proposer: string,
  rating: RecordFeedbackInput['rating'],
  now: string,
): void {
  const input: RecordFeedbackInput = { unitId, proposer, rating };
  checkRecordFeedback(state, officer, input);
  applyRecordFeedback(state, officer, input, now);
  planAll(state);
}

// ---------------------------------------------------------------- reading the record

export function eventsOfType<T extends ProposalEventType>(state: HandlingState, type: T): ProposalEventOf<T>[] {
  return state.pendingEvents.filter(isEvent(type));
}

export function lastEvent(state: HandlingState): ProposalEvent {
  const e = state.pendingEvents.at(-1);
  if (!e) throw new Error('no events');
  return e;
}

/** The last event, which must be of this type. */
export function lastEventOf<T extends ProposalEventType>(state: HandlingState, type: T): ProposalEventOf<T> {
  const e = lastEvent(state);
  if (!isEvent(type)(e)) throw new Error(`the last event is ${e.type}, not ${type}`);
  return e;
}

/** Open tasks as `kind unitId`, for reading inboxes at a glance. */
export function inbox(state: HandlingState): string[] {
  return openTasks(state)
    .map((t) => `${t.kind} ${t.unitId}`)
    .sort();
}
