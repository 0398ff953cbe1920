import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ADOPTION_SENTENCE_PLACEMENTS,
  ADOPTIONS,
  AssignInput,
  CONTACT_METHODS,
  ConfirmPublicationInput,
  DecideExtensionInput,
  DecideObjectionInput,
  DISCLOSURES,
  LETTER_LIST_LIMITS,
  MarkKeyInput,
  SendReminderInput,
  ObjectInput,
  RATINGS,
  RecordContactInput,
  RecordFeedbackInput,
  ReportFollowUpInput,
  RequestExtensionInput,
  ReviewDraftInput,
  ReviewInput,
  SignOffInput,
  SubmitDraftInput,
  SubmitOpinionInput,
  TEXT_LIMITS,
} from '@banli/domain';
import type {
  Adoption,
  AdoptionSentencePlacement,
  AssignmentMode,
  ContactMethod,
  Disclosure,
  Rating,
  ReviewDecision,
} from '@banli/domain';

/*
 * HTTP shapes of the actions: types, sizes and allowed values, with unknown fields rejected.
 * The rules (stage, unit, deadlines) are the domain's, checked by the workflow's validators.
 */

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export class ReviewDto implements ReviewInput {
  @ApiProperty({ enum: ['accept', 'merge', 'convert'] })
  @IsIn(['accept', 'merge', 'convert'])
  decision!: ReviewDecision;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.reason) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) mergedInto?: string;
}

export class AssignDto implements AssignInput {
  @ApiProperty({ enum: ['lead', 'split', 'single'] }) @IsIn(['lead', 'split', 'single']) mode!: AssignmentMode;
  @ApiPropertyOptional() @IsOptional() @Matches(UNIT_ID) leadUnitId?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(UNIT_ID, { each: true })
  coHandlerUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(UNIT_ID, { each: true })
  unitIds?: string[];
}

export class ReasonDto implements ObjectInput {
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.reason) reason!: string;
}

export class DecideObjectionDto implements Omit<DecideObjectionInput, 'objectionId'> {
  @ApiProperty({ enum: ['reject', 'reassign'] }) @IsIn(['reject', 'reassign']) decision!: 'reject' | 'reassign';
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.reason) reason!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(UNIT_ID) replacementUnitId?: string;
}

export class PointAnswerDto {
  @ApiProperty() @IsInt() seq!: number;
  @ApiProperty({ enum: ADOPTIONS }) @IsIn([...ADOPTIONS]) adoption!: Adoption;
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.text) text!: string;
}

export class SubmitOpinionDto implements SubmitOpinionInput {
  @ApiProperty({ type: [PointAnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PointAnswerDto)
  points!: PointAnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.summary) summary?: string;
}

export class RecordContactDto implements RecordContactInput {
  @ApiProperty({ enum: CONTACT_METHODS }) @IsIn([...CONTACT_METHODS]) method!: ContactMethod;
  @ApiProperty({ example: '2026-03-10T02:00:00.000Z' }) @IsISO8601({ strict: true }) contactedAt!: string;
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.summary) summary!: string;
}

