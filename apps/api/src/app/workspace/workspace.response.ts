import { ApiProperty } from '@nestjs/swagger';
import type { DraftComment, DraftingWorkspace, DraftVersionView, OpinionOnPoint } from './drafting-workspace.service';

export class OpinionOnPointResponse implements OpinionOnPoint {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ example: 'adopted' }) adoption!: string;
  @ApiProperty() text!: string;
}

export class WorkspacePointResponse {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [OpinionOnPointResponse] }) opinions!: OpinionOnPointResponse[];
}

export class OpinionStatusResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['submitted', 'returned', 'waived'] }) status!: 'submitted' | 'returned' | 'waived';
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class DraftCommentResponse implements DraftComment {
  @ApiProperty({ enum: ['review', 'sign-off'] }) step!: 'review' | 'sign-off';
  @ApiProperty({ enum: ['sent-back', 'approved'] }) outcome!: 'sent-back' | 'approved';
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class DraftVersionResponse implements DraftVersionView {
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ type: 'integer' }) draftVersion!: number;
  @ApiProperty({ enum: ['saved', 'submitted'], description: 'Kept as work in progress, or sent for review' })
  status!: 'saved' | 'submitted';
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The draft as submitted (see SubmitDraftDto)',
  })
  content!: Record<string, unknown>;
  @ApiProperty({ type: [DraftCommentResponse], description: 'Review and send-back comments on this version' })
  comments!: DraftCommentResponse[];
}

export class DraftingWorkspaceResponse implements DraftingWorkspace {
  @ApiProperty() proposalId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: [WorkspacePointResponse] }) points!: WorkspacePointResponse[];
  @ApiProperty({ type: [OpinionStatusResponse] }) opinionStatus!: OpinionStatusResponse[];
  @ApiProperty({ type: [DraftVersionResponse] }) drafts!: DraftVersionResponse[];
  @ApiProperty({ type: [String], description: 'The reply classes a draft may take, in order' }) replyClasses!: string[];
  @ApiProperty({
    type: [String],
    description: 'The 抄送 list the letter prints when the draft sets none (the city default, as of now)',
  })
  defaultCopyTo!: string[];
}
