import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADOPTIONS, CONTACT_METHODS, DISCLOSURES, HANDLING_ACTION_NAMES, RATINGS } from '@banli/domain';
import type { Adoption, ContactMethod, Disclosure, HandlingActionName, Rating } from '@banli/domain';

/*
 * What the detail says the caller may do (the domain's availableActions) and what the audit
 * trail says happened (the contracts' folds), so the web reads both instead of deciding again.
 */

/** One thing an action may be aimed at; which fields are set depends on the action. */
export class ActionTargetResponse {
  @ApiPropertyOptional({ type: 'integer', description: 'decideObjection' }) objectionId?: number;
  @ApiPropertyOptional({
    description: 'returnOpinion, waiveOpinion, sendReminder: the unit; recordFeedback: the replying unit',
  })
  unitId?: string;
  @ApiPropertyOptional({ description: 'recordFeedback: the proposer whose rating is recorded' }) proposer?: string;
  @ApiPropertyOptional({ description: 'requestExtension: the deadline to extend' }) deadlineKey?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'decideExtension' }) extensionId?: number;
}

export class AvailableActionResponse {
  @ApiProperty({
    enum: HANDLING_ACTION_NAMES,
    enumName: 'HandlingActionName',
    description: 'The action, named as its endpoint under /api/proposals/{id}/actions',
  })
  action!: HandlingActionName;
  @ApiPropertyOptional({
    type: [ActionTargetResponse],
    description: 'Targeted actions only: what the caller may aim it at now (never empty)',
  })
  targets?: ActionTargetResponse[];
}

export class PointAnswerResponse {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ enum: ADOPTIONS, enumName: 'Adoption' }) adoption!: Adoption;
  @ApiProperty() text!: string;
}

export class OpinionReturnResponse {
  @ApiProperty() reason!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional() by?: string;
}

export class OpinionWaiverResponse {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional() by?: string;
}

/** opinionsOf: the units co-handling now (a replaced unit's place goes to its replacement). */
export class UnitOpinionResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ['pending', 'submitted', 'returned', 'waived'], enumName: 'OpinionStatus' }) status!: string;
  @ApiProperty({ type: 'integer', description: 'The latest version submitted; 0 before the first' }) version!: number;
  @ApiProperty({ type: [PointAnswerResponse] }) points!: PointAnswerResponse[];
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
  @ApiPropertyOptional() submittedBy?: string;
  @ApiProperty({ type: [OpinionReturnResponse] }) returns!: OpinionReturnResponse[];
  @ApiPropertyOptional({ type: OpinionWaiverResponse }) waiver?: OpinionWaiverResponse;
  @ApiPropertyOptional({ description: 'The co-handling unit this one took over from' }) replaces?: string;
}

export class ObjectionDecisionResponse {
  @ApiProperty({ enum: ['reject', 'reassign'] }) decision!: 'reject' | 'reassign';
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() replacementUnitId?: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional() by?: string;
}

export class ObjectionEntryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() unitId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional() by?: string;
  @ApiPropertyOptional({ type: ObjectionDecisionResponse }) decided?: ObjectionDecisionResponse;
}

export class ExtensionDecisionResponse {
  @ApiProperty({ enum: ['approve', 'refuse'] }) decision!: 'approve' | 'refuse';
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional() by?: string;
}

export class ExtensionEntryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() unitId!: string;
  @ApiProperty() deadlineKey!: string;
  @ApiProperty({ format: 'date' }) requestedEndDate!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional() by?: string;
  @ApiPropertyOptional({ type: ExtensionDecisionResponse }) decided?: ExtensionDecisionResponse;
}

export class SignatureEntryResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty() documentNumber!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty() signedBy!: string;
  @ApiProperty({ type: 'integer' }) draftVersion!: number;
  @ApiProperty({ example: 'A' }) replyClass!: string;
  @ApiProperty({ enum: DISCLOSURES, enumName: 'Disclosure' }) disclosure!: Disclosure;
}

export class ContactEntryResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: CONTACT_METHODS, enumName: 'ContactMethod' }) method!: ContactMethod;
  @ApiProperty({ format: 'date-time', description: 'When the contact took place' }) contactedAt!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded' }) at!: string;
  @ApiPropertyOptional() by?: string;
}

export class ProposerRatingResponse {
  @ApiProperty() proposer!: string;
  @ApiProperty({ enum: RATINGS, enumName: 'Rating' }) rating!: Rating;
}

/** ratingsOf one signed reply: a re-handled reply is rated afresh in its new round. */
export class ReplyRatingsResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ type: [ProposerRatingResponse] }) ratings!: ProposerRatingResponse[];
}
