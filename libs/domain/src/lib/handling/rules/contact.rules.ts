import type { Actor } from '../actor';
import { CONTACT_METHODS, RecordContactInput } from '../handling-commands';
import type { HandlingState } from '../handling-state';
import { changed, fail, meetDeadline, record, requireActionRole, requireText, TEXT_LIMITS, trackOf } from './rule-support';

// 沟通协商: the replying unit's contact with the proposers before it answers.

export function canRecordContact(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'recordContact');
  const track = trackOf(state, actor);
  if (track.status === 'done') fail('WRONG_STAGE', 'Handling of this reply is finished');
}

export function checkRecordContact(state: HandlingState, actor: Actor, input: RecordContactInput, now: string): void {
  canRecordContact(state, actor);
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
