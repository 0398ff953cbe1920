import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_UNITS, PROPOSAL_STAGES } from '@banli/domain';
import type { ContactEntry, ExtensionEntry, ObjectionEntry, SignatureEntry, UnitOpinion } from '@banli/contracts';
import type {
  AvailableAction,
  DeadlineUnit,
  DueStatus,
  ProposalKind,
  ProposalStage,
  Proposer,
  SuggestionPoint,
} from '@banli/domain';
import { DueStatusResponse } from '../common/due-status.response';
import {
  AvailableActionResponse,
  ContactEntryResponse,
  ExtensionEntryResponse,
  ObjectionEntryResponse,
  ReplyRatingsResponse,
  SignatureEntryResponse,
  UnitOpinionResponse,
} from './handling-record.response';
import type {
  ReplyRatings,
  DeadlineView,
  ProposalDetailView,
  ProposalEventView,
  ProposalView,
  TaskView,
} from './proposal.view';

export class ProposerResponse implements Proposer {
  @ApiProperty({ example: '王某某' }) name!: string;
  @ApiProperty({ description: 'The lead proposer of a joint proposal; exactly one per proposal' }) lead!: boolean;
  @ApiPropertyOptional({ description: 'Where the signed reply is e-mailed at dispatch' }) email?: string;
}

export class SuggestionPointResponse implements SuggestionPoint {
  @ApiProperty({ type: 'integer', description: '1-based position, as the reply letter numbers its sections' })
  seq!: number;
  @ApiProperty() text!: string;
}

export class ProposalResponse implements ProposalView {
  @ApiProperty({ example: '8-2_20260117' }) id!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: ['proposal', 'suggestion'], enumName: 'ProposalKind' }) kind!: ProposalKind;
  @ApiProperty({ example: '8-2' }) sessionCode!: string;
  @ApiProperty({ example: '市政协八届二次会议' }) sessionName!: string;
  @ApiProperty({ example: '20260117' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [ProposerResponse] }) proposers!: ProposerResponse[];
  @ApiProperty({ type: [SuggestionPointResponse] }) suggestionPoints!: SuggestionPointResponse[];
  @ApiProperty({ enum: PROPOSAL_STAGES, enumName: 'ProposalStage' }) stage!: ProposalStage;
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ type: [String] }) assignedUnitIds!: string[];
  @ApiProperty() keyProposal!: boolean;
  @ApiProperty({ type: [String], description: "A key proposal's supervising leaders (领导领办); empty otherwise" })
  keyLeaders!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeadlineRuleResponse {
  @ApiProperty({ enum: DEADLINE_UNITS, enumName: 'DeadlineUnit' }) unit!: DeadlineUnit;
  @ApiProperty({ type: 'integer' }) amount!: number;
}

export class SkippedDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['weekend', 'holiday', 'local-holiday'] }) reason!: string;
  @ApiPropertyOptional({ example: '国庆节' }) name?: string;
}

/** How a deadline was computed, step by step (see DeadlineExplanation in the domain). */
export class DeadlineExplanationResponse {
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date', description: 'Its Asia/Shanghai date, which is not counted' }) startDate!: string;
  @ApiProperty({ type: DeadlineRuleResponse }) rule!: DeadlineRuleResponse;
  @ApiProperty({ format: 'date' }) nominalEndDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: [SkippedDayResponse] }) skipped!: SkippedDayResponse[];
  @ApiProperty() rolledForward!: boolean;
  @ApiProperty() calendarVersion!: string;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: 'integer', isArray: true }) provisionalYears!: number[];
  @ApiProperty({ description: 'One English paragraph a supervisor can read' }) text!: string;
}

export class DeadlineResponse implements DeadlineView {
  @ApiProperty() key!: string;
  @ApiProperty({ example: 'reply' }) kind!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ example: 'running' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: 'integer' }) remindersSent!: number;
  @ApiProperty({ type: 'integer' }) escalations!: number;
  @ApiProperty() extended!: boolean;
  @ApiProperty({ type: DueStatusResponse, description: 'How it stands: done once met, none when cancelled' })
  due!: DueStatus;
  @ApiProperty({ type: 'integer', nullable: true, deprecated: true, description: 'Read due.workingDaysLeft' })
  workingDaysLeft!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, deprecated: true, description: 'Read due.workingDaysOverdue' })
  workingDaysOverdue!: number | null;
  @ApiProperty({ type: DeadlineExplanationResponse, nullable: true }) explanation!: DeadlineExplanationResponse | null;
}

export class TaskResponse implements TaskView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'opinion' }) kind!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty({ type: String, nullable: true }) deadlineKey!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) round!: number | null;
  @ApiProperty({ type: DueStatusResponse }) due!: DueStatus;
  @ApiProperty({ type: 'integer', nullable: true, deprecated: true, description: 'Read due.workingDaysLeft' })
  workingDaysLeft!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, deprecated: true, description: 'Read due.workingDaysOverdue' })
  workingDaysOverdue!: number | null;
}

export class ProposalDetailResponse extends ProposalResponse implements ProposalDetailView {
  @ApiProperty({
    type: [String],
    description:
      "A key proposal's leaders who are users (their ids; their names are in keyLeaders): each receives its daily digest",
  })
  keyLeaderUserIds!: string[];
  @ApiProperty({ type: [DeadlineResponse] }) deadlines!: DeadlineResponse[];
  @ApiProperty({ type: [TaskResponse], description: 'Open tasks' }) tasks!: TaskResponse[];
  @ApiProperty({
    type: [AvailableActionResponse],
    description:
      "What the caller may do now, in the actions table's order: the domain's availableActions over the " +
      'handling state kept in the read model. Show a button for each and nothing else',
  })
  allowedActions!: AvailableAction[];
  @ApiProperty({
    type: [String],
    description:
      'The units the caller may send a 督办通知单 to now (POST /proposals/{id}/supervision-notices): for a supervisor, ' +
      'the units holding an overdue deadline; empty for anyone else',
  })
  supervisionNoticeUnits!: string[];
  @ApiProperty({
    type: [UnitOpinionResponse],
    description: 'The co-handling units now, each with its latest opinion (opinionsOf)',
  })
  opinions!: UnitOpinion[];
  @ApiProperty({ type: [ObjectionEntryResponse], description: 'Objections raised, oldest first (objectionsOf)' })
  objections!: ObjectionEntry[];
  @ApiProperty({ type: [ExtensionEntryResponse], description: 'Extensions requested, oldest first (extensionsOf)' })
  extensions!: ExtensionEntry[];
  @ApiProperty({ type: [SignatureEntryResponse], description: 'Replies signed, oldest first (signaturesOf)' })
  signatures!: SignatureEntry[];
  @ApiProperty({ type: [ContactEntryResponse], description: 'Contacts with the proposers (contactsOf)' })
  contacts!: ContactEntry[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'lead-signer': '工信局签发领导' },
    description: 'The display name of every user id this answer names (signedBy, submittedBy, by, …), by id',
  })
  displayNames!: Record<string, string>;
  @ApiProperty({
    type: [ReplyRatingsResponse],
    description: 'The ratings of each signed reply, by round (ratingsOf)',
  })
  ratings!: ReplyRatings[];
}

export class EventActorResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({
    example: '工信局承办人',
    description: "The user's display name now (their id when there is no such user)",
  })
  displayName!: string;
  @ApiProperty() unitId!: string;
}

export class ProposalEventResponse implements ProposalEventView {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ example: 'opinion-submitted' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: EventActorResponse, nullable: true }) actor!: EventActorResponse | null;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What the event records; its fields depend on the type',
  })
  data!: Record<string, unknown>;
}
