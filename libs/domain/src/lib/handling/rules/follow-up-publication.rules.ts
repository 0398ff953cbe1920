import type { Actor } from '../actor';
import type { ConfirmPublicationInput, ReportFollowUpInput } from '../handling-commands';
import type { HandlingState, ReplyTrack, SignedReply } from '../handling-state';
import {
  changed,
  deadlineKey,
  fail,
  meetDeadline,
  optionalText,
  record,
  requireActionRole,
  requireText,
  TEXT_LIMITS,
  trackOf,
} from './rule-support';

// After an accepted reply: the follow-up report, the publication, and closing (办结).

export function canReportFollowUp(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'reportFollowUp');
  const track = trackOf(state, actor);
  if (!track.followUp) fail('WRONG_STAGE', 'No follow-up report is due for this reply');
  if (track.followUp.reportedAt) fail('ALREADY_DONE', 'The follow-up report was already given');
}

export function checkReportFollowUp(state: HandlingState, actor: Actor, input: ReportFollowUpInput): void {
  canReportFollowUp(state, actor);
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

export function canConfirmPublication(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'confirmPublication');
  const track = trackOf(state, actor);
  const d = state.deadlines[deadlineKey('publication', actor.unitId)];
  if (!track.dispatchedAt) fail('WRONG_STAGE', 'This reply has not been sent yet: it is published after dispatch');
  if (!d || d.status === 'cancelled') fail('WRONG_STAGE', 'This reply is not to be published');
  if (track.publishedAt) fail('ALREADY_DONE', 'This reply is already published');
}

export function checkConfirmPublication(state: HandlingState, actor: Actor, input: ConfirmPublicationInput): void {
  canConfirmPublication(state, actor);
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
  // A publication deadline starts at dispatch, so a reply was signed: this round's, or the
  // last round's when an unsatisfied rating has reopened handling since.
  const published = track.signed ?? (track.history.at(-1) as SignedReply);
  record(
    state,
    'reply-published',
    now,
    actor,
    { location: input.location, documentNumber: published.documentNumber },
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
export function closeIfDone(state: HandlingState, now: string): void {
  const tracks = Object.values(state.tracks);
  if (state.closedAt || tracks.length === 0 || !tracks.every((t) => trackFinished(state, t))) return;
  state.closedAt = now;
  for (const d of Object.values(state.deadlines))
    if (d.status === 'running' || d.status === 'planning') d.status = 'cancelled';
  record(state, 'closed', now, undefined, {});
}
