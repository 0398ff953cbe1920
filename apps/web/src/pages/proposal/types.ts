/** What the proposal screens read from the API (generated from its OpenAPI document). */
import type { Adoption, ContactMethod, Disclosure, Rating } from '@banli/domain';
import type { Schemas } from '../../api/client';

export type { Adoption, ContactMethod, Disclosure, Rating };

export type DeadlineView = Schemas['DeadlineResponse'];
export type TaskView = Schemas['TaskResponse'];
export type ProposalDetail = Schemas['ProposalDetailResponse'];
export type ProposalEvent = Schemas['ProposalEventResponse'];
export type PointAnswer = Schemas['PointAnswerDto'];
export type DraftSection = Schemas['DraftSectionDto'];

/** The body of `POST …/drafts`, `…/draft-versions` and `…/letters/preview`. */
export type DraftContent = Schemas['SubmitDraftDto'];
export type DraftComment = Schemas['DraftCommentResponse'];

/** A draft version; its content is a draft body as it was submitted (older ones may lack fields). */
export type DraftVersion = Omit<Schemas['DraftVersionResponse'], 'content'> & { content: Partial<DraftContent> };

export type Workspace = Omit<Schemas['DraftingWorkspaceResponse'], 'drafts'> & { drafts: DraftVersion[] };
export type SignedLetter = Schemas['SignedLetterResponse'];
export type ActionResult = Schemas['ActionResultResponse'];

export type AllowedAction = Schemas['AvailableActionResponse'];
export type ActionName = Schemas['HandlingActionName'];
export type ActionTarget = Schemas['ActionTargetResponse'];
export type TaskKind = Schemas['TaskKind'];
export type DueStatus = Schemas['DueStatusResponse'];

/** The API's folds of the audit trail, on the detail. */
export type UnitOpinion = Schemas['UnitOpinionResponse'];
export type Objection = Schemas['ObjectionEntryResponse'];
export type Extension = Schemas['ExtensionEntryResponse'];
export type Signature = Schemas['SignatureEntryResponse'];
export type Contact = Schemas['ContactEntryResponse'];
export type ReplyRatings = Schemas['ReplyRatingsResponse'];
export type SimilarReply = Schemas['SimilarReplyResponse'];
export type SimilarReplySection = Schemas['SimilarReplySectionResponse'];
