import type { Actor } from '../actor';
import type { RecordFeedbackInput } from '../handling-commands';
import { HandlingState, RATINGS, ReplyTrack, SignedReply } from '../handling-state';
import { closeIfDone } from './follow-up-publication.rules';
import {
  changed,
  deadlineKey,
  fail,
  meetDeadline,
  optionalText,
  planDeadline,
  record,
  requireActionRole,
  requireTrackStatus,
  startDeadline,
  TEXT_LIMITS,
  trackFor,
  trackOf,
} from './rule-support';

// Dispatch, the proposers' feedback, and re-handling when a proposer is unsatisfied.

export function canDispatch(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'dispatch');
  requireTrackStatus(trackOf(state, actor), 'dispatch');
}

/** Dispatch takes no input: what goes out is the signed reply. */
export const checkDispatch = canDispatch;

export function applyDispatch(state: HandlingState, actor: Actor, now: string): void {
  const track = trackOf(state, actor);
  track.status = 'feedback';
  track.dispatchedAt = now;
  track.feedback = {};
  startDeadline(state, 'feedback', track.unitId, now);
  if (track.signed?.disclosure === 'publish' && !track.publishedAt)
    startDeadline(state, 'publication', track.unitId, now);
  const a = state.assignment as NonNullable<HandlingState['assignment']>;
  // A reply reaches dispatch only by being signed.
  const signed = track.signed as SignedReply;
  record(
    state,
    'reply-dispatched',
    now,
    actor,
    {
      round: track.round,
      documentNumber: signed.documentNumber,
      recipients: state.proposers,
      copies: [state.settings.assigningUnitId, state.settings.registrationUnitId, ...a.coHandlerUnitIds],
    },
    track.unitId,
  );
  changed(state);
}

export function canRecordFeedback(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'recordFeedback');
  if (actor.unitId !== state.settings.assigningUnitId)
    fail('NOT_ASSIGNED', 'Feedback is entered by the assigning office');
}

/** A proposer's rating of one unit's reply, open while that reply's feedback round is. */
export function canRecordFeedbackOf(state: HandlingState, actor: Actor, unitId: string, proposer: string): void {
  canRecordFeedback(state, actor);
  // The office names the unit: a unit that writes no reply here is a mistake in the input, not
  // a unit acting out of turn.
  if (!state.tracks[unitId]) {
    fail('VALIDATION_FAILED', 'That unit writes no reply to this proposal', [
      { field: 'unitId', message: 'a replying unit of this proposal' },
    ]);
  }
  const track = trackFor(state, unitId);
  requireTrackStatus(track, 'feedback');
  if (!state.proposers.includes(proposer)) {
    fail('VALIDATION_FAILED', 'Not a proposer of this proposal', [{ field: 'proposer', message: 'unknown proposer' }]);
  }
  if (track.feedback[proposer]) fail('ALREADY_DONE', 'This proposer has already rated this reply');
}

export function checkRecordFeedback(state: HandlingState, actor: Actor, input: RecordFeedbackInput): void {
  canRecordFeedbackOf(state, actor, input?.unitId, input?.proposer);
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