export class DraftSectionDto extends PointAnswerDto {
  @ApiPropertyOptional({ description: 'Subject for the heading 关于…的建议; defaults to the point text' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: [String], description: 'Measures taken, numbered （一）, （二）, …' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.text, { each: true })
  measures?: string[];

  @ApiPropertyOptional({
    enum: ADOPTION_SENTENCE_PLACEMENTS,
    description:
      'Where the adoption sentence (吸收采纳该建议。) goes: opening the text (inline, the default), as its own paragraph, or omitted. ' +
      'With a placement the text may be empty when the section has an adoption sentence or measures',
  })
  @IsOptional()
  @IsIn([...ADOPTION_SENTENCE_PLACEMENTS])
  adoptionSentence?: AdoptionSentencePlacement;

  @ApiPropertyOptional({ description: 'True: the section prints no numbered heading' })
  @IsOptional()
  @IsBoolean()
  omitHeading?: boolean;
}

export class LetterContactDto {
  @ApiProperty({ example: '张三' }) @IsString() @MaxLength(TEXT_LIMITS.name) name!: string;
  @ApiProperty({ example: '0571-88888888' }) @IsString() @MaxLength(40) phone!: string;
}

export class SubmitDraftDto implements SubmitDraftInput {
  @ApiProperty({ example: 'A' }) @IsString() @MaxLength(8) replyClass!: string;
  @ApiProperty({ enum: DISCLOSURES }) @IsIn([...DISCLOSURES]) disclosure!: Disclosure;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.summary) summary?: string;
  @ApiProperty({ type: [DraftSectionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DraftSectionDto)
  sections!: DraftSectionDto[];

  @ApiProperty({ example: '数字经济发展', description: 'The field of work thanked for in the closing' })
  @IsString()
  @MaxLength(100)
  topic!: string;

  @ApiProperty({ type: LetterContactDto, description: 'The contact person printed on the letter' })
  @ValidateNested()
  @Type(() => LetterContactDto)
  contact!: LetterContactDto;

  @ApiPropertyOptional({
    type: [String],
    example: ['市政府办公室', '市政协提案委员会'],
    description: "The letter's 抄送 list, unit names or free text; absent: the city's default copy list",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LETTER_LIST_LIMITS.copyTo.items)
  @IsString({ each: true })
  @MaxLength(LETTER_LIST_LIMITS.copyTo.length, { each: true })
  copyTo?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['X市5G基站建设规划'],
    description: 'Titles of the documents attached to the letter (附件), in order',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LETTER_LIST_LIMITS.attachments.items)
  @IsString({ each: true })
  @MaxLength(LETTER_LIST_LIMITS.attachments.length, { each: true })
  attachments?: string[];
}

export class ReviewDraftDto implements ReviewDraftInput {
  @ApiProperty({ enum: ['approve', 'send-back'] }) @IsIn(['approve', 'send-back']) decision!: 'approve' | 'send-back';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.reason) comment?: string;
}

export class SignOffDto implements SignOffInput {
  @ApiProperty({ enum: ['sign', 'send-back'] }) @IsIn(['sign', 'send-back']) decision!: 'sign' | 'send-back';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.reason) comment?: string;
}

export class EmptyDto {}

export class RecordFeedbackDto implements RecordFeedbackInput {
  @ApiProperty({ description: 'The replying unit whose reply is rated' }) @Matches(UNIT_ID) unitId!: string;
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.name) proposer!: string;
  @ApiProperty({ enum: RATINGS }) @IsIn([...RATINGS]) rating!: Rating;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMITS.reason) comment?: string;
}

export class ReportFollowUpDto implements ReportFollowUpInput {
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.text) summary!: string;
}

export class ConfirmPublicationDto implements ConfirmPublicationInput {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) location?: string;
}

export class RequestExtensionDto implements RequestExtensionInput {
  @ApiProperty({ example: 'reply:industry-it' }) @IsString() @MaxLength(100) deadlineKey!: string;
  @ApiProperty({ example: '2026-07-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) requestedEndDate!: string;
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.reason) reason!: string;
}

export class DecideExtensionDto implements Omit<DecideExtensionInput, 'extensionId'> {
  @ApiProperty({ enum: ['approve', 'refuse'] }) @IsIn(['approve', 'refuse']) decision!: 'approve' | 'refuse';
  @ApiProperty() @IsString() @MaxLength(TEXT_LIMITS.reason) reason!: string;
}

export class MarkKeyDto implements MarkKeyInput {
  @ApiProperty({
    type: [String],
    description: 'The leaders by name (free text); may be empty when leaderUserIds names at least one',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.name, { each: true })
  leaders!: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Leaders who are users (ids of users with the supervisor role): named in leaders by their display names, ' +
      'and sent their key proposals in a daily digest',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  leaderUserIds?: string[];
}

export class SendReminderDto implements SendReminderInput {
  @ApiProperty({ description: 'The unit reminded: it must hold an open task on the proposal' })
  @Matches(UNIT_ID)
  unitId!: string;
  @ApiPropertyOptional({ description: 'A note to the unit (催办说明)' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.reason)
  message?: string;
}
