import type { Actor } from '../actor';
import {
  ADOPTION_SENTENCE_PLACEMENTS,
  type DraftSection,
  type ReviewDraftInput,
  type SignOffInput,
  type SubmitDraftInput,
} from '../handling-commands';
import { DISCLOSURES, HandlingState, ReplyTrack, SignedReply } from '../handling-state';
import {
  cancelDeadline,
  changed,
  checkPoints,
  fail,
  meetDeadline,
  optionalText,
  record,
  requireActionRole,
  requireText,
  requireTrackStatus,
  TEXT_LIMITS,
  trackOf,
} from './rule-support';

// The reply letter: draft → review → sign-off, each step able to send it back to drafting.

export function canSubmitDraft(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'submitDraft');
  requireTrackStatus(trackOf(state, actor), 'drafting');
}

export function checkSubmitDraft(state: HandlingState, actor: Actor, input: SubmitDraftInput): void {
  canSubmitDraft(state, actor);
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
  checkPoints(state, input.sections, 'sections', complete, true);
  optionalText(input.topic, 'topic', 100);
  if (input.contact !== undefined) {
    requireText(input.contact?.name, 'contact.name', TEXT_LIMITS.name);
    requireText(input.contact?.phone, 'contact.phone', 40);
  }
  checkLetterList(input.copyTo, 'copyTo', LETTER_LIST_LIMITS.copyTo);
  checkLetterList(input.attachments, 'attachments', LETTER_LIST_LIMITS.attachments);
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
    checkSectionParts(sec, `sections[${i}]`);
  });
}

/** A section's layout choices, and that it prints something: an adoption sentence, a text or a measure. */
function checkSectionParts(sec: DraftSection, field: string): void {
  const placement = sec.adoptionSentence;
  if (placement !== undefined && !(ADOPTION_SENTENCE_PLACEMENTS as readonly string[]).includes(placement)) {
    fail('VALIDATION_FAILED', `${field}.adoptionSentence is not a placement`, [
      { field: `${field}.adoptionSentence`, message: ADOPTION_SENTENCE_PLACEMENTS.join(' | ') },
    ]);
  }
  if (sec.omitHeading !== undefined && typeof sec.omitHeading !== 'boolean') {
    fail('VALIDATION_FAILED', `${field}.omitHeading must be true or false`, [
      { field: `${field}.omitHeading`, message: 'true or false' },
    ]);
  }
  const hasText = typeof sec.text === 'string' && sec.text.trim() !== '';
  const hasMeasures = (sec.measures ?? []).length > 0;
  // A section saved before the choice existed always had its text, so only the new shape can be empty.
  if (!hasText && placement === undefined) {
    fail('VALIDATION_FAILED', `${field}.text is required`, [{ field: `${field}.text`, message: 'is required' }]);
  }
  if (placement === 'omitted' && !hasText && !hasMeasures) {
    fail('VALIDATION_FAILED', `${field} says nothing`, [
      { field, message: 'give a text, measures or the adoption sentence' },
    ]);
  }
}

/** How long the letter's 抄送 list and 附件 list may be, and each entry (one line). */
export const LETTER_LIST_LIMITS = {
  copyTo: { items: 20, length: 100 },
  attachments: { items: 20, length: 200 },
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** An optional list of one-line entries; a given copy list names at least one recipient. */
function checkLetterList(value: unknown, field: string, limits: { items: number; length: number }): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length > limits.items || (field === 'copyTo' && value.length === 0)) {
    fail('VALIDATION_FAILED', `${field} must be a list of 1 to ${limits.items} entries`, [
      { field, message: `1 to ${limits.items} entries` },
    ]);
  }
  value.forEach((entry: unknown, i) => {
    requireText(entry, `${field}[${i}]`, limits.length);
    if (CONTROL_CHARACTERS.test(entry as string)) {
      fail('VALIDATION_FAILED', `${field}[${i}] must be one line`, [{ field: `${field}[${i}]`, message: 'one line' }]);
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
export function canSaveDraft(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'saveDraft');
  requireTrackStatus(trackOf(state, actor), 'drafting');
}

export function checkSaveDraft(state: HandlingState, actor: Actor, input: SubmitDraftInput): void {
  canSaveDraft(state, actor);
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
      // Only when set: drafts of histories from before these fields record exactly what they did.
      ...(input.copyTo !== undefined ? { copyTo: input.copyTo } : {}),
      ...(input.attachments !== undefined ? { attachments: input.attachments } : {}),
    },
    actor.unitId,
  );
  return track;
}

export function canReviewDraft(state: HandlingState, actor: Actor): void {
  requireActionRole(actor, 'reviewDraft');
  requireTrackStatus(trackOf(state, actor), 'review');
}

export function checkReviewDraft(state: HandlingState, actor: Actor, input: ReviewDraftInput): void {
  canReviewDraft(state, actor);
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

export function canSignOff(state: HandlingState, actor: Actor): ReplyTrack {
  requireActionRole(actor, 'signOff');
  const track = trackOf(state, actor);
  if (track.signing) fail('ALREADY_DONE', 'This reply is being signed');
  requireTrackStatus(track, 'sign-off');
  return track;
}

/**
 * Sending back is always possible at sign-off; signing needs every opinion in (or waived)
 * and, where required, a recorded proposer contact.
 */
export function checkSignOff(state: HandlingState, actor: Actor, input: SignOffInput): void {
  const track = canSignOff(state, actor);
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
  // The contact deadline is about this reply: signed, it has nothing left to wait for.
  if (state.settings.contactDeadline === 'follows-requirement') cancelDeadline(state, 'contact', actor.unitId);
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
